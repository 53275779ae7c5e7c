import type { Emulator } from '../emulator/index.cjs';
import { fileOperations } from '../emulator/operations.cjs';
import { byId, byUrl } from '../harness/docspace.cjs';
import { useEntriesEmulator } from './entries.fixtures.cjs';
import { expectAtItem } from '../harness/items.cjs';

const entries = useEntriesEmulator();
const { newFolder, newFile, writes, fileopsPut, state } = entries;
const runFolder = entries.runOn('folder');
let emulator: Emulator;
beforeAll(() => {
	emulator = entries.emulator();
});

const titlesIn = (folderId: number) => {
	const { folders, files } = state().childrenOf(folderId);
	return [...folders.map((f) => f.title), ...files.map((f) => f.title)].sort();
};

describe('create', () => {
	test('creates the folder in the parent and returns its FolderDto', async () => {
		const parent = newFolder('Create parent');
		const { items, error } = await runFolder({
			operation: 'create',
			parentFolderId: byId(parent.id),
			title: '  Reports  ',
		});
		expect(error).toBeUndefined();
		const created = state().childrenOf(parent.id).folders;
		expect(created.map((f) => f.title)).toEqual(['Reports']);
		expect(items).toHaveLength(1);
		expect(items[0].json).toMatchObject({
			id: created[0].id,
			title: 'Reports',
			parentId: parent.id,
			fileEntryType: 1,
		});
		expect(writes().map((r) => [r.method, r.path, r.body])).toEqual([
			['POST', `/api/2.0/files/folder/${parent.id}`, { title: 'Reports' }],
		]);
	});

	test('@my and a folder link work as the parent', async () => {
		const viaMy = await runFolder({
			operation: 'create',
			parentFolderId: byId('@my'),
			title: 'Top level',
		});
		expect(viaMy.items[0].json.parentId).toBe(state().seedIds.myDocuments);
		const parent = newFolder('Linked parent');
		const viaUrl = await runFolder({
			operation: 'create',
			parentFolderId: byUrl(`${emulator.url}/rooms/personal/filter?folder=${parent.id}`),
			title: 'Child',
		});
		expect(viaUrl.error).toBeUndefined();
		expect(titlesIn(parent.id)).toEqual(['Child']);
	});

	test('an empty name is refused before anything is created', async () => {
		const parent = newFolder('Empty name parent');
		const { error } = await runFolder({
			operation: 'create',
			parentFolderId: byId(parent.id),
			title: '   ',
		});
		expect(error?.message).toBe('The parameter “Name” is empty');
		expectAtItem(error, 0);
		expect(emulator.requests).toHaveLength(0);
		expect(titlesIn(parent.id)).toEqual([]);
	});

	test('an unknown parent names the parameter and creates nothing', async () => {
		const before = state().folders.size;
		const { error } = await runFolder({
			operation: 'create',
			parentFolderId: byId(987654),
			title: 'X',
		});
		expect(error?.message).toMatch(
			/^The parameter “Parent Folder” names no folder DocSpace can find: “987654”$/,
		);
		expectAtItem(error, 0);
		expect(writes()).toHaveLength(0);
		expect(state().folders.size).toBe(before);
	});

	test('a malformed link or ID names the parameter and sends nothing', async () => {
		const badUrl = await runFolder({
			operation: 'create',
			parentFolderId: {
				__rl: true,
				mode: 'url',
				value: '={{ "https://example.com/not-docspace" }}',
			},
			title: 'X',
		});
		expect(badUrl.error?.message).toBe(
			'The parameter “Parent Folder” does not hold a DocSpace link to a folder: “https://example.com/not-docspace”',
		);
		expectAtItem(badUrl.error, 0);
		const badId = await runFolder({
			operation: 'create',
			parentFolderId: { __rl: true, mode: 'id', value: '={{ "12; DROP" }}' },
			title: 'X',
		});
		expect(badId.error?.message).toBe(
			'The parameter “Parent Folder” is not a valid folder ID: “12; DROP”',
		);
		expectAtItem(badId.error, 0);
		expect(emulator.requests).toHaveLength(0);
	});
});

