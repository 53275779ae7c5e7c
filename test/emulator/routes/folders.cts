/**
 * Folders: sections (@my, @trash, @root), folder contents and info, create,
 * rename, external links (`files/folder/{id}/link(s)`) and the activity log (`…/log`).
 * Copy, move and delete are file operations (routes/fileops.cts).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { canManage } from '../access.cjs';
import { emitWebhookEvent } from '../webhooks/deliver.cjs';
import {
	badRequest,
	bodyField,
	currentUser,
	defineRoute,
	forbidden,
	HttpError,
	notFound,
	ok,
	queryBool,
	queryParam,
	validation,
	type RouteContext,
	type Reply,
} from '../http.cjs';
import { folderContentDto, folderDto } from '../dto/files.cjs';
import { apiDate } from '../dto/format.cjs';
import { listedFileDto } from '../formStore.cjs';
import { historyDto, historyOf, recordHistory } from '../history.cjs';
import { folderEntries, pageOf, readPaging, type Paging } from '../listing.cjs';
import { MESSAGES, requireFolder } from '../lookup.cjs';
import { type Folder, FileShare, FolderType } from '../model.cjs';
import type { EmulatorState } from '../state.cjs';
import { getOrCreate } from '../get-or-create.cjs';

/** One page of a folder's filtered contents as FolderContentDto. */
function contents(ctx: RouteContext, folder: Folder, paging: Paging): Record<string, unknown> {
	const { folders, files } = folderEntries(ctx, folder);
	return folderContentDto(ctx, folder, pageOf(folders, files, paging), listedFileDto);
}

function section(ctx: RouteContext, folder: Folder | undefined): Reply {
	const paging = readPaging(ctx); // model validation runs before the lookup, as in ASP.NET
	if (!folder) throw notFound(MESSAGES.folderNotFound);
	return ok(contents(ctx, requireFolder(ctx, folder.id), paging));
}

defineRoute('GET', '/api/2.0/files/@my', (ctx) =>
	section(ctx, ctx.state.myDocumentsOf(currentUser(ctx).id)),
);
defineRoute('GET', '/api/2.0/files/@trash', (ctx) =>
	section(ctx, ctx.state.trashOf(currentUser(ctx).id)),
);

defineRoute('GET', '/api/2.0/files/@root', (ctx) => {
	const paging = readPaging(ctx);
	const user = currentUser(ctx);
	const { state } = ctx;
	const sections = [
		state.myDocumentsOf(user.id),
		state.getFolder(state.roots.virtualRooms),
		state.getFolder(state.roots.archive),
		queryBool(ctx, 'withoutTrash') ? undefined : state.trashOf(user.id),
	];
	return ok(
		sections.filter((f): f is Folder => f !== undefined).map((f) => contents(ctx, f, paging)),
	);
});

defineRoute('GET', '/api/2.0/files/{folderId}', (ctx) => {
	const paging = readPaging(ctx);
	return ok(contents(ctx, requireFolder(ctx, ctx.params.folderId), paging));
});

defineRoute('GET', '/api/2.0/files/folder/{id}', (ctx) =>
	ok(folderDto(ctx, requireFolder(ctx, ctx.params.id))),
);

// ---- folder create, rename, links, history ----

