/**
 * Files (API.md §3.2): info, versions, create (empty document, text, HTML), rename, the portal's
 * file settings, download through `/filehandler.ashx` (with on-the-fly conversion) and the
 * external links of a file (`files/file/{id}/link(s)`). Uploads are in routes/upload.ts; copy,
 * move and delete in routes/fileops.ts.
 */
import { authenticate } from '../auth';
import { emitWebhookEvent } from '../webhooks/deliver';
import { sampleContent as sampleContentOf } from '../content';
import { fileDto } from '../dto/files';
import { apiDate, humanSize, type DtoScope } from '../dto/format';
import { DEFAULT_FILE_LINK_LIFETIME_MS, EXTS_CONVERTIBLE, availableTitle, fileByTitle, fileLinks, fileStore } from '../file-store';
import { recordHistory } from '../history';
import {
	badRequest,
	bodyField,
	currentUser,
	defineRoute,
	empty,
	forbidden,
	notFound,
	ok,
	queryInt,
	raw,
	validation,
	type Reply,
	type RouteContext,
} from '../http';
import { readPaging } from '../listing';
import { MESSAGES, requireFile } from '../lookup';
import { type FileEntry, type FileVersion, FileShare, FolderType, extensionOf } from '../model';
import { type RoomLink, SubjectType, linkShareDto, newLink, roomLinks } from '../roomStore';
import { canRead } from '../access';
import { targetFolder } from './upload';

// ---- info and versions ----

function versionDto(scope: DtoScope, file: FileEntry, version: FileVersion): Record<string, unknown> {
	const dto = fileDto(scope, file);
	if (version.version === file.version) return dto;
	return {
		...dto,
		version: version.version,
		versionGroup: version.version,
		contentLength: humanSize(version.content.length),
		pureContentLength: version.content.length,
		comment: version.comment,
		updated: apiDate(version.created),
		viewUrl: `${dto.viewUrl as string}&version=${version.version}`,
	};
}

function versionOf(file: FileEntry, wanted: number | undefined): FileVersion {
	if (wanted === undefined || wanted === 0) return file.versions[file.versions.length - 1];
	const version = file.versions.find((v) => v.version === wanted);
	if (!version) throw notFound(MESSAGES.fileNotFound);
	return version;
}

defineRoute('GET', '/api/2.0/files/file/{id}', (ctx) => {
	const file = requireFile(ctx, ctx.params.id);
	const wanted = queryInt(ctx, 'version', { min: 0 });
	return ok(versionDto(ctx, file, versionOf(file, wanted)));
});

/** All versions, newest first. */
defineRoute('GET', '/api/2.0/files/file/{fileId}/history', (ctx) => {
	const file = requireFile(ctx, ctx.params.fileId);
	return ok([...file.versions].reverse().map((v) => versionDto(ctx, file, v)));
});

// ---- create ----

/** Extensions `POST files/{folderId}/file` creates without `enableExternalExt`. */
const INTERNAL_EXTENSIONS = ['.docx', '.xlsx', '.pptx', '.pdf'];

function requiredTitle(ctx: RouteContext): string | Reply {
	const title = bodyField(ctx.body, 'title');
	if (typeof title !== 'string' || title.trim() === '') return validation({ Title: ['The Title field is required.'] });
	return title.trim();
}

function createEmpty(ctx: RouteContext): Reply {
	const title = requiredTitle(ctx);
	if (typeof title !== 'string') return title;
	const folder = targetFolder(ctx);
	const ext = extensionOf(title);
	const external = bodyField(ctx.body, 'enableExternalExt') === true;
	// An unknown or missing extension makes a document: DocSpace appends .docx.
	const name = !ext || (!external && !INTERNAL_EXTENSIONS.includes(ext)) ? `${title}.docx` : title;
	const file = ctx.state.createFile({
		title: availableTitle(ctx.state, folder.id, name),
		folderId: folder.id,
		createdBy: currentUser(ctx).id,
		content: sampleContentOf(name, ''),
		isForm: extensionOf(name) === '.pdf',
	});
	void emitWebhookEvent(ctx.state, 'file.created', file, { actorId: file.createdBy });
	return ok(fileDto(ctx, file));
}

