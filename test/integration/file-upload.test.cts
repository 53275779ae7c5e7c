/**
 * File → Upload and Replace Content (chunked sessions, If Name Exists, chunk failures, bad input)
 * through n8n's engine against the emulator. Binary data stays in n8n's default in-memory mode
 * here; file-streaming.test.cts covers the filesystem mode.
 */
import { randomBytes } from 'node:crypto';

import type { RecordedRequest } from '../emulator/index.cjs';
import { fileStore } from '../emulator/file-store.cjs';
import type { Folder } from '../emulator/model.cjs';
import { authenticationMethods, byId, byUrl } from '../harness/docspace.cjs';
import {
	binaryInput,
	calls,
	createsAnything,
	emulator,
	expr,
	filesIn,
	freshFolder,
	ids,
	run,
	storedFile,
	useFileEmulator,
} from './file.fixtures.cjs';
import { expectAtItem } from '../harness/items.cjs';

useFileEmulator();

const MiB = 1024 * 1024;

/** The numbered chunk POSTs, in chunk number order (they may arrive in any order). */
const chunkPosts = () =>
	calls('POST', /^\/api\/2\.0\/files\/\d+\/session\/[^/]+\/upload$/).sort(
		(a, b) => Number(a.query.ChunkNumber) - Number(b.query.ChunkNumber),
	);
const finalizes = () => calls('PUT', /^\/api\/2\.0\/files\/\d+\/session\/[^/]+\/finalize$/);