describe('get and rename', () => {
	test('get returns the FolderDto, @my gives My documents', async () => {
		const { items } = await runFolder({
			operation: 'get',
			folderId: byId(state().seedIds.folders.projects),
		});
		expect(items[0].json).toMatchObject({
			id: state().seedIds.folders.projects,
			title: 'Projects',
			foldersCount: 1,
			filesCount: 1,
		});
		const my = await runFolder({ operation: 'get', folderId: byId('@my') });
		expect(my.items[0].json.id).toBe(state().seedIds.myDocuments);
	});

	test('get of an unknown folder names the parameter', async () => {
		const { error } = await runFolder({ operation: 'get', folderId: byId(987654) });
		expect(error?.message).toBe(
			'The parameter “Folder” names no folder DocSpace can find: “987654”',
		);
		expectAtItem(error, 0);
		expect(error?.description).toMatch(/deleted/);
	});

	test('rename changes the title', async () => {
		const target = newFolder('Old name');
		const { items, error } = await runFolder({
			operation: 'rename',
			folderId: byId(target.id),
			title: 'New name',
		});
		expect(error).toBeUndefined();
		expect(state().getFolder(target.id)?.title).toBe('New name');
		expect(items[0].json).toMatchObject({ id: target.id, title: 'New name' });
		expect(writes().map((r) => [r.method, r.path, r.body])).toEqual([
			['PUT', `/api/2.0/files/folder/${target.id}`, { title: 'New name' }],
		]);
	});

	test('rename to an empty name is refused and nothing changes', async () => {
		const target = newFolder('Keep me');
		const { error } = await runFolder({
			operation: 'rename',
			folderId: byId(target.id),
			title: ' \t ',
		});
		expect(error?.message).toBe('The parameter “New Name” is empty');
		expectAtItem(error, 0);
		expect(emulator.requests).toHaveLength(0);
		expect(state().getFolder(target.id)?.title).toBe('Keep me');
	});
});

describe('copy', () => {
	test('copies the folder with its contents and returns the copy', async () => {
		const destination = newFolder('Copy destination');
		const source = state().seedIds.folders.projects;
		const { items, error } = await runFolder({
			operation: 'copy',
			folderId: byId(source),
			destinationFolderId: byId(destination.id),
		});
		expect(error).toBeUndefined();
		const [copy] = state().childrenOf(destination.id).folders;
		expect(copy.title).toBe('Projects');
		expect(copy.id).not.toBe(source);
		const [sub] = state().childrenOf(copy.id).folders;
		expect(sub.title).toBe('2025');
		expect(titlesIn(sub.id)).toEqual(['Roadmap.docx']);
		expect(state().childrenOf(sub.id).files[0].content).toEqual(
			state().getFile(state().seedIds.files.roadmap)?.content,
		);
		expect(state().getFolder(source)?.parentId).toBe(state().seedIds.myDocuments);
		expect(items).toHaveLength(1);
		expect(items[0].json).toMatchObject({
			id: copy.id,
			title: 'Projects',
			parentId: destination.id,
			fileEntryType: 1,
		});
		const [start] = fileopsPut('copy');
		expect(start.body).toEqual({
			folderIds: [source],
			fileIds: [],
			destFolderId: destination.id,
			conflictResolveType: 'Duplicate',
			deleteAfter: false,
			returnSingleOperation: true,
		});
		const polls = emulator.requests.filter((r) => r.path === '/api/2.0/files/fileops');
		expect(polls.length).toBeGreaterThan(0);
		expect(polls.every((r) => r.query.id === fileOperations(state()).all[0].id)).toBe(true);
	});

	test.each([
		['Duplicate', ['Same (1)', 'Same'], 1],
		['Overwrite', ['Same'], 2],
		['Skip', ['Same'], 1],
	] as const)(
		'sends the conflict choice %s and DocSpace resolves it',
		async (choice, titles, version) => {
			const source = newFolder('Same', newFolder(`Source for ${choice}`).id);
			newFile('Notes.txt', source.id, 'new text');
			const destination = newFolder(`Destination for ${choice}`);
			const existing = newFile('Notes.txt', newFolder('Same', destination.id).id, 'old text');
			const { error } = await runFolder({
				operation: 'copy',
				folderId: byId(source.id),
				destinationFolderId: byId(destination.id),
				conflictResolveType: choice,
			});
			expect(error).toBeUndefined();
			expect(fileopsPut('copy')[0].body).toMatchObject({ conflictResolveType: choice });
			expect(titlesIn(destination.id)).toEqual([...titles].sort());
			expect(state().getFile(existing.id)?.version).toBe(version);
		},
	);

	test('a copy that takes DocSpace 5 s completes', async () => {
		fileOperations(state()).durations.Copy = 5000;
		const destination = newFolder('Slow destination');
		const started = Date.now();
		const { items, error } = await runFolder({
			operation: 'copy',
			folderId: byId(state().seedIds.folders.projects),
			destinationFolderId: byId(destination.id),
		});
		expect(error).toBeUndefined();
		expect(Date.now() - started).toBeGreaterThanOrEqual(4900);
		expect(items[0].json).toMatchObject({ title: 'Projects', parentId: destination.id });
		expect(titlesIn(destination.id)).toEqual(['Projects']);
		const polls = emulator.requests.filter((r) => r.path === '/api/2.0/files/fileops');
		// 250 ms doubling to 2 s: about 5 polls, not a tight loop
		expect(polls.length).toBeGreaterThanOrEqual(3);
		expect(polls.length).toBeLessThanOrEqual(8);
	}, 20_000);

	test('with a 1 s limit the same copy fails with a message naming the option', async () => {
		fileOperations(state()).durations.Copy = 5000;
		const destination = newFolder('Impatient destination');
		const started = Date.now();
		const { error } = await runFolder({
			operation: 'copy',
			folderId: byId(state().seedIds.folders.projects),
			destinationFolderId: byId(destination.id),
			options: { waitTimeLimit: 1 },
		});
		expect(Date.now() - started).toBeLessThan(3000);
		expect(error?.message).toBe(
			'DocSpace had not finished the copy operation when the “Wait Time Limit (Seconds)” of 1 s ran out; it may still finish in DocSpace',
		);
		expectAtItem(error, 0);
		expect(error?.description).toMatch(/may still complete it/);
		expect(fileOperations(state()).all[0].finished).toBe(false);
	});

	test('a failed operation reports DocSpace’s error text', async () => {
		fileOperations(state()).failNext('Not enough free space in the room', 'Copy');
		const destination = newFolder('Full destination');
		const { error } = await runFolder({
			operation: 'copy',
			folderId: byId(state().seedIds.folders.projects),
			destinationFolderId: byId(destination.id),
		});
		expect(error?.message).toBe(
			'DocSpace could not finish the copy operation: Not enough free space in the room',
		);
		expectAtItem(error, 0);
		expect(titlesIn(destination.id)).toEqual([]);
	});

	test('copying a folder into its own subfolder fails with DocSpace’s error', async () => {
		const { error } = await runFolder({
			operation: 'copy',
			folderId: byId(state().seedIds.folders.projects),
			destinationFolderId: byId(state().seedIds.folders.projects2025),
		});
		expect(error?.message).toMatch(
			/^DocSpace could not finish the copy operation: A folder cannot be copied or moved into itself/,
		);
		expect(titlesIn(state().seedIds.folders.projects2025)).toEqual(['Roadmap.docx']);
	});

	test('an unknown destination names the parameter and starts nothing', async () => {
		const { error } = await runFolder({
			operation: 'copy',
			folderId: byId(state().seedIds.folders.projects),
			destinationFolderId: byId(987654),
		});
		expect(error?.message).toBe(
			'The parameter “Destination Folder” names no folder DocSpace can find: “987654”',
		);
		expectAtItem(error, 0);
		expect(writes()).toHaveLength(0);
	});
});

