/**
 * Uploads: chunked sessions (`upload/create_session`, `file/{id}/edit_session`),
 * the chunk handler `/ChunkedUploader.ashx` and the one-request multipart upload.
 *
 * The chunk handler is not part of the REST API: it answers `{success, data, message}`
 * without the envelope, reports failures as HTTP 200 with `success: false`, and answers the
 * final chunk with 201 and `data.file`. Sessions belong to the user who created them.
 */
import { authenticate } from '../auth.cjs';
import { isOnlyOfficeForm, MARKER_WINDOW } from '../formPdf.cjs';
import { emitWebhookEvent } from '../webhooks/deliver.cjs';
import { fileDto } from '../dto/files.cjs';
import { apiDate } from '../dto/format.cjs';
import {
	badRequest,
	bodyField,
	currentUser,
	defineRoute,
	json,
	notFound,
	ok,
	queryBool,
	queryInt,
	validation,
	type MultipartBody,
	type Reply,
	type RouteContext,
	type UploadedFile,
} from '../http.cjs';
import { MESSAGES, requireFile, requireFolder } from '../lookup.cjs';
import type { FileEntry, Folder, User } from '../model.cjs';
import {
	SESSION_LIFETIME_MS,
	appendChunk,
	dropSessionFiles,
	fileStore,
	newSessionId,
	saveFile,
	takeSessionContent,
	type UploadSession,
} from '../file-store.cjs';
import { StoredContent, type ContentSource } from '../stored-content.cjs';

/** The folder to write into: `{folderId}`, or the caller's My documents on the `files/@my/…` routes. */
export function targetFolder(ctx: RouteContext): Folder {
	const raw = ctx.params.folderId;
	if (raw !== undefined) return requireFolder(ctx, raw, 'write');
	const my = ctx.state.myDocumentsOf(currentUser(ctx).id);
	if (!my) throw notFound(MESSAGES.folderNotFound);
	return requireFolder(ctx, my.id, 'write');
}

/**
 * Stores uploaded `content` as `title` in `folder` (see saveFile), a form when it is an
 * ONLYOFFICE PDF form, and sends the `file.uploaded` event.
 */
export function storeUpload(
	ctx: RouteContext,
	folder: Folder,
	title: string,
	content: ContentSource,
	createNewIfExist: boolean,
	user: User,
): FileEntry {
	const head = content instanceof StoredContent ? content.readHead(MARKER_WINDOW) : content;
	const file = saveFile(ctx.state, {
		folderId: folder.id,
		title,
		content,
		createNewIfExist,
		userId: user.id,
		isForm: isOnlyOfficeForm(head),
	});
	void emitWebhookEvent(ctx.state, 'file.uploaded', file, { actorId: user.id });
	return file;
}

export function sessionData(ctx: RouteContext, session: UploadSession): Record<string, unknown> {
	return {
		id: session.id,
		path: ctx.state.pathOf(session.folderId).map((f) => f.id),
		created: apiDate(session.created),
		expired: apiDate(session.expires),
		location: `${ctx.portalUrl}/ChunkedUploader.ashx?uid=${session.id}`,
		bytes_total: session.bytesTotal,
	};
}

type SessionInput = Omit<
	UploadSession,
	| 'id'
	| 'userId'
	| 'appended'
	| 'numbered'
	| 'storedOrder'
	| 'bytesUploaded'
	| 'created'
	| 'expires'
>;

export function openSession(ctx: RouteContext, input: SessionInput): UploadSession {
	const now = ctx.state.now();
	const session: UploadSession = {
		...input,
		id: newSessionId(),
		userId: currentUser(ctx).id,
		appended: 0,
		numbered: new Map(),
		storedOrder: [],
		bytesUploaded: 0,
		created: now,
		expires: new Date(now.getTime() + SESSION_LIFETIME_MS),
	};
	fileStore(ctx.state).sessions.set(session.id, session);
	return session;
}

function startSession(ctx: RouteContext, input: SessionInput): Reply {
	return ok({ success: true, data: sessionData(ctx, openSession(ctx, input)) });
}

/** The body of create_session and `files/{folderId}/session`, checked as DocSpace's SessionRequest. */
export function sessionRequest(ctx: RouteContext): SessionInput | Reply {
	const fileName = bodyField(ctx.body, 'fileName');
	if (typeof fileName !== 'string' || fileName.trim() === '') {
		return validation({ FileName: ['The FileName field is required.'] });
	}
	const fileSize = Number(bodyField(ctx.body, 'fileSize') ?? 0);
	if (!Number.isInteger(fileSize) || fileSize < 0)
		return validation({ fileSize: ['The value is not valid for fileSize.'] });
	// No `files/@my/…` session route exists: `@my` is an unknown folder id here.
	const folder = requireFolder(ctx, ctx.params.folderId, 'write');
	return {
		folderId: folder.id,
		fileName: fileName.trim(),
		bytesTotal: fileSize,
		createNewIfExist: bodyField(ctx.body, 'createNewIfExist') === true,
	};
}

