/**
 * Upload, Replace Content and Download with n8n's filesystem binary mode: the node reads the
 * input through getBinaryStream in chunk-sized pieces (never the whole buffer) and hands the
 * download stream to prepareBinaryData, which writes it to disk.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';

process.env.N8N_BINARY_DATA_STORAGE_PATH = mkdtempSync(path.join(tmpdir(), 'n8n-docspace-binary-'));

import { Container } from '@n8n/di';
import { BinaryDataService } from 'n8n-core';
import type { IBinaryData, INodeExecutionData } from 'n8n-workflow';

import { byId } from '../harness/docspace.cjs';
import { expectAtItem } from '../harness/items.cjs';
import {
	download,
	downloadZip,
	emulator,
	ids,
	run,
	storedFile,
	storedFolder,
	useFileEmulator,
} from './file.fixtures.cjs';

const MiB = 1024 * 1024;

useFileEmulator();
let service: BinaryDataService;
beforeAll(async () => {
	service = Container.get(BinaryDataService);
	await service.init();
});
afterAll(() =>
	rmSync(process.env.N8N_BINARY_DATA_STORAGE_PATH as string, { recursive: true, force: true }),
);
beforeEach(() => jest.restoreAllMocks());

/** Stores `content` the way an earlier node would in filesystem mode, and returns the item. */
async function storedInput(content: Buffer, fileName: string): Promise<INodeExecutionData[]> {
	const binary = await service.store(
		{ type: 'execution', workflowId: 'test', executionId: 'input' },
		Readable.from([content]),
		{ data: '', mimeType: 'application/octet-stream', fileName } as IBinaryData,
	);
	return [{ json: {}, binary: { data: binary } }];
}

/** The sizes of the numbered chunk POSTs, in chunk number order. */
function chunkSizes(): number[] {
	return emulator.requests
		.filter((r) => /\/session\/[^/]+\/upload$/.test(r.path))
		.sort((a, b) => Number(a.query.ChunkNumber) - Number(b.query.ChunkNumber))
		.map((r) => (r.body as { files: Array<{ size: number }> }).files[0].size);
}

test('the input is stored on disk, with an id', async () => {
	const [item] = await storedInput(Buffer.from('x'), 'x.bin');
	expect(item.binary?.data.id).toMatch(/^filesystem-v2:/);
});

test('Upload streams the file in Chunk Size pieces and never loads it whole', async () => {
	const content = randomBytes(5 * MiB + 123);
	const input = await storedInput(content, 'stream.bin');
	const stream = jest.spyOn(service, 'getAsStream');
	const buffer = jest.spyOn(service, 'getAsBuffer');
	const folder = storedFolder(ids.myDocuments, 'Streaming');
	const { error, items } = await run(
		{
			operation: 'upload',
			folderId: byId(folder.id),
			binaryPropertyName: 'data',
			options: { chunkSize: 1 },
		},
		{ input },
	);
	expect(error).toBeUndefined();
	// Read once, in the store's small read size: chunks are filled from it without a second copy.
	expect(stream).toHaveBeenCalledTimes(1);
	expect(stream.mock.calls[0][0]).toBe(input[0].binary?.data.id);
	expect(buffer).not.toHaveBeenCalled();
	expect(chunkSizes()).toEqual([MiB, MiB, MiB, MiB, MiB, 123]);
	const [file] = emulator.state.childrenOf(folder.id).files;
	expect(file.title).toBe('stream.bin');
	expect(file.content.equals(content)).toBe(true);
	expect(items[0].json.id).toBe(file.id);
});

test('Replace Content streams too', async () => {
	const file = storedFile(ids.myDocuments, 'big.bin', Buffer.from('v1'));
	const content = randomBytes(2 * MiB);
	const input = await storedInput(content, 'big.bin');
	const buffer = jest.spyOn(service, 'getAsBuffer');
	const { error } = await run(
		{
			operation: 'replaceContent',
			fileId: byId(file.id),
			binaryPropertyName: 'data',
			options: { chunkSize: 1 },
		},
		{ input },
	);
	expect(error).toBeUndefined();
	expect(buffer).not.toHaveBeenCalled();
	expect(chunkSizes()).toEqual([MiB, MiB]);
	expect(file.version).toBe(2);
	expect(file.content.equals(content)).toBe(true);
});

test('Download hands a stream to the binary store; the file on disk has the bytes', async () => {
	const content = randomBytes(3 * MiB);
	const file = storedFile(ids.myDocuments, 'photo.png', content);
	const store = jest.spyOn(service, 'store');
	const { error, items } = await download(file.id);
	expect(error).toBeUndefined();
	expect(store).toHaveBeenCalledTimes(1);
	expect(Buffer.isBuffer(store.mock.calls[0][1])).toBe(false);
	const binary = items[0].binary?.data;
	expect(binary).toMatchObject({
		fileName: 'photo.png',
		mimeType: 'image/png',
		bytes: content.length,
	});
	expect(binary?.id).toMatch(/^filesystem-v2:/);
	const onDisk = await readFile(service.getPath(binary?.id ?? ''));
	expect(onDisk.equals(content)).toBe(true);
});

test('a download cut off on the way fails saying so, also when it streams to disk', async () => {
	const content = randomBytes(3 * MiB);
	const file = storedFile(ids.myDocuments, 'cut.bin', content);
	emulator.faults.add({ method: 'GET', path: '/filehandler.ashx', after: true, truncate: MiB });
	const { status, error } = await download(file.id);
	expect(status).toBe('error');
	expect(error?.message).toMatch(
		/^The download of “cut\.bin” was cut off( after \d+)? of 3145728 bytes$/,
	);
	expectAtItem(error, 0);
});

test('Download as ZIP streams the archive to disk', async () => {
	const folder = storedFolder(ids.myDocuments, 'Zipped');
	const content = randomBytes(2 * MiB);
	storedFile(folder.id, 'inside.bin', content);
	const { error, items } = await downloadZip({ folderIds: String(folder.id) });
	expect(error).toBeUndefined();
	const binary = items[0].binary?.data;
	expect(binary?.id).toMatch(/^filesystem-v2:/);
	const onDisk = await readFile(service.getPath(binary?.id ?? ''));
	expect(onDisk.indexOf(content)).toBeGreaterThan(0);
	expect(items[0].json).toMatchObject({ fileName: 'Zipped.zip', size: onDisk.length });
});
