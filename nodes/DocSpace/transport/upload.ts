/*
 * Uploads through DocSpace's numbered chunk sessions (REST, `UploadController`):
 * `POST files/{folderId}/session` (or `files/file/{fileId}/edit_session` for a new version) opens a
 * session, `POST files/{folderId}/session/{sessionId}/upload?ChunkNumber=N` stores chunk N,
 * `PUT …/finalize` completes the file (201), `DELETE files/{folderId}/session/{sessionId}` aborts.
 *
 * A resent chunk N replaces chunk N, so resending after a lost reply is harmless and chunks may run
 * in parallel. The appending `ChunkedUploader.ashx` stores chunks in arrival order (a chunk sent
 * twice is stored twice), so it is not used: the numbered routes find a session by its id alone,
 * which makes them serve edit sessions, and so new versions, too.
 */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeApiError, NodeOperationError, sleep } from 'n8n-workflow';

import { asNodeError } from './errors';
import { isRecord } from './json';
import { docSpaceCall, docSpaceRequest } from './request';
import type { FramedChunk, UploadContent } from './uploadContent';
import { ContentSizeError, framedChunks, multipartFrame } from './uploadContent';
import { apiPath } from './path';

export type { UploadContent } from './uploadContent';

/** DocSpace's default largest chunk (`files:uploader:chunk-size`); larger chunks are refused. */
export const DEFAULT_CHUNK_SIZE = 10 * 1024 * 1024;
/** Chunks sent at once by default. */
export const DEFAULT_PARALLEL_CHUNKS = 4;
/** DocSpace lets one user run at most 15 writes at once. */
export const MAX_PARALLEL_CHUNKS = 15;
/** Smallest chunk sent (64 KiB). */
export const MIN_CHUNK_SIZE = 64 * 1024;

/** Attempts per chunk when the portal refuses it (400, e.g. storage busy); a resent chunk replaces itself. */
const CHUNK_ATTEMPTS = 3;
const CHUNK_RETRY_DELAY_MS = 500;

export interface UploadOptions {
	itemIndex: number;
	/** Bytes per chunk; DEFAULT_CHUNK_SIZE when omitted. */
	chunkSize?: number;
	/** Chunks in flight at once; DEFAULT_PARALLEL_CHUNKS when omitted. */
	parallel?: number;
	/** How the user sets the chunk size, for the hint when the portal refuses a chunk. */
	chunkSizeLabel?: string;
}

interface Session {
	id: string;
	folderId: string;
	/** Server time when the session was opened. */
	created: number;
}

/** Where a finished upload lands, to find it when the reply to finalize is lost. */
type Target =
	| { kind: 'folder'; fileName: string }
	| { kind: 'version'; fileId: string; versionBefore: number };

type Limits = Required<Pick<UploadOptions, 'chunkSize' | 'parallel'>> &
	Pick<UploadOptions, 'chunkSizeLabel'>;

function checkUpload(
	this: IExecuteFunctions,
	content: UploadContent,
	options: UploadOptions,
): Limits {
	const { itemIndex } = options;
	if (content.size === 0) {
		throw new NodeOperationError(this.getNode(), `The file “${content.fileName}” is empty`, {
			itemIndex,
			description: 'DocSpace does not accept empty uploads. Check the node that produced the file.',
		});
	}
	const chunkSize = Math.floor(options.chunkSize ?? DEFAULT_CHUNK_SIZE);
	const parallel = Math.floor(options.parallel ?? DEFAULT_PARALLEL_CHUNKS);
	// The callers check their settings in the user's words; this guards the transport itself.
	if (!(chunkSize >= MIN_CHUNK_SIZE) || !(parallel >= 1 && parallel <= MAX_PARALLEL_CHUNKS)) {
		throw new NodeOperationError(
			this.getNode(),
			`Chunks of ${chunkSize} bytes, ${parallel} at once, are outside what DocSpace accepts`,
			{
				itemIndex,
				description: `Use chunks of at least ${MIN_CHUNK_SIZE} bytes and 1 to ${MAX_PARALLEL_CHUNKS} chunks at once.`,
			},
		);
	}
	return { chunkSize, parallel, chunkSizeLabel: options.chunkSizeLabel };
}

function sessionOf(
	this: IExecuteFunctions,
	answer: IDataObject,
	folderId: string,
	itemIndex: number,
): Session {
	// `files/{folderId}/session` answers the session itself; edit_session wraps it in {success, data}.
	const data = isRecord(answer.data) ? answer.data : answer;
	if (typeof data.id !== 'string' || !data.id) {
		throw new NodeOperationError(this.getNode(), 'DocSpace did not return an upload session', {
			itemIndex,
			description:
				'The portal answered the upload session request without a session id; check the portal version.',
		});
	}
	const created = Date.parse(String(data.created ?? ''));
	return { id: data.id, folderId, created: Number.isNaN(created) ? 0 : created };
}

const sessionPath = (session: Session) => apiPath`files/${session.folderId}/session/${session.id}`;

