/**
 * Long-running file operations: `PUT files/fileops/copy|move|delete`,
 * `GET files/fileops[/{operationType}]`, and the single-entry deletes `DELETE files/file/{id}` and
 * `DELETE files/folder/{id}`. Restoring from Trash is a move back to the entry's `originId`
 * (DocSpace has no restore endpoint).
 *
 * As in DocSpace's FileMoveCopyOperation / FileDeleteOperation, problems found while the task
 * runs become the operation's `error` text rather than an HTTP error, and an unknown destination
 * folder ends the task silently with nothing done. Folders with the same title merge unless the
 * conflict choice is Duplicate; same-titled files are skipped, overwritten (a new version of the
 * existing file) or duplicated as `Name (1).ext`.
 */
import { canManage, canRead, canWrite } from '../access.cjs';
import { emitWebhookEvent } from '../webhooks/deliver.cjs';
import {
	bodyField,
	currentUser,
	defineRoute,
	HttpError,
	ok,
	queryBool,
	queryEnum,
	queryParam,
	validation,
	type RouteContext,
	type Reply,
} from '../http.cjs';
import { MESSAGES, requireFile, requireFolder } from '../lookup.cjs';
import { type FileEntry, type Folder, type User, FolderType } from '../model.cjs';
import {
	FileOperationType,
	listOperations,
	OperationFailure,
	operationsReply,
	startOperation,
	type OperationResult,
} from '../operations.cjs';
import type { EmulatorState } from '../state.cjs';
import { recordHistory } from '../history.cjs';
import { forgetOrigin, rememberOrigin } from '../trash.cjs';

export const FileConflictResolveType = { Skip: 0, Overwrite: 1, Duplicate: 2 } as const;

const ERRORS = {
	folderCopyError: 'A folder cannot be copied or moved into itself or one of its subfolders',
	create: "You don't have enough permission to create",
	copyFolder: "You don't have enough permission to copy the folder",
	moveFolder: "You don't have enough permission to move the folder",
	copyFile: "You don't have enough permission to copy the file",
	moveFile: "You don't have enough permission to move the file",
	deleteFolder: "You don't have enough permission to delete the folder",
	deleteFile: "You don't have enough permission to delete the file",
};

// ---- request readers ----

export function idList(ctx: RouteContext, name: string): number[] {
	const value = bodyField(ctx.body, name);
	if (value === undefined || value === null) return [];
	if (!Array.isArray(value))
		throw new HttpError(
			validation({ [name]: [`The JSON value could not be converted to ${name}.`] }),
		);
	// Unknown or third-party (string) ids cannot exist here; -1 makes them "not found" in the task.
	return value.map((v) =>
		typeof v === 'number' || (typeof v === 'string' && /^\d+$/.test(v)) ? Number(v) : -1,
	);
}

export function boolField(ctx: RouteContext, name: string): boolean {
	const value = bodyField(ctx.body, name);
	if (value === undefined || value === null) return false;
	if (typeof value === 'boolean') return value;
	if (value === 'true' || value === 'false') return value === 'true';
	throw new HttpError(
		validation({ [name]: [`The JSON value could not be converted to System.Boolean.`] }),
	);
}

/** FileConflictResolveType: a name ("Skip", any case) or its number; default Skip. */
function conflictResolveType(ctx: RouteContext): number {
	const value = bodyField(ctx.body, 'conflictResolveType');
	if (value === undefined || value === null) return FileConflictResolveType.Skip;
	const text = String(value).trim();
	if (/^\d+$/.test(text) && Object.values(FileConflictResolveType).includes(Number(text) as 0))
		return Number(text);
	const key = Object.keys(FileConflictResolveType).find(
		(k) => k.toLowerCase() === text.toLowerCase(),
	);
	if (typeof value === 'string' && key)
		return FileConflictResolveType[key as keyof typeof FileConflictResolveType];
	throw new HttpError(
		validation({
			conflictResolveType: [
				'The JSON value could not be converted to ASC.Files.Core.FileConflictResolveType.',
			],
		}),
	);
}

