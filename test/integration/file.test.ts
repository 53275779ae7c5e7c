/**
 * File resource (upload, create, create from text, get, download, rename, replace content, get
 * many, versions, links) through n8n's engine against the emulator. Binary data stays in n8n's
 * default in-memory mode here; file-streaming.test.ts covers the filesystem mode.
 */
import { randomBytes } from 'node:crypto';
import type { INodeExecutionData } from 'n8n-workflow';

import type { Emulator, RecordedRequest } from '../emulator';
import { startEmulator } from '../emulator';
import { fileLinks, fileStore } from '../emulator/file-store';
import type { Folder } from '../emulator/model';
import { authenticationMethods, byId, byUrl, runDocSpace } from '../harness/docspace';

let emulator: Emulator;
let ids: Emulator['state']['seedIds'];
beforeAll(async () => {
	emulator = await startEmulator();
	ids = emulator.state.seedIds;
});
afterAll(async () => await emulator.close());
beforeEach(() => {
	emulator.clearRequests();
	emulator.faults.clear();
});

const MiB = 1024 * 1024;

/** A value given as an expression, as data from an earlier node arrives (the editor cannot check it). */
const expr = (value: string) => `={{ ${JSON.stringify(value)} }}`;

function binaryInput(fileName: string, content: Buffer, mimeType = 'application/octet-stream', property = 'data'): INodeExecutionData[] {
	return [{ json: {}, binary: { [property]: { data: content.toString('base64'), mimeType, fileName } } }];
}

async function run(parameters: Record<string, unknown>, extra: { input?: INodeExecutionData[]; authentication?: (typeof authenticationMethods)[number] } = {}) {
	return await runDocSpace({ emulator, parameters: { resource: 'file', ...parameters }, ...extra });
}

let folderCount = 0;
/** A fresh folder in the admin's My documents, so tests do not see each other's files. */
function freshFolder(): Folder {
	return emulator.state.createFolder({ title: `File tests ${++folderCount}`, parentId: ids.myDocuments, createdBy: ids.users.admin });
}

const filesIn = (folderId: number) => emulator.state.childrenOf(folderId).files;
const calls = (method: string, path: string | RegExp): RecordedRequest[] =>
	emulator.requests.filter((r) => r.method === method && (typeof path === 'string' ? r.path === path : path.test(r.path)));
const chunkPosts = () => calls('POST', '/ChunkedUploader.ashx');
const createsAnything = () =>
	emulator.requests.filter((r) => r.method !== 'GET' && r.method !== 'HEAD');

function multipartFiles(request: RecordedRequest): Array<{ name: string; filename: string; size: number }> {
	return (request.body as { files: Array<{ name: string; filename: string; size: number }> }).files;
}

