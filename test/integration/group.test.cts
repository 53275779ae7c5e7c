import { randomUUID } from 'node:crypto';

import type { Emulator } from '../emulator/index.cjs';
import { useEmulator } from '../harness/emulator.cjs';
import { byId, byUrl, runDocSpace } from '../harness/docspace.cjs';
import { expectAtItem } from '../harness/items.cjs';
import type { RunResult } from '../harness/n8n.cjs';

let emulator: Emulator;
useEmulator((started) => (emulator = started));

const group = (operation: string, extra: Record<string, unknown> = {}) => ({
	resource: 'group',
	operation,
	...extra,
});
const run = async (
	parameters: Record<string, unknown>,
	extra: Partial<Parameters<typeof runDocSpace>[0]> = {},
) => await runDocSpace({ emulator, parameters, ...extra });
/** A value from the input item: n8n itself refuses empty required fields and bad links typed into the node. */
const fromInput = { __rl: true, mode: 'url', value: '={{ $json.value }}' };

let counter = 0;
function newUser(options: { type?: 'RoomAdmin' | 'User' | 'Guest'; disabled?: boolean } = {}) {
	counter++;
	return emulator.state.createUser({
		email: `member${counter}@example.com`,
		password: 'Passw0rd!',
		firstName: `Member${counter}`,
		lastName: 'Test',
		type: options.type ?? 'User',
		status: options.disabled ? 2 : 1,
	});
}
function newGroup(memberIds: string[] = [], managerId?: string) {
	counter++;
	return emulator.state.createGroup({ name: `Group ${counter}`, memberIds, managerId });
}

const writes = () => emulator.requests.filter((r) => r.method !== 'GET');
const memberIdsOf = (json: Record<string, unknown>) =>
	((json.members as Array<{ id: string }> | undefined) ?? []).map((m) => m.id).sort();

function expectItemError(error: unknown, pattern: RegExp) {
	const e = error as RunResult['error'];
	expect(e?.message).toMatch(pattern);
	expectAtItem(e, 0);
}

describe('Group → Create', () => {
	test('creates the group with its manager and members, by ID or email', async () => {
		const manager = newUser({ type: 'RoomAdmin' });
		const a = newUser();
		const b = newUser();
		const { items, error } = await run(
			group('create', {
				groupName: 'Sales',
				additionalFields: { manager: manager.email, members: `${a.id}, ${b.email}` },
			}),
		);
		expect(error).toBeUndefined();
		const created = [...emulator.state.groups.values()].find((g) => g.name === 'Sales');
		expect(created).toBeDefined();
		expect(created?.managerId).toBe(manager.id);
		expect([...(created?.memberIds ?? [])].sort()).toEqual([manager.id, a.id, b.id].sort());
		const [post] = writes();
		expect(`${post.method} ${post.path}`).toBe('POST /api/2.0/group');
		expect(post.body).toEqual({
			groupName: 'Sales',
			groupManager: manager.id,
			members: [a.id, b.id],
		});
		expect(items[0].json).toMatchObject({ id: created?.id, name: 'Sales', membersCount: 3 });
		expect(memberIdsOf(items[0].json)).toEqual([manager.id, a.id, b.id].sort());
	});

	test('members may come as a list from an expression', async () => {
		const a = newUser();
		const b = newUser();
		const { error } = await run(
			group('create', {
				groupName: 'From list',
				additionalFields: { members: '={{ $json.ids }}' },
			}),
			{
				input: [{ json: { ids: [a.id, b.id] } }],
			},
		);
		expect(error).toBeUndefined();
		const created = [...emulator.state.groups.values()].find((g) => g.name === 'From list');
		expect([...(created?.memberIds ?? [])].sort()).toEqual([a.id, b.id].sort());
	});

	test.each([
		['an empty name', { groupName: '   ' }, /“Name” is empty/],
		[
			'a name over 128 characters',
			{ groupName: 'x'.repeat(129) },
			/“Name” is 129 characters long; DocSpace allows 128/,
		],
		[
			'a member that is neither ID nor email',
			{ groupName: 'Bad', additionalFields: { members: 'bob' } },
			/“Members” holds “bob”, which is neither a user ID nor an email/,
		],
		[
			'an invalid member email',
			{ groupName: 'Bad', additionalFields: { members: 'bob@' } },
			/“Members” is not a valid email address/,
		],
		[
			'an unknown member email',
			{ groupName: 'Bad', additionalFields: { members: 'ghost@example.com' } },
			/The parameter “Members” names no user DocSpace can find: “ghost@example.com”/,
		],
		[
			'an unknown member ID',
			{ groupName: 'Bad', additionalFields: { members: '9d8a1f0e-0000-4000-8000-000000000001' } },
			/The parameter “Members” names no user DocSpace can find: “.*”/,
		],
		[
			'two managers',
			{ groupName: 'Bad', additionalFields: { manager: 'admin@example.com, user@example.com' } },
			/“Manager” must hold exactly one user/,
		],
	])('%s is refused and nothing is created', async (_label, parameters, pattern) => {
		const before = emulator.state.groups.size;
		const { groupName, ...rest } = parameters as { groupName: string };
		const { status, error } = await run(
			group('create', { ...rest, groupName: '={{ $json.name }}' }),
			{
				input: [{ json: { name: groupName } }],
			},
		);
		expect(status).toBe('error');
		expectItemError(error, pattern);
		expect(writes()).toHaveLength(0);
		expect(emulator.state.groups.size).toBe(before);
	});

	test('disabled users and guests, which DocSpace would skip silently, are refused', async () => {
		const disabled = newUser({ disabled: true });
		const guest = newUser({ type: 'Guest' });
		const before = emulator.state.groups.size;
		const first = await run(
			group('create', { groupName: 'Skip', additionalFields: { members: disabled.id } }),
		);
		expectItemError(first.error, /is disabled/);
		const second = await run(
			group('create', { groupName: 'Skip', additionalFields: { manager: guest.email } }),
		);
		expectItemError(second.error, /is a guest/);
		expect(writes()).toHaveLength(0);
		expect(emulator.state.groups.size).toBe(before);
	});
});