function destFolderId(ctx: RouteContext): number {
	const value = bodyField(ctx.body, 'destFolderId');
	const text = typeof value === 'number' || typeof value === 'string' ? String(value).trim() : '';
	return /^\d+$/.test(text) ? Number(text) : -1;
}

// ---- titles ----

function sameTitle(a: string, b: string): boolean {
	return a.toLowerCase() === b.toLowerCase();
}

/** DocSpace's available-title rule: `Name (1).ext`, `Name (2).ext`… for files, `Name (1)` for folders. */
function availableTitle(
	state: EmulatorState,
	title: string,
	folderId: number,
	kind: 'file' | 'folder',
): string {
	const { folders, files } = state.childrenOf(folderId);
	const taken = (t: string) =>
		(kind === 'file' ? files : folders).some((e) => sameTitle(e.title, t));
	if (!taken(title)) return title;
	const dot = kind === 'file' ? title.lastIndexOf('.') : -1;
	const base = dot > 0 ? title.slice(0, dot) : title;
	const ext = dot > 0 ? title.slice(dot) : '';
	for (let n = 1; ; n++) {
		const candidate = `${base} (${n})${ext}`;
		if (!taken(candidate)) return candidate;
	}
}

// ---- move and copy ----

interface MoveCopy {
	state: EmulatorState;
	user: User;
	copy: boolean;
	resolve: number;
}

function isSectionRoot(folder: Folder): boolean {
	return folder.parentId === 0;
}

function removeFolderTree(state: EmulatorState, folder: Folder): void {
	const inside = state.descendantsOf(folder.id);
	for (const file of inside.files) {
		forgetOrigin(state, file);
		state.removeFile(file.id);
	}
	for (const sub of inside.folders) {
		forgetOrigin(state, sub);
		state.folders.delete(sub.id);
	}
	forgetOrigin(state, folder);
	state.folders.delete(folder.id);
}

function inTrashFolder(state: EmulatorState, folderId: number): boolean {
	return state.pathOf(folderId)[0]?.folderType === FolderType.Trash;
}

function touch(entry: FileEntry | Folder, op: MoveCopy): void {
	entry.updated = op.state.now();
	entry.updatedBy = op.user.id;
}

/** An entry already in `dest` is left as it is, unless the conflict choice is Duplicate. */
function alreadyThere(op: MoveCopy, parentId: number, dest: Folder): boolean {
	return parentId === dest.id && op.resolve !== FileConflictResolveType.Duplicate;
}

/**
 * Finishes moving an entry (already under its new parent) out of folder `from`: forgets its Trash
 * origin, touches it, logs the move and sends its webhook event.
 */
function recordMove(op: MoveCopy, entry: FileEntry | Folder, from: number): void {
	const { state } = op;
	forgetOrigin(state, entry);
	touch(entry, op);
	recordHistory(state, {
		action: entry.kind === 'file' ? 'FileMoved' : 'FolderMoved',
		userId: op.user.id,
		entry,
		fromParentId: from,
	});
	// Moving out of the Trash is how DocSpace restores.
	const event = `${entry.kind}.${inTrashFolder(state, from) ? 'restored' : 'moved'}`;
	void emitWebhookEvent(state, event, entry, { actorId: op.user.id });
}

