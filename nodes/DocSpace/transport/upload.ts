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
import { NodeOperationError } from 'n8n-workflow';

import { asNodeError } from './errors';
import { apiPath } from './path';
import { docSpaceCall } from './request';
import { sendChunk, sendChunks } from './uploadChunks';
import type { UploadContent } from './uploadContent';
import { ContentSizeError, framedChunks, multipartFrame } from './uploadContent';
import type { Target } from './uploadOutcome';
import { finalizeTruthfully } from './uploadOutcome';
import type { Session } from './uploadSession';
import { abort, sessionOf } from './uploadSession';

export type { UploadContent } from './uploadContent';

/** DocSpace's default largest chunk (`files:uploader:chunk-size`); larger chunks are refused. */
export const DEFAULT_CHUNK_SIZE = 10 * 1024 * 1024;
/** Chunks sent at once by default. */
export const DEFAULT_PARALLEL_CHUNKS = 4;
/** DocSpace lets one user run at most 15 writes at once. */
export const MAX_PARALLEL_CHUNKS = 15;
/** Smallest chunk sent (64 KiB). */
export const MIN_CHUNK_SIZE = 64 * 1024;

export interface UploadOptions {
	itemIndex: number;
	/** Bytes per chunk; DEFAULT_CHUNK_SIZE when omitted. */
	chunkSize?: number;
	/** Chunks in flight at once; DEFAULT_PARALLEL_CHUNKS when omitted. */
	parallel?: number;
	/** How the user sets the chunk size, for the hint when the portal refuses a chunk. */
	chunkSizeLabel?: string;
}

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
		const chunks = framedChunks(
			await content.read(),
			content.size,
			limits.chunkSize,
			frame,
			spare,
			content.piecesReleasable,
		);
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
