/** Room → Get and Get Many, and how every room operation names an unknown room, through n8n's engine against the emulator. */
import { byId, byUrl } from '../harness/docspace.cjs';
import {
	MB,
	emulator,
	freshRoom,
	ids,
	requestsTo,
	run,
	useRoomEmulator,
} from './room.fixtures.cjs';
import { expectAtItem } from '../harness/items.cjs';

useRoomEmulator();

describe('Get', () => {
	test('by ID and by URL', async () => {
		const vdr = ids().rooms.vdr;
		const byIdRun = await run('get', { roomId: byId(vdr) });
		expect(byIdRun.items[0].json).toMatchObject({
			id: vdr,
			title: 'Data room',
			roomType: 8,
			indexing: true,
			quotaLimit: 100 * MB,
		});
		const byUrlRun = await run('get', { roomId: byUrl(`${emulator.url}/rooms/shared/${vdr}`) });
		expect(byUrlRun.items[0].json.id).toBe(vdr);
		// A link with more after the ID, set by an expression (n8n checks literal links against the whole pattern).
		const fullLink = await run('get', {
			roomId: byUrl(`={{ "${emulator.url}/rooms/shared/${vdr}/filter?folder=${vdr}" }}`),
		});
		expect(fullLink.items[0].json.id).toBe(vdr);
		expect(requestsTo('GET', new RegExp(`^/api/2\\.0/files/rooms/${vdr}$`))).toHaveLength(3);
	});

	test('an unknown room is a clear 404', async () => {
		const { error } = await run('get', { roomId: byId(987654) });
		expect(error?.httpCode).toBe('404');
		expect(error?.message).toBe('The parameter “Room” names no room DocSpace can find: “987654”');
		expectAtItem(error, 0);
		expect(error?.description).toMatch(/deleted/);
	});

	test('a folder is not a room', async () => {
		const { error } = await run('get', { roomId: byId(ids().folders.projects) });
		expect(error?.httpCode).toBe('404');
	});

	test('a malformed URL or ID is refused before calling DocSpace', async () => {
		const url = await run('get', { roomId: byUrl('={{ "https://example.com/some/page" }}') });
		expect(url.error?.message).toBe(
			'The parameter “Room” does not hold a DocSpace link to a room: “https://example.com/some/page”',
		);
		expectAtItem(url.error, 0);
		expect(url.error?.description).toMatch(/rooms\/shared\/123/);
		const id = await run('get', { roomId: byId('={{ "12abc" }}') });
		expect(id.error?.message).toMatch(/^The parameter “Room” is not a valid room ID: “12abc”$/);
		expectAtItem(id.error, 0);
		const empty = await run('get', { roomId: byId('={{ "" }}') });
		expect(empty.error?.message).toMatch(/^The parameter “Room” is empty$/);
		expectAtItem(empty.error, 0);
		expect(emulator.requests).toHaveLength(0);
	});
});

describe('Get Many', () => {
	test('active rooms by default, simplified', async () => {
		const { error, items } = await run('getMany', { returnAll: true });
		expect(error).toBeUndefined();
		const found = items.map((i) => i.json.id);
		const { fillingForms, collaboration, custom, vdr, ai, archived } = ids().rooms;
		expect(found).toEqual(
			expect.arrayContaining([fillingForms, collaboration, custom, ids().rooms.public, vdr, ai]),
		);
		expect(found).not.toContain(archived);
		const vdrItem = items.find((i) => i.json.id === vdr)?.json;
		expect(vdrItem).toMatchObject({
			title: 'Data room',
			roomType: 8,
			roomTypeName: 'Virtual Data Room',
			archived: false,
			quotaLimit: 100 * MB,
		});
		expect(vdrItem).not.toHaveProperty('security');
		expect(requestsTo('GET', /\/files\/rooms$/)[0].query).toEqual({
			startIndex: '0',
			count: '100',
		});
	});

	test('archived rooms, by type, by search text, by tags', async () => {
		const archivedOnly = await run('getMany', {
			returnAll: true,
			filters: { section: 'archived' },
		});
		expect(archivedOnly.items.map((i) => i.json.id)).toEqual([ids().rooms.archived]);
		expect(archivedOnly.items[0].json.archived).toBe(true);

		const byType = await run('getMany', { returnAll: true, filters: { types: [8, 9] } });
		const types = byType.items.map((i) => i.json.roomType);
		expect(new Set(types)).toEqual(new Set([8, 9]));
		expect(byType.items.map((i) => i.json.id)).toEqual(
			expect.arrayContaining([ids().rooms.vdr, ids().rooms.ai]),
		);

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
		for (let n = 0; n < 105; n++)
			emulator.state.createRoom({ title: `Bulk ${n}`, roomType: 2, createdBy: ids().users.admin });
		const limited = await run('getMany', { returnAll: false, limit: 3 });
		expect(limited.items).toHaveLength(3);
		const all = await run('getMany', { returnAll: true, filters: { search: 'Bulk' } });
		expect(all.items).toHaveLength(105);
		expect(
			requestsTo('GET', /\/files\/rooms$/).map((r) => [r.query.startIndex, r.query.count]),
		).toEqual([
			['0', '3'],
			['0', '100'],
			['100', '100'],
		]);
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
	expect(error?.message).toBe('The parameter “Room” names no room DocSpace can find: “777777”');
	expectAtItem(error, 0);
	expect(emulator.requests.filter((r) => r.method !== 'GET' && r.status < 400)).toEqual([]);
	expect(emulator.state.users.size).toBe(usersBefore);
});