function multipartFiles(
	request: RecordedRequest,
): Array<{ name: string; filename: string; size: number }> {
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
		expect(items[0].json).toMatchObject({
			id: file.id,
			title: 'hello.txt',
			folderId: folder.id,
			version: 1,
		});

		const [session] = calls('POST', `/api/2.0/files/${folder.id}/session`);
		expect(session.body).toEqual({
			fileName: 'hello.txt',
			fileSize: content.length,
			createNewIfExist: false,
		});
		const chunks = chunkPosts();
		expect(chunks).toHaveLength(1);
		expect(chunks[0].query).toEqual({ ChunkNumber: '1' });
		expect(chunks[0].headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
		expect(multipartFiles(chunks[0])).toEqual([
			expect.objectContaining({ name: 'file', filename: 'hello.txt', size: content.length }),
		]);
		expect(chunks[0].status).toBe(200);
		expect(finalizes().map((f) => f.status)).toEqual([201]);
	});

	test('a multi-chunk file: chunks of exactly Chunk Size, 201 only on the last, bytes equal', async () => {
		const folder = freshFolder();
		const content = randomBytes(3.5 * MiB);
		const { error } = await run(
			{
				operation: 'upload',
				folderId: byId(folder.id),
				binaryPropertyName: 'data',
				options: { chunkSize: 1 },
			},
			{ input: binaryInput('big.bin', content) },
		);
		expect(error).toBeUndefined();
		const chunks = chunkPosts();
		expect(chunks.map((c) => multipartFiles(c)[0].size)).toEqual([MiB, MiB, MiB, 0.5 * MiB]);
		expect(chunks.map((c) => c.query.ChunkNumber)).toEqual(['1', '2', '3', '4']);
		expect(chunks.map((c) => c.status)).toEqual([200, 200, 200, 200]);
		expect(finalizes().map((f) => f.status)).toEqual([201]);
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
			{
				operation: 'upload',
				folderId: byId('@my'),
				binaryPropertyName: 'data',
				options: { fileName: 'My upload.txt' },
			},
			{ input: binaryInput('ignored.txt', Buffer.from('mine')) },
		);
		expect(error).toBeUndefined();
		expect(calls('POST', `/api/2.0/files/${ids.myDocuments}/session`)).toHaveLength(1);
		const file = filesIn(ids.myDocuments).find((f) => f.title === 'My upload.txt');
		expect(file?.content.toString()).toBe('mine');
		expect(items[0].json.id).toBe(file?.id);
	});

	test('into a room given by its link', async () => {
		const { error } = await run(
			{
				operation: 'upload',
				folderId: byUrl(`${emulator.url}/rooms/shared/${ids.rooms.custom}/filter`),
				binaryPropertyName: 'data',
			},
			{ input: binaryInput('room.txt', Buffer.from('in the room')) },
		);
		expect(error).toBeUndefined();
		expect(
			filesIn(ids.rooms.custom)
				.find((f) => f.title === 'room.txt')
				?.content.toString(),
		).toBe('in the room');
	});

	describe('If Name Exists', () => {
		const upload = (folder: Folder, text: string, ifNameExists: string) =>
			run(
				{
					operation: 'upload',
					folderId: byId(folder.id),
					binaryPropertyName: 'data',
					ifNameExists,
				},
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
			expect(calls('POST', /\/session$/)[0].body).toMatchObject({ createNewIfExist: true });
			expect(
				filesIn(folder.id)
					.map((f) => [f.title, f.content.toString()])
					.sort(),
			).toEqual([
				['report (1).txt', 'second'],
				['report.txt', 'first'],
			]);
		});

		test('Skip: an existing title (any case) is returned with skipped: true and nothing is uploaded', async () => {
			const folder = freshFolder();
			const existing = storedFile(folder.id, 'REPORT.txt', Buffer.from('old'));
			const { error, items } = await upload(folder, 'new', 'skip');
			expect(error).toBeUndefined();
			expect(items[0].json).toMatchObject({ id: existing.id, skipped: true });
			expect(calls('POST', /\/session$/)).toHaveLength(0);
			expect(filesIn(folder.id)).toHaveLength(1);
			expect(existing.content.toString()).toBe('old');
			expect(existing.version).toBe(1);
		});

		test('Skip: without a clash the file is uploaded', async () => {
			const folder = freshFolder();
			storedFile(folder.id, 'report.txt.bak');
			const { error, items } = await upload(folder, 'new', 'skip');
			expect(error).toBeUndefined();
			expect(items[0].json.skipped).toBeUndefined();
			expect(
				filesIn(folder.id)
					.find((f) => f.title === 'report.txt')
					?.content.toString(),
			).toBe('new');
		});
	});

	describe('chunk failures', () => {
		const chunkPath = /\/session\/[^/]+\/upload$/;

		test('a chunk answered {success:false} on HTTP 200 is sent again', async () => {
			const folder = freshFolder();
			const content = randomBytes(2 * MiB + 10);
			emulator.faults.add({
				method: 'POST',
				path: chunkPath,
				status: 200,
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ success: false, message: 'Storage is busy' }),
			});
			const { error } = await run(
				{
					operation: 'upload',
					folderId: byId(folder.id),
					binaryPropertyName: 'data',
					options: { chunkSize: 1 },
				},
				{ input: binaryInput('retry.bin', content) },
			);
			expect(error).toBeUndefined();
			expect(chunkPosts()).toHaveLength(4);
			expect(filesIn(folder.id)[0].content.equals(content)).toBe(true);
		});

		test('a 503 on a chunk is retried by the request helper', async () => {
			const folder = freshFolder();
			const content = randomBytes(1500);
			emulator.faults.add({
				method: 'POST',
				path: chunkPath,
				status: 503,
				headers: { 'retry-after': '0' },
			});
			const { error } = await run(
				{ operation: 'upload', folderId: byId(folder.id), binaryPropertyName: 'data' },
				{ input: binaryInput('busy.bin', content) },
			);
			expect(error).toBeUndefined();
			expect(chunkPosts().map((c) => c.status)).toEqual([503, 200]);
			expect(finalizes().map((f) => f.status)).toEqual([201]);
			expect(filesIn(folder.id)[0].content.equals(content)).toBe(true);
		});

		test('a chunk above the portal limit fails with the uploader’s message and a hint, nothing is stored', async () => {
			const folder = freshFolder();
			const store = fileStore(emulator.state);
			store.maxChunkSize = 256 * 1024;
			try {
				const { status, error } = await run(
					{
						operation: 'upload',
						folderId: byId(folder.id),
						binaryPropertyName: 'data',
						options: { chunkSize: 0.5, parallelChunks: 1 },
					},
					{ input: binaryInput('too-big.bin', randomBytes(600 * 1024)) },
				);
				expect(status).toBe('error');
				expect(error?.message).toContain('maximum chunk size');
				expectAtItem(error, 0);
				expect(error?.description).toContain('Chunk Size (MiB)');
				expect(error?.description).toContain('part 1 of 2');
				expect(chunkPosts()).toHaveLength(3);
				expect(filesIn(folder.id)).toHaveLength(0);
				expect(calls('DELETE', /\/session\/[^/]+$/)).toHaveLength(1);
				expect(store.sessions.size).toBe(0);
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
			expect(error?.message).toBe(
				'The input item has no binary property “file” (parameter “Input Binary Field”)',
			);
			expectAtItem(error, 0);
			expect(error?.description).toContain('attachment');
			expect(emulator.requests).toHaveLength(0);
		});

		test('an empty file', async () => {
			const folder = freshFolder();
			const { error } = await run(
				{ operation: 'upload', folderId: byId(folder.id), binaryPropertyName: 'data' },
				{ input: binaryInput('empty.txt', Buffer.alloc(0)) },
			);
			expect(error?.message).toBe('The file “empty.txt” is empty');
			expectAtItem(error, 0);
			expect(createsAnything()).toHaveLength(0);
		});

		test('an empty File Name option', async () => {
			const { error } = await run(
				{
					operation: 'upload',
					folderId: byId(ids.myDocuments),
					binaryPropertyName: 'data',
					options: { fileName: '  ' },
				},
				{ input: binaryInput('x.txt', Buffer.from('x')) },
			);
			expect(error?.message).toBe('The parameter “File Name” is empty');
			expectAtItem(error, 0);
			expect(emulator.requests).toHaveLength(0);
		});

		test('an unknown folder id', async () => {
			const before = emulator.state.files.size;
			const { error } = await run(
				{ operation: 'upload', folderId: byId(987654), binaryPropertyName: 'data' },
				{ input: binaryInput('x.txt', Buffer.from('x')) },
			);
			expect(error?.message).toMatch(/could not find/);
			expectAtItem(error, 0);
			expect(emulator.state.files.size).toBe(before);
			expect(chunkPosts()).toHaveLength(0);
		});

		test('a folder link that is no DocSpace folder link', async () => {
			const { error } = await run(
				{
					operation: 'upload',
					folderId: byUrl(expr('https://example.com/not-a-folder')),
					binaryPropertyName: 'data',
				},
				{ input: binaryInput('x.txt', Buffer.from('x')) },
			);
			expect(error?.message).toBe(
				'The parameter “Folder” does not hold a DocSpace link to a folder: “https://example.com/not-a-folder”',
			);
			expectAtItem(error, 0);
			expect(emulator.requests).toHaveLength(0);
		});

		test('a folder ID that is not a number', async () => {
			const { error } = await run(
				{ operation: 'upload', folderId: byId(expr('abc')), binaryPropertyName: 'data' },
				{ input: binaryInput('x.txt', Buffer.from('x')) },
			);
			expect(error?.message).toBe('The parameter “Folder” is not a valid folder ID: “abc”');
			expectAtItem(error, 0);
			expect(emulator.requests).toHaveLength(0);
		});
	});
});

describe('Replace Content', () => {
	test('stores a new version through an edit session, in numbered chunks', async () => {
		const folder = freshFolder();
		const file = storedFile(folder.id, 'data.bin', Buffer.from('old'));
		const content = randomBytes(2.5 * MiB);
		const { error, items } = await run(
			{
				operation: 'replaceContent',
				fileId: byId(file.id),
				binaryPropertyName: 'data',
				options: { chunkSize: 1 },
			},
			{ input: binaryInput('whatever.bin', content) },
		);
		expect(error).toBeUndefined();
		const [session] = calls('POST', `/api/2.0/files/file/${file.id}/edit_session`);
		expect(session.query).toEqual({ fileSize: String(content.length) });
		expect(
			chunkPosts().every((c) => c.path.startsWith(`/api/2.0/files/${folder.id}/session/`)),
		).toBe(true);
		expect(finalizes().map((f) => f.status)).toEqual([201]);
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
		expect(error?.message).toBe(
			'The binary file “scan.pdf” is a .pdf file, but “Project plan.docx” is a .docx file',
		);
		expectAtItem(error, 0);
		expect(createsAnything()).toHaveLength(0);
		expect(emulator.state.getFile(ids.files.docx)?.version).toBe(1);
	});
});
