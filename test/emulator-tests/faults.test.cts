import { auth, emulator as emu, jsonAuth, useEmulator } from './emulator.fixture.cjs';
import { call } from '../emulator/client.cjs';

useEmulator({ seed: 'empty' });
beforeEach(() => {
	emu.faults.clear();
	emu.clearRequests();
});

describe('faults', () => {
	it('answers 429 with Retry-After for the given number of matching requests', async () => {
		emu.faults.add({
			method: 'get',
			path: /\/files\//,
			status: 429,
			headers: { 'Retry-After': '3' },
			times: 2,
		});
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
		emu.faults.add({
			status: 502,
			headers: { 'content-type': 'text/html' },
			body: '<html>Bad Gateway</html>',
		});
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
		await fetch(`${emu.url}/api/2.0/files/@my/upload`, {
			method: 'POST',
			headers: auth,
			body: form,
		});

		const [login, upload] = emu.requests;
		expect(login).toMatchObject({
			method: 'POST',
			path: '/api/2.0/authentication',
			query: { x: '1' },
			body: { userName: 'nobody@example.com', password: 'x' },
			status: 401,
		});
		expect(login.headers['x-custom']).toBe('yes');
		expect(upload.body).toEqual({
			fields: { title: 'Hello' },
			files: [{ name: 'file', filename: 'hello.txt', contentType: 'text/plain', size: 3 }],
		});
		expect(upload.rawBodyLength).toBeGreaterThan(3);
	});
});

describe('faults after the handler', () => {
	const create = (title: string) =>
		call(emu.url, `/api/2.0/files/folder/${emu.state.seedIds.myDocuments}`, {
			method: 'POST',
			headers: jsonAuth,
			body: JSON.stringify({ title }),
		});
	const titled = (title: string) =>
		[...emu.state.folders.values()].filter((f) => f.title === title);

	useEmulator();

	it('stores the change, then answers with the fault', async () => {
		emu.faults.add({ method: 'POST', after: true, status: 503, body: 'busy' });
		const answer = await create('After 503');
		expect([answer.status, answer.text]).toEqual([503, 'busy']);
		expect(titled('After 503')).toHaveLength(1);
		expect(emu.requests[0]).toMatchObject({ status: 503, fault: 'after' });
	});

	it('a fault before the handler stores nothing', async () => {
		emu.faults.add({ method: 'POST', status: 503 });
		expect((await create('Before 503')).status).toBe(503);
		expect(titled('Before 503')).toHaveLength(0);
		expect(emu.requests[0].fault).toBe('before');
	});

	it('resets after the change is stored', async () => {
		emu.faults.add({ method: 'POST', after: true, reset: true });
		await expect(create('After reset')).rejects.toThrow();
		expect(titled('After reset')).toHaveLength(1);
	});

	it('cuts the body off after the change is stored', async () => {
		emu.faults.add({ method: 'POST', after: true, truncate: true });
		await expect(create('After truncate')).rejects.toThrow();
		expect(titled('After truncate')).toHaveLength(1);
	});

	it('echoes the request headers and body', async () => {
		emu.faults.add({ method: 'POST', status: 400, echo: true });
		const answer = await create('Echoed');
		expect(answer.status).toBe(400);
		expect(answer.text).toContain(emu.secrets.apiKey);
		expect(answer.text).toContain('Echoed');
	});

	it('random faults are reproducible from the seed and follow the route probability', async () => {
		const pattern = async () => {
			emu.faults.clear();
			emu.faults.random({
				seed: 42,
				routes: [{ method: 'GET', path: /people/, probability: 0.5 }],
				kinds: [{ status: 503 }, { status: 502 }],
			});
			const statuses: number[] = [];
			for (let n = 0; n < 40; n++)
				statuses.push((await call(emu.url, '/api/2.0/people/@self', { headers: auth })).status);
			expect((await call(emu.url, '/api/2.0/files/@my', { headers: auth })).status).toBe(200);
			return statuses;
		};
		const first = await pattern();
		expect(await pattern()).toEqual(first);
		const faulted = first.filter((s) => s !== 200).length;
		expect(faulted).toBeGreaterThan(8);
		expect(faulted).toBeLessThan(32);
		expect(emu.faults.stats).toMatchObject({ injected: faulted, before: faulted, after: 0 });
	});
});