defineRoute('POST', '/api/2.0/files/{folderId}/file', createEmpty);
defineRoute('POST', '/api/2.0/files/@my/file', createEmpty);

/** `text` / `html`: a file with the given content; same title → new version unless createNewIfExist. */
function createWithContent(extension: '.txt' | '.html') {
	return (ctx: RouteContext): Reply => {
		const title = requiredTitle(ctx);
		if (typeof title !== 'string') return title;
		const text = bodyField(ctx.body, 'content');
		if (typeof text !== 'string') throw badRequest('Value cannot be null. (Parameter \'content\')');
		const folder = targetFolder(ctx);
		const user = currentUser(ctx);
		const name = title.endsWith(extension) ? title : `${title}${extension}`;
		const content = Buffer.from(text, 'utf8');
		const existing = fileByTitle(ctx.state, folder.id, name);
		const file =
			existing && bodyField(ctx.body, 'createNewIfExist') !== true
				? ctx.state.addFileVersion(existing.id, content, user.id)
				: ctx.state.createFile({ title: availableTitle(ctx.state, folder.id, name), folderId: folder.id, createdBy: user.id, content });
		void emitWebhookEvent(ctx.state, file.version > 1 ? 'file.updated' : 'file.created', file, { actorId: user.id });
		return ok(fileDto(ctx, file));
	};
}

defineRoute('POST', '/api/2.0/files/{folderId}/text', createWithContent('.txt'));
defineRoute('POST', '/api/2.0/files/@my/text', createWithContent('.txt'));
defineRoute('POST', '/api/2.0/files/{folderId}/html', createWithContent('.html'));
defineRoute('POST', '/api/2.0/files/@my/html', createWithContent('.html'));

// ---- rename ----

defineRoute('PUT', '/api/2.0/files/file/{fileId}', (ctx) => {
	const file = requireFile(ctx, ctx.params.fileId, 'write');
	const raw = bodyField(ctx.body, 'title');
	if (typeof raw !== 'string' || raw.trim() === '') throw badRequest('The title is empty');
	let title = raw.trim();
	// DocSpace keeps the file's extension: a title without it (or with another) gets it appended.
	const ext = extensionOf(file.title);
	if (extensionOf(title) !== ext) title = `${title}${ext}`;
	if (title !== file.title) {
		file.title = title;
		file.updated = ctx.state.now();
		file.updatedBy = currentUser(ctx).id;
		recordHistory(ctx.state, { action: 'FileRenamed', userId: currentUser(ctx).id, entry: file });
		void emitWebhookEvent(ctx.state, 'file.updated', file, { actorId: currentUser(ctx).id });
	}
	return ok(fileDto(ctx, file));
});

// ---- settings ----

const EXTS = {
	document: ['.doc', '.docm', '.docx', '.dot', '.dotx', '.epub', '.fb2', '.html', '.md', '.odt', '.ott', '.rtf', '.txt'],
	spreadsheet: ['.csv', '.ods', '.ots', '.xls', '.xlsm', '.xlsx', '.xltx'],
	presentation: ['.odp', '.otp', '.pot', '.potx', '.ppt', '.pptm', '.pptx'],
	image: ['.bmp', '.gif', '.jpeg', '.jpg', '.png', '.svg', '.tiff', '.webp'],
	archive: ['.7z', '.gz', '.rar', '.tar', '.zip'],
	video: ['.avi', '.mkv', '.mov', '.mp4', '.webm'],
	audio: ['.flac', '.m4a', '.mp3', '.ogg', '.wav'],
	diagram: ['.vsd', '.vsdx'],
};

