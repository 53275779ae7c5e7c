import type { IDataObject } from 'n8n-workflow';

import type { Emulator } from '../emulator';
import { startEmulator } from '../emulator';
import type { Folder } from '../emulator/model';
import { fileOperations } from '../emulator/operations';
import { portalTags, roomLinks } from '../emulator/roomStore';
import { byId, byUrl, runDocSpace } from '../harness/docspace';

let emulator: Emulator;
beforeAll(async () => {
	emulator = await startEmulator();
});
afterAll(async () => await emulator.close());
beforeEach(() => {
	emulator.clearRequests();
	fileOperations(emulator.state).reset();
});

const MB = 1024 * 1024;
const ids = () => emulator.state.seedIds;

const run = (operation: string, parameters: Record<string, unknown> = {}) =>
	runDocSpace({ emulator, parameters: { resource: 'room', operation, ...parameters } });

/** A fresh room owned by the admin, so tests do not disturb each other. */
function freshRoom(title: string, roomType: 1 | 2 | 5 | 6 | 8 | 9 = 5): Folder {
	return emulator.state.createRoom({ title, roomType, createdBy: ids().users.admin });
}

function requestsTo(method: string, path: RegExp) {
	return emulator.requests.filter((r) => r.method === method && path.test(r.path));
}

/** No request other than reads reached the portal. */
function expectOnlyReads() {
	expect(emulator.requests.filter((r) => r.method !== 'GET')).toEqual([]);
}

function member(room: Folder, subjectId: string) {
	return room.members.find((m) => m.subjectId === subjectId);
}

describe('Create', () => {
	test.each([
		[1, 'Form Filling'],
		[2, 'Collaboration'],
		[5, 'Custom'],
		[6, 'Public'],
		[8, 'Virtual Data Room'],
		[9, 'AI'],
	])('room type %i (%s)', async (roomType, name) => {
		const title = `New ${name} room`;
		const { error, items } = await run('create', { title, roomType });
		expect(error).toBeUndefined();
		expect(items).toHaveLength(1);
		const created = emulator.state.getFolder(Number(items[0].json.id));
		expect(created).toMatchObject({ title, roomType, parentId: ids().virtualRooms });
		expect(items[0].json).toMatchObject({ id: created?.id, title, roomType });
		const [request] = requestsTo('POST', /^\/api\/2\.0\/files\/rooms$/);
		expect(request.body).toEqual({ title, roomType });
	});

	test('a virtual data room with quota, tags, indexing, deny download and file lifetime', async () => {
		const { error, items } = await run('create', {
			title: '  Due diligence 2025 ',
			roomType: 8,
			additionalFields: {
				quota: 500,
				tags: 'legal, 2025, Legal, ',
				indexing: true,
				denyDownload: true,
				lifetime: { settings: { value: 3, period: 1, deletePermanently: true } },
			},
		});
		expect(error).toBeUndefined();
		const room = emulator.state.getFolder(Number(items[0].json.id));
		expect(room).toMatchObject({ title: 'Due diligence 2025', roomType: 8, quotaLimit: 500 * MB, indexing: true, denyDownload: true, tags: ['legal', '2025'] });
		expect(items[0].json).toMatchObject({ quotaLimit: 500 * MB, lifetime: { enabled: true, value: 3, period: 1, deletePermanently: true } });
		expect(portalTags(emulator.state).has('legal')).toBe(true);
		expect(requestsTo('POST', /\/files\/rooms$/)[0].body).toEqual({
			title: 'Due diligence 2025',
			roomType: 8,
			tags: ['legal', '2025'],
			quota: 500 * MB,
			denyDownload: true,
			indexing: true,
			lifetime: { enabled: true, value: 3, period: 1, deletePermanently: true },
		});
	});

	test('VDR-only settings are not sent for other room types', async () => {
		const { error } = await run('create', { title: 'Plain', roomType: 2, additionalFields: { indexing: true, tags: 'x' } });
		expect(error).toBeUndefined();
		expect(requestsTo('POST', /\/files\/rooms$/)[0].body).toEqual({ title: 'Plain', roomType: 2, tags: ['x'] });
	});

	test.each(['={{ "" }}', '   '])('an empty title (%j) is refused before calling DocSpace', async (title) => {
		const before = emulator.state.folders.size;
		const { error } = await run('create', { title, roomType: 5 });
		expect(error?.message).toBe('The parameter “Title” is empty [item 0]');
		expect(emulator.requests).toHaveLength(0);
		expect(emulator.state.folders.size).toBe(before);
	});

	test('a title longer than DocSpace allows is refused', async () => {
		const { error } = await run('create', { title: 'x'.repeat(171), roomType: 5 });
		expect(error?.message).toMatch(/“Title” is 171 characters long; DocSpace allows 170 \[item 0\]$/);
		expect(emulator.requests).toHaveLength(0);
	});
});