describe('Upload', () => {
	test('a small file: one session, one chunk, the bytes on the portal equal the input', async () => {
		const folder = freshFolder();
		const content = Buffer.from('hello DocSpace\n');
		const { status, error, items } = await run(
			{ operation: 'upload', folderId: byId(folder.id), binaryPropertyName: 'data' },
			{ input: binaryInput('hello.txt', content, 'text/plain') },
		);
		expect(error).toBeUndefined();
		expect(status).toBe('success');
		const [file] = filesIn(folder.id);
		expect(file.title).toBe('hello.txt');
		expect(file.content.equals(content)).toBe(true);
		expect(items).toHaveLength(1);
		expect(items[0].json).toMatchObject({ id: file.id, title: 'hello.txt', folderId: folder.id, version: 1 });

		const [session] = calls('POST', `/api/2.0/files/${folder.id}/upload/create_session`);
		expect(session.body).toEqual({ fileName: 'hello.txt', fileSize: content.length, createNewIfExist: false });
		const chunks = chunkPosts();
		expect(chunks).toHaveLength(1);
		expect(chunks[0].headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
		expect(multipartFiles(chunks[0])).toEqual([expect.objectContaining({ name: 'file', filename: 'hello.txt', size: content.length })]);
		expect(chunks[0].status).toBe(201);
	});

	test('a multi-chunk file: chunks of exactly Chunk Size, 201 only on the last, bytes equal', async () => {
		const folder = freshFolder();
		const content = randomBytes(3.5 * MiB);
		const { error } = await run(
			{ operation: 'upload', folderId: byId(folder.id), binaryPropertyName: 'data', options: { chunkSize: 1 } },
			{ input: binaryInput('big.bin', content) },
		);
		expect(error).toBeUndefined();
		const chunks = chunkPosts();
		expect(chunks.map((c) => multipartFiles(c)[0].size)).toEqual([MiB, MiB, MiB, 0.5 * MiB]);
		expect(chunks.map((c) => c.status)).toEqual([200, 200, 200, 201]);
		const [file] = filesIn(folder.id);
		expect(file.content.equals(content)).toBe(true);
		expect(fileStore(emulator.state).sessions.size).toBe(0);
	});

	test.each(authenticationMethods)('works with the %s credential', async (authentication) => {
		const folder = freshFolder();
		const content = randomBytes(1000);
		const { error } = await run(
			{ operation: 'upload', folderId: byId(folder.id), binaryPropertyName: 'data' },
			{ input: binaryInput('auth.bin', content), authentication },
		);
		expect(error).toBeUndefined();
		expect(filesIn(folder.id)[0].content.equals(content)).toBe(true);
	});

	test('into My documents with @my: the session goes to its numeric id', async () => {
		const { error, items } = await run(
			{ operation: 'upload', folderId: byId('@my'), binaryPropertyName: 'data', options: { fileName: 'My upload.txt' } },
			{ input: binaryInput('ignored.txt', Buffer.from('mine')) },
		);
		expect(error).toBeUndefined();
		expect(calls('POST', `/api/2.0/files/${ids.myDocuments}/upload/create_session`)).toHaveLength(1);
		const file = filesIn(ids.myDocuments).find((f) => f.title === 'My upload.txt');
		expect(file?.content.toString()).toBe('mine');
		expect(items[0].json.id).toBe(file?.id);
	});

	test('into a room given by its link', async () => {
		const { error } = await run(
			{ operation: 'upload', folderId: byUrl(`${emulator.url}/rooms/shared/${ids.rooms.custom}/filter`), binaryPropertyName: 'data' },
			{ input: binaryInput('room.txt', Buffer.from('in the room')) },
		);
		expect(error).toBeUndefined();
		expect(filesIn(ids.rooms.custom).find((f) => f.title === 'room.txt')?.content.toString()).toBe('in the room');
	});

	describe('If Name Exists', () => {
		const upload = (folder: Folder, text: string, ifNameExists: string) =>
			run(
				{ operation: 'upload', folderId: byId(folder.id), binaryPropertyName: 'data', ifNameExists },
				{ input: binaryInput('report.txt', Buffer.from(text)) },
			);

		test('Add New Version: the same title gets version 2 (createNewIfExist false)', async () => {
			const folder = freshFolder();
			await upload(folder, 'first', 'newVersion');
			const { error, items } = await upload(folder, 'second', 'newVersion');
			expect(error).toBeUndefined();
			const files = filesIn(folder.id);
			expect(files).toHaveLength(1);
			expect(files[0].version).toBe(2);
			expect(files[0].versions.map((v) => v.content.toString())).toEqual(['first', 'second']);
			expect(items[0].json).toMatchObject({ id: files[0].id, version: 2 });
		});

		test('Keep Both: DocSpace numbers the new file (createNewIfExist true)', async () => {
			const folder = freshFolder();
			await upload(folder, 'first', 'duplicate');
			emulator.clearRequests();
			const { error } = await upload(folder, 'second', 'duplicate');
			expect(error).toBeUndefined();
			expect(calls('POST', /create_session$/)[0].body).toMatchObject({ createNewIfExist: true });
			expect(filesIn(folder.id).map((f) => [f.title, f.content.toString()]).sort()).toEqual([
				['report (1).txt', 'second'],
				['report.txt', 'first'],
			]);
		});

		test('Skip: an existing title (any case) is returned with skipped: true and nothing is uploaded', async () => {
			const folder = freshFolder();
			const existing = emulator.state.createFile({ title: 'REPORT.txt', folderId: folder.id, createdBy: ids.users.admin, content: Buffer.from('old') });
			const { error, items } = await upload(folder, 'new', 'skip');
			expect(error).toBeUndefined();
			expect(items[0].json).toMatchObject({ id: existing.id, skipped: true });
			expect(calls('POST', /create_session$/)).toHaveLength(0);
			expect(filesIn(folder.id)).toHaveLength(1);
			expect(existing.content.toString()).toBe('old');
			expect(existing.version).toBe(1);
		});

		test('Skip: without a clash the file is uploaded', async () => {
			const folder = freshFolder();
			emulator.state.createFile({ title: 'report.txt.bak', folderId: folder.id, createdBy: ids.users.admin });
			const { error, items } = await upload(folder, 'new', 'skip');
			expect(error).toBeUndefined();
			expect(items[0].json.skipped).toBeUndefined();
			expect(filesIn(folder.id).find((f) => f.title === 'report.txt')?.content.toString()).toBe('new');
		});
	});

	describe('chunk failures', () => {
		test('a chunk answered {success:false} on HTTP 200 is sent again', async () => {
			const folder = freshFolder();
			const content = randomBytes(2 * MiB + 10);
			emulator.faults.add({
				method: 'POST',
				path: '/ChunkedUploader.ashx',
				status: 200,
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ success: false, message: 'Storage is busy' }),
			});
			const { error } = await run(
				{ operation: 'upload', folderId: byId(folder.id), binaryPropertyName: 'data', options: { chunkSize: 1 } },
				{ input: binaryInput('retry.bin', content) },
			);
			expect(error).toBeUndefined();
			expect(chunkPosts()).toHaveLength(4);
			expect(filesIn(folder.id)[0].content.equals(content)).toBe(true);
		});

		test('a 503 on a chunk is retried by the request helper', async () => {
			const folder = freshFolder();
			const content = randomBytes(1500);
			emulator.faults.add({ method: 'POST', path: '/ChunkedUploader.ashx', status: 503, headers: { 'retry-after': '0' } });
			const { error } = await run(
				{ operation: 'upload', folderId: byId(folder.id), binaryPropertyName: 'data' },
				{ input: binaryInput('busy.bin', content) },
			);
			expect(error).toBeUndefined();
			expect(chunkPosts().map((c) => c.status)).toEqual([503, 201]);
			expect(filesIn(folder.id)[0].content.equals(content)).toBe(true);
		});

		test('a chunk above the portal limit fails with the uploader’s message and a hint, nothing is stored', async () => {
			const folder = freshFolder();
			const store = fileStore(emulator.state);
			store.maxChunkSize = 256 * 1024;
			try {
				const { status, error } = await run(
					{ operation: 'upload', folderId: byId(folder.id), binaryPropertyName: 'data', options: { chunkSize: 0.5 } },
					{ input: binaryInput('too-big.bin', randomBytes(600 * 1024)) },
				);
				expect(status).toBe('error');
				expect(error?.message).toContain('maximum chunk size');
				expect(error?.message).toContain('[item 0]');
				expect(error?.description).toContain('Chunk Size (MiB)');
				expect(error?.description).toContain('part 1 of 2');
				expect(chunkPosts()).toHaveLength(3);
				expect(filesIn(folder.id)).toHaveLength(0);
			} finally {
				store.maxChunkSize = 10 * MiB;
			}
		});
	});

	describe('bad input: a clear error and nothing created', () => {
		test('missing binary property names the parameter and the properties the item has', async () => {
			const folder = freshFolder();
			const { status, error } = await run(
				{ operation: 'upload', folderId: byId(folder.id), binaryPropertyName: 'file' },
				{ input: binaryInput('x.txt', Buffer.from('x'), 'text/plain', 'attachment') },
			);
			expect(status).toBe('error');
			expect(error?.message).toBe('The input item has no binary property “file” (parameter “Input Binary Field”) [item 0]');
			expect(error?.description).toContain('attachment');
			expect(emulator.requests).toHaveLength(0);
		});

		test('an empty file', async () => {
			const folder = freshFolder();
			const { error } = await run(
				{ operation: 'upload', folderId: byId(folder.id), binaryPropertyName: 'data' },
				{ input: binaryInput('empty.txt', Buffer.alloc(0)) },
			);
			expect(error?.message).toBe('The file “empty.txt” is empty [item 0]');
			expect(createsAnything()).toHaveLength(0);
		});

		test('an empty File Name option', async () => {
			const { error } = await run(
				{ operation: 'upload', folderId: byId(ids.myDocuments), binaryPropertyName: 'data', options: { fileName: '  ' } },
				{ input: binaryInput('x.txt', Buffer.from('x')) },
			);
			expect(error?.message).toBe('The parameter “File Name” is empty [item 0]');
			expect(emulator.requests).toHaveLength(0);
		});

		test('an unknown folder id', async () => {
			const before = emulator.state.files.size;
			const { error } = await run(
				{ operation: 'upload', folderId: byId(987654), binaryPropertyName: 'data' },
				{ input: binaryInput('x.txt', Buffer.from('x')) },
			);
			expect(error?.message).toMatch(/could not find.*\[item 0\]$/);
			expect(emulator.state.files.size).toBe(before);
			expect(chunkPosts()).toHaveLength(0);
		});

		test('a folder link that is no DocSpace folder link', async () => {
			const { error } = await run(
				{ operation: 'upload', folderId: byUrl(expr('https://example.com/not-a-folder')), binaryPropertyName: 'data' },
				{ input: binaryInput('x.txt', Buffer.from('x')) },
			);
			expect(error?.message).toBe('The parameter “Folder” does not hold a DocSpace link to a folder: “https://example.com/not-a-folder” [item 0]');
			expect(emulator.requests).toHaveLength(0);
		});

		test('a folder ID that is not a number', async () => {
			const { error } = await run(
				{ operation: 'upload', folderId: byId(expr('abc')), binaryPropertyName: 'data' },
				{ input: binaryInput('x.txt', Buffer.from('x')) },
			);
			expect(error?.message).toBe('The parameter “Folder” is not a valid folder ID: “abc” [item 0]');
			expect(emulator.requests).toHaveLength(0);
		});
	});
});

