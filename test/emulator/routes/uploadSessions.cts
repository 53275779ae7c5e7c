/**
 * DocSpace's numbered chunk protocol (REST, `UploadController`):
 *
 * - `POST files/{folderId}/session` opens a session (body as create_session) and answers the
 *   session object itself in the envelope.
 * - `POST files/{folderId}/session/{sessionId}/upload?ChunkNumber=N` stores chunk N (multipart,
 *   first file part). Chunks may arrive in any order and in parallel; a chunk number sent again
 *   replaces what that number held.
 * - `PUT files/{folderId}/session/{sessionId}/finalize` joins chunks 1…K; the numbers must have no
 *   gap and the bytes must add up to the session's fileSize. 201 with UploadSessionResponseDto.
 * - `DELETE files/{folderId}/session/{sessionId}` aborts.
 *
 * Sessions are found by id alone (the path's folder id is not compared), so edit sessions from
 * `files/file/{fileId}/edit_session` work here too and end in a new version.
 */
import { currentUser, defineRoute, fail, ok, type Reply, type RouteContext } from '../http.cjs';
import {
	dropSessionFiles,
	fileStore,
	SESSION_LIFETIME_MS,
	storeNumberedChunk,
	type UploadSession,
} from '../file-store.cjs';
import {
	completedData,
	completeSession,
	firstFile,
	openSession,
	sessionData,
	sessionRequest,
} from './upload.cjs';

const EXPIRED = 'Not authorized or session with specified upload id already expired';

function liveSession(ctx: RouteContext): UploadSession | undefined {
	const session = fileStore(ctx.state).sessions.get(ctx.params.sessionId ?? '');
	if (!session || session.userId !== currentUser(ctx).id || session.expires <= ctx.state.now())
		return undefined;
	return session;
}

/** ASP.NET binds query names without regard to case. */
function chunkNumberOf(ctx: RouteContext): number {
	for (const [name, value] of ctx.searchParams)
		if (name.toLowerCase() === 'chunknumber') return Number(value);
	return Number.NaN;
}

defineRoute('POST', '/api/2.0/files/{folderId}/session', (ctx) => {
	const input = sessionRequest(ctx);
	return 'kind' in input ? input : ok(sessionData(ctx, openSession(ctx, input)));
});

defineRoute('POST', '/api/2.0/files/{folderId}/session/{sessionId}/upload', (ctx): Reply => {
	const session = liveSession(ctx);
	if (!session) return fail(400, EXPIRED);
	const number = chunkNumberOf(ctx);
	if (!Number.isInteger(number) || number < 1)
		return fail(400, 'The chunk number must be a positive whole number');
	const chunk = firstFile(ctx.body);
	if (!chunk || chunk.size === 0) return fail(400, 'Empty file');
	const store = fileStore(ctx.state);
	if (chunk.size > store.maxChunkSize)
		return fail(400, `File size exceeds the maximum chunk size of ${store.maxChunkSize} bytes`);
	const before = session.numbered.get(number) ?? 0;
	storeNumberedChunk(ctx.state, session, number, chunk.content);
	session.storedOrder.push(number);
	session.bytesUploaded += chunk.size - before;
	session.expires = new Date(ctx.state.now().getTime() + SESSION_LIFETIME_MS);
	return ok({ ...sessionData(ctx, session), bytes_uploaded: session.bytesUploaded });
});

defineRoute('PUT', '/api/2.0/files/{folderId}/session/{sessionId}/finalize', async (ctx) => {
	const session = liveSession(ctx);
	if (!session) return fail(400, EXPIRED);
	const count = session.numbered.size;
	for (let n = 1; n <= count; n++) {
		if (!session.numbered.has(n)) return fail(400, `Chunk ${n} of the upload is missing`);
	}
	if (count === 0 || (session.bytesTotal > 0 && session.bytesUploaded !== session.bytesTotal)) {
		return fail(
			400,
			`The uploaded size (${session.bytesUploaded} bytes) does not match the declared file size (${session.bytesTotal} bytes)`,
		);
	}
	const file = await completeSession(ctx, session, currentUser(ctx));
	if (!file) return fail(404, 'The required file was not found');
	return ok(completedData(ctx, file), { status: 201 });
});

defineRoute('DELETE', '/api/2.0/files/{folderId}/session/{sessionId}', (ctx): Reply => {
	const session = liveSession(ctx);
	if (session) {
		fileStore(ctx.state).sessions.delete(session.id);
		dropSessionFiles(ctx.state, session);
	}
	return ok(null);
});