defineRoute('GET', '/api/2.0/files/settings', (ctx) => {
	const { maxChunkSize } = fileStore(ctx.state);
	const viewed = [...EXTS.document, ...EXTS.spreadsheet, ...EXTS.presentation, '.pdf'];
	return ok({
		extsImagePreviewed: EXTS.image,
		extsMediaPreviewed: [...EXTS.video, ...EXTS.audio],
		extsWebPreviewed: viewed,
		extsWebEdited: ['.docx', '.xlsx', '.pptx', '.pdf', '.txt', '.csv', '.md', '.odt', '.ods', '.odp'],
		extsWebEncrypt: ['.docx', '.xlsx', '.pptx'],
		extsWebReviewed: ['.docx'],
		extsWebCustomFilterEditing: ['.xlsx'],
		extsWebRestrictedEditing: ['.pdf'],
		extsWebCommented: ['.docx', '.xlsx', '.pptx'],
		extsWebTemplate: ['.dotx', '.xltx', '.potx'],
		extsMustConvert: ['.doc', '.xls', '.ppt', '.rtf'],
		extsConvertible: EXTS_CONVERTIBLE,
		extsUploadable: [...viewed, ...EXTS.image, ...EXTS.archive, ...EXTS.video, ...EXTS.audio, ...EXTS.diagram],
		extsArchive: EXTS.archive,
		extsVideo: EXTS.video,
		extsAudio: EXTS.audio,
		extsImage: EXTS.image,
		extsSpreadsheet: EXTS.spreadsheet,
		extsPresentation: EXTS.presentation,
		extsDocument: EXTS.document,
		extsDiagram: EXTS.diagram,
		internalFormats: { Document: '.docx', Spreadsheet: '.xlsx', Presentation: '.pptx', Pdf: '.pdf' },
		masterFormExtension: '.pdf',
		paramVersion: 'version',
		paramOutType: 'outputtype',
		fileDownloadUrlString: `${ctx.portalUrl}/filehandler.ashx?action=download&fileid={0}`,
		fileWebViewerUrlString: `${ctx.portalUrl}/doceditor?fileid={0}&action=view`,
		fileWebEditorUrlString: `${ctx.portalUrl}/doceditor?fileid={0}`,
		confirmDelete: true,
		enableThirdParty: false,
		externalShare: true,
		externalShareSocialMedia: false,
		storeOriginalFiles: true,
		keepNewFileName: false,
		displayFileExtension: true,
		convertNotify: true,
		hideConfirmCancelOperation: false,
		hideConfirmConvertSave: false,
		hideConfirmConvertOpen: false,
		hideConfirmRoomLifetime: false,
		forcesave: false,
		storeForcesave: false,
		recentSection: true,
		favoritesSection: true,
		templatesSection: false,
		downloadTarGz: false,
		canSearchByContent: false,
		defaultSharingAccessRights: [FileShare.Read],
		maxUploadThreadCount: 15,
		chunkUploadSize: maxChunkSize,
		openEditorInSameTab: false,
	});
});

// ---- download ----

const MIME_TYPES: Record<string, string> = {
	'.csv': 'text/csv',
	'.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
	'.epub': 'application/epub+zip',
	'.html': 'text/html',
	'.md': 'text/markdown',
	'.mp4': 'video/mp4',
	'.odp': 'application/vnd.oasis.opendocument.presentation',
	'.ods': 'application/vnd.oasis.opendocument.spreadsheet',
	'.odt': 'application/vnd.oasis.opendocument.text',
	'.pdf': 'application/pdf',
	'.png': 'image/png',
	'.pptx': 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
	'.rtf': 'application/rtf',
	'.txt': 'text/plain',
	'.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
	'.zip': 'application/zip',
};

function replaceExtension(title: string, ext: string): string {
	const current = extensionOf(title);
	return `${current ? title.slice(0, title.length - current.length) : title}${ext}`;
}

/**
 * `GET /filehandler.ashx?action=download&fileid=N[&version=V][&outputtype=.pdf]`. Not part of
 * the REST API: errors are bare status codes, and an output type the portal cannot produce is
 * ignored (the original is sent).
 */