describe('Create', () => {
	test('a document: the extension picks the type and is added to the name', async () => {
		const folder = freshFolder();
		const { error, items } = await run({ operation: 'create', folderId: byId(folder.id), title: 'Quarterly report', fileType: '.docx' });
		expect(error).toBeUndefined();
		expect(calls('POST', `/api/2.0/files/${folder.id}/file`)[0].body).toEqual({ title: 'Quarterly report.docx' });
		const [file] = filesIn(folder.id);
		expect(file.title).toBe('Quarterly report.docx');
		expect(file.content.subarray(0, 2).toString()).toBe('PK');
		expect(items[0].json).toMatchObject({ id: file.id, fileExst: '.docx' });
	});

	test('a PDF form in My documents', async () => {
		const { error, items } = await run({ operation: 'create', folderId: byId('@my'), title: 'Application.pdf', fileType: '.pdf' });
		expect(error).toBeUndefined();
		expect(calls('POST', '/api/2.0/files/@my/file')[0].body).toEqual({ title: 'Application.pdf' });
		const file = emulator.state.getFile(Number(items[0].json.id));
		expect(file).toMatchObject({ title: 'Application.pdf', folderId: ids.myDocuments, isForm: true });
	});

	test('an empty name is refused before calling DocSpace', async () => {
		const { error } = await run({ operation: 'create', folderId: byId(ids.myDocuments), title: expr(' '), fileType: '.xlsx' });
		expect(error?.message).toBe('The parameter “File Name” is empty [item 0]');
		expect(emulator.requests).toHaveLength(0);
	});
});

