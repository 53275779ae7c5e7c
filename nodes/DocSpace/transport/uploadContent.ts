/** What to upload: its name, type, exact size and a way to read its bytes once, in order. */
export interface UploadContent {
	fileName: string;
	mimeType: string;
	size: number;
	/** The bytes, in pieces of any size. */
	read(): Promise<AsyncIterable<unknown>>;
	/**
	 * True when every piece read belongs to the reader alone once it is handed over (the reads of a
	 * file stream), so its memory may be released as soon as it is copied.
	 */
	piecesReleasable?: boolean;
}

/** One numbered chunk, already framed as the whole multipart/form-data request body. */
export interface FramedChunk {
	/** 1-based, as DocSpace's ChunkNumber. */
	number: number;
	/** Offset of the chunk's first byte in the file. */
	start: number;
	length: number;
	body: Buffer;
}

/** The multipart/form-data frame around one chunk: a single `file` part. */
export interface MultipartFrame {
	contentType: string;
	head: Buffer;
	tail: Buffer;
}

/** Thrown when the content read is not `size` bytes long. */
export class ContentSizeError extends Error {}

export function multipartFrame(fileName: string, mimeType: string): MultipartFrame {
	const boundary = `----n8nDocSpace${Date.now().toString(16)}${Math.random().toString(16).slice(2)}`;
	const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
	const head =
		`--${boundary}\r\n` +
		`Content-Disposition: form-data; name="file"; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}\r\n` +
		`Content-Type: ${mimeType}\r\n\r\n`;
	return {
		contentType: `multipart/form-data; boundary=${boundary}`,
		head: Buffer.from(head, 'utf8'),
		tail: Buffer.from(`\r\n--${boundary}--\r\n`, 'utf8'),
	};
}

type Transferable = ArrayBuffer & { transfer?: (length: number) => ArrayBuffer };

/**
 * Frees a piece's memory now instead of at the next garbage collection. Node allocates each read of
 * a file stream outside the JavaScript heap, and V8 answers such allocations with full collections
 * of the whole heap (n8n's, some 50–150 MiB): detaching a piece that owns its whole ArrayBuffer
 * (`ArrayBuffer.prototype.transfer`, Node 21+) returns the memory at once, and the collections stop.
 */
function release(piece: Buffer): void {
	const buffer = piece.buffer as Transferable;
	if (piece.byteOffset === 0 && piece.byteLength === buffer.byteLength) buffer.transfer?.(0);
}

function asBuffer(piece: unknown): Buffer {
	if (Buffer.isBuffer(piece)) return piece;
	if (typeof piece === 'string') return Buffer.from(piece);
	return Buffer.from(piece as Uint8Array);
}

/**
 * Cuts `source` into chunks of `chunkSize` bytes (the last one shorter), each copied once straight
 * into its request body. Full-size bodies are taken from `spare` when it has one (bodies of sent
 * chunks given back), so memory stays at the chunks in flight without garbage piling up.
 */
export async function* framedChunks(
	source: AsyncIterable<unknown>,
	total: number,
	chunkSize: number,
	frame: MultipartFrame,
	spare: Buffer[] = [],
	releasePieces = false,
): AsyncGenerator<FramedChunk> {
	const { head, tail } = frame;
	let number = 0;
	let start = 0;
	let body: Buffer | undefined;
	let want = 0;
	let filled = 0;
	for await (const piece of source) {
		const whole = asBuffer(piece);
		let rest = whole;
		while (rest.length > 0) {
			if (start >= total)
				throw new ContentSizeError(`the content is longer than the ${total} bytes it declared`);
			if (!body) {
				want = Math.min(chunkSize, total - start);
				const length = head.length + want + tail.length;
				body =
					spare.length > 0 && want === chunkSize
						? (spare.pop() as Buffer)
						: Buffer.allocUnsafe(length);
				head.copy(body, 0);
				filled = 0;
			}
			const take = Math.min(want - filled, rest.length);
			rest.copy(body, head.length + filled, 0, take);
			filled += take;
			rest = rest.subarray(take);
			if (filled === want) {
				tail.copy(body, head.length + want);
				yield { number: ++number, start, length: want, body };
				start += want;
				body = undefined;
			}
		}
		if (releasePieces) release(whole);
	}
	if (start !== total)
		throw new ContentSizeError(
			`the content ended after ${start + filled} of the ${total} bytes it declared`,
		);
}