function fileHandler(ctx: RouteContext): Reply {
	const action = (ctx.searchParams.get('action') ?? '').toLowerCase();
	if (action !== 'download' && action !== 'view') return empty(400);
	const principal = authenticate(ctx.state, ctx.headers).principal;
	const id = Number(ctx.searchParams.get('fileid'));
	const file = Number.isInteger(id) ? ctx.state.getFile(id) : undefined;
	const wanted = Number(ctx.searchParams.get('version') ?? 0);
	const version = file && wanted > 0 ? file.versions.find((v) => v.version === wanted) : file?.versions[file.versions.length - 1];
	if (!file || !version) return empty(404);
	if (!principal || !canRead(ctx.state, principal.user, file)) return empty(403);

	let title = file.title;
	let body = version.content;
	const ext = extensionOf(file.title);
	const outType = (ctx.searchParams.get('outputtype') ?? '').trim().toLowerCase();
	if (outType && outType !== ext && (EXTS_CONVERTIBLE[ext] ?? []).includes(outType)) {
		title = replaceExtension(file.title, outType);
		body = sampleContentOf(title, `${file.title}, version ${version.version}, converted to ${outType}`);
	}
	return raw(200, {
		'content-type': MIME_TYPES[extensionOf(title)] ?? 'application/octet-stream',
		'content-length': String(body.length),
		'content-disposition': `attachment; filename="${title.replace(/[^\x20-\x7e]|"/g, '_')}"; filename*=UTF-8''${encodeURIComponent(title)}`,
	}, body);
}

// Middleware, not the REST API: authentication by hand and no API key scopes.
defineRoute('GET', '/filehandler.ashx', fileHandler, { anonymous: true, bypassAuth: true });

// ---- external links ----

/** Link access levels DocSpace accepts for a single file (FileSecurity.AvailableFileAccesses). */
const FILE_LINK_ACCESS: number[] = [FileShare.Editing, FileShare.FillForms, FileShare.Review, FileShare.Comment, FileShare.Read, FileShare.None];
/** Files the editors cannot open may only be shared read-only. */
const WEB_VIEWABLE = [...EXTS.document, ...EXTS.spreadsheet, ...EXTS.presentation, '.pdf'];

function inMyDocuments(ctx: RouteContext, file: FileEntry): boolean {
	return ctx.state.rootOf(file)?.folderType === FolderType.USER;
}

function linkReply(ctx: RouteContext, link: RoomLink | undefined): Reply {
	return ok(link ? linkShareDto(ctx, link, true) : null);
}

function readExpiration(ctx: RouteContext): Date | undefined | Reply {
	const value = bodyField(ctx.body, 'expirationDate');
	if (value === undefined || value === null || value === '') return undefined;
	const time = typeof value === 'string' ? Date.parse(value) : Number.NaN;
	if (Number.isNaN(time)) return validation({ expirationDate: [`The JSON value could not be converted to ApiDateTime.`] });
	// Dates in the past are ignored (the link does not expire).
	return time > ctx.state.now().getTime() ? new Date(time) : undefined;
}

function stringField(ctx: RouteContext, name: string): string | undefined {
	const value = bodyField(ctx.body, name);
	return typeof value === 'string' && value !== '' ? value : undefined;
}

/** Primary link of a file in a room: the room's primary external link. */
function roomPrimaryLink(ctx: RouteContext, file: FileEntry): Reply {
	const room = ctx.state.roomOf(file);
	const link = room ? roomLinks(ctx.state, room.id).find((l) => l.subjectType === SubjectType.PrimaryExternalLink) : undefined;
	if (!link) throw notFound('The primary external link was not found');
	return linkReply(ctx, link);
}

/** Get or create the primary external link (read access by default). */
function primaryLink(ctx: RouteContext, fromBody: boolean): Reply {
	const file = requireFile(ctx, ctx.params.id);
	if (!inMyDocuments(ctx, file)) return roomPrimaryLink(ctx, file);
	const links = fileLinks(ctx.state, file.id);
	const existing = links.find((l) => l.subjectType === SubjectType.PrimaryExternalLink);
	if (existing) return linkReply(ctx, existing);
	const expiration = fromBody ? readExpiration(ctx) : undefined;
	if (expiration !== undefined && !(expiration instanceof Date)) return expiration;
	const access = fromBody && typeof bodyField(ctx.body, 'access') === 'number' ? Number(bodyField(ctx.body, 'access')) : FileShare.Read;
	if (access === FileShare.None || !FILE_LINK_ACCESS.includes(access)) return ok(null);
	const link = newLink(currentUser(ctx).id, {
		subjectType: SubjectType.PrimaryExternalLink,
		access,
		title: (fromBody && stringField(ctx, 'title')) || 'Shared link',
		// A primary link made by a read gets the default lifetime; a POST may ask for none.
		expirationDate: fromBody ? expiration : new Date(ctx.state.now().getTime() + DEFAULT_FILE_LINK_LIFETIME_MS),
		password: fromBody ? stringField(ctx, 'password') : undefined,
		denyDownload: fromBody && bodyField(ctx.body, 'denyDownload') === true,
		internal: fromBody && bodyField(ctx.body, 'internal') === true,
	});
	links.push(link);
	return linkReply(ctx, link);
}