describe('Create From Text', () => {
	const create = (folder: Folder, content: string, extra: Record<string, unknown> = {}) =>
		run({ operation: 'createFromText', folderId: byId(folder.id), title: 'Notes', content, ...extra });

	test('a text file with the content, then a new version, then a numbered copy', async () => {
		const folder = freshFolder();
		expect((await create(folder, 'one')).error).toBeUndefined();
		expect(calls('POST', `/api/2.0/files/${folder.id}/text`)[0].body).toEqual({ title: 'Notes.txt', content: 'one', createNewIfExist: false });
		await create(folder, 'two');
		await create(folder, 'three', { ifNameExists: 'duplicate' });
		const files = filesIn(folder.id);
		const notes = files.find((f) => f.title === 'Notes.txt');
		expect(notes?.versions.map((v) => v.content.toString())).toEqual(['one', 'two']);
		expect(files.find((f) => f.title === 'Notes (1).txt')?.content.toString()).toBe('three');
	});

	test('HTML goes to the html endpoint', async () => {
		const folder = freshFolder();
		const { error } = await create(folder, '<h1>Hi</h1>', { format: 'html' });
		expect(error).toBeUndefined();
		expect(calls('POST', `/api/2.0/files/${folder.id}/html`)).toHaveLength(1);
		expect(filesIn(folder.id)[0]).toMatchObject({ title: 'Notes.html' });
	});

	test('Skip returns the existing file and writes nothing', async () => {
		const folder = freshFolder();
		const existing = emulator.state.createFile({ title: 'Notes.txt', folderId: folder.id, createdBy: ids.users.admin, content: Buffer.from('keep') });
		const { items } = await create(folder, 'lost', { ifNameExists: 'skip' });
		expect(items[0].json).toMatchObject({ id: existing.id, skipped: true });
		expect(createsAnything()).toHaveLength(0);
		expect(existing.content.toString()).toBe('keep');
	});
});