describe('move', () => {
	test('moves the folder with its contents', async () => {
		const source = newFolder('Mover');
		newFile('Inside.txt', source.id);
		const destination = newFolder('Move destination');
		const { items, error } = await runFolder({
			operation: 'move',
			folderId: byId(source.id),
			destinationFolderId: byId(destination.id),
			conflictResolveType: 'Skip',
		});
		expect(error).toBeUndefined();
		expect(state().getFolder(source.id)?.parentId).toBe(destination.id);
		expect(titlesIn(source.id)).toEqual(['Inside.txt']);
		expect(items[0].json).toMatchObject({
			id: source.id,
			parentId: destination.id,
			title: 'Mover',
		});
		expect(fileopsPut('move')[0].body).toMatchObject({
			folderIds: [source.id],
			destFolderId: destination.id,
			conflictResolveType: 'Skip',
		});
	});

	test('a failed move reports DocSpace’s error text and leaves the folder', async () => {
		fileOperations(state()).failNext('The folder is being edited', 'Move');
		const source = newFolder('Stuck');
		const destination = newFolder('Unreached');
		const { error } = await runFolder({
			operation: 'move',
			folderId: byId(source.id),
			destinationFolderId: byId(destination.id),
		});
		expect(error?.message).toBe(
			'DocSpace could not finish the move operation: The folder is being edited',
		);
		expectAtItem(error, 0);
		expect(state().getFolder(source.id)?.parentId).toBe(state().seedIds.myDocuments);
	});
});