defineRoute('GET', '/api/2.0/files/file/{id}/link', (ctx) => primaryLink(ctx, false));
defineRoute('POST', '/api/2.0/files/file/{id}/link', (ctx) => primaryLink(ctx, true));

defineRoute('GET', '/api/2.0/files/file/{id}/links', (ctx) => {
	const paging = readPaging(ctx);
	const file = requireFile(ctx, ctx.params.id);
	const links = inMyDocuments(ctx, file)
		? [...fileLinks(ctx.state, file.id)].sort((a, b) => Number(b.subjectType === SubjectType.PrimaryExternalLink) - Number(a.subjectType === SubjectType.PrimaryExternalLink))
		: [];
	const page = links.slice(paging.startIndex, paging.startIndex + paging.count);
	return ok(page.map((l) => linkShareDto(ctx, l, true)), { total: links.length });
});

/**
 * Create (no or unknown `linkId`), change or delete (`access: 0`) an external link. Like
 * DocSpace, a request it cannot apply (a file outside My documents, an access level files do
 * not offer) changes nothing and answers `null`; everything the request leaves out is reset.
 */
defineRoute('PUT', '/api/2.0/files/file/{id}/links', (ctx) => {
	const file = requireFile(ctx, ctx.params.id);
	const access = bodyField(ctx.body, 'access');
	if (typeof access !== 'number') return validation({ access: ['The access field is required.'] });
	const expiration = readExpiration(ctx);
	if (expiration !== undefined && !(expiration instanceof Date)) return expiration;
	const rawId = bodyField(ctx.body, 'linkId');
	const linkId = typeof rawId === 'string' && rawId !== '' && rawId !== '00000000-0000-0000-0000-000000000000' ? rawId.toLowerCase() : undefined;
	if (!inMyDocuments(ctx, file)) return ok(null);
	if (!FILE_LINK_ACCESS.includes(access)) return ok(null);
	if (access !== FileShare.Read && access !== FileShare.None && !WEB_VIEWABLE.includes(extensionOf(file.title))) return ok(null);

	const links = fileLinks(ctx.state, file.id);
	const existing = linkId ? links.find((l) => l.id === linkId) : undefined;
	if (access === FileShare.None) {
		if (existing) links.splice(links.indexOf(existing), 1);
		return ok(null);
	}
	const settings = {
		access,
		title: stringField(ctx, 'title') ?? 'Shared link',
		expirationDate: expiration,
		password: stringField(ctx, 'password'),
		denyDownload: bodyField(ctx.body, 'denyDownload') === true,
		internal: bodyField(ctx.body, 'internal') === true,
	};
	if (existing) {
		Object.assign(existing, settings);
		return linkReply(ctx, existing);
	}
	const primary = bodyField(ctx.body, 'primary') === true;
	if (primary && links.some((l) => l.subjectType === SubjectType.PrimaryExternalLink)) {
		throw forbidden('The maximum number of links (1) has been reached');
	}
	const link = newLink(currentUser(ctx).id, {
		...settings,
		...(linkId ? { id: linkId } : {}),
		subjectType: primary ? SubjectType.PrimaryExternalLink : SubjectType.ExternalLink,
		// New file links get the default lifetime when the request sets none.
		expirationDate: expiration ?? new Date(ctx.state.now().getTime() + DEFAULT_FILE_LINK_LIFETIME_MS),
	});
	links.push(link);
	return linkReply(ctx, link);
});
