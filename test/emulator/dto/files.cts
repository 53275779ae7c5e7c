/**
 * FileDto, FolderDto (rooms included) and FolderContentDto (OpenAPI FileDtoInteger,
 * FolderDtoInteger, FolderContentDtoInteger). Access-dependent fields
 * (`access`, `security`, `canShare`) are computed for the requesting user.
 */
import { accessTo, canManage, canRead, canWrite } from '../access.cjs';
import {
	type Entry,
	type FileEntry,
	type Folder,
	FileShare,
	extensionOf,
	fileTypeOf,
} from '../model.cjs';
import { apiDate, humanSize, type DtoScope } from './format.cjs';
import { employeeRef } from './people.cjs';
import { originFields } from '../trash.cjs';

function rights(
	scope: DtoScope,
	entry: Entry,
): { read: boolean; write: boolean; manage: boolean; access: number } {
	const user = scope.principal?.user;
	if (!user) return { read: false, write: false, manage: false, access: FileShare.Restrict };
	return {
		read: canRead(scope.state, user, entry),
		write: canWrite(scope.state, user, entry),
		manage: canManage(scope.state, user, entry),
		access: accessTo(scope.state, user, entry) ?? FileShare.Restrict,
	};
}

/** Fields of FileEntryDto common to files and folders. */
function entryBase(scope: DtoScope, entry: Entry): Record<string, unknown> {
	const root = scope.state.rootOf(entry);
	const room = scope.state.roomOf(entry);
	return {
		id: entry.id,
		title: entry.title,
		rootFolderId: root?.id,
		rootFolderType: root?.folderType,
		parentRoomType: room && room !== entry ? room.folderType : undefined,
		shared: false,
		created: apiDate(entry.created),
		createdBy: employeeRef(scope, entry.createdBy),
		updated: apiDate(entry.updated),
		updatedBy: employeeRef(scope, entry.updatedBy),
		...originFields(scope.state, entry),
	};
}

export function fileDto(scope: DtoScope, file: FileEntry): Record<string, unknown> {
	const r = rights(scope, file);
	const url = scope.portalUrl;
	return {
		...entryBase(scope, file),
		folderId: file.folderId,
		version: file.version,
		versionGroup: file.versionGroup,
		contentLength: humanSize(file.contentSize),
		pureContentLength: file.contentSize,
		fileStatus: 0,
		mute: false,
		viewUrl: `${url}/filehandler.ashx?action=download&fileid=${file.id}`,
		webUrl: `${url}/doceditor?fileid=${file.id}`,
		fileType: fileTypeOf(file.title),
		fileExst: extensionOf(file.title),
		comment: file.comment,
		thumbnailStatus: 3,
		locked: file.locked,
		hasDraft: false,
		isForm: file.isForm,
		access: r.access,
		canShare: r.manage,
		security: {
			Read: r.read,
			Comment: r.read,
			FillForms: r.read,
			Review: r.read,
			Edit: r.write,
			Delete: r.manage,
			CustomFilter: r.write,
			Rename: r.write,
			ReadHistory: r.read,
			Lock: r.manage,
			EditHistory: r.write,
			Copy: r.read,
			Move: r.manage,
			Duplicate: r.write,
			Download: r.read,
			Convert: r.write,
		},
		fileEntryType: 2,
	};
}

export function folderDto(scope: DtoScope, folder: Folder): Record<string, unknown> {
	const { state } = scope;
	const r = rights(scope, folder);
	const inside = state.descendantsOf(folder.id);
	const isRoom = state.isRoom(folder);
	return {
		...entryBase(scope, folder),
		parentId: folder.parentId,
		filesCount: inside.files.length,
		foldersCount: inside.folders.length,
		new: 0,
		mute: false,
		tags: [...folder.tags],
		pinned: folder.pinned,
		roomType: folder.roomType,
		private: folder.private,
		indexing: folder.indexing,
		denyDownload: folder.denyDownload,
		type: folder.folderType,
		logo: isRoom ? { original: '', large: '', medium: '', small: '', color: '5299E0' } : undefined,
		quotaLimit: isRoom ? (folder.quotaLimit ?? -1) : undefined,
		isCustomQuota: isRoom ? folder.quotaLimit !== undefined : undefined,
		usedSpace: isRoom ? inside.files.reduce((n, f) => n + f.contentSize, 0) : undefined,
		access: r.access,
		canShare: r.manage,
		security: {
			Read: r.read,
			Create: r.write,
			Delete: r.manage,
			EditRoom: isRoom && r.manage,
			Rename: r.write,
			CopyTo: r.write,
			Copy: r.read,
			MoveTo: r.write,
			Move: r.manage,
			Pin: isRoom,
			Mute: isRoom,
			EditAccess: r.manage,
			Duplicate: r.write,
			Download: r.read,
			CopySharedLink: r.read,
		},
		fileEntryType: 1,
	};
}

export function pathParts(scope: DtoScope, folder: Folder): Array<Record<string, unknown>> {
	return scope.state
		.pathOf(folder.id)
		.map((f) => ({ id: f.id, title: f.title, roomType: f.roomType, folderType: f.folderType }));
}

export interface ContentPage {
	folders: Folder[];
	files: FileEntry[];
	startIndex: number;
	total: number;
}

export type FileDtoOf = (scope: DtoScope, file: FileEntry) => Record<string, unknown>;

export function folderContentDto(
	scope: DtoScope,
	current: Folder,
	page: ContentPage,
	fileDtoOf: FileDtoOf = fileDto,
): Record<string, unknown> {
	return {
		files: page.files.map((f) => fileDtoOf(scope, f)),
		folders: page.folders.map((f) => folderDto(scope, f)),
		current: folderDto(scope, current),
		pathParts: pathParts(scope, current),
		startIndex: page.startIndex,
		count: page.files.length + page.folders.length,
		total: page.total,
		new: 0,
	};
}
