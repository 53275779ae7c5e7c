/**
 * Sending the numbered chunks of a session: `POST files/{folderId}/session/{sessionId}/upload
 * ?ChunkNumber=N`. A resent chunk N replaces chunk N, so resending after a lost reply is harmless
 * and chunks may run in parallel.
 */
import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeApiError, NodeOperationError, sleep } from 'n8n-workflow';

import { asNodeError } from './errors';
import { docSpaceRequest } from './request';
import type { FramedChunk, UploadContent } from './uploadContent';
import type { Session } from './uploadSession';
import { sessionPath } from './uploadSession';

/** Attempts per chunk when the portal refuses it (400, e.g. storage busy); a resent chunk replaces itself. */
const CHUNK_ATTEMPTS = 3;
const CHUNK_RETRY_DELAY_MS = 500;

/** What a chunk belongs to, for the description of its failure. */
export interface ChunkUpload {
	content: UploadContent;
	parts: number;
	chunkSizeLabel?: string;
}

/**
 * Sends every chunk, at most `parallel` at once; the first failure stops the reading and is thrown.
 * The next chunk is read while the others are on the way, so reading and sending overlap.
 */
export async function sendChunks(
	chunks: AsyncIterable<FramedChunk>,
	parallel: number,
	send: (chunk: FramedChunk) => Promise<void>,
): Promise<void> {
	const running = new Set<Promise<void>>();
	let failed = false;
	let failure: unknown;
	try {
		for await (const chunk of chunks) {
			while (running.size >= parallel && !failed) await Promise.race(running);
			if (failed) break;
			const sending: Promise<void> = send(chunk)
				.catch((error: unknown) => {
					if (!failed) [failed, failure] = [true, error];
				})
				.finally(() => running.delete(sending));
			running.add(sending);
		}
	} finally {
		await Promise.all(running);
	}
	if (failed) throw failure;
}

export async function sendChunk(
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
