import type { Emulator } from '../emulator/index.cjs';
import { fileOperations } from '../emulator/operations.cjs';
import { byId } from '../harness/docspace.cjs';
import { useEntriesEmulator } from './entries.fixtures.cjs';
import { expectAtItem, expectErrorItemAt } from '../harness/items.cjs';

const entries = useEntriesEmulator();
const { newFolder, newFile, writes, fileopsPut, state } = entries;
const runFile = entries.runOn('file');
let emulator: Emulator;
beforeAll(() => {
	emulator = entries.emulator();
});

const filesIn = (folderId: number) => state().childrenOf(folderId).files;

describe('copy', () => {
	test('copies the file and returns the new copy', async () => {
		const source = newFile('Report.docx', newFolder('Copy source').id, 'report body');
		const destination = newFolder('Copy target');
		const { items, error } = await runFile({
			operation: 'copy',
			fileId: byId(source.id),
			destinationFolderId: byId(destination.id),
		});
		expect(error).toBeUndefined();
		const [copy] = filesIn(destination.id);
		expect(copy.title).toBe('Report.docx');
		expect(copy.id).not.toBe(source.id);
		expect(copy.content.toString()).toBe('report body');
		expect(state().getFile(source.id)?.folderId).toBe(source.folderId);
		expect(items.map((i) => i.json)).toEqual([
			expect.objectContaining({
				id: copy.id,
				folderId: destination.id,
				title: 'Report.docx',
				fileEntryType: 2,
			}),
		]);
		expect(fileopsPut('copy').map((r) => r.body)).toEqual([
			{
				folderIds: [],
				fileIds: [source.id],
				destFolderId: destination.id,
				conflictResolveType: 'Duplicate',
				deleteAfter: false,
				returnSingleOperation: true,
			},
		]);
	});

	test.each([
		['Duplicate', ['Same.txt', 'Same (1).txt'], 1],
		['Overwrite', ['Same.txt'], 2],
		['Skip', ['Same.txt'], 1],
	] as const)(
		'sends the conflict choice %s and DocSpace resolves it',
		async (choice, titles, version) => {
			const source = newFile('Same.txt', newFolder(`Source ${choice}`).id, 'new');
			const destination = newFolder(`Target ${choice}`);
			const existing = newFile('Same.txt', destination.id, 'old');
			const { items, error } = await runFile({
				operation: 'copy',
				fileId: byId(source.id),
				destinationFolderId: byId(destination.id),
				conflictResolveType: choice,
			});
			expect(error).toBeUndefined();
			expect(fileopsPut('copy')[0].body).toMatchObject({ conflictResolveType: choice });
			expect(
				filesIn(destination.id)
					.map((f) => f.title)
					.sort(),
			).toEqual([...titles].sort());
			expect(state().getFile(existing.id)?.version).toBe(version);
			if (choice === 'Skip')
				expect(items[0].json).toMatchObject({
					skipped: true,
					id: source.id,
					destinationFolderId: destination.id,
				});
			if (choice === 'Overwrite')
				expect(items[0].json).toMatchObject({ id: existing.id, version: 2 });
			if (choice === 'Duplicate') expect(items[0].json).toMatchObject({ title: 'Same (1).txt' });
		},
	);

	test('an unknown file names the parameter and starts nothing', async () => {
		const { error } = await runFile({
			operation: 'copy',
			fileId: byId(987654),
			destinationFolderId: byId(state().seedIds.myDocuments),
		});
		expect(error?.message).toBe('The parameter “File” names no file DocSpace can find: “987654”');
		expectAtItem(error, 0);
		expect(writes()).toHaveLength(0);
	});

	test('a malformed destination link names the parameter and sends nothing', async () => {
		const { error } = await runFile({
			operation: 'copy',
			fileId: byId(state().seedIds.files.docx),
			destinationFolderId: {
				__rl: true,
				mode: 'url',
				value: '={{ "https://yourportal.onlyoffice.com/rooms/shared" }}',
			},
		});
		expect(error?.message).toBe(
			'The parameter “Destination Folder” does not hold a DocSpace link to a folder: “https://yourportal.onlyoffice.com/rooms/shared”',
		);
		expectAtItem(error, 0);
		expect(error?.description).toMatch(/By ID/);
		expect(emulator.requests).toHaveLength(0);
	});
});

