/**
 * The people and group pickers of Room → Invite and Remove Member and of the Group operations:
 * the lists against the emulator's portal, and the operations run with what the pickers hold.
 */
import type { INodeExecutionData, INodeListSearchResult } from 'n8n-workflow';

import type { Emulator } from '../emulator/index.cjs';
import type { Folder, User } from '../emulator/model.cjs';
import { RoomType } from '../emulator/model.cjs';
import { byId, byUrl, fromList, runDocSpace } from '../harness/docspace.cjs';
import { useEmulator } from '../harness/emulator.cjs';
import type { EditorCall } from '../harness/editor.cjs';
import { listSearch, loadOptions } from '../harness/editor.cjs';

let emulator: Emulator;
useEmulator((started) => (emulator = started));

const ids = () => emulator.state.seedIds;
const byEmail = (value: string) => ({ __rl: true, mode: 'email', value });
/** Runs the action node with one operation of `resource`. */
const run = (
	resource: 'room' | 'group',
	operation: string,
	parameters: Record<string, unknown>,
	input?: INodeExecutionData[],
) => runDocSpace({ emulator, parameters: { resource, operation, ...parameters }, input });

let made = 0;
/** Portal users named “<first> Crowd<n>”, each with a unique email. */
function crowd(count: number, first: string, extra: Partial<User> = {}): User[] {
	return Array.from({ length: count }, () => {
		made++;
		const user = emulator.state.createUser({
			email: `${first.toLowerCase()}.${made}@crowd.example.com`,
			password: 'Crowd-Passw0rd!',
			firstName: first,
			lastName: `Crowd${made}`,
			type: 'User',
		});
		Object.assign(user, extra);
		return user;
	});
}

function roomWith(title: string, members: User[]): Folder {
	return emulator.state.createRoom({
		title,
		roomType: RoomType.CustomRoom,
		createdBy: ids().users.admin,
		members: [
			...members.map((m) => ({ subjectId: m.id, subjectType: 0 as const, access: 2 })),
			{ subjectId: ids().groups.marketing, subjectType: 2, access: 2 },
		],
	});
}

/** Every page of a From List search, as the editor fetches them while scrolling. */
async function everyPage(method: string, call: EditorCall, filter?: string) {
	const results: INodeListSearchResult['results'] = [];
	let token: string | undefined;
	let pages = 0;
	do {
		const page = await listSearch(method, call, filter, token);
		results.push(...page.results);
		token = typeof page.paginationToken === 'string' ? page.paginationToken : undefined;
		pages++;
	} while (token && pages < 20);
	return { results, pages };
}

const removeMemberCall = (roomId: number | string): EditorCall => ({
	emulator,
	parameters: { resource: 'room', operation: 'removeMember', roomId: fromList(roomId) },
	path: 'parameters.member',
});

