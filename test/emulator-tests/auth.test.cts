import { emulator as emu, useEmulator } from './emulator.fixture.cjs';
import { basic, call } from '../emulator/client.cjs';
import { scopeAllows } from '../emulator/scopes.cjs';

useEmulator();

const get = (path: string, headers: Record<string, string> = {}) =>
	call(emu.url, path, { headers });

describe('authentication schemes', () => {
	it('accepts Basic and always answers with WWW-Authenticate: Basic', async () => {
		const good = await get('/api/2.0/people/@self', {
			authorization: basic(emu.secrets.adminEmail, emu.secrets.adminPassword),
		});
		expect(good.status).toBe(200);
		expect(good.json.response.email).toBe(emu.secrets.adminEmail);
		expect(good.headers.get('www-authenticate')).toBe('Basic');

		const bad = await get('/api/2.0/people/@self', {
			authorization: basic(emu.secrets.adminEmail, 'wrong'),
		});
		expect(bad.status).toBe(401);
		expect(bad.text).toBe('');
		expect(bad.headers.get('www-authenticate')).toBe('Basic');
	});

	it('accepts an API key as Bearer sk-... and rejects an unknown one with an empty 401', async () => {
		expect(
			(await get('/api/2.0/people/@self', { authorization: `Bearer ${emu.secrets.apiKey}` }))
				.status,
		).toBe(200);
		const bad = await get('/api/2.0/people/@self', { authorization: 'Bearer sk-unknown' });
		expect(bad.status).toBe(401);
		expect(bad.text).toBe('');
	});

	it('accepts a session token raw, as a non-JWT Bearer, and as the asc_auth_key cookie', async () => {
		const token = emu.secrets.personalAccessToken;
		const accepted: Array<Record<string, string>> = [
			{ authorization: token },
			{ authorization: `Bearer ${token}` },
			{ cookie: `a=b; asc_auth_key=${token}` },
		];
		for (const headers of accepted) {
			expect((await get('/api/2.0/people/@self', headers)).status).toBe(200);
		}
		const refused: Array<Record<string, string>> = [
			{ authorization: 'not-a-session' },
			{ authorization: 'Bearer not-a-session' },
			{ cookie: 'asc_auth_key=nope' },
			{},
		];
		for (const headers of refused) {
			const answer = await get('/api/2.0/people/@self', headers);
			expect(answer.status).toBe(401);
			expect(answer.text).toBe('');
		}
	});

	it('rejects a JWT not issued by the emulator without falling back to sessions', async () => {
		const fake = `${Buffer.from('{"alg":"HS256"}').toString('base64url')}.${Buffer.from('{"sub":"x"}').toString('base64url')}.c2ln`;
		expect((await get('/api/2.0/people/@self', { authorization: `Bearer ${fake}` })).status).toBe(
			401,
		);
	});

	it('refuses disabled users with every scheme', async () => {
		const disabled = emu.state.getUser(emu.state.seedIds.users.disabled)!;
		expect(
			(
				await get('/api/2.0/people/@self', {
					authorization: basic(disabled.email, disabled.password),
				})
			).status,
		).toBe(401);
		const session = emu.state.createSession(disabled.id);
		expect((await get('/api/2.0/people/@self', { authorization: session.token })).status).toBe(401);
	});

	it('logs in with POST authentication and returns a usable session token', async () => {
		const login = await call(emu.url, '/api/2.0/authentication', {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ userName: emu.secrets.userEmail, password: emu.secrets.userPassword }),
		});
		expect(login.status).toBe(200);
		expect(login.json.response.token).toMatch(/^[0-9a-f]{64}$/);
		expect(login.json.response.expires).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}Z$/);
		expect(login.headers.get('set-cookie')).toContain('asc_auth_key=');
		const me = await get('/api/2.0/people/@self', { authorization: login.json.response.token });
		expect(me.json.response).toMatchObject({
			email: emu.secrets.userEmail,
			isCollaborator: true,
			isAdmin: false,
		});

		const wrong = await call(emu.url, '/api/2.0/authentication', {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ userName: emu.secrets.userEmail, password: 'nope' }),
		});
		expect(wrong.status).toBe(401);
		expect(wrong.json).toEqual({
			error: { message: 'User authentication failed' },
			status: 1,
			statusCode: 401,
		});
	});

	it('GET authentication tells whether valid credentials were presented', async () => {
		expect((await get('/api/2.0/authentication')).json.response).toBe(false);
		expect(
			(await get('/api/2.0/authentication', { authorization: 'Bearer sk-unknown' })).json.response,
		).toBe(false);
		expect(
			(await get('/api/2.0/authentication', { authorization: `Bearer ${emu.secrets.apiKey}` })).json
				.response,
		).toBe(true);
		expect(
			(await get('/api/2.0/authentication', { authorization: emu.secrets.personalAccessToken }))
				.json.response,
		).toBe(true);
	});
});

describe('scopes', () => {
	const filesRead = () => ({ authorization: `Bearer ${emu.secrets.filesReadApiKey}` });

	it('gives the files:read key files but nothing else, with an empty 403', async () => {
		expect((await get('/api/2.0/files/@my', filesRead())).status).toBe(200);
		for (const path of [
			'/api/2.0/people/@self',
			'/api/2.0/authentication',
			'/api/2.0/files/rooms',
			'/api/2.0/keys/permissions',
		]) {
			const answer = await get(path, filesRead());
			expect([path, answer.status, answer.text]).toEqual([path, 403, '']);
		}
	});

	it('needs no scope for keys/@self and masks the key', async () => {
		const answer = await get('/api/2.0/keys/@self', filesRead());
		expect(answer.status).toBe(200);
		expect(answer.json.response).toMatchObject({
			name: 'Files read',
			permissions: ['files:read'],
			isActive: true,
		});
		expect(answer.json.response.key).toBe(`sk-***${emu.secrets.filesReadApiKey.slice(-4)}`);
		expect(
			(await get('/api/2.0/keys/@self', { authorization: emu.secrets.personalAccessToken })).status,
		).toBe(404);
	});

	it('checks the write scope for write methods', () => {
		expect(scopeAllows(['files:read'], 'POST', '/api/2.0/files/1/file')).toBe(false);
		expect(scopeAllows(['files:write'], 'GET', '/api/2.0/files/1')).toBe(true);
		expect(scopeAllows(['rooms:write'], 'GET', '/api/2.0/files/1')).toBe(false);
		expect(scopeAllows(['accounts:read'], 'GET', '/api/2.0/group')).toBe(true);
		expect(scopeAllows(['accounts:read'], 'GET', '/api/2.0/people/@self')).toBe(false);
		expect(scopeAllows(['*:read'], 'GET', '/api/2.0/settings/webhook')).toBe(true);
		expect(scopeAllows(['*:read'], 'POST', '/api/2.0/settings/webhook')).toBe(false);
		expect(scopeAllows(['files:write', 'rooms:write'], 'POST', '/api/2.0/settings/webhook')).toBe(
			false,
		);
	});
});
