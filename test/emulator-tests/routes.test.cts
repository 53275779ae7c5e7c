import { auth, emulator as emu, useEmulator } from './emulator.fixture.cjs';
import { call } from '../emulator/client.cjs';
import {
	currentUser,
	defineRoute,
	empty,
	fail,
	HttpError,
	ok,
	queryInt,
	validation,
} from '../emulator/http.cjs';

// Route modules register at import time; these extra routes exist only in this test file's module registry.
defineRoute('GET', '/api/2.0/test/{id}', (ctx) => ok({ by: 'param', id: ctx.params.id }));
defineRoute('GET', '/api/2.0/test/special', () => ok({ by: 'literal' }));
defineRoute('GET', '/api/2.0/test/list/all', (ctx) =>
	ok([1, 2, 3], { total: queryInt(ctx, 'total', { fallback: 42 }) }),
);
defineRoute('GET', '/api/2.0/test/nothing/here', () => ok(null));
defineRoute('GET', '/api/2.0/test/thrown/error', () => {
	throw new HttpError(fail(409, 'Conflict here'));
});
defineRoute('GET', '/api/2.0/test/invalid/model', () =>
	validation({ title: ['The title field is required.'] }),
);
defineRoute('DELETE', '/api/2.0/test/{id}', () => empty(204));
defineRoute(
	'GET',
	'/api/2.0/test/open/door',
	(ctx) => ok({ user: ctx.principal?.user.email ?? null }),
	{ anonymous: true },
);
defineRoute('GET', '/api/2.0/test/who/am-i', (ctx) => ok(currentUser(ctx).email));

useEmulator({ seed: 'empty' });

const get = (path: string, headers = auth) => call(emu.url, path, { headers });

describe('route extension API', () => {
	it('matches {params} per segment and lets literal segments win', async () => {
		expect((await get('/api/2.0/test/special')).json.response).toEqual({ by: 'literal' });
		expect((await get('/api/2.0/test/a%20b')).json.response).toEqual({ by: 'param', id: 'a b' });
		expect((await get('/API/2.0/Test/Special')).json.response).toEqual({ by: 'literal' });
	});

	it('counts lists, objects and null, and writes total only when given', async () => {
		expect((await get('/api/2.0/test/list/all')).json).toMatchObject({
			response: [1, 2, 3],
			count: 3,
			total: 42,
		});
		const none = await get('/api/2.0/test/nothing/here');
		expect(none.json).toMatchObject({ response: null, count: 0 });
		expect('total' in none.json).toBe(false);
	});

	it('turns thrown HttpErrors and validation replies into envelopes', async () => {
		expect((await get('/api/2.0/test/thrown/error')).json).toMatchObject({
			error: { message: 'Conflict here' },
			status: 1,
			statusCode: 409,
		});
		const invalid = await get('/api/2.0/test/invalid/model');
		expect(invalid.status).toBe(400);
		expect(invalid.json).toMatchObject({
			response: { errors: { title: ['The title field is required.'] } },
			status: 1,
			statusCode: 400,
		});
		expect((await get('/api/2.0/test/list/all?total=x')).status).toBe(400);
	});

	it('answers 405 for a known path with another method, and empty replies as such', async () => {
		expect(
			(await call(emu.url, '/api/2.0/test/special', { method: 'POST', headers: auth })).status,
		).toBe(405);
		const deleted = await call(emu.url, '/api/2.0/test/5', { method: 'DELETE', headers: auth });
		expect([deleted.status, deleted.text]).toEqual([204, '']);
	});

	it('runs anonymous routes with or without a principal', async () => {
		// null properties are omitted, as DocSpace's serializer does (WhenWritingNull)
		expect((await get('/api/2.0/test/open/door', {})).json.response).toEqual({});
		expect((await get('/api/2.0/test/open/door')).json.response).toEqual({
			user: emu.secrets.adminEmail,
		});
		expect((await get('/api/2.0/test/who/am-i', {})).status).toBe(401);
	});

	it('seeds the empty portal with accounts and credentials only', () => {
		expect(emu.state.users.size).toBe(5);
		expect(emu.state.files.size).toBe(0);
		expect(emu.state.seedIds.bigFolder).toBe(0);
		expect(emu.state.seedIds.myDocuments).toBeGreaterThan(0);
	});
});
