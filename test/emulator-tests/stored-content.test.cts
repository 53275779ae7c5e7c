/**
 * Stored file bytes live on disk: an uploaded file (and each of its versions) is a file of its
 * size in the emulator's temp directory, nothing on the entry holds the bytes, downloads stream
 * the file, deleting the file deletes its disk files, and `close()` removes the directory.
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

import { fileStore } from '../emulator/file-store.cjs';
import { startEmulator, type Emulator } from '../emulator/index.cjs';
import type { FileEntry } from '../emulator/model.cjs';

const MiB = 1024 * 1024;
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** Uploads `content` through a numbered session in chunks of 1 MiB; answers the new file's id. */
async function upload(own: Emulator, folderId: number, content: Buffer): Promise<number> {
	const headers = { authorization: `Bearer ${own.secrets.apiKey}` };
	const base = `${own.url}/api/2.0/files/${folderId}/session`;
	const opened = await fetch(base, {
		method: 'POST',
		headers: { ...headers, 'content-type': 'application/json' },
		body: JSON.stringify({ fileName: 'big.bin', fileSize: content.length }),
	});
	const session = `${base}/${((await opened.json()) as { response: { id: string } }).response.id}`;
	for (let n = 1; (n - 1) * MiB < content.length; n++) {
		const form = new FormData();
		form.append('file', new Blob([content.subarray((n - 1) * MiB, n * MiB)]), 'part.bin');
		const sent = await fetch(`${session}/upload?ChunkNumber=${n}`, {
			method: 'POST',
			headers,
			body: form,
		});
		expect(sent.status).toBe(200);
	}
	const done = await fetch(`${session}/finalize`, { method: 'PUT', headers });
	expect(done.status).toBe(201);
	return ((await done.json()) as { response: { id: number } }).response.id;
}

/** Own properties of the entry (and of its versions) that hold a Buffer. */
function bufferFields(file: FileEntry): string[] {
	const held = (owner: string, entity: object) =>
		Object.entries(entity)
			.filter(([, value]) => Buffer.isBuffer(value))
			.map(([name]) => `${owner}.${name}`);
	return [
		...held('file', file),
		...file.versions.flatMap((version) => held(`v${version.version}`, version)),
	];
}

test('an uploaded file is a file of its size in the emulator directory, not bytes in memory; close removes the directory', async () => {
	const own = await startEmulator({ seed: 'empty' });
	try {
		const { seedIds } = own.state;
		const first = randomBytes(3 * MiB + 17);
		const id = await upload(own, seedIds.myDocuments, first);
		const file = own.state.getFile(id) as FileEntry;
		const dir = own.state.storage.path as string;
		expect(fileStore(own.state).dir).toBe(dir);

		expect(path.dirname(file.stored.path)).toBe(dir);
		expect(statSync(file.stored.path).size).toBe(first.length);
		expect(file.contentSize).toBe(first.length);
		expect(bufferFields(file)).toEqual([]);
		expect(sha256(file.content)).toBe(sha256(first));
		// Only the stored content is left: finalize moved the chunk files into it.
		expect(readdirSync(dir)).toEqual([path.basename(file.stored.path)]);

		const second = randomBytes(2 * MiB + 5);
		// The same title again: a new version.
		const again = await upload(own, seedIds.myDocuments, second);
		expect(again).toBe(id);
		const [v1, v2] = file.versions;
		expect([statSync(v1.stored.path).size, statSync(v2.stored.path).size]).toEqual([
			first.length,
			second.length,
		]);
		expect(bufferFields(file)).toEqual([]);

		const download = await fetch(`${own.url}/filehandler.ashx?action=download&fileid=${id}`, {
			headers: { authorization: `Bearer ${own.secrets.apiKey}` },
		});
		expect(download.headers.get('content-length')).toBe(String(second.length));
		expect(sha256(Buffer.from(await download.arrayBuffer()))).toBe(sha256(second));

		own.state.removeFile(id);
		expect([existsSync(v1.stored.path), existsSync(v2.stored.path)]).toEqual([false, false]);

		await own.close();
		expect(existsSync(dir)).toBe(false);
	} finally {
		await own.close();
	}
});