describe('move', () => {
	test('moves the file into the destination', async () => {
		const source = newFile('Mobile.xlsx', newFolder('Move source').id);
		const destination = newFolder('Move target');
		const { items, error } = await runFile({
			operation: 'move',
			fileId: byId(source.id),
			destinationFolderId: byId(destination.id),
			conflictResolveType: 'Overwrite',
		});
		expect(error).toBeUndefined();
		expect(state().getFile(source.id)?.folderId).toBe(destination.id);
		expect(items[0].json).toMatchObject({ id: source.id, folderId: destination.id });
		expect(fileopsPut('move')[0].body).toMatchObject({
			fileIds: [source.id],
			destFolderId: destination.id,
			conflictResolveType: 'Overwrite',
		});
	});

	test('a failed move reports DocSpace’s error text and leaves the file', async () => {
		fileOperations(state()).failNext('The file is being edited', 'Move');
		const source = newFile('Busy.docx', newFolder('Busy source').id);
		const { error } = await runFile({
			operation: 'move',
			fileId: byId(source.id),
			destinationFolderId: byId(newFolder('Busy target').id),
		});
		expect(error?.message).toBe(
			'DocSpace could not finish the move operation: The file is being edited',
		);
		expectAtItem(error, 0);
		expect(state().getFile(source.id)?.folderId).toBe(source.folderId);
	});

	test('an unknown destination names the parameter and moves nothing', async () => {
		const source = newFile('Stay.docx', newFolder('Stay source').id);
		const { error } = await runFile({
			operation: 'move',
			fileId: byId(source.id),
			destinationFolderId: byId(987654),
		});
		expect(error?.message).toBe(
			'The parameter “Destination Folder” names no folder DocSpace can find: “987654”',
		);
		expectAtItem(error, 0);
		expect(writes()).toHaveLength(0);
		expect(state().getFile(source.id)?.folderId).toBe(source.folderId);
	});
});

