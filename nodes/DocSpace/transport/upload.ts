import type { IBinaryData, IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeApiError, NodeOperationError, sleep } from 'n8n-workflow';

import { resolveCredentials } from './credentials';
import { asNodeError } from './errors';
import { docSpaceApi, docSpaceRequest } from './request';
import { isRecord } from './json';

/** DocSpace's default largest chunk (`files:uploader:chunk-size`); larger chunks are refused. */
export const DEFAULT_CHUNK_SIZE = 10 * 1024 * 1024;

/** Attempts per chunk when the chunk uploader answers `{success: false}`. */
const CHUNK_ATTEMPTS = 3;
const CHUNK_RETRY_DELAY_MS = 500;

/** What to upload: its name, type, exact size and a way to read it in chunks. */
export interface UploadContent {
	fileName: string;
	mimeType: string;
	size: number;
	/** The content in pieces of exactly `chunkSize` bytes (the last one may be shorter). */
	chunks(chunkSize: number): AsyncIterable<Buffer>;
}

export interface UploadOptions {
	itemIndex: number;
	/** Bytes per chunk; DEFAULT_CHUNK_SIZE when omitted. */
	chunkSize?: number;
}


/** Regroups a byte stream into pieces of exactly `size` bytes, holding at most one piece. */
async function* rechunk(source: AsyncIterable<unknown>, size: number): AsyncGenerator<Buffer> {
	let parts: Buffer[] = [];
	let length = 0;
	for await (const piece of source) {
		let rest = Buffer.isBuffer(piece) ? piece : Buffer.from(piece as Uint8Array);
		while (rest.length > 0) {
			if (length === 0 && rest.length === size) {
				yield rest;
				break;
			}
			const take = Math.min(size - length, rest.length);
			parts.push(rest.subarray(0, take));
			length += take;
			rest = rest.subarray(take);
			if (length === size) {
				yield Buffer.concat(parts, length);
				parts = [];
				length = 0;
			}
		}
	}
	if (length > 0) yield Buffer.concat(parts, length);
}

async function* slices(buffer: Buffer, size: number): AsyncGenerator<Buffer> {
	for (let start = 0; start < buffer.length; start += size) yield buffer.subarray(start, start + size);
}

async function* streamed(open: () => Promise<AsyncIterable<unknown>>, size: number): AsyncGenerator<Buffer> {
	yield* rechunk(await open(), size);
}

/**
 * The binary property `propertyName` of input item `itemIndex` as upload content. Binary data
 * kept outside memory (n8n's filesystem or S3 mode) is streamed chunk by chunk, so memory use
 * stays near one chunk whatever the file size.
 */
export async function binaryContent(
	this: IExecuteFunctions,
	itemIndex: number,
	propertyName: string,
	parameterLabel: string,
): Promise<UploadContent> {
	const name = propertyName.trim();
	const item = this.getInputData()[itemIndex];
	const binary: IBinaryData | undefined = name ? item?.binary?.[name] : undefined;
	if (!binary) {
		const available = Object.keys(item?.binary ?? {});
		throw new NodeOperationError(
			this.getNode(),
			`The input item has no binary property “${name}” (parameter “${parameterLabel}”)`,
			{
				itemIndex,
				description: available.length
					? `Set “${parameterLabel}” to one of the item’s binary properties: ${available.join(', ')}.`
					: 'The input item carries no file at all. Add a node before this one that produces the file (e.g. Read/Write Files from Disk or HTTP Request), or check the property name.',
			},
		);
	}
	const fileName = binary.fileName ?? `${name}${binary.fileExtension ? `.${binary.fileExtension}` : ''}`;
	const mimeType = binary.mimeType || 'application/octet-stream';
	const binaryId = binary.id;
	const helpers = this.helpers;
	if (binaryId) {
		const size =
			typeof binary.bytes === 'number' ? binary.bytes : Number((await this.helpers.getBinaryMetadata(binaryId)).fileSize);
		return {
			fileName,
			mimeType,
			size,
			chunks: (chunkSize) => streamed(async () => await helpers.getBinaryStream(binaryId, chunkSize), chunkSize),
		};
	}
	const buffer = await this.helpers.getBinaryDataBuffer(itemIndex, name);
	return {
		fileName,
		mimeType,
		size: buffer.length,
		chunks: (chunkSize) => slices(buffer, chunkSize),
	};
}

/** The `data` object of a session answer: `{success, data}` (upload/create_session) or bare. */
function sessionOf(answer: IDataObject): IDataObject {
	return isRecord(answer.data) ? answer.data : answer;
}

/** The chunk location on the configured portal: DocSpace may report its internal host name. */
async function chunkUrl(this: IExecuteFunctions, location: string): Promise<string> {
	const { portalUrl } = await resolveCredentials(this);
	const url = new URL(location, `${portalUrl}/`);
	const portal = new URL(portalUrl);
	return url.origin === portal.origin ? url.toString() : `${portal.origin}${url.pathname}${url.search}`;
}

