import { emulator as emu, jsonAuth, useEmulator } from './emulator.fixture.cjs';
import { call } from '../emulator/client.cjs';
import { fileOperations } from '../emulator/operations.cjs';

useEmulator();
beforeEach(() => fileOperations(emu.state).reset());

const send = (method: string, path: string, body?: unknown) =>
	call(emu.url, path, {
		method,
		headers: jsonAuth,
		body: body === undefined ? undefined : JSON.stringify(body),
	});
const admin = () => emu.state.seedIds.users.admin;
const newFolder = (title: string, parentId = emu.state.seedIds.myDocuments) =>
	emu.state.createFolder({ title, parentId, createdBy: admin() });
const newFile = (title: string, folderId: number) =>
	emu.state.createFile({ title, folderId, createdBy: admin(), content: Buffer.from(title) });

describe('file operations', () => {
	it('answers the start queued, then reports the result once and forgets the operation', async () => {
		const source = newFile('One.txt', newFolder('Src').id);
		const dest = newFolder('Dst');
		const start = await send('PUT', '/api/2.0/files/fileops/copy', {
			fileIds: [source.id],
			destFolderId: dest.id,
			returnSingleOperation: true,
		});
		expect(start.status).toBe(200);
		expect(start.json.response).toEqual([
			{
				id: expect.any(String),
				Operation: 1,
				progress: 0,
				error: '',
				processed: '0',
				finished: false,
				status: 0,
			},
		]);
		const id = start.json.response[0].id as string;
		const poll = await send('GET', `/api/2.0/files/fileops?id=${id}`);
		const [done] = poll.json.response;
		expect(done).toMatchObject({
			id,
			Operation: 1,
			progress: 100,
			finished: true,
			error: '',
			status: 2,
		});
		expect(done.folders.map((f: { id: number }) => f.id)).toEqual([dest.id]);
		expect(done.files).toEqual([
			expect.objectContaining({ title: 'One.txt', folderId: dest.id, fileEntryType: 2 }),
		]);
		expect((await send('GET', '/api/2.0/files/fileops')).json.response).toEqual([]);
	});

	it('shows progress rising over the configured duration', async () => {
		fileOperations(emu.state).durationMs = 60_000;
		const start = await send('PUT', '/api/2.0/files/fileops/move', {
			folderIds: [newFolder('Slow').id],
			destFolderId: newFolder('Later').id,
			returnSingleOperation: true,
		});
		const id = start.json.response[0].id as string;
		emu.state.advanceClock(30_000);
		const [half] = (await send('GET', '/api/2.0/files/fileops/Move')).json.response;
		expect(half).toMatchObject({ id, Operation: 0, finished: false, status: 1 });
		expect(half.progress).toBeGreaterThanOrEqual(49);
		expect(half.progress).toBeLessThan(100);
		expect((await send('GET', '/api/2.0/files/fileops/1')).json.response).toEqual([]);
		emu.state.advanceClock(30_000);
		expect((await send('GET', `/api/2.0/files/fileops?id=${id}`)).json.response[0]).toMatchObject({
			finished: true,
			progress: 100,
		});
	});

	it('lists all the caller’s operations without returnSingleOperation', async () => {
		fileOperations(emu.state).durationMs = 60_000;
		await send('PUT', '/api/2.0/files/fileops/delete', {
			fileIds: [newFile('a.txt', newFolder('A').id).id],
		});
		const second = await send('DELETE', `/api/2.0/files/folder/${newFolder('B').id}`, {
			deleteAfter: false,
			immediately: false,
		});
		expect(second.json.response.map((o: { Operation: number }) => o.Operation)).toEqual([2, 2]);
	});

	it.each<string | number>(['Skip', 'overwrite', 2, '2'])(
		'accepts the conflict type %j',
		async (value) => {
			const start = await send('PUT', '/api/2.0/files/fileops/copy', {
				fileIds: [],
				destFolderId: newFolder('Any').id,
				conflictResolveType: value,
			});
			expect(start.status).toBe(200);
		},
	);

	it('refuses an unknown conflict type with a validation reply', async () => {
		const start = await send('PUT', '/api/2.0/files/fileops/copy', {
			fileIds: [],
			destFolderId: 1,
			conflictResolveType: 'Merge',
		});
		expect(start.status).toBe(400);
		expect(start.json.response.errors.conflictResolveType).toBeDefined();
		expect(fileOperations(emu.state).all).toHaveLength(0);
	});

	it('trashes with origin fields, restores by moving back, deletes from trash for good', async () => {
		const home = newFolder('Home');
		const file = newFile('Back.docx', home.id);
		await send('DELETE', `/api/2.0/files/file/${file.id}?returnSingleOperation=true`, {
			immediately: false,
		});
		expect(emu.state.getFile(file.id)?.folderId).toBe(emu.state.seedIds.trash);
		const info = (await send('GET', `/api/2.0/files/file/${file.id}`)).json.response;
		expect(info).toMatchObject({ rootFolderType: 3, originId: home.id, originTitle: 'Home' });
		const trash = (await send('GET', '/api/2.0/files/@trash')).json.response;
		expect(trash.files.map((f: { id: number }) => f.id)).toContain(file.id);
		await send('PUT', '/api/2.0/files/fileops/move', { fileIds: [file.id], destFolderId: home.id });
		expect(emu.state.getFile(file.id)?.folderId).toBe(home.id);
		expect(
			(await send('GET', `/api/2.0/files/file/${file.id}`)).json.response.originId,
		).toBeUndefined();
		await send('PUT', '/api/2.0/files/fileops/delete', { fileIds: [file.id] });
		await send('PUT', '/api/2.0/files/fileops/delete', { fileIds: [file.id] });
		expect(emu.state.getFile(file.id)).toBeUndefined();
	});

	it('reports problems found while running as the operation error', async () => {
		const unknown = await send('PUT', '/api/2.0/files/fileops/delete', {
			fileIds: [987654],
			returnSingleOperation: true,
		});
		const id = unknown.json.response[0].id as string;
		expect((await send('GET', `/api/2.0/files/fileops?id=${id}`)).json.response[0]).toMatchObject({
			finished: true,
			status: 4,
			error: 'The required file was not found',
		});
		const section = await send('PUT', '/api/2.0/files/fileops/delete', {
			folderIds: [emu.state.seedIds.myDocuments],
			returnSingleOperation: true,
		});
		const [failed] = (
			await send('GET', `/api/2.0/files/fileops?id=${section.json.response[0].id as string}`)
		).json.response;
		expect(failed.error).toMatch(/permission to delete the folder/);
		expect(emu.state.getFolder(emu.state.seedIds.myDocuments)?.parentId).toBe(0);
	});

	it('ends silently when the destination folder does not exist, as DocSpace does', async () => {
		const file = newFile('Nowhere.txt', newFolder('Here').id);
		const start = await send('PUT', '/api/2.0/files/fileops/move', {
			fileIds: [file.id],
			destFolderId: 987654,
			returnSingleOperation: true,
		});
		const [done] = (
			await send('GET', `/api/2.0/files/fileops?id=${start.json.response[0].id as string}`)
		).json.response;
		expect(done).toMatchObject({ finished: true, error: '', status: 2 });
		expect(done.files).toEqual([]);
		expect(emu.state.getFile(file.id)?.folderId).toBe(file.folderId);
	});

	it('a plain user cannot delete in a room they only read', async () => {
		const userAuth = {
			authorization: `Basic ${Buffer.from(`${emu.secrets.userEmail}:${emu.secrets.userPassword}`).toString('base64')}`,
			'content-type': 'application/json',
		};
		const fileInArchive = emu.state.childrenOf(emu.state.seedIds.rooms.archived).files[0];
		const start = await call(emu.url, '/api/2.0/files/fileops/delete', {
			method: 'PUT',
			headers: userAuth,
			body: JSON.stringify({ fileIds: [fileInArchive.id], returnSingleOperation: true }),
		});
		const poll = await call(
			emu.url,
			`/api/2.0/files/fileops?id=${start.json.response[0].id as string}`,
			{ headers: userAuth },
		);
		expect(poll.json.response[0].error).toMatch(/permission to delete the file/);
		expect(emu.state.getFile(fileInArchive.id)).toBeDefined();
	});
});