/** What a chunk belongs to, for the description of its failure. */
interface ChunkUpload {
	content: UploadContent;
	parts: number;
	chunkSizeLabel?: string;
}

/** Sends every chunk, at most `parallel` at once; the first failure stops the reading and is thrown. */
async function sendChunks(
	chunks: AsyncIterable<FramedChunk>,
	parallel: number,
	send: (chunk: FramedChunk) => Promise<void>,
): Promise<void> {
	const running = new Set<Promise<void>>();
	let failed = false;
	let failure: unknown;
	try {
		for await (const chunk of chunks) {
			const sending: Promise<void> = send(chunk)
				.catch((error: unknown) => {
					if (!failed) [failed, failure] = [true, error];
				})
				.finally(() => running.delete(sending));
			running.add(sending);
			if (running.size >= parallel) await Promise.race(running);
			if (failed) break;
		}
	} finally {
		await Promise.all(running);
	}
	if (failed) throw failure;
}

async function sendChunk(
	this: IExecuteFunctions,
	session: Session,
	chunk: FramedChunk,
	contentType: string,
	upload: ChunkUpload,
	itemIndex: number,
): Promise<void> {
	for (let attempt = 1; ; attempt++) {
		try {
			await docSpaceRequest.call(this, {
				method: 'POST',
				path: `${sessionPath(session)}/upload`,
				qs: { ChunkNumber: chunk.number },
				headers: { 'Content-Type': contentType },
				body: chunk.body,
				// Chunk N replaces any earlier chunk N, so a resend after a lost reply stores nothing twice.
				idempotent: true,
				itemIndex,
			});
			return;
		} catch (error) {
			const failure = asNodeError.call(this, error, itemIndex);
			if (
				failure instanceof NodeApiError &&
				failure.httpCode === '400' &&
				attempt < CHUNK_ATTEMPTS
			) {
				await sleep(CHUNK_RETRY_DELAY_MS * attempt);
				continue;
			}
			throw described(failure, chunk, upload);
		}
	}
}

/** The failure, its description naming the chunk and its bytes. */
function described<E extends NodeApiError | NodeOperationError>(
	failure: E,
	chunk: FramedChunk,
	upload: ChunkUpload,
): E {
	const { content, parts, chunkSizeLabel } = upload;
	const end = chunk.start + chunk.length - 1;
	const lower = chunkSizeLabel ? `lower the option “${chunkSizeLabel}”` : 'send smaller chunks';
	failure.description =
		`${failure.description ?? ''} This happened on part ${chunk.number} of ${parts} of “${content.fileName}” (bytes ${chunk.start}–${end} of ${content.size}). If the portal limits the chunk size, ${lower}.`.trim();
	return failure;
}

async function finalize(
	this: IExecuteFunctions,
	session: Session,
	itemIndex: number,
): Promise<IDataObject> {
	const { data } = await docSpaceRequest.call(this, {
		method: 'PUT',
		path: `${sessionPath(session)}/finalize`,
		itemIndex,
	});
	const answer = isRecord(data) ? (data as IDataObject) : {};
	if (isRecord(answer.file)) return answer.file;
	if (answer.id !== undefined)
		return await docSpaceCall.call(this, {
			method: 'GET',
			path: apiPath`files/file/${String(answer.id)}`,
			itemIndex,
		});
	throw new NodeOperationError(this.getNode(), 'DocSpace did not report the uploaded file', {
		itemIndex,
	});
}

function titleMatches(title: string, fileName: string): boolean {
	const dot = fileName.lastIndexOf('.');
	const [base, ext] = dot > 0 ? [fileName.slice(0, dot), fileName.slice(dot)] : [fileName, ''];
	const lower = title.toLowerCase();
	if (lower === fileName.toLowerCase()) return true;
	// “Keep Both” numbers the new file: `Report (2).pdf`.
	const numbered =
		lower.startsWith(`${base.toLowerCase()} (`) && lower.endsWith(`)${ext.toLowerCase()}`);
	return numbered && /^\d+$/.test(lower.slice(base.length + 2, lower.length - ext.length - 1));
}

const changedSince = (entry: IDataObject, since: number) =>
	Math.max(
		Date.parse(String(entry.updated ?? '')) || 0,
		Date.parse(String(entry.created ?? '')) || 0,
	) >=
	since - 1000;

/** The file a finalize completed although its reply was lost, if DocSpace has it. */
async function completedUpload(
	this: IExecuteFunctions,
	session: Session,
	target: Target,
	size: number,
	itemIndex: number,
): Promise<IDataObject | undefined> {
	if (target.kind === 'version') {
		const file = await docSpaceCall.call(this, {
			method: 'GET',
			path: apiPath`files/file/${target.fileId}`,
			itemIndex,
		});
		return Number(file.version) > target.versionBefore && Number(file.pureContentLength) === size
			? file
			: undefined;
	}
	const dot = target.fileName.lastIndexOf('.');
	const search = dot > 0 ? target.fileName.slice(0, dot) : target.fileName;
	const listing = await docSpaceCall.call(this, {
		method: 'GET',
		path: apiPath`files/${session.folderId}`,
		qs: {
			filterType: 1,
			filterValue: search,
			count: 100,
		},
		itemIndex,
	});
	const files = Array.isArray(listing.files) ? (listing.files as IDataObject[]) : [];
	const found = files
		.filter(
			(f) =>
				titleMatches(String(f.title ?? ''), target.fileName) &&
				Number(f.pureContentLength) === size &&
				changedSince(f, session.created),
		)
		.sort((a, b) => Date.parse(String(b.updated)) - Date.parse(String(a.updated)));
	return found[0];
}