describe('Get', () => {
	test('an unknown id is a clear 404', async () => {
		const { error } = await run({ operation: 'get', fileId: byId(999999) });
		expect(error?.message).toMatch(/^DocSpace could not find the requested item.*\[item 0\]$/);
		expect(error?.httpCode).toBe('404');
	});

	test('a file link that is no DocSpace file link', async () => {
		const { error } = await run({ operation: 'get', fileId: byUrl(expr(`${emulator.url}/rooms/shared/12`)) });
		expect(error?.message).toBe(`The parameter “File” does not hold a DocSpace link to a file: “${emulator.url}/rooms/shared/12” [item 0]`);
		expect(emulator.requests).toHaveLength(0);
	});
});

describe('Download', () => {
	const download = (fileId: number, options: Record<string, unknown> = {}, input?: INodeExecutionData[]) =>
		run({ operation: 'download', fileId: byId(fileId), binaryPropertyName: 'data', options }, { input });

	test('the bytes, name and type of the file, with the file as JSON', async () => {
		const source = emulator.state.getFile(ids.files.docx);
		const { error, items } = await download(ids.files.docx);
		expect(error).toBeUndefined();
		const binary = items[0].binary?.data;
		expect(binary).toMatchObject({
			fileName: 'Project plan.docx',
			mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
		});
		expect(Buffer.from(binary?.data ?? '', 'base64').equals(source?.content ?? Buffer.alloc(1))).toBe(true);
		expect(items[0].json).toMatchObject({ id: ids.files.docx, title: 'Project plan.docx' });
		const [handler] = calls('GET', '/filehandler.ashx');
		expect(handler.query).toEqual({ action: 'download', fileid: String(ids.files.docx) });
		expect(handler.headers.authorization).toBe(`Bearer ${emulator.secrets.apiKey}`);
	});

	test('converted to PDF: checked against files/settings, different bytes and extension', async () => {
		const source = emulator.state.getFile(ids.files.docx);
		const { error, items } = await download(ids.files.docx, { convertTo: 'PDF' });
		expect(error).toBeUndefined();
		expect(calls('GET', '/api/2.0/files/settings')).toHaveLength(1);
		expect(calls('GET', '/filehandler.ashx')[0].query).toMatchObject({ outputtype: '.pdf' });
		const binary = items[0].binary?.data;
		expect(binary).toMatchObject({ fileName: 'Project plan.pdf', mimeType: 'application/pdf' });
		const bytes = Buffer.from(binary?.data ?? '', 'base64');
		expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
		expect(bytes.equals(source?.content ?? Buffer.alloc(0))).toBe(false);
	});

	test('a conversion the portal does not offer is refused with the offered formats', async () => {
		const { error } = await download(ids.files.xlsx, { convertTo: 'pptx' });
		expect(error?.message).toBe('DocSpace cannot convert “Budget 2025.xlsx” to .pptx (parameter “Convert To”) [item 0]');
		expect(error?.description).toContain('.csv, .ods');
		expect(calls('GET', '/filehandler.ashx')).toHaveLength(0);
	});

	test('an older version, keeping the other binaries of the input item', async () => {
		const folder = freshFolder();
		const file = emulator.state.createFile({ title: 'v.txt', folderId: folder.id, createdBy: ids.users.admin, content: Buffer.from('v1') });
		emulator.state.addFileVersion(file.id, Buffer.from('v2'), ids.users.admin);
		const input = binaryInput('other.txt', Buffer.from('other'), 'text/plain', 'other');
		const { error, items } = await download(file.id, { version: 1 }, input);
		expect(error).toBeUndefined();
		expect(Buffer.from(items[0].binary?.data.data ?? '', 'base64').toString()).toBe('v1');
		expect(items[0].binary?.other.fileName).toBe('other.txt');
		expect(items[0].json).toMatchObject({ version: 1 });
	});

	test('a refused download (bare 403 from the file handler) is a clear error', async () => {
		emulator.faults.add({ method: 'GET', path: '/filehandler.ashx', status: 403 });
		const { status, error, items } = await download(ids.files.docx);
		expect(status).toBe('error');
		expect(error?.message).toMatch(/^DocSpace denied permission for this action.*\[item 0\]$/);
		expect(error?.httpCode).toBe('403');
		expect(items).toHaveLength(0);
	});

	test('an unknown file is a clear 404 before any download', async () => {
		const { error } = await download(999999);
		expect(error?.message).toMatch(/could not find.*\[item 0\]$/);
		expect(calls('GET', '/filehandler.ashx')).toHaveLength(0);
	});
});

