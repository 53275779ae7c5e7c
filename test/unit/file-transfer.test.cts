/**
 * Pure parts of the file transfer helpers: how binary data is cut into chunks, and extension
 * handling for downloads.
 */
import { Readable } from 'node:stream';
import type { IExecuteFunctions } from 'n8n-workflow';

import { normalizeExtension, replaceExtension } from '../../nodes/DocSpace/transport/download';
import { binaryContent } from '../../nodes/DocSpace/actions/binaryInput';
import type { UploadContent } from '../../nodes/DocSpace/transport/uploadContent';
import { framedChunks, multipartFrame } from '../../nodes/DocSpace/transport/uploadContent';
import { sendChunks } from '../../nodes/DocSpace/transport/uploadChunks';

/** Just enough of an execute context for binaryContent. */
function context(binary: Record<string, unknown>, pieces: Buffer[] = []) {
	const opened: string[] = [];
	const fake = {
		getNode: () => ({ name: 'DocSpace' }),
		getInputData: () => [{ json: {}, binary: { data: binary } }],
		helpers: {
			getBinaryStream: async (id: string) => {
				opened.push(id);
				return Readable.from(pieces);
			},
			getBinaryMetadata: async () => ({ fileSize: pieces.reduce((n, p) => n + p.length, 0) }),
			getBinaryDataBuffer: async () => Buffer.from(String(binary.data), 'base64'),
		},
	};
	return { fake: fake as unknown as IExecuteFunctions, opened };
}

/** The chunks' payloads, without their multipart frame. */
async function collect(content: UploadContent, chunkSize: number): Promise<Buffer[]> {
	const frame = multipartFrame(content.fileName, content.mimeType);
	const all: Buffer[] = [];
	const chunks = framedChunks(
		await content.read(),
		content.size,
		chunkSize,
		frame,
		[],
		content.piecesReleasable,
	);
	for await (const chunk of chunks) {
		expect(chunk.body.subarray(0, frame.head.length).equals(frame.head)).toBe(true);
		expect(chunk.body.subarray(chunk.body.length - frame.tail.length).equals(frame.tail)).toBe(
			true,
		);
		all.push(chunk.body.subarray(frame.head.length, frame.head.length + chunk.length));
	}
	return all;
}

describe('binaryContent', () => {
	test('a stored binary is streamed and regrouped into pieces of exactly the chunk size', async () => {
		const pieces = [
			Buffer.from('abc'),
			Buffer.from('defgh'),
			Buffer.from('i'),
			Buffer.from('jklmnopq'),
		];
		const { fake, opened } = context(
			{ id: 'filesystem-v2:x', data: 'filesystem-v2', mimeType: 'text/plain', fileName: 'a.txt' },
			pieces,
		);
		const content = await binaryContent.call(fake, 0, 'data', 'Input Binary Field');
		expect(content).toMatchObject({ fileName: 'a.txt', mimeType: 'text/plain', size: 17 });
		const chunks = await collect(content, 4);
		expect(chunks.map(String)).toEqual(['abcd', 'efgh', 'ijkl', 'mnop', 'q']);
		expect(opened).toEqual(['filesystem-v2:x']);
	});

	test("a stored binary's pieces are freed once copied into their chunk, the bytes intact", async () => {
		// Buffer.alloc gives each piece its own memory, as a file stream's reads have.
		const pieces = [9000, 5000, 20000, 1].map((length, n) => Buffer.alloc(length, 97 + n));
		const expected = Buffer.concat(pieces);
		const { fake } = context({ id: 'filesystem-v2:x', data: '', mimeType: 'a/b' }, pieces);
		const content = await binaryContent.call(fake, 0, 'data', 'F');
		const chunks = await collect(content, 16384);
		expect(Buffer.concat(chunks).equals(expected)).toBe(true);
		expect(pieces.map((piece) => piece.length)).toEqual([0, 0, 0, 0]);
	});

	test("an in-memory binary's buffer stays whole: n8n still holds it", async () => {
		const bytes = Buffer.alloc(40000, 'x');
		const held = Buffer.from(bytes.toString('base64'), 'base64');
		const fake = {
			getNode: () => ({ name: 'DocSpace' }),
			getInputData: () => [{ json: {}, binary: { data: { data: '', mimeType: 'a/b' } } }],
			helpers: { getBinaryDataBuffer: async () => held },
		} as unknown as IExecuteFunctions;
		const content = await binaryContent.call(fake, 0, 'data', 'F');
		expect(Buffer.concat(await collect(content, 16384)).equals(bytes)).toBe(true);
		expect(held.equals(bytes)).toBe(true);
	});

	test('the exact size comes from `bytes`, else from the stored metadata', async () => {
		const withBytes = context({ id: 'x', data: '', mimeType: 'a/b', bytes: 42 });
		expect((await binaryContent.call(withBytes.fake, 0, 'data', 'F')).size).toBe(42);
		const withoutBytes = context({ id: 'x', data: '', mimeType: 'a/b' }, [Buffer.alloc(7)]);
		expect((await binaryContent.call(withoutBytes.fake, 0, 'data', 'F')).size).toBe(7);
	});

	test('an in-memory binary is sliced from its buffer; a missing file name falls back to the property', async () => {
		const { fake, opened } = context({
			data: Buffer.from('0123456789').toString('base64'),
			mimeType: '',
			fileExtension: 'bin',
		});
		const content = await binaryContent.call(fake, 0, 'data', 'F');
		expect(content).toMatchObject({
			fileName: 'data.bin',
			mimeType: 'application/octet-stream',
			size: 10,
		});
		expect((await collect(content, 4)).map(String)).toEqual(['0123', '4567', '89']);
		expect(opened).toEqual([]);
	});

	test('content shorter or longer than its declared size is refused', async () => {
		const frame = multipartFrame('a', 'b');
		const read = async (pieces: Buffer[], size: number) => {
			for await (const chunk of framedChunks(Readable.from(pieces), size, 4, frame)) void chunk;
		};
		await expect(read([Buffer.from('abcdefg')], 8)).rejects.toThrow(
			'the content ended after 7 of the 8 bytes it declared',
		);
		await expect(read([Buffer.from('abcdefghi')], 8)).rejects.toThrow(
			'the content is longer than the 8 bytes it declared',
		);
	});

	test('a missing property is refused with the parameter name', async () => {
		const { fake } = context({ data: '' });
		await expect(binaryContent.call(fake, 0, 'other', 'Input Binary Field')).rejects.toThrow(
			'The input item has no binary property “other” (parameter “Input Binary Field”)',
		);
	});
});