const INVALID_TITLE_CHARS = /[\\/:*?"<>|]/g;
const MAX_TITLE = 165;

/** DocSpace trims the title, replaces characters invalid in names with `_` and truncates it. */
function folderTitle(ctx: RouteContext): string {
	const raw = bodyField(ctx.body, 'title');
	const title =
		typeof raw === 'string' ? raw.trim().replace(INVALID_TITLE_CHARS, '_').slice(0, MAX_TITLE) : '';
	if (!title) throw badRequest("Value cannot be null or empty. (Parameter 'title')");
	return title;
}

defineRoute('POST', '/api/2.0/files/folder/{parentId}', (ctx) => {
	const parent = requireFolder(ctx, ctx.params.parentId, 'write');
	const title = folderTitle(ctx);
	const user = currentUser(ctx);
	const folder = ctx.state.createFolder({ title, parentId: parent.id, createdBy: user.id });
	void emitWebhookEvent(ctx.state, 'folder.created', folder, { actorId: user.id });
	return ok(folderDto(ctx, folder));
});

defineRoute('PUT', '/api/2.0/files/folder/{id}', (ctx) => {
	const folder = requireFolder(ctx, ctx.params.id, 'write');
	if (folder.parentId === 0) throw forbidden(MESSAGES.accessDenied);
	const title = folderTitle(ctx);
	if (title !== folder.title) {
		const user = currentUser(ctx);
		const oldTitle = folder.title;
		folder.title = title;
		folder.updated = ctx.state.now();
		folder.updatedBy = user.id;
		recordHistory(ctx.state, {
			action: 'FolderRenamed',
			userId: user.id,
			entry: folder,
			data: { oldTitle, newTitle: title },
		});
		void emitWebhookEvent(ctx.state, 'folder.updated', folder, { actorId: user.id });
	}
	return ok(folderDto(ctx, folder));
});

/** External links of folders (FileShareDto with a FileShareLink), per portal. */
interface FolderLink {
	id: string;
	folderId: number;
	title: string;
	access: number;
	primary: boolean;
	internal: boolean;
	denyDownload: boolean;
	password?: string;
	expirationDate?: Date;
	requestToken: string;
}

const folderLinks = new WeakMap<EmulatorState, FolderLink[]>();

function linksOf(state: EmulatorState): FolderLink[] {
	return getOrCreate(folderLinks, state, () => []);
}

/** Links belong to folders the caller may manage; section roots and Trash have none. */
function requireLinkableFolder(ctx: RouteContext, rawId: string): Folder {
	const folder = requireFolder(ctx, rawId);
	const root = ctx.state.rootOf(folder);
	if (
		folder.parentId === 0 ||
		root?.folderType === FolderType.Trash ||
		!canManage(ctx.state, currentUser(ctx), folder)
	) {
		throw forbidden(MESSAGES.accessDenied);
	}
	return folder;
}

function linkDto(ctx: RouteContext, link: FolderLink): Record<string, unknown> {
	const sharedLink = {
		id: link.id,
		title: link.title,
		shareLink: `${ctx.portalUrl}/s/${link.requestToken}`,
		expirationDate: link.expirationDate ? apiDate(link.expirationDate) : undefined,
		linkType: 1,
		password: link.password,
		denyDownload: link.denyDownload,
		isExpired: link.expirationDate ? link.expirationDate < ctx.state.now() : false,
		primary: link.primary,
		internal: link.internal,
		requestToken: link.requestToken,
	};
	return {
		access: link.access,
		// Older portals put the link in sharedTo; 3.x also sends sharedLink.
		sharedTo: sharedLink,
		sharedLink,
		isLocked: false,
		isOwner: false,
		canEditAccess: true,
		canEditInternal: true,
		canEditDenyDownload: true,
		canEditExpirationDate: true,
		canRevoke: true,
		subjectType: link.primary ? 4 : 1,
	};
}

function newLink(ctx: RouteContext, folder: Folder, primary: boolean): FolderLink {
	const access = bodyField(ctx.body, 'access');
	const title = bodyField(ctx.body, 'title');
	const expiration = bodyField(ctx.body, 'expirationDate');
	const expirationDate =
		typeof expiration === 'string' && !Number.isNaN(Date.parse(expiration))
			? new Date(expiration)
			: undefined;
	const link: FolderLink = {
		id: randomUUID(),
		folderId: folder.id,
		title: typeof title === 'string' && title ? title : 'Shared link',
		access: typeof access === 'number' ? access : FileShare.Read,
		primary,
		internal: bodyField(ctx.body, 'internal') === true,
		denyDownload: bodyField(ctx.body, 'denyDownload') === true,
		password:
			typeof bodyField(ctx.body, 'password') === 'string'
				? String(bodyField(ctx.body, 'password'))
				: undefined,
		expirationDate: expirationDate && expirationDate > ctx.state.now() ? expirationDate : undefined,
		requestToken: randomBytes(16).toString('base64url'),
	};
	linksOf(ctx.state).push(link);
	return link;
}

/** The primary external link; made on the first read, with read access and no expiry. */
defineRoute('GET', '/api/2.0/files/folder/{id}/link', (ctx) => {
	readPaging(ctx);
	const folder = requireLinkableFolder(ctx, ctx.params.id);
	const link =
		linksOf(ctx.state).find((l) => l.folderId === folder.id && l.primary) ??
		newLink(ctx, folder, true);
	return ok(linkDto(ctx, link));
});

/** Creates the primary external link, or answers the existing one unchanged; access None creates nothing. */
defineRoute('POST', '/api/2.0/files/folder/{id}/link', (ctx) => {
	const folder = requireLinkableFolder(ctx, ctx.params.id);
	const existing = linksOf(ctx.state).find((l) => l.folderId === folder.id && l.primary);
	if (existing) return ok(linkDto(ctx, existing));
	if (bodyField(ctx.body, 'access') === FileShare.None) return ok(null);
	return ok(linkDto(ctx, newLink(ctx, folder, true)));
});

defineRoute('GET', '/api/2.0/files/folder/{id}/links', (ctx) => {
	const folder = requireFolder(ctx, ctx.params.id);
	const user = currentUser(ctx);
	if (!canManage(ctx.state, user, folder)) return ok([]);
	return ok(
		linksOf(ctx.state)
			.filter((l) => l.folderId === folder.id)
			.map((l) => linkDto(ctx, l)),
	);
});

function dateQuery(ctx: RouteContext, name: string): Date | undefined {
	const text = queryParam(ctx, name);
	if (text === undefined || text === '') return undefined;
	const time = Date.parse(text);
	if (Number.isNaN(time))
		throw new HttpError(validation({ [name]: [`The value '${text}' is not valid for ${name}.`] }));
	return new Date(time);
}

/** Activity of the folder and its contents, newest first, optionally within fromDate..toDate. */
defineRoute('GET', '/api/2.0/files/folder/{folderId}/log', (ctx) => {
	const paging = readPaging(ctx);
	const folder = requireFolder(ctx, ctx.params.folderId);
	const events = historyOf(ctx.state, folder.id, {
		from: dateQuery(ctx, 'fromDate'),
		to: dateQuery(ctx, 'toDate'),
	});
	const page = events.slice(paging.startIndex, paging.startIndex + paging.count);
	return ok(
		page.map((e) => historyDto(ctx, e)),
		{ total: events.length },
	);
});