function copyFile(op: MoveCopy, file: FileEntry, dest: Folder): FileEntry | undefined {
	const { state } = op;
	if (alreadyThere(op, file.folderId, dest)) return undefined;
	const conflict = state.childrenOf(dest.id).files.find((f) => sameTitle(f.title, file.title));
	if (conflict && op.resolve === FileConflictResolveType.Skip) return undefined;
	if (conflict && op.resolve === FileConflictResolveType.Overwrite) {
		const overwritten = state.addFileVersion(
			conflict.id,
			state.storage.copy(file.stored),
			op.user.id,
		);
		recordHistory(state, {
			action: 'FileCopiedWithOverwriting',
			userId: op.user.id,
			entry: overwritten,
		});
		void emitWebhookEvent(state, 'file.copied', overwritten, { actorId: op.user.id });
		return overwritten;
	}
	const copy = state.createFile({
		title: availableTitle(state, file.title, dest.id, 'file'),
		folderId: dest.id,
		createdBy: op.user.id,
		content: state.storage.copy(file.stored),
		isForm: file.isForm,
	});
	recordHistory(state, {
		action: 'FileCopied',
		userId: op.user.id,
		entry: copy,
		fromParentId: file.folderId,
	});
	void emitWebhookEvent(state, 'file.copied', copy, { actorId: op.user.id });
	return copy;
}

function moveFile(op: MoveCopy, file: FileEntry, dest: Folder): FileEntry | undefined {
	const { state } = op;
	if (alreadyThere(op, file.folderId, dest)) return undefined;
	const conflict = state
		.childrenOf(dest.id)
		.files.find((f) => f.id !== file.id && sameTitle(f.title, file.title));
	if (conflict && op.resolve === FileConflictResolveType.Skip) return undefined;
	if (conflict && op.resolve === FileConflictResolveType.Overwrite) {
		state.addFileVersion(conflict.id, state.storage.copy(file.stored), op.user.id);
		recordHistory(state, {
			action: 'FileMoved',
			userId: op.user.id,
			entry: conflict,
			fromParentId: file.folderId,
		});
		void emitWebhookEvent(state, 'file.moved', conflict, { actorId: op.user.id });
		forgetOrigin(state, file);
		state.removeFile(file.id);
		return conflict;
	}
	const from = file.folderId;
	if (conflict) file.title = availableTitle(state, file.title, dest.id, 'file');
	file.folderId = dest.id;
	recordMove(op, file, from);
	return file;
}

function copyFolder(op: MoveCopy, folder: Folder, dest: Folder): Folder | undefined {
	const { state } = op;
	if (alreadyThere(op, folder.parentId, dest)) return undefined;
	const children = state.childrenOf(folder.id); // before anything is created inside `dest`
	const conflict =
		op.resolve === FileConflictResolveType.Duplicate
			? undefined
			: state.childrenOf(dest.id).folders.find((f) => sameTitle(f.title, folder.title));
	let target = conflict;
	if (!target) {
		target = state.createFolder({
			title: availableTitle(state, folder.title, dest.id, 'folder'),
			parentId: dest.id,
			createdBy: op.user.id,
			tags: folder.tags,
		});
		recordHistory(state, {
			action: 'FolderCopied',
			userId: op.user.id,
			entry: target,
			fromParentId: folder.parentId,
		});
		void emitWebhookEvent(state, 'folder.copied', target, { actorId: op.user.id });
	}
	const inner: MoveCopy = {
		...op,
		resolve:
			op.resolve === FileConflictResolveType.Duplicate ? FileConflictResolveType.Skip : op.resolve,
	};
	for (const file of children.files) copyFile(inner, file, target);
	for (const sub of children.folders) copyFolder(inner, sub, target);
	return target;
}

function moveFolder(op: MoveCopy, folder: Folder, dest: Folder): Folder | undefined {
	const { state } = op;
	if (alreadyThere(op, folder.parentId, dest)) return undefined;
	const conflict = state
		.childrenOf(dest.id)
		.folders.find((f) => f.id !== folder.id && sameTitle(f.title, folder.title));
	if (conflict && op.resolve !== FileConflictResolveType.Duplicate) {
		const children = state.childrenOf(folder.id);
		for (const file of children.files) moveFile(op, file, conflict);
		for (const sub of children.folders) moveFolder(op, sub, conflict);
		const left = state.childrenOf(folder.id);
		if (left.files.length === 0 && left.folders.length === 0) removeFolderTree(state, folder);
		return conflict;
	}
	const from = folder.parentId;
	if (conflict) folder.title = availableTitle(state, folder.title, dest.id, 'folder');
	folder.parentId = dest.id;
	recordMove(op, folder, from);
	return folder;
}