describe('Rename', () => {
	test('DocSpace keeps the extension', async () => {
		const folder = freshFolder();
		const file = emulator.state.createFile({ title: 'Draft.docx', folderId: folder.id, createdBy: ids.users.admin });
		const { error, items } = await run({ operation: 'rename', fileId: byId(file.id), title: 'Final' });
		expect(error).toBeUndefined();
		expect(calls('PUT', `/api/2.0/files/file/${file.id}`)[0].body).toEqual({ title: 'Final' });
		expect(file.title).toBe('Final.docx');
		expect(items[0].json).toMatchObject({ id: file.id, title: 'Final.docx' });
	});

	test('an empty name is refused before calling DocSpace', async () => {
		const { error } = await run({ operation: 'rename', fileId: byId(ids.files.docx), title: expr(' ') });
		expect(error?.message).toBe('The parameter “New Name” is empty [item 0]');
		expect(emulator.requests).toHaveLength(0);
		expect(emulator.state.getFile(ids.files.docx)?.title).toBe('Project plan.docx');
	});
});

describe('Replace Content', () => {
	test('stores a new version through an edit session, in chunks', async () => {
		const folder = freshFolder();
		const file = emulator.state.createFile({ title: 'data.bin', folderId: folder.id, createdBy: ids.users.admin, content: Buffer.from('old') });
		const content = randomBytes(2.5 * MiB);
		const { error, items } = await run(
			{ operation: 'replaceContent', fileId: byId(file.id), binaryPropertyName: 'data', options: { chunkSize: 1 } },
			{ input: binaryInput('whatever.bin', content) },
		);
		expect(error).toBeUndefined();
		const [session] = calls('POST', `/api/2.0/files/file/${file.id}/edit_session`);
		expect(session.query).toEqual({ fileSize: String(content.length) });
		expect(chunkPosts().map((c) => multipartFiles(c)[0])).toEqual([
			expect.objectContaining({ filename: 'data.bin', size: MiB }),
			expect.objectContaining({ size: MiB }),
			expect.objectContaining({ size: 0.5 * MiB }),
		]);
		expect(file.version).toBe(2);
		expect(file.content.equals(content)).toBe(true);
		expect(file.versions[0].content.toString()).toBe('old');
		expect(filesIn(folder.id)).toHaveLength(1);
		expect(items[0].json).toMatchObject({ id: file.id, version: 2 });
	});

	test('content of another format is refused before any session', async () => {
		const { error } = await run(
			{ operation: 'replaceContent', fileId: byId(ids.files.docx), binaryPropertyName: 'data' },
			{ input: binaryInput('scan.pdf', Buffer.from('%PDF-1.4')) },
		);
		expect(error?.message).toBe('The binary file “scan.pdf” is a .pdf file, but “Project plan.docx” is a .docx file [item 0]');
		expect(createsAnything()).toHaveLength(0);
		expect(emulator.state.getFile(ids.files.docx)?.version).toBe(1);
	});
});

