/** User → Get and Get Many through n8n's engine against the emulator. */
import { randomUUID } from 'node:crypto';

import { byId, byUrl } from '../harness/docspace.cjs';
import {
	calls,
	emulator,
	expectItemError,
	fromInput,
	newUser,
	run,
	user,
	useUserEmulator,
} from './user.fixtures.cjs';

useUserEmulator();

describe('User → Get', () => {
	test('by ID', async () => {
		const target = newUser();
		const { items, error } = await run(user('get', { getBy: 'user', userId: byId(target.id) }));
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({
			id: target.id,
			email: target.email,
			firstName: target.firstName,
		});
		expect(emulator.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
			`GET /api/2.0/people/${target.id}`,
		]);
	});

	test('by link', async () => {
		const target = newUser();
		const { items, error } = await run(
			user('get', {
				getBy: 'user',
				userId: byUrl(`${emulator.url}/accounts/people/filter?user=${target.id}`),
			}),
		);
		expect(error).toBeUndefined();
		expect(items[0].json.id).toBe(target.id);
	});

	test('by email', async () => {
		const target = newUser();
		const { items, error } = await run(user('get', { getBy: 'email', email: target.email }));
		expect(error).toBeUndefined();
		expect(items[0].json.id).toBe(target.id);
		const [request] = emulator.requests;
		expect(request.path).toBe('/api/2.0/people/email');
		expect(request.query).toEqual({ email: target.email });
	});

	test('the current user', async () => {
		const { items, error } = await run(user('get', { getBy: 'me' }));
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({ id: emulator.state.seedIds.users.admin, isOwner: true });
		expect(emulator.requests[0].path).toBe('/api/2.0/people/@self');
	});

	test('an unknown ID names the parameter', async () => {
		const unknown = randomUUID();
		const { status, error } = await run(user('get', { getBy: 'user', userId: byId(unknown) }));
		expect(status).toBe('error');
		expectItemError(
			error,
			new RegExp(`The parameter “User” names no user DocSpace can find: “${unknown}”`),
		);
	});

	test('an unknown email names the parameter', async () => {
		const { error } = await run(user('get', { getBy: 'email', email: 'nobody@example.com' }));
		expectItemError(
			error,
			/The parameter “Email” names no user DocSpace can find: “nobody@example.com”/,
		);
	});

	test.each([
		[
			'a link without a user ID',
			'url',
			'https://portal.example.com/accounts/people/filter',
			/“User” does not hold a DocSpace link to a user/,
		],
		['an ID that is not a GUID', 'id', '12345', /“User” is not a valid user ID: “12345”/],
		['an empty value', 'id', '', /“User” is empty/],
	] as const)('%s is refused before calling DocSpace', async (_label, mode, value, pattern) => {
		const { status, error } = await run(user('get', { getBy: 'user', userId: fromInput(mode) }), {
			input: [{ json: { value } }],
		});
		expect(status).toBe('error');
		expectItemError(error, pattern);
		expect(emulator.requests).toHaveLength(0);
	});
});

describe('User → Get Many', () => {
	test('Return All lists every user, one item each, across pages', async () => {
		for (let n = 0; n < 101; n++) newUser();
		const { items, error } = await run(user('getMany', { returnAll: true, simplify: false }));
		expect(error).toBeUndefined();
		expect(items).toHaveLength(emulator.state.users.size);
		expect(new Set(items.map((item) => item.json.id))).toEqual(
			new Set(emulator.state.users.keys()),
		);
		const pages = calls('GET', '/api/2.0/people/filter');
		expect(pages.map((r) => [r.query.startIndex, r.query.count])).toEqual([
			['0', '100'],
			['100', '100'],
		]);
	});

	test('Limit stops early', async () => {
		const { items } = await run(user('getMany', { returnAll: false, limit: 3 }));
		expect(items).toHaveLength(3);
		expect(calls('GET', '/api/2.0/people/filter')[0].query.count).toBe('3');
	});

	test('filters by type, status, group and text', async () => {
		const { seedIds } = emulator.state;
		const byType = await run(user('getMany', { returnAll: true, filters: { type: 'RoomAdmin' } }));
		const roomAdmins = [...emulator.state.users.values()]
			.filter((u) => u.type === 'RoomAdmin' && !u.isOwner)
			.map((u) => u.id);
		expect(byType.items.map((item) => item.json.id).sort()).toEqual(roomAdmins.sort());
		expect(byType.items.every((item) => item.json.type === 'RoomAdmin')).toBe(true);

		const disabled = await run(user('getMany', { returnAll: true, filters: { status: 2 } }));
		const disabledIds = [...emulator.state.users.values()]
			.filter((u) => u.status === 2)
			.map((u) => u.id);
		expect(disabled.items.map((item) => item.json.id).sort()).toEqual(disabledIds.sort());
		expect(disabledIds).toContain(seedIds.users.disabled);

		const marketing = await run(
			user('getMany', { returnAll: true, filters: { groupId: seedIds.groups.marketing } }),
		);
		expect(marketing.items.map((item) => item.json.id).sort()).toEqual(
			[seedIds.users.roomAdmin, seedIds.users.user, seedIds.users.user2].sort(),
		);

		const search = await run(user('getMany', { returnAll: true, filters: { search: 'uma' } }));
		expect(search.items.map((item) => item.json.id)).toEqual([seedIds.users.user]);

		const queries = calls('GET', '/api/2.0/people/filter').map((r) => r.query);
		expect(queries[0]).toMatchObject({ employeeType: 'RoomAdmin' });
		expect(queries[1]).toMatchObject({ employeeStatus: '2' });
		expect(queries[2]).toMatchObject({ groupId: seedIds.groups.marketing });
		expect(queries[3]).toMatchObject({ filterValue: 'uma' });
	});

	test('Simplify keeps the main fields and names the type', async () => {
		const { items } = await run(
			user('getMany', { returnAll: true, filters: { search: 'Alex Owner' } }),
		);
		expect(items).toHaveLength(1);
		expect(items[0].json).toMatchObject({
			id: emulator.state.seedIds.users.admin,
			email: 'admin@example.com',
			type: 'DocSpaceAdmin',
		});
		expect(items[0].json).not.toHaveProperty('avatarMax');
	});

	test('a malformed group ID is refused before calling DocSpace', async () => {
		const { error } = await run(
			user('getMany', { returnAll: true, filters: { groupId: 'marketing' } }),
		);
		expectItemError(error, /“Group ID” is not a valid group ID/);
		expect(emulator.requests).toHaveLength(0);
	});
});
