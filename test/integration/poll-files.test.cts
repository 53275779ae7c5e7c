/**
 * Poll Trigger, file and folder events, through n8n-core's real PollContext against the
 * emulator: baseline, test event, subfolders, output shape and every credential type.
 */
import { adminRequest } from '../harness/admin-api.cjs';
import { authenticationMethods, byId } from '../harness/docspace.cjs';
import {
	admin,
	emulator,
	freshRoom,
	idsOf,
	inRoom,
	listings,
	newFile,
	poller,
	usePollEmulator,
} from './poll.fixtures.cjs';

usePollEmulator();

describe('New File', () => {
	it('the first poll records a baseline and emits nothing; a new file is emitted once', async () => {
		const room = freshRoom();
		const trigger = poller(inRoom('file.created', room.id));
		expect(await trigger.poll()).toEqual({ items: [] });
		expect(trigger.staticData.cursor).toBeDefined();
		expect((await trigger.poll()).items).toEqual([]);

		const file = newFile(room.id, 'report.docx');
		const { items, error } = await trigger.poll();
		expect(error).toBeUndefined();
		expect(idsOf(items)).toEqual([file.id]);
		expect((await trigger.poll()).items).toEqual([]);
	});

	it('items have the webhook trigger’s shape: event {trigger, id, createOn, createBy, triggerId} and payload', async () => {
		const room = freshRoom();
		const trigger = poller(inRoom('file.created', room.id));
		await trigger.poll();
		const file = newFile(room.id, 'shape.docx');
		const [item] = (await trigger.poll()).items;
		expect(item.event).toEqual({
			trigger: 'file.created',
			id: `file.created:${file.id}@${file.created.toISOString()}`,
			createOn: file.created.toISOString(),
			createBy: admin,
			triggerId: 128,
		});
		// The FileDto, plus the names the webhook payload (DocSpace's file entity) uses.
		expect(item.payload).toMatchObject({
			id: file.id,
			title: 'shape.docx',
			folderId: room.id,
			parentId: room.id,
			createBy: admin,
			createOn: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
			modifiedBy: admin,
			fileEntryType: 2,
		});
		expect(Date.parse(String((item.payload as { createOn: string }).createOn))).toBe(
			file.created.getTime(),
		);
	});

	it('Fetch Test Event returns the newest file and leaves the state alone', async () => {
		const room = freshRoom();
		newFile(room.id, 'older.docx', new Date(Date.now() - 60_000));
		const newest = newFile(room.id, 'newest.docx', new Date(Date.now() + 1_000));
		const trigger = poller(inRoom('file.created', room.id));
		const { items, error } = await trigger.poll('manual');
		expect(error).toBeUndefined();
		expect(idsOf(items)).toEqual([newest.id]);
		expect(trigger.staticData).toEqual({});
	});

	it('Fetch Test Event in an empty folder says there is nothing yet', async () => {
		const folder = emulator.state.createFolder({
			title: 'Empty',
			parentId: emulator.state.seedIds.myDocuments,
			createdBy: admin,
		});
		const { error } = await poller({
			event: 'file.created',
			location: 'folder',
			folderId: byId(folder.id),
		}).poll('manual');
		expect(error?.message).toBe('DocSpace has nothing yet that matches this trigger');
	});

	it('files in subfolders count only with Include Subfolders', async () => {
		const room = freshRoom();
		const sub = emulator.state.createFolder({ title: 'Sub', parentId: room.id, createdBy: admin });
		const deep = emulator.state.createFolder({ title: 'Deep', parentId: sub.id, createdBy: admin });
		const flat = poller(inRoom('file.created', room.id));
		const recursive = poller(inRoom('file.created', room.id, { includeSubfolders: true }));
		await flat.poll();
		await recursive.poll();
		const top = newFile(room.id, 'top.docx');
		const nested = newFile(deep.id, 'nested.docx');
		expect(idsOf((await flat.poll()).items)).toEqual([top.id]);
		expect(idsOf((await recursive.poll()).items).sort()).toEqual([top.id, nested.id].sort());
	});

	it('a folder is watched by its ID, @my works too', async () => {
		const trigger = poller({ event: 'file.created', location: 'folder', folderId: byId('@my') });
		await trigger.poll();
		const file = newFile(emulator.state.seedIds.myDocuments, 'mine.docx');
		expect(idsOf((await trigger.poll()).items)).toEqual([file.id]);
	});

	it('another room starts a new baseline instead of emitting the other room’s files', async () => {
		const first = freshRoom();
		const second = freshRoom();
		newFile(second.id, 'already-there.docx');
		const trigger = poller(inRoom('file.created', first.id));
		await trigger.poll();
		trigger.node.parameters.roomId = byId(second.id);
		expect((await trigger.poll()).items).toEqual([]);
		const file = newFile(second.id, 'after.docx');
		expect(idsOf((await trigger.poll()).items)).toEqual([file.id]);
	});

	it.each(authenticationMethods)('works with %s credentials', async (authentication) => {
		const room = freshRoom();
		const trigger = poller(inRoom('file.created', room.id), authentication);
		expect(await trigger.poll()).toEqual({ items: [] });
		const file = newFile(room.id, `${authentication}.docx`);
		const { items, error } = await trigger.poll();
		expect(error).toBeUndefined();
		expect(idsOf(items)).toEqual([file.id]);
	});

	it('asks DocSpace for files only, newest created first', async () => {
		const room = freshRoom();
		await poller(inRoom('file.created', room.id)).poll();
		const [request] = listings(`/api/2.0/files/${room.id}`);
		expect(request.query).toMatchObject({
			sortBy: 'DateAndTimeCreation',
			sortOrder: 'Descending',
			filterType: 'FilesOnly',
			withSubFolders: 'false',
		});
	});
});