describe('Get', () => {
	test('by ID and by URL', async () => {
		const vdr = ids().rooms.vdr;
		const byIdRun = await run('get', { roomId: byId(vdr) });
		expect(byIdRun.items[0].json).toMatchObject({ id: vdr, title: 'Data room', roomType: 8, indexing: true, quotaLimit: 100 * MB });
		const byUrlRun = await run('get', { roomId: byUrl(`${emulator.url}/rooms/shared/${vdr}`) });
		expect(byUrlRun.items[0].json.id).toBe(vdr);
		// A link with more after the ID, set by an expression (n8n checks literal links against the whole pattern).
		const fullLink = await run('get', { roomId: byUrl(`={{ "${emulator.url}/rooms/shared/${vdr}/filter?folder=${vdr}" }}`) });
		expect(fullLink.items[0].json.id).toBe(vdr);
		expect(requestsTo('GET', new RegExp(`^/api/2\\.0/files/rooms/${vdr}$`))).toHaveLength(3);
	});

	test('an unknown room is a clear 404', async () => {
		const { error } = await run('get', { roomId: byId(987654) });
		expect(error?.httpCode).toBe('404');
		expect(error?.message).toBe('The parameter “Room” names no room DocSpace can find: “987654” [item 0]');
		expect(error?.description).toMatch(/deleted/);
	});

	test('a folder is not a room', async () => {
		const { error } = await run('get', { roomId: byId(ids().folders.projects) });
		expect(error?.httpCode).toBe('404');
	});

	test('a malformed URL or ID is refused before calling DocSpace', async () => {
		const url = await run('get', { roomId: byUrl('={{ "https://example.com/some/page" }}') });
		expect(url.error?.message).toBe('The parameter “Room” does not hold a DocSpace link to a room: “https://example.com/some/page” [item 0]');
		expect(url.error?.description).toMatch(/rooms\/shared\/123/);
		const id = await run('get', { roomId: byId('={{ "12abc" }}') });
		expect(id.error?.message).toMatch(/^The parameter “Room” is not a valid room ID: “12abc” \[item 0\]$/);
		const empty = await run('get', { roomId: byId('={{ "" }}') });
		expect(empty.error?.message).toMatch(/^The parameter “Room” is empty \[item 0\]$/);
		expect(emulator.requests).toHaveLength(0);
	});
});