describe('Room → Remove Member lists the chosen room’s members', () => {
	test('users and groups of the room, past the portal’s page of 100, never the owner', async () => {
		const people = crowd(130, 'Mia');
		const room = roomWith('Crowded room', people);
		const { results, pages } = await everyPage('searchRoomMembers', removeMemberCall(room.id));
		expect(pages).toBeGreaterThan(2);
		const values = results.map((r) => r.value);
		expect(new Set(values).size).toBe(values.length);
		expect(values.sort()).toEqual([...people.map((p) => p.id), ids().groups.marketing].sort());
		expect(values).not.toContain(ids().users.admin);
		expect(results.find((r) => r.value === ids().groups.marketing)?.name).toMatch(/\(group\)$/);
		expect(results.find((r) => r.value === people[0].id)?.name).toBe(
			`Mia ${people[0].lastName} (${people[0].email})`,
		);
		expect(emulator.requests.every((r) => r.path === `/api/2.0/files/rooms/${room.id}/share`)).toBe(
			true,
		);
	});

	test('the search narrows the list to the matching members', async () => {
		const [ola] = crowd(1, 'Ola');
		const others = crowd(3, 'Pia');
		const room = roomWith('Search room', [ola, ...others]);
		const page = await listSearch('searchRoomMembers', removeMemberCall(room.id), 'ola');
		expect(page.results.map((r) => r.value)).toEqual([ola.id]);
	});

	test('another room lists its own members', async () => {
		const [a] = crowd(1, 'Ada');
		const [b] = crowd(1, 'Bea');
		const first = roomWith('Room A', [a]);
		roomWith('Room B', [b]);
		const listed = (await listSearch('searchRoomMembers', removeMemberCall(first.id))).results;
		expect(listed.map((r) => r.value)).toContain(a.id);
		expect(listed.map((r) => r.value)).not.toContain(b.id);
	});

	test('a member removed with the picker’s value is gone from the list', async () => {
		const [ida, eva] = crowd(2, 'Ida');
		const room = roomWith('Shrinking room', [ida, eva]);
		const before = (await listSearch('searchRoomMembers', removeMemberCall(room.id))).results;
		const picked = before.find((r) => r.value === ida.id);
		expect(picked).toBeDefined();
		const { error } = await run('room', 'removeMember', {
			roomId: byId(room.id),
			member: fromList(String(picked?.value)),
		});
		expect(error).toBeUndefined();
		const after = (await listSearch('searchRoomMembers', removeMemberCall(room.id))).results;
		expect(after.map((r) => r.value)).not.toContain(ida.id);
		expect(after.map((r) => r.value)).toContain(eva.id);
	});

	test('without a room (or with an expression) the list is empty and nothing is asked', async () => {
		const none = await listSearch('searchRoomMembers', {
			emulator,
			parameters: { resource: 'room', operation: 'removeMember' },
		});
		expect(none.results).toEqual([]);
		const expression = await listSearch('searchRoomMembers', {
			emulator,
			parameters: {
				resource: 'room',
				operation: 'removeMember',
				roomId: { __rl: true, mode: 'id', value: '={{ $json.room }}' },
			},
		});
		expect(expression.results).toEqual([]);
		expect(emulator.requests).toHaveLength(0);
	});
});

describe('Room → Remove Member runs with every form of the member', () => {
	/** Removes the member that `memberFor` names from a fresh room whose member Kim is. */
	const remove = async (memberFor: (kim: User) => unknown) => {
		const [kim] = crowd(1, 'Kim');
		const room = roomWith('Removal room', [kim]);
		const result = await run('room', 'removeMember', {
			roomId: byId(room.id),
			member: memberFor(kim),
		});
		return { ...result, room, kim };
	};
	const stillMember = (room: Folder, user: User) =>
		emulator.state
			.getFolder(room.id)
			?.members.some((m) => m.subjectId === user.id && m.access !== 0) ?? false;

	test.each([
		['the picker’s value', (u: User) => fromList(u.id)],
		['an ID typed by hand', (u: User) => byId(u.id)],
		['an email typed by hand', (u: User) => byEmail(u.email)],
		['the plain text of a workflow saved before the picker', (u: User) => u.email],
	])('%s', async (_name, value) => {
		const { error, items, room, kim } = await remove(value);
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({ removed: true, member: { id: kim.id } });
		expect(stillMember(room, kim)).toBe(false);
	});

	test('an expression in the By Email mode', async () => {
		const [lea] = crowd(1, 'Lea');
		const room = roomWith('Expression room', [lea]);
		const { error } = await run(
			'room',
			'removeMember',
			{
				roomId: byId(room.id),
				member: byEmail('={{ $json.who }}'),
			},
			[{ json: { who: lea.email } }],
		);
		expect(error).toBeUndefined();
		expect(stillMember(room, lea)).toBe(false);
	});

	test('the owner, whom the list leaves out, is refused when given by hand', async () => {
		const { error, room } = await remove(() => byId(ids().users.admin));
		expect(error?.message).toMatch(/names the owner of room/);
		expect(emulator.state.getFolder(room.id)?.createdBy).toBe(ids().users.admin);
	});
});