describe('Group → Get', () => {
	test('with members', async () => {
		const a = newUser();
		const manager = newUser({ type: 'RoomAdmin' });
		const target = newGroup([a.id], manager.id);
		const { items, error } = await run(group('get', { groupId: byId(target.id) }));
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({ id: target.id, name: target.name, membersCount: 2 });
		expect((items[0].json.manager as { id: string }).id).toBe(manager.id);
		expect(memberIdsOf(items[0].json)).toEqual([a.id, manager.id].sort());
		expect(emulator.requests[0].query).toEqual({ includeMembers: 'true' });
	});

	test('without members, by link', async () => {
		const target = newGroup([newUser().id]);
		// n8n anchors the URL mode's pattern at both ends, so a typed-in link must end with the ID.
		const { items, error } = await run(
			group('get', {
				groupId: byUrl(`${emulator.url}/accounts/groups/${target.id}`),
				includeMembers: false,
			}),
		);
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({ id: target.id, membersCount: 1 });
		expect(items[0].json).not.toHaveProperty('members');
		expect(emulator.requests[0].query).toEqual({});
	});

	test('an unknown group names the parameter', async () => {
		const unknown = randomUUID();
		const { status, error } = await run(group('get', { groupId: byId(unknown) }));
		expect(status).toBe('error');
		expectItemError(
			error,
			new RegExp(`The parameter “Group” names no group DocSpace can find: “${unknown}”`),
		);
	});

	test('a link without a group ID is refused before calling DocSpace', async () => {
		const { error } = await run(group('get', { groupId: fromInput }), {
			input: [{ json: { value: 'https://portal.example.com/accounts/groups' } }],
		});
		expectItemError(error, /“Group” does not hold a DocSpace link to a group/);
		expect(emulator.requests).toHaveLength(0);
	});
});

describe('Group → Get Many', () => {
	test('Return All lists every group, one item each', async () => {
		const { items, error } = await run(group('getMany', { returnAll: true, simplify: false }));
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json.id).sort()).toEqual(
			[...emulator.state.groups.keys()].sort(),
		);
		expect(emulator.requests[0].query).toMatchObject({ startIndex: '0', count: '100' });
	});

	test('Limit, search and Simplify', async () => {
		for (let n = 0; n < 3; n++)
			emulator.state.createGroup({
				name: `Searchable ${n}`,
				managerId: emulator.state.seedIds.users.roomAdmin,
			});
		const limited = await run(
			group('getMany', { returnAll: false, limit: 2, filters: { search: 'searchable' } }),
		);
		expect(limited.items.map((item) => item.json.name)).toEqual(['Searchable 0', 'Searchable 1']);
		expect(limited.items[0].json).toEqual({
			id: expect.any(String),
			name: 'Searchable 0',
			membersCount: 1,
			isSystem: false,
			isLDAP: false,
			manager: {
				id: emulator.state.seedIds.users.roomAdmin,
				displayName: 'Rita Manager',
				email: 'roomadmin@example.com',
			},
		});
		expect(emulator.requests[0].query).toMatchObject({ filterValue: 'searchable', count: '2' });
	});

	test('groups of a member, or only those they manage', async () => {
		const member = newUser({ type: 'RoomAdmin' });
		const managed = newGroup([], member.id);
		const joined = newGroup([member.id]);
		const all = await run(group('getMany', { returnAll: true, filters: { member: member.email } }));
		expect(all.items.map((item) => item.json.id).sort()).toEqual([managed.id, joined.id].sort());
		emulator.clearRequests();
		const onlyManaged = await run(
			group('getMany', { returnAll: true, filters: { member: member.id, managedOnly: true } }),
		);
		expect(onlyManaged.items.map((item) => item.json.id)).toEqual([managed.id]);
		const listing = emulator.requests.find((r) => r.path === '/api/2.0/group');
		expect(listing?.query).toMatchObject({ userId: member.id, manager: 'true' });
	});
});