describe('Get Many', () => {
	test('active rooms by default, simplified', async () => {
		const { error, items } = await run('getMany', { returnAll: true });
		expect(error).toBeUndefined();
		const found = items.map((i) => i.json.id);
		const { fillingForms, collaboration, custom, vdr, ai, archived } = ids().rooms;
		expect(found).toEqual(expect.arrayContaining([fillingForms, collaboration, custom, ids().rooms.public, vdr, ai]));
		expect(found).not.toContain(archived);
		const vdrItem = items.find((i) => i.json.id === vdr)?.json;
		expect(vdrItem).toMatchObject({ title: 'Data room', roomType: 8, roomTypeName: 'Virtual Data Room', archived: false, quotaLimit: 100 * MB });
		expect(vdrItem).not.toHaveProperty('security');
		expect(requestsTo('GET', /\/files\/rooms$/)[0].query).toEqual({ startIndex: '0', count: '100' });
	});

	test('archived rooms, by type, by search text, by tags', async () => {
		const archivedOnly = await run('getMany', { returnAll: true, filters: { section: 'archived' } });
		expect(archivedOnly.items.map((i) => i.json.id)).toEqual([ids().rooms.archived]);
		expect(archivedOnly.items[0].json.archived).toBe(true);

		const byType = await run('getMany', { returnAll: true, filters: { types: [8, 9] } });
		const types = byType.items.map((i) => i.json.roomType);
		expect(new Set(types)).toEqual(new Set([8, 9]));
		expect(byType.items.map((i) => i.json.id)).toEqual(expect.arrayContaining([ids().rooms.vdr, ids().rooms.ai]));

		const bySearch = await run('getMany', { returnAll: true, filters: { search: 'TEAM COLLAB' } });
		expect(bySearch.items.map((i) => i.json.id)).toEqual([ids().rooms.collaboration]);

		const tagged = freshRoom('Tagged room');
		tagged.tags = ['Blue'];
		const byTag = await run('getMany', { returnAll: true, filters: { tags: 'red, blue' } });
		expect(byTag.items.map((i) => i.json.id)).toEqual([tagged.id]);

		const queries = requestsTo('GET', /\/files\/rooms$/).map((r) => r.query);
		expect(queries[0]).toMatchObject({ searchArea: '1' });
		expect(queries[1]).toMatchObject({ 'type[0]': '8', 'type[1]': '9' });
		expect(queries[2]).toMatchObject({ filterValue: 'TEAM COLLAB' });
		expect(queries[3]).toMatchObject({ tags: '["red","blue"]' });
	});

	test('Limit and paging', async () => {
		for (let n = 0; n < 105; n++) emulator.state.createRoom({ title: `Bulk ${n}`, roomType: 2, createdBy: ids().users.admin });
		const limited = await run('getMany', { returnAll: false, limit: 3 });
		expect(limited.items).toHaveLength(3);
		const all = await run('getMany', { returnAll: true, filters: { search: 'Bulk' } });
		expect(all.items).toHaveLength(105);
		expect(requestsTo('GET', /\/files\/rooms$/).map((r) => [r.query.startIndex, r.query.count])).toEqual([
			['0', '3'],
			['0', '100'],
			['100', '100'],
		]);
	});
});

describe('Update', () => {
	test('title, quota and tags', async () => {
		const room = freshRoom('Before');
		room.tags = ['old'];
		const { error, items } = await run('update', { roomId: byId(room.id), updateFields: { title: 'After', quota: 250, tags: 'a, b' } });
		expect(error).toBeUndefined();
		expect(room).toMatchObject({ title: 'After', quotaLimit: 250 * MB, tags: ['a', 'b'] });
		expect(items[0].json).toMatchObject({ id: room.id, title: 'After', quotaLimit: 250 * MB, tags: ['a', 'b'] });
		expect(requestsTo('PUT', new RegExp(`/files/rooms/${room.id}$`))[0].body).toEqual({ title: 'After', quota: 250 * MB, tags: ['a', 'b'] });
	});

	test('quota -1 removes the room’s own limit; VDR settings on a VDR', async () => {
		const room = freshRoom('Quota room', 8);
		room.quotaLimit = 10 * MB;
		const { error } = await run('update', {
			roomId: byId(room.id),
			updateFields: { quota: -1, indexing: true, lifetime: { settings: { value: 7, period: 0 } } },
		});
		expect(error).toBeUndefined();
		expect(room.quotaLimit).toBeUndefined();
		expect(room.indexing).toBe(true);
		const after = await run('get', { roomId: byId(room.id) });
		expect(after.items[0].json).toMatchObject({ quotaLimit: -1, lifetime: { value: 7, period: 0, enabled: true } });
	});

	test('bad input changes nothing', async () => {
		const room = freshRoom('Unchanged', 2);
		const empty = await run('update', { roomId: byId(room.id), updateFields: { title: ' ' } });
		expect(empty.error?.message).toBe('The parameter “Title” is empty [item 0]');
		const none = await run('update', { roomId: byId(room.id), updateFields: {} });
		expect(none.error?.message).toMatch(/^No field to update was given \[item 0\]$/);
		const quota = await run('update', { roomId: byId(room.id), updateFields: { quota: 0 } });
		expect(quota.error?.message).toMatch(/“Quota \(MB\)” must be a positive number or -1/);
		const indexing = await run('update', { roomId: byId(room.id), updateFields: { indexing: true } });
		expect(indexing.error?.message).toMatch(/“Indexing” applies to virtual data rooms only, and “Unchanged” is a Collaboration Room \[item 0\]$/);
		expectOnlyReads();
		expect(room).toMatchObject({ title: 'Unchanged', indexing: false });
	});

	test('an unknown room', async () => {
		const { error } = await run('update', { roomId: byId(999999), updateFields: { title: 'x' } });
		expect(error?.httpCode).toBe('404');
		expect(error?.message).toBe('The parameter “Room” names no room DocSpace can find: “999999” [item 0]');
	});
});

