/** Room → Create, Update, Archive, Unarchive, Delete and the tag operations through n8n's engine against the emulator. */
import { fileOperations } from '../emulator/operations.cjs';
import { portalTags } from '../emulator/roomStore.cjs';
import { byId } from '../harness/docspace.cjs';
import {
	MB,
	emulator,
	expectOnlyReads,
	freshRoom,
	ids,
	requestsTo,
	run,
	useRoomEmulator,
} from './room.fixtures.cjs';
import { expectAtItem } from '../harness/items.cjs';

useRoomEmulator();

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
		expect(room).toMatchObject({
			title: 'Due diligence 2025',
			roomType: 8,
			quotaLimit: 500 * MB,
			indexing: true,
			denyDownload: true,
			tags: ['legal', '2025'],
		});
		expect(items[0].json).toMatchObject({
			quotaLimit: 500 * MB,
			lifetime: { enabled: true, value: 3, period: 1, deletePermanently: true },
		});
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
		const { error } = await run('create', {
			title: 'Plain',
			roomType: 2,
			additionalFields: { indexing: true, tags: 'x' },
		});
		expect(error).toBeUndefined();
		expect(requestsTo('POST', /\/files\/rooms$/)[0].body).toEqual({
			title: 'Plain',
			roomType: 2,
			tags: ['x'],
		});
	});

	test.each(['={{ "" }}', '   '])(
		'an empty title (%j) is refused before calling DocSpace',
		async (title) => {
			const before = emulator.state.folders.size;
			const { error } = await run('create', { title, roomType: 5 });
			expect(error?.message).toBe('The parameter “Title” is empty');
			expectAtItem(error, 0);
			expect(emulator.requests).toHaveLength(0);
			expect(emulator.state.folders.size).toBe(before);
		},
	);

	test('a title longer than DocSpace allows is refused', async () => {
		const { error } = await run('create', { title: 'x'.repeat(171), roomType: 5 });
		expect(error?.message).toMatch(/“Title” is 171 characters long; DocSpace allows 170$/);
		expectAtItem(error, 0);
		expect(emulator.requests).toHaveLength(0);
	});
});

describe('Update', () => {
	test('title, quota and tags', async () => {
		const room = freshRoom('Before');
		room.tags = ['old'];
		const { error, items } = await run('update', {
			roomId: byId(room.id),
			updateFields: { title: 'After', quota: 250, tags: 'a, b' },
		});
		expect(error).toBeUndefined();
		expect(room).toMatchObject({ title: 'After', quotaLimit: 250 * MB, tags: ['a', 'b'] });
		expect(items[0].json).toMatchObject({
			id: room.id,
			title: 'After',
			quotaLimit: 250 * MB,
			tags: ['a', 'b'],
		});
		expect(requestsTo('PUT', new RegExp(`/files/rooms/${room.id}$`))[0].body).toEqual({
			title: 'After',
			quota: 250 * MB,
			tags: ['a', 'b'],
		});
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
		expect(after.items[0].json).toMatchObject({
			quotaLimit: -1,
			lifetime: { value: 7, period: 0, enabled: true },
		});
	});

	test('bad input changes nothing', async () => {
		const room = freshRoom('Unchanged', 2);
		const empty = await run('update', { roomId: byId(room.id), updateFields: { title: ' ' } });
		expect(empty.error?.message).toBe('The parameter “Title” is empty');
		expectAtItem(empty.error, 0);
		const none = await run('update', { roomId: byId(room.id), updateFields: {} });
		expect(none.error?.message).toMatch(/^No field to update was given$/);
		expectAtItem(none.error, 0);
		const quota = await run('update', { roomId: byId(room.id), updateFields: { quota: 0 } });
		expect(quota.error?.message).toMatch(/“Quota \(MB\)” must be a positive number or -1/);
		const indexing = await run('update', {
			roomId: byId(room.id),
			updateFields: { indexing: true },
		});
		expect(indexing.error?.message).toMatch(
			/“Indexing” applies to virtual data rooms only, and “Unchanged” is a Collaboration Room$/,
		);
		expectAtItem(indexing.error, 0);
		expectOnlyReads();
		expect(room).toMatchObject({ title: 'Unchanged', indexing: false });
	});

	test('an unknown room', async () => {
		const { error } = await run('update', { roomId: byId(999999), updateFields: { title: 'x' } });
		expect(error?.httpCode).toBe('404');
		expect(error?.message).toBe('The parameter “Room” names no room DocSpace can find: “999999”');
		expectAtItem(error, 0);
	});
});

describe('Archive, Unarchive, Delete', () => {
	test('archive waits for the operation and returns the archived room; unarchive brings it back', async () => {
		const room = freshRoom('To archive');
		fileOperations(emulator.state).durationMs = 600;
		const archived = await run('archive', { roomId: byId(room.id) });
		expect(archived.error).toBeUndefined();
		expect(room.parentId).toBe(ids().archive);
		expect(archived.items[0].json).toMatchObject({ id: room.id, rootFolderType: 20 });
		expect(requestsTo('PUT', new RegExp(`/files/rooms/${room.id}/archive$`))[0].body).toEqual({
			deleteAfter: false,
		});
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
		const { error } = await run('archive', {
			roomId: byId(room.id),
			options: { waitTimeLimit: 1 },
		});
		expect(error?.message).toMatch(/move operation/);
		expectAtItem(error, 0);
		expect(`${error?.message} ${error?.description}`).toMatch(/Wait Time Limit/);
		expect(room.parentId).toBe(ids().virtualRooms);
	});

	test('delete removes the room and its contents', async () => {
		const room = freshRoom('To delete');
		const inside = emulator.state.createFile({
			title: 'x.docx',
			folderId: room.id,
			createdBy: ids().users.admin,
		});
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
		expect(error?.message).toBe('The parameter “Room” names no room DocSpace can find: “888888”');
		expectAtItem(error, 0);
		expect(requestsTo('GET', /\/files\/fileops/)).toHaveLength(0);
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
		expect(error?.message).toBe('The parameter “Tags” is empty');
		expectAtItem(error, 0);
		expect(emulator.requests).toHaveLength(0);
	});

	test('an archived room is read-only', async () => {
		const { error } = await run('addTags', { roomId: byId(ids().rooms.archived), tags: 'x' });
		expect(error?.httpCode).toBe('403');
		expect(emulator.state.getFolder(ids().rooms.archived)?.tags).toEqual([]);
	});
});