describe('Room → Invite: user and group pickers', () => {
	const inviteCall = (): EditorCall => ({
		emulator,
		parameters: {
			resource: 'room',
			operation: 'invite',
			invitees: { invitee: [{ kind: 'user', access: 2 }] },
		},
		path: 'parameters.invitees.invitee[0].userId',
	});

	test('the user list offers active users only, searchable', async () => {
		const [una] = crowd(1, 'Una');
		const [gone] = crowd(1, 'Una', { status: 2 });
		const page = await listSearch('searchActiveUsers', inviteCall(), 'una');
		expect(page.results.map((r) => r.value)).toContain(una.id);
		expect(page.results.map((r) => r.value)).not.toContain(gone.id);
		expect(page.results.every((r) => /una/i.test(r.name))).toBe(true);
	});

	test.each([
		['the picker’s value', (id: string) => fromList(id)],
		['an ID typed by hand', (id: string) => byId(id)],
		[
			'a link to the user',
			(id: string) => byUrl(`${emulator.url}/accounts/people/filter?user=${id}`),
		],
		['the plain ID of a workflow saved before the picker', (id: string) => id],
		['an expression', () => '={{ $json.user }}'],
	])('a user given as %s gets the access', async (_name, value) => {
		const [ivy] = crowd(1, 'Ivy');
		const room = roomWith('Invite room', []);
		const { error } = await run(
			'room',
			'invite',
			{
				roomId: byId(room.id),
				invitees: { invitee: [{ kind: 'user', userId: value(ivy.id), access: 2 }] },
				options: { notify: false },
			},
			[{ json: { user: ivy.id } }],
		);
		expect(error).toBeUndefined();
		expect(
			emulator.state.getFolder(room.id)?.members.find((m) => m.subjectId === ivy.id)?.access,
		).toBe(2);
	});

	test.each([
		['the picker’s value', fromList],
		['the plain ID of a workflow saved before the picker', (id: string) => id],
	])('a group given as %s gets the access', async (_name, value) => {
		const room = emulator.state.createRoom({
			title: 'Group invite room',
			roomType: RoomType.CustomRoom,
			createdBy: ids().users.admin,
		});
		const groups = await listSearch('searchGroups', inviteCall(), 'market');
		const marketing = groups.results.find((r) => r.value === ids().groups.marketing);
		expect(marketing).toBeDefined();
		const { error } = await run('room', 'invite', {
			roomId: byId(room.id),
			invitees: {
				invitee: [{ kind: 'group', groupId: value(String(marketing?.value)), access: 2 }],
			},
			options: { notify: false },
		});
		expect(error).toBeUndefined();
		expect(
			emulator.state.getFolder(room.id)?.members.find((m) => m.subjectId === ids().groups.marketing)
				?.access,
		).toBe(2);
	});

	test('n8n refuses a link to another kind of page in the nested picker before anything is sent', async () => {
		const room = roomWith('Refusing room', []);
		emulator.clearRequests();
		await expect(
			run('room', 'invite', {
				roomId: byId(room.id),
				invitees: {
					invitee: [{ kind: 'user', userId: byUrl(`${emulator.url}/rooms/shared/5`), access: 2 }],
				},
			}),
		).rejects.toThrow(/Not a DocSpace link to a user/);
		expect(emulator.requests.filter((r) => r.method === 'PUT')).toHaveLength(0);
	});
});