test.each([
	['archive', {}],
	['invite', { invitees: { invitee: [{ kind: 'email', email: 'a@example.com', access: 2 }] } }],
	['removeMember', { member: 'a@example.com' }],
	['getMembers', { returnAll: true }],
	['getLinks', {}],
	['setLink', { linkType: 1, access: 2 }],
	['addTags', { tags: 'x' }],
])('%s on an unknown room names the Room parameter', async (operation, extra) => {
	const usersBefore = emulator.state.users.size;
	const { error } = await run(operation, { roomId: byId(777777), ...extra });
	expect(error?.httpCode).toBe('404');
	expect(error?.message).toBe('The parameter “Room” names no room DocSpace can find: “777777” [item 0]');
	expect(emulator.requests.filter((r) => r.method !== 'GET' && r.status < 400)).toEqual([]);
	expect(emulator.state.users.size).toBe(usersBefore);
});

describe('Archive, Unarchive, Delete', () => {
	test('archive waits for the operation and returns the archived room; unarchive brings it back', async () => {
		const room = freshRoom('To archive');
		fileOperations(emulator.state).durationMs = 600;
		const archived = await run('archive', { roomId: byId(room.id) });
		expect(archived.error).toBeUndefined();
		expect(room.parentId).toBe(ids().archive);
		expect(archived.items[0].json).toMatchObject({ id: room.id, rootFolderType: 20 });
		expect(requestsTo('PUT', new RegExp(`/files/rooms/${room.id}/archive$`))[0].body).toEqual({ deleteAfter: false });
		expect(requestsTo('GET', /\/files\/fileops$/).length).toBeGreaterThanOrEqual(1);
		const inArchive = await run('getMany', { returnAll: true, filters: { section: 'archived' } });
		expect(inArchive.items.map((i) => i.json.id)).toContain(room.id);

		const back = await run('unarchive', { roomId: byId(room.id) });
		expect(back.error).toBeUndefined();
		expect(room.parentId).toBe(ids().virtualRooms);
		expect(back.items[0].json).toMatchObject({ id: room.id, rootFolderType: 14 });
	});

	test('an operation that outlives the wait time limit', async () => {
		const room = freshRoom('Slow archive');
		fileOperations(emulator.state).durationMs = 5000;
		const { error } = await run('archive', { roomId: byId(room.id), options: { waitTimeLimit: 1 } });
		expect(error?.message).toMatch(/move operation.*\[item 0\]$/);
		expect(`${error?.message} ${error?.description}`).toMatch(/Wait Time Limit/);
		expect(room.parentId).toBe(ids().virtualRooms);
	});

	test('delete removes the room and its contents', async () => {
		const room = freshRoom('To delete');
		const inside = emulator.state.createFile({ title: 'x.docx', folderId: room.id, createdBy: ids().users.admin });
		const { error, items } = await run('delete', { roomId: byId(room.id) });
		expect(error).toBeUndefined();
		expect(items.map((i) => i.json)).toEqual([{ deleted: true, id: room.id }]);
		expect(emulator.state.getFolder(room.id)).toBeUndefined();
		expect(emulator.state.getFile(inside.id)).toBeUndefined();
		expect(requestsTo('DELETE', new RegExp(`/files/rooms/${room.id}$`))).toHaveLength(1);
	});

	test('delete of an unknown room', async () => {
		const { error } = await run('delete', { roomId: byId(888888) });
		expect(error?.httpCode).toBe('404');
		expect(error?.message).toBe('The parameter “Room” names no room DocSpace can find: “888888” [item 0]');
		expect(requestsTo('GET', /\/files\/fileops/)).toHaveLength(0);
	});
});