function runMoveCopy(
	op: MoveCopy,
	folderIds: number[],
	fileIds: number[],
	destId: number,
): OperationResult {
	const { state, user, copy } = op;
	const dest = state.getFolder(destId);
	if (!dest || !canRead(state, user, dest)) return {};
	const destIsRoomsRoot =
		dest.folderType === FolderType.VirtualRooms || dest.folderType === FolderType.Archive;
	if (!destIsRoomsRoot && !canWrite(state, user, dest)) throw new OperationFailure(ERRORS.create);
	const destChain = state.pathOf(dest.id).map((f) => f.id);
	if (folderIds.some((id) => destChain.includes(id)))
		throw new OperationFailure(ERRORS.folderCopyError);

	const folders = folderIds.map((id) => state.getFolder(id));
	const files = fileIds.map((id) => state.getFile(id));
	for (const folder of folders) {
		if (!folder || !canRead(state, user, folder))
			throw new OperationFailure(MESSAGES.folderNotFound);
		if (isSectionRoot(folder) || (!copy && !canManage(state, user, folder))) {
			throw new OperationFailure(copy ? ERRORS.copyFolder : ERRORS.moveFolder);
		}
		if (state.isRoom(folder) !== destIsRoomsRoot) throw new OperationFailure(ERRORS.moveFolder);
	}
	for (const file of files) {
		if (!file || !canRead(state, user, file)) throw new OperationFailure(MESSAGES.fileNotFound);
		if (!copy && !canManage(state, user, file)) throw new OperationFailure(ERRORS.moveFile);
		if (destIsRoomsRoot) throw new OperationFailure(copy ? ERRORS.copyFile : ERRORS.moveFile);
	}

	const result: OperationResult = { folders: [dest], files: [] };
	for (const folder of folders as Folder[]) {
		const done = copy ? copyFolder(op, folder, dest) : moveFolder(op, folder, dest);
		if (done) result.folders?.push(done);
	}
	for (const file of files as FileEntry[]) {
		const done = copy ? copyFile(op, file, dest) : moveFile(op, file, dest);
		if (done) result.files?.push(done);
	}
	return result;
}

function moveOrCopy(ctx: RouteContext, copy: boolean): Reply {
	const folderIds = idList(ctx, 'folderIds');
	const fileIds = idList(ctx, 'fileIds');
	const destId = destFolderId(ctx);
	const resolve = conflictResolveType(ctx);
	const single = boolField(ctx, 'returnSingleOperation');
	boolField(ctx, 'deleteAfter');
	boolField(ctx, 'content');
	const user = currentUser(ctx);
	const op = startOperation(ctx, {
		type: copy ? 'Copy' : 'Move',
		run: () => runMoveCopy({ state: ctx.state, user, copy, resolve }, folderIds, fileIds, destId),
	});
	return operationsReply(ctx, op, { single });
}

defineRoute('PUT', '/api/2.0/files/fileops/copy', (ctx) => moveOrCopy(ctx, true));
defineRoute('PUT', '/api/2.0/files/fileops/move', (ctx) => moveOrCopy(ctx, false));

// ---- delete ----

