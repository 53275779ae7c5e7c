/**
 * Upload guarantees under failure, through n8n's engine against the emulator's numbered chunk
 * sessions: resent chunks, lost replies to finalize, aborted sessions, chunk boundaries and
 * chunks stored out of order. Every check compares the stored bytes by SHA-256.
 */
import { createHash, randomBytes } from 'node:crypto';

import { fileStore } from '../emulator/file-store.cjs';
import { byId } from '../harness/docspace.cjs';
import {
	binaryInput,
	calls,
	emulator,
	filesIn,
	freshFolder,
	run,
	storedFile,
	useFileEmulator,
} from './file.fixtures.cjs';
import { expectAtItem } from '../harness/items.cjs';

useFileEmulator();

const KiB = 1024;
const CHUNK = 64 * KiB;
const CHUNK_MIB = CHUNK / (1024 * 1024);
const CHUNK_PATH = /^\/api\/2\.0\/files\/\d+\/session\/[^/]+\/upload$/;
const FINALIZE_PATH = /^\/api\/2\.0\/files\/\d+\/session\/[^/]+\/finalize$/;

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const store = () => fileStore(emulator.state);

function upload(
	folderId: number,
	content: Buffer,
	options: Record<string, unknown> = {},
	ifNameExists = 'newVersion',
) {
	return run(
		{
			operation: 'upload',
			folderId: byId(folderId),
			binaryPropertyName: 'data',
			ifNameExists,
			options: { chunkSize: CHUNK_MIB, ...options },
		},
		{ input: binaryInput('payload.bin', content) },
	);
}

/** Lets the request through, then drops the reply: the portal did the work, the client never hears. */
const loseReplyTo = (method: string, path: RegExp) =>
	emulator.faults.add({ method, path, after: true, reset: true });
/** Drops the connection before the portal sees the request. */
const loseRequestTo = (method: string, path: RegExp) =>
	emulator.faults.add({ method, path, reset: true });

describe('a resent chunk after its reply was lost', () => {
	test('when the portal never got it: the resend stores it once and the file is byte-identical', async () => {
		const folder = freshFolder();
		const content = randomBytes(3 * CHUNK);
		loseRequestTo('POST', CHUNK_PATH);
		const { error } = await upload(folder.id, content, { parallelChunks: 1 });
		expect(error).toBeUndefined();
		expect(calls('POST', CHUNK_PATH).map((c) => c.status)).toEqual([0, 200, 200, 200]);
		const [file] = filesIn(folder.id);
		expect(sha256(file.content)).toBe(sha256(content));
	});

	test('when the portal had stored it: the resend replaces it, the file is byte-identical', async () => {
		const folder = freshFolder();
		// 3 × chunk: the size at which the appending uploader completes a file with chunks 1, 2, 2.
		const content = randomBytes(3 * CHUNK);
		emulator.faults.add({ method: 'POST', path: CHUNK_PATH, times: 1, delayMs: 0 }); // chunk 1 passes
		loseReplyTo('POST', CHUNK_PATH); // chunk 2 is stored, its reply lost
		const { error } = await upload(folder.id, content, { parallelChunks: 1 });
		expect(error).toBeUndefined();
		const [session] = store().completed.slice(-1);
		expect(session.storedOrder).toEqual([1, 2, 2, 3]);
		const [file] = filesIn(folder.id);
		expect(file.content.length).toBe(content.length);
		expect(sha256(file.content)).toBe(sha256(content));
	});
});

