/**
 * Downloads that can go wrong: a body cut short by the connection, and Download as ZIP of a
 * folder tree (the archive is read back entry by entry and compared by SHA-256).
 */
import { createHash, randomBytes } from 'node:crypto';
import { crc32 } from 'node:zlib';

import { fileOperations } from '../emulator/operations.cjs';
import {
	calls,
	download,
	downloadZip,
	emulator,
	freshFolder,
	ids,
	run,
	storedFile,
	storedFolder,
	useFileEmulator,
} from './file.fixtures.cjs';
import { expectAtItem } from '../harness/items.cjs';

useFileEmulator();

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** The entries of a ZIP archive, read from its central directory (stored or deflated entries). */
function unzip(archive: Buffer): Map<string, Buffer> {
	const end = archive.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
	expect(end).toBeGreaterThanOrEqual(0);
	const count = archive.readUInt16LE(end + 10);
	let pos = archive.readUInt32LE(end + 16);
	const entries = new Map<string, Buffer>();
	for (let n = 0; n < count; n++) {
		expect(archive.readUInt32LE(pos)).toBe(0x02014b50);
		const method = archive.readUInt16LE(pos + 10);
		const crc = archive.readUInt32LE(pos + 16);
		const size = archive.readUInt32LE(pos + 20);
		const nameLength = archive.readUInt16LE(pos + 28);
		const extra = archive.readUInt16LE(pos + 30) + archive.readUInt16LE(pos + 32);
		const local = archive.readUInt32LE(pos + 42);
		const name = archive.subarray(pos + 46, pos + 46 + nameLength).toString('utf8');
		expect(method).toBe(0);
		const dataStart =
			local + 30 + archive.readUInt16LE(local + 26) + archive.readUInt16LE(local + 28);
		const content = archive.subarray(dataStart, dataStart + size);
		expect(crc32(content)).toBe(crc);
		entries.set(name, content);
		pos += 46 + nameLength + extra;
	}
	return entries;
}

async function binaryOf(
	items: Awaited<ReturnType<typeof run>>['items'],
	property = 'data',
): Promise<Buffer> {
	const binary = items[0].binary?.[property];
	expect(binary).toBeDefined();
	return Buffer.from(String(binary?.data), 'base64');
}

describe('a truncated download', () => {
	test('a body cut off before its Content-Length fails saying the transfer was cut', async () => {
		const folder = freshFolder();
		const content = randomBytes(300 * 1024);
		const file = storedFile(folder.id, 'cut.bin', content);
		emulator.faults.add({
			method: 'GET',
			path: '/filehandler.ashx',
			after: true,
			truncate: 100 * 1024,
		});
		const { status, error, items } = await download(file.id);
		expect(status).toBe('error');
		expect(error?.message).toMatch(
			/^The download of “cut\.bin” was cut off( after \d+)? of 307200 bytes$/,
		);
		expectAtItem(error, 0);
		expect(items).toHaveLength(0);
	});

	test('the whole body passes', async () => {
		const folder = freshFolder();
		const content = randomBytes(300 * 1024);
		const file = storedFile(folder.id, 'whole.bin', content);
		const { error, items } = await download(file.id);
		expect(error).toBeUndefined();
		expect(sha256(await binaryOf(items))).toBe(sha256(content));
	});
});

describe('Download as ZIP', () => {
	function tree() {
		const root = freshFolder();
		const sub = storedFolder(root.id, 'Sub');
		const deeper = storedFolder(sub.id, 'Deeper');
		storedFolder(root.id, 'Empty');
		const contents = {
			a: randomBytes(70_000),
			b: randomBytes(1234),
			c: randomBytes(1),
			d: Buffer.from('ÄÖÜ text'),
		};
		storedFile(root.id, 'a.bin', contents.a);
		storedFile(sub.id, 'b.bin', contents.b);
		storedFile(deeper.id, 'c.bin', contents.c);
		const loose = storedFile(ids.myDocuments, 'Notiz ä.txt', contents.d);
		return { root, contents, loose };
	}

	test('a folder with subfolders: every file byte-identical at its path, empty folders kept', async () => {
		const { root, contents } = tree();
		fileOperations(emulator.state).durationMs = 600;
		try {
			const { error, items } = await downloadZip({
				folderIds: String(root.id),
				binaryPropertyName: 'archive',
			});
			expect(error).toBeUndefined();
			const binary = items[0].binary?.archive;
			expect(binary).toMatchObject({ fileName: `${root.title}.zip`, mimeType: 'application/zip' });
			const entries = unzip(await binaryOf(items, 'archive'));
			const base = `${root.title}/`;
			expect([...entries.keys()].sort()).toEqual(
				[
					base,
					`${base}a.bin`,
					`${base}Empty/`,
					`${base}Sub/`,
					`${base}Sub/b.bin`,
					`${base}Sub/Deeper/`,
					`${base}Sub/Deeper/c.bin`,
				].sort(),
			);
			expect(sha256(entries.get(`${base}a.bin`) as Buffer)).toBe(sha256(contents.a));
			expect(sha256(entries.get(`${base}Sub/b.bin`) as Buffer)).toBe(sha256(contents.b));
			expect(sha256(entries.get(`${base}Sub/Deeper/c.bin`) as Buffer)).toBe(sha256(contents.c));
			// The operation was polled until it finished.
			expect(calls('GET', '/api/2.0/files/fileops').length).toBeGreaterThanOrEqual(1);
			expect(calls('PUT', '/api/2.0/files/fileops/bulkdownload')[0].body).toEqual({
				fileIds: [],
				folderIds: [root.id],
				returnSingleOperation: true,
			});
		} finally {
			fileOperations(emulator.state).reset();
		}
	});

	test('files and folders together, under the given File Name', async () => {
		const { root, contents, loose } = tree();
		const { error, items } = await downloadZip({
			fileIds: `${loose.id}`,
			folderIds: ` ${root.id} `,
			options: { fileName: 'Everything.zip' },
		});
		expect(error).toBeUndefined();
		expect(items[0].binary?.data.fileName).toBe('Everything.zip');
		const entries = unzip(await binaryOf(items));
		expect(sha256(entries.get('Notiz ä.txt') as Buffer)).toBe(sha256(contents.d));
		expect(sha256(entries.get(`${root.title}/Sub/b.bin`) as Buffer)).toBe(sha256(contents.b));
	});

	test('an unknown folder: DocSpace’s error, no binary', async () => {
		const { status, error } = await downloadZip({ folderIds: '987654' });
		expect(status).toBe('error');
		expect(error?.message).toContain('The required folder was not found');
	});

	test('nothing to download and ids that are not numbers are refused before any request', async () => {
		const empty = await downloadZip({ fileIds: ' ', folderIds: '' });
		expect(empty.error?.message).toBe(
			'Nothing to download: “File IDs” and “Folder IDs” are both empty',
		);
		expectAtItem(empty.error, 0);
		const wrong = await downloadZip({ fileIds: '12, abc' });
		expect(wrong.error?.message).toBe(
			'The parameter “File IDs” holds “abc”, which is not a DocSpace ID',
		);
		expectAtItem(wrong.error, 0);
		expect(emulator.requests).toHaveLength(0);
	});
});
