/**
 * The emulator's two chunk protocols over plain HTTP: the appending `ChunkedUploader.ashx` (a chunk
 * sent twice is stored twice, as on the portal) and the numbered REST session (a resent chunk
 * number replaces itself; finalize checks for gaps and the declared size; DELETE aborts).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { emulator, useEmulator } from './emulator.fixture.cjs';
import { api, createSession, folder, postFile as post } from './http.fixtures.cjs';
import { fileStore } from '../emulator/file-store.cjs';
import { startEmulator } from '../emulator/index.cjs';

useEmulator();

const parts = [Buffer.from('1111'), Buffer.from('2222'), Buffer.from('3333')];

test('the appending uploader: chunk 2 sent twice completes a file of the right size with the wrong bytes', async () => {
	const { location } = await createSession(folder('Appending').id, {
		fileName: 'a.bin',
		fileSize: 12,
	});
	await post(location, parts[0]);
	await post(location, parts[1]);
	const last = await post(location, parts[1]);
	expect(last.status).toBe(201);
	const file = emulator.state.getFile(last.json.data.id);
	expect(file?.content.toString()).toBe('111122222222');
});

describe('numbered session', () => {
	async function open(title: string, fileSize: number) {
		const target = folder(title);
		const { status, json } = await api('POST', `/api/2.0/files/${target.id}/session`, {
			fileName: `${title}.bin`,
			fileSize,
		});
		expect(status).toBe(200);
		const base = `/api/2.0/files/${target.id}/session/${json.response.id}`;
		return { target, base, session: json.response };
	}
	const chunk = (base: string, n: number, bytes: Buffer) =>
		post(`${emulator.url}${base}/upload?ChunkNumber=${n}`, bytes);

	test('answers the session itself; chunks in any order, a resent number replaces; finalize 201 with the file', async () => {
		const { target, base, session } = await open('Numbered', 12);
		expect(session).toMatchObject({ bytes_total: 12, path: expect.arrayContaining([target.id]) });
		expect(typeof session.id).toBe('string');
		expect((await chunk(base, 3, parts[2])).status).toBe(200);
		await chunk(base, 2, Buffer.from('xxxx'));
		await chunk(base, 1, parts[0]);
		const resent = await chunk(base, 2, parts[1]);
		expect(resent.json.response.bytes_uploaded).toBe(12);
		const done = await api('PUT', `${base}/finalize`);
		expect(done.status).toBe(201);
		expect(done.json.response).toMatchObject({
			title: 'Numbered.bin',
			uploaded: true,
			version: 1,
			file: { pureContentLength: 12 },
		});
		expect(emulator.state.getFile(done.json.response.id)?.content.toString()).toBe('111122223333');
		expect((await api('PUT', `${base}/finalize`)).status).toBe(400);
	});

	test('finalize refuses a gap and a size other than declared, and keeps the session', async () => {
		const { target, base } = await open('Gaps', 12);
		await chunk(base, 1, parts[0]);
		await chunk(base, 3, parts[2]);
		const gap = await api('PUT', `${base}/finalize`);
		expect(gap.status).toBe(400);
		expect(gap.json.error.message).toBe('Chunk 2 of the upload is missing');
		await chunk(base, 2, Buffer.from('22'));
		const short = await api('PUT', `${base}/finalize`);
		expect(short.json.error.message).toBe(
			'The uploaded size (10 bytes) does not match the declared file size (12 bytes)',
		);
		expect(emulator.state.childrenOf(target.id).files).toHaveLength(0);
		await chunk(base, 2, parts[1]);
		expect((await api('PUT', `${base}/finalize`)).status).toBe(201);
	});

	test('DELETE aborts: later chunks and finalize find no session', async () => {
		const { target, base, session } = await open('Aborted', 8);
		await chunk(base, 1, parts[0]);
		expect((await api('DELETE', base)).status).toBe(200);
		expect(fileStore(emulator.state).sessions.has(session.id)).toBe(false);
		const late = await chunk(base, 2, parts[1]);
		expect(late.status).toBe(400);
		expect(late.json.error.message).toBe(
			'Not authorized or session with specified upload id already expired',
		);
		expect((await api('PUT', `${base}/finalize`)).status).toBe(400);
		expect(emulator.state.childrenOf(target.id).files).toHaveLength(0);
	});

	test('an edit session takes numbered chunks and ends in a new version', async () => {
		const target = folder('Edit');
		const file = emulator.state.createFile({
			title: 'e.txt',
			folderId: target.id,
			createdBy: emulator.state.seedIds.users.admin,
			content: Buffer.from('old'),
		});
		const { json } = await api('POST', `/api/2.0/files/file/${file.id}/edit_session?fileSize=8`);
		const base = `/api/2.0/files/${target.id}/session/${json.response.data.id}`;
		await chunk(base, 2, parts[1]);
		await chunk(base, 1, parts[0]);
		expect((await api('PUT', `${base}/finalize`)).status).toBe(201);
		expect(file.version).toBe(2);
		expect(file.content.toString()).toBe('11112222');
	});

	test('chunk numbers below 1, empty chunks and chunks above the portal limit are refused', async () => {
		const { base } = await open('Refused', 8);
		expect((await chunk(base, 0, parts[0])).status).toBe(400);
		expect((await chunk(base, 1, Buffer.alloc(0))).json.error.message).toBe('Empty file');
		fileStore(emulator.state).maxChunkSize = 3;
		try {
			expect((await chunk(base, 1, parts[0])).json.error.message).toBe(
				'File size exceeds the maximum chunk size of 3 bytes',
			);
		} finally {
			fileStore(emulator.state).maxChunkSize = 10 * 1024 * 1024;
		}
	});
});

test('open sessions keep their chunk bytes in files under a temp directory; finalize, abort and close remove them', async () => {
	const own = await startEmulator();
	const headers = { authorization: `Bearer ${own.secrets.apiKey}` };
	const { seedIds } = own.state;
	const target = own.state.createFolder({
		title: 'On disk',
		parentId: seedIds.myDocuments,
		createdBy: seedIds.users.admin,
	});
	const open = async () => {
		const res = await fetch(`${own.url}/api/2.0/files/${target.id}/session`, {
			method: 'POST',
			headers: { ...headers, 'content-type': 'application/json' },
			body: JSON.stringify({ fileName: 'd.bin', fileSize: 8 }),
		});
		return `${own.url}/api/2.0/files/${target.id}/session/${((await res.json()) as any).response.id}`;
	};
	const send = async (url: string, bytes: Buffer) => {
		const form = new FormData();
		form.append('file', new Blob([bytes]), 'part.bin');
		return await fetch(url, { method: 'POST', headers, body: form });
	};
	try {
		const base = await open();
		await send(`${base}/upload?ChunkNumber=2`, Buffer.from('zzzz'));
		await send(`${base}/upload?ChunkNumber=2`, Buffer.from('2222'));
		const dir = fileStore(own.state).dir as string;
		// Stored file contents (`stored-N`) share the directory.
		const sessionFiles = () => readdirSync(dir).filter((name) => !name.startsWith('stored-'));
		expect(path.dirname(dir)).toBe(path.resolve(require('node:os').tmpdir()));
		const [file] = sessionFiles();
		expect(sessionFiles()).toHaveLength(1);
		expect(readFileSync(path.join(dir, file)).toString()).toBe('2222');
		await send(`${base}/upload?ChunkNumber=1`, Buffer.from('1111'));
		expect(sessionFiles()).toHaveLength(2);
		const done = await fetch(`${base}/finalize`, { method: 'PUT', headers });
		expect(done.status).toBe(201);
		expect(sessionFiles()).toEqual([]);

		const aborted = await open();
		await send(`${aborted}/upload?ChunkNumber=1`, Buffer.from('1111'));
		expect(sessionFiles()).toHaveLength(1);
		await fetch(aborted, { method: 'DELETE', headers });
		expect(sessionFiles()).toEqual([]);

		await send(`${await open()}/upload?ChunkNumber=1`, Buffer.from('1111'));
		await own.close();
		expect(existsSync(dir)).toBe(false);
	} finally {
		await own.close();
	}
});