describe('delete and restore', () => {
	test('delete moves the file to the trash; restore puts it back', async () => {
		const home = newFolder('Home of the file');
		const target = newFile('Doomed.pptx', home.id);
		const deleted = await runFile({ operation: 'delete', fileId: byId(target.id) });
		expect(deleted.error).toBeUndefined();
		expect(deleted.items.map((i) => i.json)).toEqual([
			{ deleted: true, id: target.id, permanently: false },
		]);
		expect(state().getFile(target.id)?.folderId).toBe(state().seedIds.trash);
		const [request] = writes();
		expect([request.method, request.path, request.query, request.body]).toEqual([
			'DELETE',
			`/api/2.0/files/file/${target.id}`,
			{ returnSingleOperation: 'true' },
			{ deleteAfter: false, immediately: false },
		]);

		emulator.clearRequests();
		const restored = await runFile({ operation: 'restore', fileId: byId(target.id) });
		expect(restored.error).toBeUndefined();
		expect(state().getFile(target.id)?.folderId).toBe(home.id);
		expect(restored.items[0].json).toMatchObject({
			id: target.id,
			folderId: home.id,
			title: 'Doomed.pptx',
		});
		expect(fileopsPut('move').map((r) => r.body)).toEqual([
			{
				folderIds: [],
				fileIds: [target.id],
				destFolderId: home.id,
				conflictResolveType: 'Duplicate',
				deleteAfter: false,
				returnSingleOperation: true,
			},
		]);
	});

	test('delete permanently removes the file', async () => {
		const target = newFile('Shredded.pdf', newFolder('Shredder').id);
		const { items } = await runFile({
			operation: 'delete',
			fileId: byId(target.id),
			permanently: true,
		});
		expect(items[0].json).toEqual({ deleted: true, id: target.id, permanently: true });
		expect(state().getFile(target.id)).toBeUndefined();
		expect(writes()[0].body).toEqual({ deleteAfter: false, immediately: true });
	});

	test('deleting a file that is already in the trash deletes it for good', async () => {
		const target = newFile('Twice.txt', newFolder('Twice').id);
		await runFile({ operation: 'delete', fileId: byId(target.id) });
		expect(state().getFile(target.id)?.folderId).toBe(state().seedIds.trash);
		await runFile({ operation: 'delete', fileId: byId(target.id) });
		expect(state().getFile(target.id)).toBeUndefined();
	});

	test('restore refuses a file that is not in the trash', async () => {
		const target = newFile('Alive.txt', newFolder('Alive').id);
		const { error } = await runFile({ operation: 'restore', fileId: byId(target.id) });
		expect(error?.message).toBe('The file “Alive.txt” is not in the trash');
		expectAtItem(error, 0);
		expect(error?.description).toMatch(/Move operation/);
		expect(writes()).toHaveLength(0);
	});

	test('restore when the original folder is gone asks for a destination, then uses it', async () => {
		const home = newFolder('Vanishing home');
		const target = newFile('Orphan.docx', home.id);
		await runFile({ operation: 'delete', fileId: byId(target.id) });
		state().folders.delete(home.id);
		emulator.clearRequests();
		const refused = await runFile({ operation: 'restore', fileId: byId(target.id) });
		expect(refused.error?.message).toBe(
			`The file “Orphan.docx” cannot go back: the folder it was deleted from (ID ${home.id}) no longer exists`,
		);
		expectAtItem(refused.error, 0);
		expect(refused.error?.description).toMatch(/Destination Folder/);
		expect(writes()).toHaveLength(0);

		const elsewhere = newFolder('New home');
		const { items, error } = await runFile({
			operation: 'restore',
			fileId: byId(target.id),
			destinationFolderId: byId(elsewhere.id),
		});
		expect(error).toBeUndefined();
		expect(state().getFile(target.id)?.folderId).toBe(elsewhere.id);
		expect(items[0].json).toMatchObject({ id: target.id, folderId: elsewhere.id });
	});

	test('an unknown file names the parameter and deletes nothing', async () => {
		const before = state().files.size;
		const { error } = await runFile({ operation: 'delete', fileId: byId(987654) });
		expect(error?.message).toBe('The parameter “File” names no file DocSpace can find: “987654”');
		expectAtItem(error, 0);
		expect(writes()).toHaveLength(0);
		expect(state().files.size).toBe(before);
	});

	test('a failed delete reports DocSpace’s error text and keeps the file', async () => {
		fileOperations(state()).failNext('The file is locked by another user', 'Delete');
		const target = newFile('Locked.docx', newFolder('Locked home').id);
		const { error } = await runFile({ operation: 'delete', fileId: byId(target.id) });
		expect(error?.message).toBe(
			'DocSpace could not finish the delete operation: The file is locked by another user',
		);
		expectAtItem(error, 0);
		expect(state().getFile(target.id)?.folderId).toBe(target.folderId);
	});
});

describe('several items', () => {
	test('each item runs its own operation, and continue on fail pairs errors to items', async () => {
		const a = newFile('A.txt', newFolder('Batch A').id);
		const b = newFile('B.txt', newFolder('Batch B').id);
		const destination = newFolder('Batch target');
		const { items, status } = await runFile(
			{
				operation: 'move',
				fileId: '={{ { __rl: true, mode: "id", value: String($json.id) } }}',
				destinationFolderId: byId(destination.id),
			},
			{
				node: { onError: 'continueRegularOutput' },
				input: [{ json: { id: a.id } }, { json: { id: 987654 } }, { json: { id: b.id } }],
			},
		);
		expect(status).toBe('success');
		expect(items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(items[0].json).toMatchObject({ id: a.id, folderId: destination.id });
		expect(items[1].json.error).toBe(
			'The parameter “File” names no file DocSpace can find: “987654”',
		);
		expectErrorItemAt(items[1], 1);
		expect(items[2].json).toMatchObject({ id: b.id, folderId: destination.id });
		expect(
			filesIn(destination.id)
				.map((f) => f.title)
				.sort(),
		).toEqual(['A.txt', 'B.txt']);
	});
});