test('extensions', () => {
	expect(normalizeExtension('PDF')).toBe('.pdf');
	expect(normalizeExtension(' .Docx ')).toBe('.docx');
	expect(normalizeExtension('')).toBe('');
	expect(replaceExtension('Report.v2.docx', '.pdf')).toBe('Report.v2.pdf');
	expect(replaceExtension('README', '.txt')).toBe('README.txt');
	expect(replaceExtension('.hidden', '.txt')).toBe('.hidden.txt');
});

describe('sendChunks', () => {
	/** Chunks 1…n, logging when each one has been read. */
	async function* numbered(n: number, log: string[]) {
		for (let number = 1; number <= n; number++) {
			log.push(`read ${number}`);
			yield { number, start: 0, length: 1, body: Buffer.alloc(1) };
		}
	}

	test('the next chunk is read while `parallel` chunks are on the way, never more in flight', async () => {
		const log: string[] = [];
		const pending: Array<() => void> = [];
		let inFlight = 0;
		let most = 0;
		const done = sendChunks(numbered(5, log), 2, async (chunk) => {
			inFlight++;
			most = Math.max(most, inFlight);
			log.push(`send ${chunk.number}`);
			await new Promise<void>((resolve) => pending.push(resolve));
			inFlight--;
		});
		await new Promise((resolve) => setImmediate(resolve));
		// Chunks 1 and 2 are on the way; chunk 3 is already read, waiting for a free slot.
		expect(log).toEqual(['read 1', 'send 1', 'read 2', 'send 2', 'read 3']);
		while (pending.length > 0 || inFlight > 0) {
			pending.shift()?.();
			await new Promise((resolve) => setImmediate(resolve));
		}
		await done;
		expect(most).toBe(2);
		expect(log.filter((entry) => entry.startsWith('send'))).toHaveLength(5);
	});

	test('the first failure stops the reading and is thrown once the others are back', async () => {
		const log: string[] = [];
		const sent: number[] = [];
		const failure = new Error('chunk 2 refused');
		await expect(
			sendChunks(numbered(6, log), 2, async (chunk) => {
				sent.push(chunk.number);
				if (chunk.number === 2) throw failure;
				await new Promise((resolve) => setTimeout(resolve, 20));
			}),
		).rejects.toBe(failure);
		expect(sent).toEqual([1, 2]);
		expect(log).toEqual(['read 1', 'read 2', 'read 3']);
	});
});
