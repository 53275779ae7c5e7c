/**
 * Find-or-fail helpers for route handlers: resolve an id from the URL, answer 404 when it is
 * unknown and 403 when the current user lacks the needed access (messages as DocSpace's).
 */
import { canRead, canWrite } from './access.cjs';
import { currentUser, forbidden, notFound, type RouteContext } from './http.cjs';
import type { Entry, FileEntry, Folder } from './model.cjs';

export const MESSAGES = {
	folderNotFound: 'The required folder was not found',
	fileNotFound: 'The required file was not found',
	roomNotFound: 'The required room was not found',
	readFolderDenied: "You don't have enough permission to view the folder content",
	readFileDenied: "You don't have enough permission to read the file",
	accessDenied: 'Access denied',
};

export type Need = 'read' | 'write';

/** Internal ids are int32; anything else (third-party string ids) is unknown here. */
export function parseId(raw: string | number): number | undefined {
	const text = String(raw).trim();
	return /^\d{1,10}$/.test(text) && Number(text) <= 2147483647 ? Number(text) : undefined;
}

function check(ctx: RouteContext, entry: Entry, need: Need, readDenied: string): void {
	const user = currentUser(ctx);
	if (!canRead(ctx.state, user, entry)) throw forbidden(readDenied);
	if (need === 'write' && !canWrite(ctx.state, user, entry)) throw forbidden(MESSAGES.accessDenied);
}

export function requireFolder(
	ctx: RouteContext,
	rawId: string | number,
	need: Need = 'read',
): Folder {
	const id = parseId(rawId);
	const folder = id === undefined ? undefined : ctx.state.getFolder(id);
	if (!folder) throw notFound(MESSAGES.folderNotFound);
	check(ctx, folder, need, MESSAGES.readFolderDenied);
	return folder;
}

export function requireFile(
	ctx: RouteContext,
	rawId: string | number,
	need: Need = 'read',
): FileEntry {
	const id = parseId(rawId);
	const file = id === undefined ? undefined : ctx.state.getFile(id);
	if (!file) throw notFound(MESSAGES.fileNotFound);
	check(ctx, file, need, MESSAGES.readFileDenied);
	return file;
}

export function requireRoom(
	ctx: RouteContext,
	rawId: string | number,
	need: Need = 'read',
): Folder {
	const id = parseId(rawId);
	const room = id === undefined ? undefined : ctx.state.getFolder(id);
	if (!room || !ctx.state.isRoom(room)) throw notFound(MESSAGES.roomNotFound);
	check(ctx, room, need, MESSAGES.accessDenied);
	return room;
}