describe('Group → Update', () => {
	test('renames the group and changes its manager', async () => {
		const target = newGroup([newUser().id]);
		const manager = newUser({ type: 'RoomAdmin' });
		const { items, error } = await run(
			group('update', {
				groupId: byId(target.id),
				updateFields: { groupName: 'Renamed', manager: manager.id },
			}),
		);
		expect(error).toBeUndefined();
		expect(target.name).toBe('Renamed');
		expect(target.managerId).toBe(manager.id);
		expect(target.memberIds).toContain(manager.id);
		expect(writes()[0].body).toEqual({ groupName: 'Renamed', groupManager: manager.id });
		expect(items[0].json).toMatchObject({ id: target.id, name: 'Renamed' });
	});

	test.each([
		['an empty name', { groupName: '' }, /“Name” is empty/],
		['no fields', {}, /“Update Fields” is empty/],
		[
			'an unknown manager',
			{ manager: 'ghost@example.com' },
			/The parameter “Manager” names no user DocSpace can find: “ghost@example.com”/,
		],
	])('%s is refused and nothing changes', async (_label, updateFields, pattern) => {
		const target = newGroup();
		const name = target.name;
		const { error } = await run(group('update', { groupId: byId(target.id), updateFields }));
		expectItemError(error, pattern);
		expect(writes()).toHaveLength(0);
		expect(target.name).toBe(name);
	});

	test('an unknown group names the parameter', async () => {
		const { error } = await run(
			group('update', { groupId: byId(randomUUID()), updateFields: { groupName: 'X' } }),
		);
		expectItemError(error, /The parameter “Group” names no group DocSpace can find: “.*”/);
	});
});

describe('Group → Add / Remove Members', () => {
	test('adds members and returns the group with its members', async () => {
		const existing = newUser();
		const target = newGroup([existing.id]);
		const a = newUser();
		const b = newUser();
		const { items, error } = await run(
			group('addMembers', { groupId: byId(target.id), members: `${a.email};${b.id}` }),
		);
		expect(error).toBeUndefined();
		expect([...target.memberIds].sort()).toEqual([existing.id, a.id, b.id].sort());
		const [put] = writes();
		expect(`${put.method} ${put.path}`).toBe(`PUT /api/2.0/group/${target.id}/members`);
		expect(put.body).toEqual({ members: [a.id, b.id] });
		expect(memberIdsOf(items[0].json)).toEqual([existing.id, a.id, b.id].sort());
	});

	test('removes members', async () => {
		const a = newUser();
		const b = newUser();
		const target = newGroup([a.id, b.id]);
		const { items, error } = await run(
			group('removeMembers', { groupId: byId(target.id), members: a.email }),
		);
		expect(error).toBeUndefined();
		expect(target.memberIds).toEqual([b.id]);
		const [request] = writes();
		expect(`${request.method} ${request.path}`).toBe(`DELETE /api/2.0/group/${target.id}/members`);
		expect(request.body).toEqual({ members: [a.id] });
		expect(memberIdsOf(items[0].json)).toEqual([b.id]);
	});

	test.each([
		['addMembers', 'an empty list', '', /“Members” is empty/],
		[
			'addMembers',
			'an unknown user',
			'ghost@example.com',
			/The parameter “Members” names no user DocSpace can find: “.*”/,
		],
		[
			'removeMembers',
			'an unknown user ID',
			'9d8a1f0e-0000-4000-8000-000000000002',
			/The parameter “Members” names no user DocSpace can find: “.*”/,
		],
	])('%s with %s is refused and membership stays', async (operation, _label, members, pattern) => {
		const a = newUser();
		const target = newGroup([a.id]);
		const { error } = await run(
			group(operation, { groupId: byId(target.id), members: '={{ $json.members }}' }),
			{ input: [{ json: { members } }] },
		);
		expectItemError(error, pattern);
		expect(writes()).toHaveLength(0);
		expect(target.memberIds).toEqual([a.id]);
	});

	test('an unknown group names the parameter', async () => {
		const { error } = await run(
			group('addMembers', { groupId: byId(randomUUID()), members: newUser().id }),
		);
		expectItemError(error, /The parameter “Group” names no group DocSpace can find: “.*”/);
	});
});

describe('Group → Delete', () => {
	test('deletes the group; its members stay', async () => {
		const a = newUser();
		const target = newGroup([a.id]);
		const { items, error } = await run(group('delete', { groupId: byId(target.id) }));
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json)).toEqual([{ deleted: true, id: target.id }]);
		expect(emulator.state.groups.has(target.id)).toBe(false);
		expect(emulator.state.getUser(a.id)).toBeDefined();
		expect(writes().map((r) => `${r.method} ${r.path}`)).toEqual([
			`DELETE /api/2.0/group/${target.id}`,
		]);
	});

	test('an unknown group names the parameter', async () => {
		const before = emulator.state.groups.size;
		const { error } = await run(group('delete', { groupId: byId(randomUUID()) }));
		expectItemError(error, /The parameter “Group” names no group DocSpace can find: “.*”/);
		expect(emulator.state.groups.size).toBe(before);
	});
});
