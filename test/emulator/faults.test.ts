import { startEmulator, type Emulator } from './index';
import { call } from './client';

let emu: Emulator;
let auth: Record<string, string>;
beforeAll(async () => {
	emu = await startEmulator({ seed: 'empty' });
	auth = { authorization: `Bearer ${emu.secrets.apiKey}` };
});
afterAll(async () => await emu.close());
beforeEach(() => {
	emu.faults.clear();
	emu.clearRequests();
});

describe('faults', () => {
	it('answers 429 with Retry-After for the given number of matching requests', async () => {
		emu.faults.add({ method: 'get', path: /\/files\//, status: 429, headers: { 'Retry-After': '3' }, times: 2 });
		const first = await call(emu.url, '/api/2.0/files/@my', { headers: auth });
		expect([first.status, first.headers.get('retry-after'), first.text]).toEqual([429, '3', '']);
		expect((await call(emu.url, '/api/2.0/people/@self', { headers: auth })).status).toBe(200);
		expect((await call(emu.url, '/api/2.0/files/@my', { headers: auth })).status).toBe(429);
		expect((await call(emu.url, '/api/2.0/files/@my', { headers: auth })).status).toBe(200);
		expect(emu.requests.map((r) => r.status)).toEqual([429, 200, 429, 200]);
		expect(emu.faults.pending).toHaveLength(0);
	});

	it('resets the connection and still records the request', async () => {
		emu.faults.add({ path: '/api/2.0/files/@my', reset: true });
		await expect(fetch(`${emu.url}/api/2.0/files/@my`, { headers: auth })).rejects.toThrow();
		expect(emu.requests).toHaveLength(1);
		expect(emu.requests[0]).toMatchObject({ method: 'GET', path: '/api/2.0/files/@my', status: 0 });
		expect((await call(emu.url, '/api/2.0/files/@my', { headers: auth })).status).toBe(200);
	});

	it('delays and then answers normally', async () => {
		emu.faults.add({ path: '/api/2.0/people/@self', delayMs: 150 });
		const started = Date.now();
		const answer = await call(emu.url, '/api/2.0/people/@self', { headers: auth });
		expect(answer.status).toBe(200);
		expect(Date.now() - started).toBeGreaterThanOrEqual(140);
	});

	it('can answer a custom body, e.g. an HTML 502 from a proxy', async () => {
		emu.faults.add({ status: 502, headers: { 'content-type': 'text/html' }, body: '<html>Bad Gateway</html>' });
		const answer = await call(emu.url, '/api/2.0/files/@my', { headers: auth });
		expect([answer.status, answer.text]).toEqual([502, '<html>Bad Gateway</html>']);
	});
});

describe('recording', () => {
	it('records method, path, query, lowercase headers, parsed bodies and the final status', async () => {
		await call(emu.url, '/api/2.0/authentication?x=1', {
			method: 'POST',
			headers: { 'Content-Type': 'application/json', 'X-Custom': 'yes' },
			body: JSON.stringify({ userName: 'nobody@example.com', password: 'x' }),
		});
		const form = new FormData();
		form.append('title', 'Hello');
		form.append('file', new Blob([Buffer.from('abc')], { type: 'text/plain' }), 'hello.txt');
		await fetch(`${emu.url}/api/2.0/files/@my/upload`, { method: 'POST', headers: auth, body: form });

		const [login, upload] = emu.requests;
		expect(login).toMatchObject({
			method: 'POST',
			path: '/api/2.0/authentication',
			query: { x: '1' },
			body: { userName: 'nobody@example.com', password: 'x' },
			status: 401,
		});
		expect(login.headers['x-custom']).toBe('yes');
		expect(upload.body).toEqual({ fields: { title: 'Hello' }, files: [{ name: 'file', filename: 'hello.txt', contentType: 'text/plain', size: 3 }] });
		expect(upload.rawBodyLength).toBeGreaterThan(3);
	});
});