describe('Invite or Change Access', () => {
	const invite = (roomId: number, invitee: IDataObject[], extra: IDataObject = {}) =>
		run('invite', { roomId: byId(roomId), invitees: { invitee }, ...extra });

	test('a user by ID, a group and an unknown email (who becomes a guest)', async () => {
		const room = freshRoom('Team room', 5);
		const { error, items } = await invite(
			room.id,
			[
				{ kind: 'user', userId: ids().users.user, access: 10 },
				{ kind: 'group', groupId: ids().groups.marketing, access: 6 },
				{ kind: 'email', email: 'new.person@example.org', access: 2 },
			],
			{ options: { notify: false, message: 'Welcome' } },
		);
		expect(error).toBeUndefined();
		expect(member(room, ids().users.user)?.access).toBe(10);
		expect(member(room, ids().groups.marketing)).toMatchObject({ subjectType: 2, access: 6 });
		const guest = emulator.state.findUserByEmail('new.person@example.org');
		expect(guest).toMatchObject({ type: 'Guest', activationStatus: 2 });
		expect(member(room, guest?.id ?? '')?.access).toBe(2);
		expect(items.map((i) => [i.json.type, i.json.accessName])).toEqual([
			['user', 'Editor'],
			['group', 'Commenter'],
			['user', 'Viewer'],
		]);
		expect(items[2].json).toMatchObject({ email: 'new.person@example.org', pending: true });
		expect(requestsTo('PUT', new RegExp(`/files/rooms/${room.id}/share$`))[0].body).toEqual({
			invitations: [
				{ id: ids().users.user, access: 10 },
				{ id: ids().groups.marketing, access: 6 },
				{ email: 'new.person@example.org', access: 2 },
			],
			notify: false,
			message: 'Welcome',
		});
	});

	test('changing the access of an existing member', async () => {
		const room = freshRoom('Change room', 2);
		room.members.push({ subjectId: ids().users.user2, subjectType: 0, access: 2 });
		const { error, items } = await invite(room.id, [{ kind: 'email', email: 'USER2@example.com', access: 11 }]);
		expect(error).toBeUndefined();
		expect(member(room, ids().users.user2)?.access).toBe(11);
		expect(items[0].json).toMatchObject({ id: ids().users.user2, accessName: 'Content Creator' });
	});

	test('an access level the room type does not offer is refused, listing the valid ones', async () => {
		const room = freshRoom('Collab', 2);
		const { error } = await invite(room.id, [
			{ kind: 'user', userId: ids().users.user, access: 10 },
			{ kind: 'user', userId: ids().users.user2, access: 5 },
		]);
		expect(error?.message).toBe('The parameter “Invitees → entry 2 → Access” is “Reviewer”, which a Collaboration Room does not offer [item 0]');
		expect(error?.description).toBe('“Collab” is a Collaboration Room. Valid access levels for people there: Content Creator, Editor, Room Manager, Viewer.');
		expectOnlyReads();
		expect(room.members).toEqual([]);
	});

	test('groups cannot be room managers; form filling rooms have no editors', async () => {
		const custom = freshRoom('Custom', 5);
		const group = await invite(custom.id, [{ kind: 'group', groupId: ids().groups.marketing, access: 9 }]);
		expect(group.error?.message).toMatch(/“Room Manager”, which a Custom Room does not offer to groups \[item 0\]$/);
		expect(group.error?.description).toMatch(/for groups there: Commenter, Content Creator, Editor, Reviewer, Viewer\.$/);
		const forms = freshRoom('Forms', 1);
		const editor = await invite(forms.id, [{ kind: 'user', userId: ids().users.user, access: 10 }]);
		expect(editor.error?.description).toMatch(/for people there: Content Creator, Form Filler, Room Manager\.$/);
		expectOnlyReads();
	});

	test('an invalid email or ID is refused before calling DocSpace', async () => {
		const room = freshRoom('Strict', 5);
		const users = emulator.state.users.size;
		const email = await invite(room.id, [{ kind: 'email', email: 'not-an-email', access: 2 }]);
		expect(email.error?.message).toBe('The parameter “Invitees → entry 1 → Email” is not a valid email address: “not-an-email” [item 0]');
		const id = await invite(room.id, [{ kind: 'user', userId: 'bob', access: 2 }]);
		expect(id.error?.message).toMatch(/“Invitees → entry 1 → User ID” is not a DocSpace ID: “bob” \[item 0\]$/);
		const none = await invite(room.id, []);
		expect(none.error?.message).toBe('The parameter “Invitees” is empty [item 0]');
		expect(emulator.requests).toHaveLength(0);
		expect(emulator.state.users.size).toBe(users);
		expect(room.members).toEqual([]);
	});

	test('DocSpace refuses Room Manager for a plain user: a clear message', async () => {
		const room = freshRoom('Managers', 5);
		const { error } = await invite(room.id, [{ kind: 'user', userId: ids().users.user, access: 9 }]);
		expect(error?.message).toMatch(/refused an access level for “Managers”.*\[item 0\]$/);
		expect(error?.description).toMatch(/Portal users and guests cannot be Room Managers/);
		expect(member(room, ids().users.user)).toBeUndefined();
	});

	test('an account DocSpace skips is reported', async () => {
		const room = freshRoom('Skips', 5);
		const { error } = await invite(room.id, [{ kind: 'user', userId: ids().users.disabled, access: 2 }]);
		expect(error?.message).toMatch(/did not give the requested access to .* in “Skips” \[item 0\]$/);
		expect(member(room, ids().users.disabled)).toBeUndefined();
	});
});