describe('Get Many', () => {
	const getMany = (folderId: number | string, extra: Record<string, unknown>) =>
		run({ operation: 'getMany', folderId: byId(folderId), ...extra });

	test('Return All pages through a folder, files only', async () => {
		const { error, items } = await getMany(ids.bigFolder, { returnAll: true });
		expect(error).toBeUndefined();
		expect(items).toHaveLength(220);
		expect(items.every((i) => i.json.fileEntryType === 2)).toBe(true);
		const pages = calls('GET', `/api/2.0/files/${ids.bigFolder}`);
		expect(pages.map((p) => [p.query.startIndex, p.query.count])).toEqual([['0', '100'], ['100', '100'], ['200', '100']]);
		expect(pages[0].query).toMatchObject({ filterType: '1', applyFilterOption: '1' });
	});

	test('Limit stops after that many', async () => {
		const { items } = await getMany(ids.bigFolder, { limit: 5 });
		expect(items).toHaveLength(5);
		expect(calls('GET', `/api/2.0/files/${ids.bigFolder}`).map((p) => p.query.count)).toEqual(['5']);
	});

	test('by type: documents only', async () => {
		const { items } = await getMany(ids.bigFolder, { returnAll: true, filters: { type: 3 } });
		const titles = items.map((i) => String(i.json.title));
		const expected = filesIn(ids.bigFolder).filter((f) => /\.(docx|txt|md)$/.test(f.title));
		expect(titles.sort()).toEqual(expected.map((f) => f.title).sort());
		expect(calls('GET', `/api/2.0/files/${ids.bigFolder}`)[0].query).toMatchObject({ filterType: '3' });
	});

	test('by extension', async () => {
		const { items } = await getMany(ids.bigFolder, { returnAll: true, filters: { extension: '.PDF' } });
		expect(items).toHaveLength(22);
		expect(items.every((i) => String(i.json.title).endsWith('.pdf'))).toBe(true);
		expect(calls('GET', `/api/2.0/files/${ids.bigFolder}`)[0].query).toMatchObject({ filterType: '11', extension: 'pdf' });
	});

	test('by name, in subfolders, in My documents', async () => {
		const { items } = await getMany('@my', { returnAll: true, filters: { search: 'roadmap', withSubfolders: true }, simplify: false });
		expect(items.map((i) => i.json.id)).toEqual([ids.files.roadmap]);
		expect(calls('GET', '/api/2.0/files/@my')[0].query).toMatchObject({ filterValue: 'roadmap', withSubFolders: 'true' });
		const flat = await getMany('@my', { returnAll: true, filters: { search: 'roadmap' } });
		expect(flat.items).toHaveLength(0);
	});

	test('Extension and Type together are refused', async () => {
		const { error } = await getMany(ids.bigFolder, { filters: { extension: 'pdf', type: 3 } });
		expect(error?.message).toBe('The filters “Extension” and “Type” cannot be combined [item 0]');
		expect(emulator.requests).toHaveLength(0);
	});
});

describe('Get Versions', () => {
	test('one item per version, newest first', async () => {
		const folder = freshFolder();
		const file = emulator.state.createFile({ title: 'h.txt', folderId: folder.id, createdBy: ids.users.admin, content: Buffer.from('1') });
		emulator.state.addFileVersion(file.id, Buffer.from('22'), ids.users.admin);
		emulator.state.addFileVersion(file.id, Buffer.from('333'), ids.users.admin);
		const { error, items } = await run({ operation: 'getVersions', fileId: byId(file.id) });
		expect(error).toBeUndefined();
		expect(items.map((i) => [i.json.version, i.json.pureContentLength])).toEqual([[3, 3], [2, 2], [1, 1]]);
		expect(calls('GET', `/api/2.0/files/file/${file.id}/history`)).toHaveLength(1);
	});
});