describe('Group member lists', () => {
	const groupCall = (operation: string, groupId?: string): EditorCall => ({
		emulator,
		parameters: {
			resource: 'group',
			operation,
			...(groupId ? { groupId: fromList(groupId) } : {}),
		},
		path: 'parameters.members',
	});

	test('Add Members lists every active non-guest user, past the portal’s page of 100', async () => {
		const many = crowd(120, 'Nia');
		const [off] = crowd(1, 'Nia', { status: 2 });
		const guest = emulator.state.createUser({
			email: 'nia.guest@crowd.example.com',
			password: 'Crowd-Passw0rd!',
			firstName: 'Nia',
			lastName: 'Guest',
			type: 'Guest',
		});
		const options = await loadOptions('getGroupCandidates', groupCall('addMembers'));
		const values = options.map((o) => String(o.value));
		expect(values).toEqual(expect.arrayContaining(many.map((u) => u.id)));
		expect(values).toContain(ids().users.roomAdmin);
		expect(values).not.toContain(off.id);
		expect(values).not.toContain(guest.id);
		expect(new Set(values).size).toBe(values.length);
		expect(
			emulator.requests.filter((r) => r.path === '/api/2.0/people/filter').length,
		).toBeGreaterThan(2);
	});

	test('the manager picker searches the same users', async () => {
		const [tom] = crowd(1, 'Tomas');
		const page = await listSearch('searchGroupCandidates', groupCall('create'), 'tomas');
		expect(page.results.map((r) => r.value)).toEqual([tom.id]);
	});

	test('Remove Members lists the chosen group’s members, all pages, and shrinks after a removal', async () => {
		const members = crowd(110, 'Rae');
		const [outsider] = crowd(1, 'Rae');
		const group = emulator.state.createGroup({
			name: 'Big group',
			managerId: ids().users.roomAdmin,
			memberIds: members.map((m) => m.id),
		});
		const listed = async () =>
			(await loadOptions('getGroupMembers', groupCall('removeMembers', group.id))).map((o) =>
				String(o.value),
			);
		const before = await listed();
		expect(before.sort()).toEqual([...members.map((m) => m.id), ids().users.roomAdmin].sort());
		expect(before).not.toContain(outsider.id);
		const { error } = await run('group', 'removeMembers', {
			groupId: byId(group.id),
			members: [members[0].id, members[1].id],
		});
		expect(error).toBeUndefined();
		const after = await listed();
		expect(after).not.toContain(members[0].id);
		expect(after).not.toContain(members[1].id);
		expect(after).toHaveLength(before.length - 2);
	});

	test('Remove Members without a group lists nothing and asks nothing', async () => {
		expect(await loadOptions('getGroupMembers', groupCall('removeMembers'))).toEqual([]);
		expect(emulator.requests).toHaveLength(0);
	});
});

describe('Group operations run with the picker’s values, typed values and expressions', () => {
	const newGroup = (name: string) => emulator.state.createGroup({ name });
	const memberIdsOf = (id: string) => emulator.state.groups.get(id)?.memberIds ?? [];

	test.each([
		['picked from the list', (u: User[]) => u.map((x) => x.id)],
		[
			'the comma-separated text of a workflow saved before the picker',
			(u: User[]) => `${u[0].id}, ${u[1].email}`,
		],
		['an expression giving emails', () => '={{ $json.emails }}'],
	])('Add Members with users %s', async (_name, value) => {
		const users = crowd(2, 'Ari');
		const group = newGroup(`Add ${_name}`);
		const { error } = await run(
			'group',
			'addMembers',
			{
				groupId: byId(group.id),
				members: value(users),
			},
			[{ json: { emails: users.map((u) => u.email) } }],
		);
		expect(error).toBeUndefined();
		expect(memberIdsOf(group.id).sort()).toEqual(users.map((u) => u.id).sort());
	});

	test.each([
		['picked from the list', (u: User) => fromList(u.id)],
		['by email', (u: User) => byEmail(u.email)],
		['by ID', (u: User) => byId(u.id)],
		['as the plain email of a workflow saved before the picker', (u: User) => u.email],
	])('Create with the manager %s', async (_name, value) => {
		const [boss] = crowd(1, 'Boss');
		const name = `Managed ${_name}`;
		const { error, items } = await run('group', 'create', {
			groupName: name,
			additionalFields: { manager: value(boss), members: [] },
		});
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({ name });
		const created = [...emulator.state.groups.values()].find((g) => g.name === name);
		expect(created?.managerId).toBe(boss.id);
	});

	test('Create with an empty manager picker creates the group without a manager', async () => {
		const { error } = await run('group', 'create', {
			groupName: 'Unmanaged picker group',
			additionalFields: { manager: fromList('') },
		});
		expect(error).toBeUndefined();
		const created = [...emulator.state.groups.values()].find(
			(g) => g.name === 'Unmanaged picker group',
		);
		expect(created?.managerId).toBeUndefined();
	});

	test('Update sets the manager picked from the list', async () => {
		const [chief] = crowd(1, 'Chief');
		const group = newGroup('Update manager group');
		const { error } = await run('group', 'update', {
			groupId: byId(group.id),
			updateFields: { manager: fromList(chief.id) },
		});
		expect(error).toBeUndefined();
		expect(emulator.state.groups.get(group.id)?.managerId).toBe(chief.id);
	});
});
