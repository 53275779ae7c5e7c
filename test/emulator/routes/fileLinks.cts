/** The external links of a file: `files/file/{id}/link` and `files/file/{id}/links`. */
import { DEFAULT_FILE_LINK_LIFETIME_MS, fileLinks } from '../file-store.cjs';
import {
	bodyField,
	currentUser,
	defineRoute,
	forbidden,
	notFound,
	ok,
	validation,
	type Reply,
	type RouteContext,
} from '../http.cjs';
import { readPaging } from '../listing.cjs';
import { requireFile } from '../lookup.cjs';
import { type FileEntry, FileShare, FolderType, extensionOf } from '../model.cjs';
import { type RoomLink, SubjectType, linkShareDto, newLink, roomLinks } from '../roomStore.cjs';
import { EXTS } from './fileSettings.cjs';

/** Link access levels DocSpace accepts for a single file (FileSecurity.AvailableFileAccesses). */
const FILE_LINK_ACCESS: number[] = [
	FileShare.Editing,
	FileShare.FillForms,
	FileShare.Review,
	FileShare.Comment,
	FileShare.Read,
	FileShare.None,
];
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
	if (Number.isNaN(time))
		return validation({
			expirationDate: [`The JSON value could not be converted to ApiDateTime.`],
		});
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
	const link = room
		? roomLinks(ctx.state, room.id).find((l) => l.subjectType === SubjectType.PrimaryExternalLink)
		: undefined;
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
	const access =
		fromBody && typeof bodyField(ctx.body, 'access') === 'number'
			? Number(bodyField(ctx.body, 'access'))
			: FileShare.Read;
	if (access === FileShare.None || !FILE_LINK_ACCESS.includes(access)) return ok(null);
	const link = newLink(currentUser(ctx).id, {
		subjectType: SubjectType.PrimaryExternalLink,
		access,
		title: (fromBody && stringField(ctx, 'title')) || 'Shared link',
		// A primary link made by a read gets the default lifetime; a POST may ask for none.
		expirationDate: fromBody
			? expiration
			: new Date(ctx.state.now().getTime() + DEFAULT_FILE_LINK_LIFETIME_MS),
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
		? [...fileLinks(ctx.state, file.id)].sort(
				(a, b) =>
					Number(b.subjectType === SubjectType.PrimaryExternalLink) -
					Number(a.subjectType === SubjectType.PrimaryExternalLink),
			)
		: [];
	const page = links.slice(paging.startIndex, paging.startIndex + paging.count);
	return ok(
		page.map((l) => linkShareDto(ctx, l, true)),
		{ total: links.length },
	);
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
	const linkId =
		typeof rawId === 'string' && rawId !== '' && rawId !== '00000000-0000-0000-0000-000000000000'
			? rawId.toLowerCase()
			: undefined;
	if (!inMyDocuments(ctx, file)) return ok(null);
	if (!FILE_LINK_ACCESS.includes(access)) return ok(null);
	if (
		access !== FileShare.Read &&
		access !== FileShare.None &&
		!WEB_VIEWABLE.includes(extensionOf(file.title))
	)
		return ok(null);

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
		expirationDate:
			expiration ?? new Date(ctx.state.now().getTime() + DEFAULT_FILE_LINK_LIFETIME_MS),
	});
	links.push(link);
	return linkReply(ctx, link);
});