describe('delete', () => {
	test('moves the folder to the trash by default', async () => {
		const target = newFolder('Trash me');
		newFile('Inside.txt', target.id);
		const { items, error } = await runFolder({ operation: 'delete', folderId: byId(target.id) });
		expect(error).toBeUndefined();
		expect(items.map((i) => i.json)).toEqual([
			{ deleted: true, id: target.id, permanently: false },
		]);
		expect(state().getFolder(target.id)?.parentId).toBe(state().seedIds.trash);
		expect(titlesIn(target.id)).toEqual(['Inside.txt']);
		expect(fileopsPut('delete')[0].body).toEqual({
			folderIds: [target.id],
			fileIds: [],
			deleteAfter: false,
			immediately: false,
			returnSingleOperation: true,
		});
		const trash = await runFolder({
			operation: 'getContents',
			folderId: byId(state().seedIds.trash),
			returnAll: true,
		});
		expect(trash.items.map((i) => i.json.id)).toContain(target.id);
	});

	test('deletes permanently with everything inside', async () => {
		const target = newFolder('Gone');
		const inner = newFolder('Inner', target.id);
		const file = newFile('Inside.txt', inner.id);
		const { items } = await runFolder({
			operation: 'delete',
			folderId: byId(target.id),
			permanently: true,
		});
		expect(items[0].json).toEqual({ deleted: true, id: target.id, permanently: true });
		expect(state().getFolder(target.id)).toBeUndefined();
		expect(state().getFolder(inner.id)).toBeUndefined();
		expect(state().getFile(file.id)).toBeUndefined();
		expect(fileopsPut('delete')[0].body).toMatchObject({ immediately: true });
	});

	test('an unknown folder names the parameter and deletes nothing', async () => {
		const { error } = await runFolder({ operation: 'delete', folderId: byId(987654) });
		expect(error?.message).toBe(
			'The parameter “Folder” names no folder DocSpace can find: “987654”',
		);
		expectAtItem(error, 0);
		expect(writes()).toHaveLength(0);
	});
});

describe('get link', () => {
	test('returns the primary external link, the same one every time', async () => {
		const target = newFolder('Shared folder', state().seedIds.rooms.custom);
		const first = await runFolder({ operation: 'getLink', folderId: byId(target.id) });
		expect(first.error).toBeUndefined();
		const link = first.items[0].json.sharedLink as Record<string, unknown>;
		expect(link).toMatchObject({ primary: true, linkType: 1 });
		expect(String(link.shareLink)).toMatch(new RegExp(`^${emulator.url}/s/`));
		expect(first.items[0].json.access).toBe(2);
		const second = await runFolder({ operation: 'getLink', folderId: byId(target.id) });
		expect((second.items[0].json.sharedLink as Record<string, unknown>).id).toBe(link.id);
		expect(
			emulator.requests
				.filter((r) => r.path === `/api/2.0/files/folder/${target.id}/link`)
				.map((r) => r.method),
		).toEqual(['GET', 'GET']);
	});
});

describe('get history', () => {
	test('lists what happened in the folder, newest first, simplified', async () => {
		const target = newFolder('Logged');
		await runFolder({
			operation: 'rename',
			folderId: byId(target.id),
			title: 'Logged renamed',
		});
		await runFolder({ operation: 'create', parentFolderId: byId(target.id), title: 'Child' });
		emulator.clearRequests();
		const { items, error } = await runFolder({
			operation: 'getHistory',
			folderId: byId(target.id),
			returnAll: true,
		});
		expect(error).toBeUndefined();
		expect(items.map((i) => i.json.action).sort()).toEqual([
			'folderCreated',
			'folderCreated',
			'folderRenamed',
		]);
		const renamed = items.find((i) => i.json.action === 'folderRenamed')?.json;
		expect(renamed).toMatchObject({
			actionId: 5020,
			entryId: target.id,
			entryTitle: 'Logged renamed',
			initiatorName: 'Alex Owner',
		});
		expect(
			emulator.requests.filter((r) => r.path === `/api/2.0/files/folder/${target.id}/log`),
		).toHaveLength(1);
	});

	test('the date range is sent and applied', async () => {
		const target = newFolder('Dated');
		const future = new Date(Date.now() + 3600_000).toISOString();
		const { items } = await runFolder({
			operation: 'getHistory',
			folderId: byId(target.id),
			returnAll: true,
			filters: { fromDate: future },
		});
		expect(items).toHaveLength(0);
		const [request] = emulator.requests.filter((r) => r.path.endsWith('/log'));
		expect(request.query.fromDate).toBe(future);
		const wrong = await runFolder({
			operation: 'getHistory',
			folderId: byId(target.id),
			filters: { fromDate: '2025-02-01', toDate: '2025-01-01' },
		});
		expect(wrong.error?.message).toBe('The filter “From Date” is later than “To Date”');
		expectAtItem(wrong.error, 0);
	});
});