describe('the reply to finalize is lost', () => {
	test('after the portal completed the file: reported as uploaded, one file, no second upload', async () => {
		const folder = freshFolder();
		const content = randomBytes(2 * CHUNK + 5);
		loseReplyTo('PUT', FINALIZE_PATH);
		const { error, items } = await upload(folder.id, content);
		expect(error).toBeUndefined();
		const files = filesIn(folder.id);
		expect(files).toHaveLength(1);
		expect(sha256(files[0].content)).toBe(sha256(content));
		expect(items[0].json).toMatchObject({
			id: files[0].id,
			title: 'payload.bin',
			pureContentLength: content.length,
		});
		expect(calls('POST', /\/session$/)).toHaveLength(1);
	});

	test('after the portal completed a new version with Keep Both: the numbered copy is found', async () => {
		const folder = freshFolder();
		storedFile(folder.id, 'payload.bin', randomBytes(2 * CHUNK + 5));
		const content = randomBytes(2 * CHUNK + 5);
		loseReplyTo('PUT', FINALIZE_PATH);
		const { error, items } = await upload(folder.id, content, {}, 'duplicate');
		expect(error).toBeUndefined();
		const copy = filesIn(folder.id).find((f) => f.title === 'payload (1).bin');
		expect(copy && sha256(copy.content)).toBe(sha256(content));
		expect(items[0].json.id).toBe(copy?.id);
		expect(filesIn(folder.id)).toHaveLength(2);
	});

	test('Replace Content: the new version the portal stored is reported', async () => {
		const folder = freshFolder();
		const file = storedFile(folder.id, 'doc.bin', Buffer.from('v1'));
		const content = randomBytes(3 * CHUNK);
		loseReplyTo('PUT', FINALIZE_PATH);
		const { error, items } = await run(
			{
				operation: 'replaceContent',
				fileId: byId(file.id),
				binaryPropertyName: 'data',
				options: { chunkSize: CHUNK_MIB },
			},
			{ input: binaryInput('doc.bin', content) },
		);
		expect(error).toBeUndefined();
		expect(file.version).toBe(2);
		expect(sha256(file.content)).toBe(sha256(content));
		expect(items[0].json).toMatchObject({ id: file.id, version: 2 });
	});

	test('before the portal saw it: finalize is sent again and the file is stored once', async () => {
		const folder = freshFolder();
		const content = randomBytes(CHUNK + 1);
		loseRequestTo('PUT', FINALIZE_PATH);
		const { error } = await upload(folder.id, content);
		expect(error).toBeUndefined();
		expect(calls('PUT', FINALIZE_PATH).map((c) => c.status)).toEqual([0, 201]);
		expect(filesIn(folder.id)).toHaveLength(1);
		expect(sha256(filesIn(folder.id)[0].content)).toBe(sha256(content));
	});

	test('when the portal refuses to finalize: a failure, nothing stored, no session left open', async () => {
		const folder = freshFolder();
		emulator.faults.add({
			method: 'PUT',
			path: FINALIZE_PATH,
			times: 2,
			status: 500,
			headers: { 'content-type': 'application/json' },
			body: '{"error":{"message":"Storage failure"},"status":1,"statusCode":500}',
		});
		const { status, error } = await upload(folder.id, randomBytes(CHUNK));
		expect(status).toBe('error');
		expect(error?.message).toContain('Storage failure');
		expect(error?.description).toContain('nothing was stored');
		expect(filesIn(folder.id)).toHaveLength(0);
		expect(store().sessions.size).toBe(0);
	});
});

describe('a failed upload leaves no open session', () => {
	test('a 500 on a chunk aborts the session with DELETE and stores nothing', async () => {
		const folder = freshFolder();
		emulator.faults.add({ method: 'POST', path: CHUNK_PATH, times: 1, delayMs: 0 });
		emulator.faults.add({
			method: 'POST',
			path: CHUNK_PATH,
			status: 500,
			headers: { 'content-type': 'application/json' },
			body: '{"error":{"message":"Disk failure"},"status":1,"statusCode":500}',
		});
		const { status, error } = await upload(folder.id, randomBytes(4 * CHUNK), {
			parallelChunks: 2,
		});
		expect(status).toBe('error');
		expect(error?.message).toContain('Disk failure');
		expect(error?.description).toMatch(/part \d of 4/);
		expect(calls('DELETE', /\/session\/[^/]+$/)).toHaveLength(1);
		expect(store().sessions.size).toBe(0);
		expect(filesIn(folder.id)).toHaveLength(0);
	});
});

test('a redirect on a chunk POST is not followed: the upload fails naming it, nothing is stored', async () => {
	const folder = freshFolder();
	// A 307 keeps the method and body: following it would post the chunk and the credential on.
	emulator.faults.add({
		method: 'POST',
		path: CHUNK_PATH,
		status: 307,
		headers: { location: `${emulator.url}/elsewhere/upload` },
		body: '',
	});
	const { status, error } = await upload(folder.id, randomBytes(2 * CHUNK));
	expect(status).toBe('error');
	expect(error?.message).toMatch(/redirect/i);
	expect(error?.description).toMatch(/part 1 of 2/);
	expect(emulator.requests.filter((r) => r.path.startsWith('/elsewhere'))).toHaveLength(0);
	expect(calls('DELETE', /\/session\/[^/]+$/)).toHaveLength(1);
	expect(store().sessions.size).toBe(0);
	expect(filesIn(folder.id)).toHaveLength(0);
});