describe('Links', () => {
	const future = () => new Date(Date.now() + 30 * 86400_000).toISOString();
	function newFile() {
		return emulator.state.createFile({ title: 'Shared.docx', folderId: freshFolder().id, createdBy: ids.users.admin });
	}
	const manage = (fileId: number, extra: Record<string, unknown>) => run({ operation: 'manageLinks', fileId: byId(fileId), ...extra });

	test('Get Link creates the primary link once and returns it after', async () => {
		const file = newFile();
		const first = await run({ operation: 'getLink', fileId: byId(file.id) });
		expect(first.error).toBeUndefined();
		const stored = fileLinks(emulator.state, file.id);
		expect(stored).toHaveLength(1);
		expect(first.items[0].json).toMatchObject({ id: stored[0].id, primary: true, access: 2, url: `${emulator.url}/s/${stored[0].key}` });
		const second = await run({ operation: 'getLink', fileId: byId(file.id) });
		expect(second.items[0].json.id).toBe(stored[0].id);
		expect(fileLinks(emulator.state, file.id)).toHaveLength(1);
	});

	test('Create with access, password, expiration, deny download and title, as stored on the portal', async () => {
		const file = newFile();
		const expires = future();
		const { error, items } = await manage(file.id, {
			linkAction: 'create',
			access: 10,
			linkOptions: { password: 'S3cret-pass', expirationDate: expires, denyDownload: true, title: 'Partners' },
		});
		expect(error).toBeUndefined();
		const [link] = fileLinks(emulator.state, file.id);
		expect(link).toMatchObject({ access: 10, password: 'S3cret-pass', denyDownload: true, title: 'Partners', subjectType: 1 });
		expect(link.expirationDate?.toISOString()).toBe(expires);
		expect(calls('PUT', `/api/2.0/files/file/${file.id}/links`)[0].body).toEqual({
			access: 10,
			password: 'S3cret-pass',
			expirationDate: expires,
			denyDownload: true,
			title: 'Partners',
		});
		expect(items[0].json).toMatchObject({ id: link.id, access: 10, passwordProtected: true, denyDownload: true, title: 'Partners' });
		expect(JSON.stringify(items[0].json)).not.toContain('S3cret-pass');
	});

	test('Update changes one setting and keeps the others', async () => {
		const file = newFile();
		const expires = future();
		await manage(file.id, { linkAction: 'create', access: 5, linkOptions: { password: 'old-pass-1', expirationDate: expires, denyDownload: true, title: 'T' } });
		const [link] = fileLinks(emulator.state, file.id);
		emulator.clearRequests();
		const { error } = await manage(file.id, { linkAction: 'update', linkId: link.id, updateFields: { password: 'new-pass-2' } });
		expect(error).toBeUndefined();
		expect(fileLinks(emulator.state, file.id)).toHaveLength(1);
		expect(link).toMatchObject({ access: 5, password: 'new-pass-2', denyDownload: true, title: 'T' });
		expect(link.expirationDate?.toISOString()).toBe(expires);
		expect(calls('PUT', `/api/2.0/files/file/${file.id}/links`)[0].body).toMatchObject({ linkId: link.id, access: 5, password: 'new-pass-2' });
	});

	test('Update can remove the password and the expiry', async () => {
		const file = newFile();
		await manage(file.id, { linkAction: 'create', linkOptions: { password: 'pass-word-1', expirationDate: future() } });
		const [link] = fileLinks(emulator.state, file.id);
		const { error } = await manage(file.id, { linkAction: 'update', linkId: link.id, updateFields: { password: '', expirationDate: '', access: 6 } });
		expect(error).toBeUndefined();
		expect(link.password).toBeUndefined();
		expect(link.expirationDate).toBeUndefined();
		expect(link.access).toBe(6);
	});

	test('Get Many lists the links; Delete removes one', async () => {
		const file = newFile();
		await run({ operation: 'getLink', fileId: byId(file.id) });
		await manage(file.id, { linkAction: 'create', access: 6 });
		const listed = await manage(file.id, { linkAction: 'getMany', returnAll: true });
		expect(listed.items.map((i) => i.json.primary)).toEqual([true, false]);
		const extra = fileLinks(emulator.state, file.id).find((l) => l.subjectType === 1);
		const { error, items } = await manage(file.id, { linkAction: 'delete', linkId: extra?.id });
		expect(error).toBeUndefined();
		expect(items[0].json).toEqual({ deleted: true, id: extra?.id });
		expect(fileLinks(emulator.state, file.id).map((l) => l.subjectType)).toEqual([4]);
	});

	test('an expiration date in the past, a bad link ID and an unknown link ID are refused without changes', async () => {
		const file = newFile();
		const past = await manage(file.id, { linkAction: 'create', linkOptions: { expirationDate: '2020-01-01T00:00:00Z' } });
		expect(past.error?.message).toBe('The parameter “Expiration Date” is in the past: 2020-01-01T00:00:00.000Z [item 0]');
		const badId = await manage(file.id, { linkAction: 'delete', linkId: 'nope' });
		expect(badId.error?.message).toBe('The parameter “Link ID” is not a link ID: “nope” [item 0]');
		const unknown = await manage(file.id, { linkAction: 'update', linkId: '6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f', updateFields: { title: 'x' } });
		expect(unknown.error?.message).toContain('has no external link with the ID');
		expect(calls('PUT', /\/links$/)).toHaveLength(0);
		expect(fileLinks(emulator.state, file.id)).toHaveLength(0);
	});

	test('a file in a room cannot get its own link: DocSpace changes nothing and the node says so', async () => {
		const { error } = await manage(ids.files.customRoomDocx, { linkAction: 'create' });
		expect(error?.message).toBe('DocSpace did not create the link [item 0]');
		expect(fileLinks(emulator.state, ids.files.customRoomDocx)).toHaveLength(0);
	});
});