async function abort(this: IExecuteFunctions, session: Session, itemIndex: number): Promise<void> {
	try {
		await docSpaceRequest.call(this, { method: 'DELETE', path: sessionPath(session), itemIndex });
	} catch {
		// The session may be gone already; it expires on the portal anyway.
	}
}

/**
 * Finalizes; when that fails, finds out whether DocSpace completed the file anyway (its reply may
 * have been lost), else tries once more. Throws only when the file is not on the portal.
 */
async function finalizeTruthfully(
	this: IExecuteFunctions,
	session: Session,
	target: Target,
	size: number,
	itemIndex: number,
): Promise<IDataObject> {
	try {
		return await finalize.call(this, session, itemIndex);
	} catch (error) {
		const found = await completedUpload
			.call(this, session, target, size, itemIndex)
			.catch(() => undefined);
		if (found) return found;
		try {
			return await finalize.call(this, session, itemIndex);
		} catch {
			const failure = asNodeError.call(this, error, itemIndex);
			failure.description =
				`${failure.description ?? ''} DocSpace did not complete the file: nothing was stored, and the upload session is cancelled.`.trim();
			throw failure;
		}
	}
}

async function sendThroughSession(
	this: IExecuteFunctions,
	session: Session,
	target: Target,
	content: UploadContent,
	limits: Limits,
	itemIndex: number,
): Promise<IDataObject> {
	const parts = Math.ceil(content.size / limits.chunkSize);
	const frame = multipartFrame(content.fileName, content.mimeType);
	try {
		const spare: Buffer[] = [];
		const chunks = framedChunks(await content.read(), content.size, limits.chunkSize, frame, spare);
		await sendChunks(chunks, limits.parallel, async (chunk) => {
			await sendChunk.call(
				this,
				session,
				chunk,
				frame.contentType,
				{ content, parts, chunkSizeLabel: limits.chunkSizeLabel },
				itemIndex,
			);
			// The reply came, so the body was sent in full: the next chunk may reuse it.
			if (chunk.length === limits.chunkSize) spare.push(chunk.body);
		});
		return await finalizeTruthfully.call(this, session, target, content.size, itemIndex);
	} catch (error) {
		await abort.call(this, session, itemIndex);
		if (error instanceof ContentSizeError) {
			throw new NodeOperationError(
				this.getNode(),
				`The file “${content.fileName}” changed while it was read: ${error.message}`,
				{
					itemIndex,
					description: 'Nothing was stored. Run the node again once the file is complete.',
				},
			);
		}
		throw asNodeError.call(this, error, itemIndex);
	}
}

/**
 * Uploads `content` into folder `folderId` (a numeric folder or room id) through a numbered
 * chunk session. With `createNewIfExist` false, a file of the same title gets a new version.
 */
export async function uploadToFolder(
	this: IExecuteFunctions,
	folderId: string,
	content: UploadContent,
	options: UploadOptions & { createNewIfExist: boolean },
): Promise<IDataObject> {
	const { itemIndex } = options;
	const limits = checkUpload.call(this, content, options);
	const answer = await docSpaceCall.call(this, {
		method: 'POST',
		path: apiPath`files/${folderId}/session`,
		body: {
			fileName: content.fileName,
			fileSize: content.size,
			createNewIfExist: options.createNewIfExist,
		},
		itemIndex,
	});
	const session = sessionOf.call(this, answer, folderId, itemIndex);
	return await sendThroughSession.call(
		this,
		session,
		{ kind: 'folder', fileName: content.fileName },
		content,
		limits,
		itemIndex,
	);
}

/** Stores `content` as a new version of `file` (its FileDto) through a chunked edit session. */
export async function uploadNewVersion(
	this: IExecuteFunctions,
	file: IDataObject,
	content: UploadContent,
	options: UploadOptions,
): Promise<IDataObject> {
	const { itemIndex } = options;
	const limits = checkUpload.call(this, content, options);
	const fileId = String(file.id);
	const answer = await docSpaceCall.call(this, {
		method: 'POST',
		path: apiPath`files/file/${fileId}/edit_session`,
		qs: { fileSize: content.size },
		itemIndex,
	});
	const session = sessionOf.call(this, answer, String(file.folderId), itemIndex);
	const target: Target = { kind: 'version', fileId, versionBefore: Number(file.version) || 0 };
	return await sendThroughSession.call(this, session, target, content, limits, itemIndex);
}