describe('Remove Member and Get Members', () => {
	test('remove by email and by ID', async () => {
		const room = freshRoom('Leaving', 5);
		room.members.push(
			{ subjectId: ids().users.user, subjectType: 0, access: 2 },
			{ subjectId: ids().groups.marketing, subjectType: 2, access: 11 },
		);
		const byEmail = await run('removeMember', { roomId: byId(room.id), member: emulator.secrets.userEmail });
		expect(byEmail.error).toBeUndefined();
		expect(byEmail.items[0].json).toMatchObject({ removed: true, roomId: room.id, member: { id: ids().users.user, type: 'user' } });
		const byGroupId = await run('removeMember', { roomId: byId(room.id), member: ids().groups.marketing });
		expect(byGroupId.error).toBeUndefined();
		expect(room.members).toEqual([]);
		expect(requestsTo('PUT', /\/share$/).map((r) => r.body)).toEqual([
			{ invitations: [{ id: ids().users.user, access: 0 }], notify: false, force: false },
			{ invitations: [{ id: ids().groups.marketing, access: 0 }], notify: false, force: false },
		]);
	});

	test('not a member, the owner, or not an email/ID: nothing is sent', async () => {
		const room = freshRoom('Keep', 5);
		const stranger = await run('removeMember', { roomId: byId(room.id), member: 'user2@example.com' });
		expect(stranger.error?.message).toBe(`The parameter “Member” names no member of room ${room.id}: “user2@example.com” [item 0]`);
		const owner = await run('removeMember', { roomId: byId(room.id), member: ids().users.admin });
		expect(owner.error?.message).toMatch(/names the owner of room .*, who cannot be removed \[item 0\]$/);
		const junk = await run('removeMember', { roomId: byId(room.id), member: 'somebody' });
		expect(junk.error?.message).toMatch(/neither an email address nor a DocSpace ID: “somebody” \[item 0\]$/);
		expectOnlyReads();
	});

	test('get members: owner first, filters, limit', async () => {
		const custom = ids().rooms.custom;
		const all = await run('getMembers', { roomId: byId(custom), returnAll: true });
		expect(all.items.map((i) => [i.json.name, i.json.accessName, i.json.isOwner])).toEqual([
			['Alex Owner', 'Room Manager', true],
			['Rita Manager', 'Room Manager', false],
			['Marketing', 'Content Creator', false],
		]);
		const groups = await run('getMembers', { roomId: byId(custom), returnAll: true, filters: { memberType: 32 } });
		expect(groups.items.map((i) => i.json.type)).toEqual(['group']);
		const limited = await run('getMembers', { roomId: byId(custom), returnAll: false, limit: 1 });
		expect(limited.items).toHaveLength(1);
		const raw = await run('getMembers', { roomId: byId(custom), returnAll: true, simplify: false });
		expect(raw.items[1].json).toMatchObject({ access: 9, subjectType: 0, sharedToUser: { email: 'roomadmin@example.com' } });
		expect(requestsTo('GET', /\/share$/).map((r) => r.query)).toEqual([
			{ filterType: '0', startIndex: '0', count: '100' },
			{ filterType: '32', startIndex: '0', count: '100' },
			{ filterType: '0', startIndex: '0', count: '1' },
			{ filterType: '0', startIndex: '0', count: '100' },
		]);
	});
});