describe('chunk boundaries', () => {
	test.each([
		['one byte', 1, 1],
		['one chunk less one byte', CHUNK - 1, 1],
		['exactly one chunk', CHUNK, 1],
		['one chunk and one byte', CHUNK + 1, 2],
		['3 chunks less one byte', 3 * CHUNK - 1, 3],
		['exactly 3 chunks', 3 * CHUNK, 3],
		['3 chunks and one byte', 3 * CHUNK + 1, 4],
	])('%s (%i bytes): %i chunk(s), byte-identical', async (_name, size, chunks) => {
		const folder = freshFolder();
		const content = randomBytes(size);
		const { error } = await upload(folder.id, content);
		expect(error).toBeUndefined();
		const sizes = calls('POST', CHUNK_PATH)
			.sort((a, b) => Number(a.query.ChunkNumber) - Number(b.query.ChunkNumber))
			.map((c) => (c.body as { files: Array<{ size: number }> }).files[0].size);
		expect(sizes).toHaveLength(chunks);
		expect(sizes.slice(0, -1).every((s) => s === CHUNK)).toBe(true);
		expect(sizes.reduce((a, b) => a + b, 0)).toBe(size);
		expect(sha256(filesIn(folder.id)[0].content)).toBe(sha256(content));
	});
});

test('parallel chunks stored out of order give the right file', async () => {
	const folder = freshFolder();
	const content = randomBytes(6 * CHUNK + 7);
	emulator.faults.add({ method: 'POST', path: CHUNK_PATH, delayMs: 400 }); // chunk 1 arrives last
	const { error } = await upload(folder.id, content, { parallelChunks: 4 });
	expect(error).toBeUndefined();
	const [session] = store().completed.slice(-1);
	expect(session.storedOrder[0]).not.toBe(1);
	expect([...session.storedOrder].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7]);
	expect(sha256(filesIn(folder.id)[0].content)).toBe(sha256(content));
});

describe('Simplify', () => {
	test('on (the default): the trimmed file record; off: the whole FileDto', async () => {
		const folder = freshFolder();
		const trimmed = await upload(folder.id, randomBytes(10));
		expect(Object.keys(trimmed.items[0].json).sort()).toEqual(
			[
				'contentLength',
				'created',
				'fileEntryType',
				'fileExst',
				'fileType',
				'folderId',
				'id',
				'pureContentLength',
				'title',
				'updated',
				'version',
				'viewUrl',
				'webUrl',
			].sort(),
		);
		const full = await run(
			{
				operation: 'upload',
				folderId: byId(folder.id),
				binaryPropertyName: 'data',
				simplify: false,
				options: { fileName: 'full.bin' },
			},
			{ input: binaryInput('full.bin', randomBytes(10)) },
		);
		expect(full.items[0].json).toMatchObject({
			title: 'full.bin',
			security: expect.any(Object),
			access: expect.any(Number),
		});
	});

	test('Replace Content with Simplify off returns the whole FileDto of the new version', async () => {
		const folder = freshFolder();
		const file = storedFile(folder.id, 'r.bin', Buffer.from('v1'));
		const { items } = await run(
			{
				operation: 'replaceContent',
				fileId: byId(file.id),
				binaryPropertyName: 'data',
				simplify: false,
			},
			{ input: binaryInput('r.bin', Buffer.from('v2')) },
		);
		expect(items[0].json).toMatchObject({ id: file.id, version: 2, security: expect.any(Object) });
	});
});

test('Parallel Chunks outside 1…15 is refused before any session', async () => {
	const folder = freshFolder();
	const { error } = await upload(folder.id, randomBytes(10), { parallelChunks: 16 });
	expect(error?.message).toBe('The option “Parallel Chunks” must be between 1 and 15');
	expectAtItem(error, 0);
	expect(calls('POST', /\/session$/)).toHaveLength(0);
});