function checkUpload(this: IExecuteFunctions, content: UploadContent, chunkSize: number, itemIndex: number): number {
	if (content.size === 0) {
		throw new NodeOperationError(this.getNode(), `The file “${content.fileName}” is empty`, {
			itemIndex,
			description: 'DocSpace does not accept empty uploads. Check the node that produced the file.',
		});
	}
	if (!Number.isFinite(chunkSize) || chunkSize < 64 * 1024) {
		throw new NodeOperationError(this.getNode(), 'The option “Chunk Size (MiB)” is too small', {
			itemIndex,
			description: 'Use at least 0.0625 MiB (64 KiB); DocSpace accepts up to 10 MiB per chunk by default.',
		});
	}
	return Math.floor(chunkSize);
}

/** POSTs one chunk as multipart/form-data, retrying when the uploader reports a failure. */
async function sendChunk(
	this: IExecuteFunctions,
	url: string,
	chunk: Buffer,
	content: UploadContent,
	itemIndex: number,
): Promise<{ statusCode: number; data: IDataObject }> {
	for (let attempt = 1; ; attempt++) {
		const form = new FormData();
		form.append('file', new Blob([chunk], { type: content.mimeType }), content.fileName);
		try {
			const result = await docSpaceRequest.call(this, {
				method: 'POST',
				path: url,
				body: form,
				// The uploader counts a chunk only once it has stored it, so resending a failed one is safe.
				idempotent: true,
				itemIndex,
			});
			return { statusCode: result.statusCode, data: isRecord(result.data) ? result.data : {} };
		} catch (error) {
			const failure = asNodeError.call(this, error, itemIndex);
			// `{success: false}` arrives as HTTP 200 and is raised as 400; transport failures were already retried.
			const retry = failure instanceof NodeApiError && failure.httpCode === '400' && attempt < CHUNK_ATTEMPTS;
			if (!retry) throw failure;
			await sleep(CHUNK_RETRY_DELAY_MS * attempt);
		}
	}
}

/**
 * Sends `content` through a chunked upload session and returns the resulting
 * FileDto. The final chunk is answered with 201 and `data.file`.
 */
async function sendThroughSession(
	this: IExecuteFunctions,
	answer: IDataObject,
	content: UploadContent,
	itemIndex: number,
	chunkSize: number,
): Promise<IDataObject> {
	const session = sessionOf(answer);
	if (typeof session.location !== 'string' || !session.location) {
		throw new NodeOperationError(this.getNode(), 'DocSpace did not return an upload location', {
			itemIndex,
			description: 'The portal answered the upload session request without a chunk location; check the portal version.',
		});
	}
	const url = await chunkUrl.call(this, session.location);
	const parts = Math.max(1, Math.ceil(content.size / chunkSize));
	let sent = 0;
	let part = 0;
	for await (const chunk of content.chunks(chunkSize)) {
		part++;
		const start = sent;
		sent += chunk.length;
		if (sent > content.size) break;
		let reply: { statusCode: number; data: IDataObject };
		try {
			reply = await sendChunk.call(this, url, chunk, content, itemIndex);
		} catch (error) {
			const failure = asNodeError.call(this, error, itemIndex);
			failure.description = `${failure.description ?? ''} This happened on part ${part} of ${parts} of “${content.fileName}” (bytes ${start}–${sent - 1} of ${content.size}). If the portal limits the chunk size, lower the option “Chunk Size (MiB)”.`.trim();
			throw failure;
		}
		const data = isRecord(reply.data.data) ? reply.data.data : {};
		if (reply.statusCode === 201 && isRecord(data.file)) {
			if (sent !== content.size) break;
			return data.file;
		}
	}
	throw new NodeOperationError(this.getNode(), `DocSpace did not confirm the upload of “${content.fileName}”`, {
		itemIndex,
		description: `Sent ${sent} of ${content.size} bytes in ${part} part(s), but the portal did not report the file as complete. The input may have changed while it was read, or a part was stored twice after a network failure; run the node again.`,
	});
}

/**
 * Uploads `content` into folder `folderId` (a numeric folder or room id) through a chunked
 * session. With `createNewIfExist` false, a file of the same title gets a new version.
 */
export async function uploadToFolder(
	this: IExecuteFunctions,
	folderId: string,
	content: UploadContent,
	options: UploadOptions & { createNewIfExist: boolean },
): Promise<IDataObject> {
	const { itemIndex } = options;
	const chunkSize = checkUpload.call(this, content, options.chunkSize ?? DEFAULT_CHUNK_SIZE, itemIndex);
	const answer = await docSpaceApi.call(
		this,
		'POST',
		`files/${encodeURIComponent(folderId)}/upload/create_session`,
		{ fileName: content.fileName, fileSize: content.size, createNewIfExist: options.createNewIfExist },
		undefined,
		itemIndex,
	);
	return await sendThroughSession.call(this, answer, content, itemIndex, chunkSize);
}

/** Stores `content` as a new version of file `fileId` through a chunked edit session. */
export async function uploadNewVersion(
	this: IExecuteFunctions,
	fileId: string,
	content: UploadContent,
	options: UploadOptions,
): Promise<IDataObject> {
	const { itemIndex } = options;
	const chunkSize = checkUpload.call(this, content, options.chunkSize ?? DEFAULT_CHUNK_SIZE, itemIndex);
	const answer = await docSpaceApi.call(
		this,
		'POST',
		`files/file/${encodeURIComponent(fileId)}/edit_session`,
		undefined,
		{ fileSize: content.size },
		itemIndex,
	);
	return await sendThroughSession.call(this, answer, content, itemIndex, chunkSize);
}