describe('Links', () => {
	test('a public room has its primary external link', async () => {
		const { error, items } = await run('getLinks', { roomId: byId(ids().rooms.public) });
		expect(error).toBeUndefined();
		expect(items).toHaveLength(1);
		expect(items[0].json).toMatchObject({ linkType: 'external', primary: true, accessName: 'Viewer', passwordProtected: false });
		expect(String(items[0].json.url)).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/s\//);
	});

	test('create an external link with password, expiry and deny download, then change it', async () => {
		const room = freshRoom('Shared', 5);
		const expires = new Date(Date.now() + 7 * 86400_000).toISOString();
		const created = await run('setLink', {
			roomId: byId(room.id),
			linkType: 1,
			title: 'For partners',
			access: 6,
			options: { password: 'S3cret-pass', expirationDate: expires, denyDownload: true },
		});
		expect(created.error).toBeUndefined();
		const [stored] = roomLinks(emulator.state, room.id);
		expect(stored).toMatchObject({ title: 'For partners', access: 6, password: 'S3cret-pass', denyDownload: true, subjectType: 4 });
		expect(stored.expirationDate?.toISOString()).toBe(expires);
		expect(created.items[0].json).toMatchObject({ id: stored.id, linkType: 'external', accessName: 'Commenter', passwordProtected: true, denyDownload: true });
		expect(requestsTo('PUT', /\/links$/)[0].body).toEqual({
			linkType: 1,
			access: 6,
			title: 'For partners',
			expirationDate: expires,
			password: 'S3cret-pass',
			denyDownload: true,
		});

		const changed = await run('setLink', { roomId: byId(room.id), linkType: 1, linkId: stored.id, access: 10 });
		expect(changed.error).toBeUndefined();
		expect(roomLinks(emulator.state, room.id)).toHaveLength(1);
		expect(stored).toMatchObject({ access: 10, password: undefined, expirationDate: undefined });

		const listed = await run('getLinks', { roomId: byId(room.id), linkType: 1 });
		expect(listed.items.map((i) => i.json.id)).toEqual([stored.id]);
		expect(requestsTo('GET', /\/links$/).at(-1)?.query).toEqual({ type: '1' });
	});

	test('an invitation link in a collaboration room; a second one is not created', async () => {
		const room = freshRoom('Invite link room', 2);
		const first = await run('setLink', { roomId: byId(room.id), linkType: 0, access: 10, options: { maxUseCount: 5 } });
		expect(first.error).toBeUndefined();
		expect(roomLinks(emulator.state, room.id)).toEqual([expect.objectContaining({ subjectType: 3, access: 10, maxUseCount: 5, title: 'Invitation link' })]);
		const second = await run('setLink', { roomId: byId(room.id), linkType: 0, access: 2 });
		expect(second.error?.message).toBe('DocSpace did not create the invitation link in “Invite link room” [item 0]');
		expect(roomLinks(emulator.state, room.id)).toHaveLength(1);
	});

	test('link type, access or expiry the room does not allow: nothing is sent', async () => {
		const collab = freshRoom('No external', 2);
		const external = await run('setLink', { roomId: byId(collab.id), linkType: 1, access: 2 });
		expect(external.error?.message).toBe('The parameter “Link Type” is “external”, but a Collaboration Room has no external links [item 0]');
		const custom = freshRoom('Custom links', 5);
		const access = await run('setLink', { roomId: byId(custom.id), linkType: 1, access: 11 });
		expect(access.error?.message).toMatch(/“Access” is “Content Creator”, which external links of a Custom Room do not offer \[item 0\]$/);
		expect(access.error?.description).toBe('Valid access levels for external links in “Custom links”: Editor, Form Filler, Custom Filter, Reviewer, Commenter, Viewer.');
		const past = await run('setLink', { roomId: byId(custom.id), linkType: 1, access: 2, options: { expirationDate: '2020-01-01T00:00:00' } });
		expect(past.error?.message).toMatch(/^The parameter “Expiration Date” is in the past/);
		const badId = await run('setLink', { roomId: byId(custom.id), linkType: 1, access: 2, linkId: 'abc' });
		expect(badId.error?.message).toBe('The parameter “Link ID” is not a link ID: “abc” [item 0]');
		expectOnlyReads();
		expect(roomLinks(emulator.state, custom.id)).toEqual([]);
	});
});