describe('File Updated', () => {
	it('emits a file whose content changed, not a new file; two updates between polls give one item', async () => {
		const room = freshRoom();
		const old = newFile(room.id, 'old.docx', new Date(Date.now() - 60_000));
		const trigger = poller(inRoom('file.updated', room.id));
		await trigger.poll();
		newFile(room.id, 'brand-new.docx');
		emulator.state.advanceClock(5);
		emulator.state.addFileVersion(old.id, Buffer.from('v2'), admin);
		emulator.state.advanceClock(5);
		emulator.state.addFileVersion(old.id, Buffer.from('v3'), admin);
		const { items } = await trigger.poll();
		expect(idsOf(items)).toEqual([old.id]);
		expect(items[0].event).toMatchObject({
			trigger: 'file.updated',
			triggerId: 512,
			createOn: old.updated.toISOString(),
		});
		expect(items[0].payload).toMatchObject({ version: 3 });
		expect((await trigger.poll()).items).toEqual([]);
		emulator.state.advanceClock(5);
		emulator.state.addFileVersion(old.id, Buffer.from('v4'), admin);
		expect(idsOf((await trigger.poll()).items)).toEqual([old.id]);
	});

	it('a rename through the API counts as an update', async () => {
		const room = freshRoom();
		const file = newFile(room.id, 'api.txt', new Date(Date.now() - 60_000));
		const trigger = poller(inRoom('file.updated', room.id));
		await trigger.poll();
		const res = await adminRequest(emulator, 'PUT', `files/file/${file.id}`, {
			title: 'renamed.txt',
		});
		expect(res.status).toBe(200);
		const { items } = await trigger.poll();
		expect(items.map((i) => (i.payload as { title: string }).title)).toEqual(['renamed.txt']);
	});
});

describe('New Folder', () => {
	it('emits new folders, not files', async () => {
		const room = freshRoom();
		const trigger = poller(inRoom('folder.created', room.id));
		await trigger.poll();
		newFile(room.id, 'not-a-folder.docx');
		const folder = emulator.state.createFolder({
			title: 'Invoices',
			parentId: room.id,
			createdBy: admin,
		});
		const { items } = await trigger.poll();
		expect(idsOf(items)).toEqual([folder.id]);
		expect(items[0].event).toMatchObject({ trigger: 'folder.created', triggerId: 32768 });
		expect(items[0].payload).toMatchObject({
			title: 'Invoices',
			parentId: room.id,
			fileEntryType: 1,
		});
	});
});
