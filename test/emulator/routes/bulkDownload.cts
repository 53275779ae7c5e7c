/**
 * `PUT files/fileops/bulkdownload` (body `{fileIds, folderIds, returnSingleOperation?}`): a Download
 * file operation that packs the files, and the folders with everything in them, into one ZIP. The
 * finished FileOperationDto carries `url`, `{portal}/filehandler.ashx?action=bulk&filename=…`,
 * which only the user who started it can fetch.
 */
import { randomUUID } from 'node:crypto';
import { canRead } from '../access.cjs';
import { currentUser, defineRoute, empty, raw, type Reply, type RouteContext } from '../http.cjs';
import type { Folder, User } from '../model.cjs';
import { OperationFailure, operationsReply, startOperation } from '../operations.cjs';
import type { EmulatorState } from '../state.cjs';
import { StoredContent } from '../stored-content.cjs';
import { writeZipArchive, type ZipEntry } from '../zip.cjs';
import { boolField, idList } from './fileops.cjs';
import { getOrCreate } from '../get-or-create.cjs';

interface Archive {
	userId: string;
	name: string;
	/** The ZIP file, in the emulator's temp directory. */
	content: StoredContent;
}

const archives = new WeakMap<EmulatorState, Map<string, Archive>>();

function archivesOf(state: EmulatorState): Map<string, Archive> {
	return getOrCreate(archives, state, () => new Map());
}

function addFolder(
	state: EmulatorState,
	user: User,
	folder: Folder,
	prefix: string,
	entries: ZipEntry[],
): void {
	const path = `${prefix}${folder.title}/`;
	entries.push({ name: path });
	const { folders, files } = state.childrenOf(folder.id);
	for (const file of files)
		if (canRead(state, user, file))
			entries.push({ name: `${path}${file.title}`, content: file.stored });
	for (const child of folders)
		if (canRead(state, user, child)) addFolder(state, user, child, path, entries);
}

function pack(ctx: RouteContext, user: User, folderIds: number[], fileIds: number[]): Archive {
	const { state } = ctx;
	const entries: ZipEntry[] = [];
	for (const id of fileIds) {
		const file = state.getFile(id);
		if (!file || !canRead(state, user, file))
			throw new OperationFailure('The required file was not found');
		entries.push({ name: file.title, content: file.stored });
	}
	const folders: Folder[] = [];
	for (const id of folderIds) {
		const folder = state.getFolder(id);
		if (!folder || !canRead(state, user, folder))
			throw new OperationFailure('The required folder was not found');
		folders.push(folder);
		addFolder(state, user, folder, '', entries);
	}
	const single = fileIds.length === 0 && folders.length === 1 ? folders[0].title : undefined;
	const target = state.storage.reserve();
	const content = new StoredContent(target, writeZipArchive(target, entries));
	return { userId: user.id, name: `${single ?? 'Documents'}.zip`, content };
}

defineRoute('PUT', '/api/2.0/files/fileops/bulkdownload', (ctx): Reply => {
	const folderIds = idList(ctx, 'folderIds');
	const fileIds = idList(ctx, 'fileIds');
	const user = currentUser(ctx);
	const op = startOperation(ctx, {
		type: 'Download',
		run: () => {
			if (folderIds.length === 0 && fileIds.length === 0)
				throw new OperationFailure('No files or folders to download');
			const archive = pack(ctx, user, folderIds, fileIds);
			const key = randomUUID();
			archivesOf(ctx.state).set(key, archive);
			return { url: `${ctx.portalUrl}/filehandler.ashx?action=bulk&filename=${key}` };
		},
	});
	return operationsReply(ctx, op, { single: boolField(ctx, 'returnSingleOperation') });
});

/** `GET /filehandler.ashx?action=bulk&filename=…` for the user whose operation built it. */
export function bulkArchive(ctx: RouteContext, user: User | undefined): Reply {
	const archive = archivesOf(ctx.state).get(ctx.searchParams.get('filename') ?? '');
	if (!archive) return empty(404);
	if (!user || user.id !== archive.userId) return empty(403);
	return raw(
		200,
		{
			'content-type': 'application/zip',
			'content-length': String(archive.content.size),
			'content-disposition': `attachment; filename="${archive.name.replace(/[^\x20-\x7e]|"/g, '_')}"; filename*=UTF-8''${encodeURIComponent(archive.name)}`,
		},
		archive.content,
	);
}