describe('Tags', () => {
	test('add and remove', async () => {
		const room = freshRoom('Tag me');
		room.tags = ['keep'];
		const added = await run('addTags', { roomId: byId(room.id), tags: 'urgent, Q3, urgent' });
		expect(added.error).toBeUndefined();
		expect(room.tags).toEqual(['keep', 'urgent', 'Q3']);
		expect(added.items[0].json.tags).toEqual(['keep', 'urgent', 'Q3']);
		expect(portalTags(emulator.state).has('urgent')).toBe(true);
		const removed = await run('removeTags', { roomId: byId(room.id), tags: 'URGENT, missing' });
		expect(removed.error).toBeUndefined();
		expect(room.tags).toEqual(['keep', 'Q3']);
		expect(requestsTo('PUT', /\/tags$/)[0].body).toEqual({ names: ['urgent', 'Q3'] });
		expect(requestsTo('DELETE', /\/tags$/)[0].body).toEqual({ names: ['URGENT', 'missing'] });
	});

	test('no tag names', async () => {
		const room = freshRoom('No tags');
		const { error } = await run('addTags', { roomId: byId(room.id), tags: ' , ' });
		expect(error?.message).toBe('The parameter “Tags” is empty [item 0]');
		expect(emulator.requests).toHaveLength(0);
	});

	test('an archived room is read-only', async () => {
		const { error } = await run('addTags', { roomId: byId(ids().rooms.archived), tags: 'x' });
		expect(error?.httpCode).toBe('403');
		expect(emulator.state.getFolder(ids().rooms.archived)?.tags).toEqual([]);
	});
});

describe('the emulator follows DocSpace', () => {
	const api = (method: string, path: string, body?: unknown) =>
		fetch(`${emulator.url}/api/2.0/${path}`, {
			method,
			headers: { authorization: `Bearer ${emulator.secrets.apiKey}`, 'content-type': 'application/json', accept: 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body),
		});

	test('an access level outside the room type is refused with 403', async () => {
		const room = freshRoom('Raw', 6);
		const reply = await api('PUT', `files/rooms/${room.id}/share`, { invitations: [{ id: ids().users.roomAdmin, access: 10 }] });
		expect(reply.status).toBe(403);
		expect(await reply.json()).toMatchObject({ error: { message: 'The role is not available for this user type' }, status: 1, statusCode: 403 });
		expect(room.members).toEqual([]);
	});

	test('a member listing names only the id-based invitees; disabled users are skipped', async () => {
		const room = freshRoom('Raw 2', 5);
		const reply = await api('PUT', `files/rooms/${room.id}/share`, {
			invitations: [
				{ id: ids().users.user, access: 2 },
				{ id: ids().users.disabled, access: 2 },
				{ email: 'brand.new@example.net', access: 5 },
			],
		});
		const body = (await reply.json()) as { response: { members: Array<{ sharedToUser: { id: string } }> } };
		expect(body.response.members.map((m) => m.sharedToUser.id)).toEqual([ids().users.user]);
		expect(room.members.map((m) => m.access).sort()).toEqual([2, 5]);
	});

	test('room creation needs a title and a known room type', async () => {
		expect((await api('POST', 'files/rooms', { roomType: 5 })).status).toBe(400);
		expect((await api('POST', 'files/rooms', { title: 'x', roomType: 3 })).status).toBe(400);
		expect((await api('POST', 'files/rooms', { title: '  ', roomType: 5 })).status).toBe(400);
	});
});