/**
 * Completes a session whose bytes are all there: a new version of the edit session's file, or
 * the upload into its folder. Undefined when the target is gone.
 */
export async function completeSession(
	ctx: RouteContext,
	session: UploadSession,
	user: User,
): Promise<FileEntry | undefined> {
	const store = fileStore(ctx.state);
	store.sessions.delete(session.id);
	store.completed.push(session);
	const content = await takeSessionContent(ctx.state, session);
	dropSessionFiles(ctx.state, session);
	const target =
		session.fileId !== undefined
			? ctx.state.getFile(session.fileId)
			: ctx.state.getFolder(session.folderId);
	if (!target) {
		ctx.state.storage.discard(content);
		return undefined;
	}
	if (target.kind === 'file') {
		const file = ctx.state.addFileVersion(target.id, content, user.id);
		void emitWebhookEvent(ctx.state, 'file.updated', file, { actorId: user.id });
		return file;
	}
	return storeUpload(ctx, target, session.fileName, content, session.createNewIfExist, user);
}

/** UploadSessionResponseDto: what a completed session reports. */
export function completedData(ctx: RouteContext, file: FileEntry): Record<string, unknown> {
	const scope = {
		state: ctx.state,
		portalUrl: ctx.portalUrl,
		principal: authenticate(ctx.state, ctx.headers).principal,
	};
	return {
		id: file.id,
		folderId: file.folderId,
		version: file.version,
		title: file.title,
		uploaded: true,
		file: fileDto(scope, file),
	};
}

defineRoute('POST', '/api/2.0/files/{folderId}/upload/create_session', (ctx) => {
	const input = sessionRequest(ctx);
	return 'kind' in input ? input : startSession(ctx, input);
});

defineRoute('POST', '/api/2.0/files/file/{fileId}/edit_session', (ctx) => {
	const fileSize = queryInt(ctx, 'fileSize', { min: 0, fallback: 0 });
	const file = requireFile(ctx, ctx.params.fileId, 'write');
	return startSession(ctx, {
		folderId: file.folderId,
		fileId: file.id,
		fileName: file.title,
		bytesTotal: fileSize,
		createNewIfExist: false,
	});
});

const uploaderFailure = (message: string): Reply => json(200, { success: false, message });

export function firstFile(body: unknown): UploadedFile | undefined {
	const multipart = body as MultipartBody | undefined;
	return multipart && Array.isArray(multipart.files) ? multipart.files[0] : undefined;
}

/** The chunk handler: POST each chunk as the first file part of a multipart/form-data body. */
async function chunkHandler(ctx: RouteContext): Promise<Reply> {
	const store = fileStore(ctx.state);
	const uid = ctx.searchParams.get('uid') ?? '';
	const user = authenticate(ctx.state, ctx.headers).principal?.user;
	const session = store.sessions.get(uid);
	if (!user || !session || session.userId !== user.id || session.expires <= ctx.state.now()) {
		return uploaderFailure('Not authorized or session with specified upload id already expired');
	}
	if (ctx.searchParams.get('abort') === 'true') {
		store.sessions.delete(uid);
		dropSessionFiles(ctx.state, session);
		return json(200, { success: true, message: '' });
	}
	const chunk = firstFile(ctx.body);
	if (!chunk || chunk.size === 0) return uploaderFailure('Empty file');
	if (chunk.size > store.maxChunkSize) {
		return uploaderFailure(
			`File size exceeds the maximum chunk size of ${store.maxChunkSize} bytes`,
		);
	}
	appendChunk(ctx.state, session, chunk.content);
	session.bytesUploaded += chunk.size;
	session.expires = new Date(ctx.state.now().getTime() + SESSION_LIFETIME_MS);
	if (session.bytesUploaded !== session.bytesTotal) {
		return json(200, { success: true, data: sessionData(ctx, session), message: '' });
	}

	const file = await completeSession(ctx, session, user);
	if (!file) return uploaderFailure('The required file was not found');
	return json(201, { success: true, data: completedData(ctx, file), message: '' });
}

// A separate handler, not the REST API: authenticated by hand, no API key scopes, failures as HTTP 200.
defineRoute('POST', '/ChunkedUploader.ashx', chunkHandler, { anonymous: true, bypassAuth: true });

/** One-request upload: the first file part becomes the file, named after its file name. */
function simpleUpload(ctx: RouteContext): Reply {
	const folder = targetFolder(ctx);
	const part = firstFile(ctx.body);
	if (!part || part.size === 0) throw badRequest('Empty file');
	const createNewIfExist = queryBool(ctx, 'createNewIfExist') ?? false;
	const file = storeUpload(
		ctx,
		folder,
		part.filename || 'file',
		part.content,
		createNewIfExist,
		currentUser(ctx),
	);
	return ok([fileDto(ctx, file)]);
}

defineRoute('POST', '/api/2.0/files/{folderId}/upload', simpleUpload);
defineRoute('POST', '/api/2.0/files/@my/upload', simpleUpload);