function runDelete(
	state: EmulatorState,
	user: User,
	folderIds: number[],
	fileIds: number[],
	immediately: boolean,
): OperationResult {
	const trash = state.trashOf(user.id);
	const folders = folderIds.map((id) => state.getFolder(id));
	const files = fileIds.map((id) => state.getFile(id));
	for (const folder of folders) {
		if (!folder || !canRead(state, user, folder))
			throw new OperationFailure(MESSAGES.folderNotFound);
		if (isSectionRoot(folder) || !canManage(state, user, folder))
			throw new OperationFailure(ERRORS.deleteFolder);
	}
	for (const file of files) {
		if (!file || !canRead(state, user, file)) throw new OperationFailure(MESSAGES.fileNotFound);
		if (!canManage(state, user, file)) throw new OperationFailure(ERRORS.deleteFile);
	}
	const inTrash = (folderId: number) => state.pathOf(folderId)[0]?.folderType === FolderType.Trash;
	for (const folder of folders as Folder[]) {
		if (immediately || !trash || state.isRoom(folder) || inTrash(folder.id)) {
			recordHistory(state, {
				action: 'FolderDeleted',
				userId: user.id,
				entry: folder,
				parentId: folder.parentId,
			});
			// Emitted before the removal, while the folder's location (for targets and access) is known.
			void emitWebhookEvent(state, 'folder.deleted', folder, { actorId: user.id });
			removeFolderTree(state, folder);
		} else {
			recordHistory(state, {
				action: 'FolderMovedToTrash',
				userId: user.id,
				entry: folder,
				parentId: folder.parentId,
			});
			void emitWebhookEvent(state, 'folder.trashed', folder, { actorId: user.id });
			rememberOrigin(state, folder, folder.parentId);
			folder.parentId = trash.id;
			folder.updated = state.now();
			folder.updatedBy = user.id;
		}
	}
	for (const file of files as FileEntry[]) {
		if (immediately || !trash || inTrash(file.folderId)) {
			recordHistory(state, { action: 'FileDeleted', userId: user.id, entry: file });
			void emitWebhookEvent(state, 'file.deleted', file, { actorId: user.id });
			forgetOrigin(state, file);
			state.removeFile(file.id);
		} else {
			recordHistory(state, { action: 'FileMovedToTrash', userId: user.id, entry: file });
			void emitWebhookEvent(state, 'file.trashed', file, { actorId: user.id });
			rememberOrigin(state, file, file.folderId);
			file.folderId = trash.id;
			file.updated = state.now();
			file.updatedBy = user.id;
		}
	}
	return {};
}

function startDelete(
	ctx: RouteContext,
	folderIds: number[],
	fileIds: number[],
	single: boolean,
): Reply {
	const immediately = boolField(ctx, 'immediately');
	boolField(ctx, 'deleteAfter');
	const user = currentUser(ctx);
	const op = startOperation(ctx, {
		type: 'Delete',
		run: () => runDelete(ctx.state, user, folderIds, fileIds, immediately),
	});
	return operationsReply(ctx, op, { single });
}

defineRoute('PUT', '/api/2.0/files/fileops/delete', (ctx) =>
	startDelete(
		ctx,
		idList(ctx, 'folderIds'),
		idList(ctx, 'fileIds'),
		boolField(ctx, 'returnSingleOperation'),
	),
);

// The single-entry deletes look the entry up first (404/403 as an HTTP error).
defineRoute('DELETE', '/api/2.0/files/file/{id}', (ctx) => {
	const file = requireFile(ctx, ctx.params.id);
	return startDelete(ctx, [], [file.id], queryBool(ctx, 'returnSingleOperation') ?? false);
});

defineRoute('DELETE', '/api/2.0/files/folder/{id}', (ctx) => {
	const folder = requireFolder(ctx, ctx.params.id);
	return startDelete(ctx, [folder.id], [], false);
});

// ---- polling ----

defineRoute('GET', '/api/2.0/files/fileops', (ctx) =>
	ok(listOperations(ctx, { id: queryParam(ctx, 'id') })),
);

defineRoute('GET', '/api/2.0/files/fileops/{operationType}', (ctx) => {
	const type = queryEnum(
		{ ...ctx, searchParams: new URLSearchParams({ operationType: ctx.params.operationType }) },
		'operationType',
		FileOperationType,
	);
	return ok(listOperations(ctx, { id: queryParam(ctx, 'id'), type }));
});