describe('folder routes', () => {
	it('creates and renames with DocSpace’s title rules', async () => {
		const created = await send('POST', `/api/2.0/files/folder/${emu.state.seedIds.myDocuments}`, {
			title: '  a/b:c  ',
		});
		expect(created.json.response).toMatchObject({
			title: 'a_b_c',
			parentId: emu.state.seedIds.myDocuments,
		});
		expect(
			(await send('POST', `/api/2.0/files/folder/${emu.state.seedIds.myDocuments}`, { title: ' ' }))
				.status,
		).toBe(400);
		expect(
			(
				await send('POST', `/api/2.0/files/folder/${emu.state.seedIds.virtualRooms}`, {
					title: 'x',
				})
			).status,
		).toBe(403);
		const renamed = await send(
			'PUT',
			`/api/2.0/files/folder/${created.json.response.id as number}`,
			{ title: 'Renamed' },
		);
		expect(renamed.json.response.title).toBe('Renamed');
		expect(
			(
				await send('PUT', `/api/2.0/files/folder/${emu.state.seedIds.myDocuments}`, {
					title: 'Mine',
				})
			).status,
		).toBe(403);
	});

	it('creates the primary link on first read and lists it', async () => {
		const folder = newFolder('Linked');
		const first = await send('GET', `/api/2.0/files/folder/${folder.id}/link`);
		const again = await send('GET', `/api/2.0/files/folder/${folder.id}/link`);
		expect(again.json.response.sharedLink.id).toBe(first.json.response.sharedLink.id);
		expect(first.json.response).toMatchObject({
			access: 2,
			subjectType: 4,
			sharedLink: { primary: true, linkType: 1 },
		});
		expect(
			(await send('GET', `/api/2.0/files/folder/${folder.id}/links`)).json.response,
		).toHaveLength(1);
		expect(
			(await send('GET', `/api/2.0/files/folder/${emu.state.seedIds.trash}/link`)).status,
		).toBe(403);
	});

	it('logs moves in both folders and filters by date', async () => {
		const from = newFolder('Log from');
		const to = newFolder('Log to');
		const file = newFile('Logged.txt', from.id);
		await send('PUT', '/api/2.0/files/fileops/move', { fileIds: [file.id], destFolderId: to.id });
		await send('GET', '/api/2.0/files/fileops');
		for (const folder of [from, to]) {
			const log = (await send('GET', `/api/2.0/files/folder/${folder.id}/log`)).json.response;
			expect(log.map((e: { action: { key: string } }) => e.action.key)).toContain('fileMoved');
		}
		const future = new Date(Date.now() + 3600_000).toISOString();
		expect(
			(await send('GET', `/api/2.0/files/folder/${to.id}/log?fromDate=${future}`)).json.response,
		).toEqual([]);
		expect((await send('GET', `/api/2.0/files/folder/${to.id}/log?fromDate=soon`)).status).toBe(
			400,
		);
	});
});
