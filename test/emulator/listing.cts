/**
 * Listing helpers shared by folder and room routes: paging parameters (validated like
 * DocSpace's ApiContext: count 1..100, default 100), sorting and folder-content filters.
 */
import { canRead } from './access.cjs';
import { queryBool, queryEnum, queryInt, queryParam, type RouteContext } from './http.cjs';
import {
	type Entry,
	type FileEntry,
	type Folder,
	FileType,
	FilterType,
	extensionOf,
	fileTypeOf,
} from './model.cjs';
import type { ContentPage } from './dto/files.cjs';

export interface Paging {
	startIndex: number;
	count: number;
}

/** `count` (1..100, default 100) and `startIndex` (≥ 0, default 0); out of range → 400 validation. */
export function readPaging(ctx: RouteContext): Paging {
	return {
		count: queryInt(ctx, 'count', { min: 1, max: 100, fallback: 100 }),
		startIndex: queryInt(ctx, 'startIndex', { min: 0, fallback: 0 }),
	};
}

/** One page over folders-then-files, as DocSpace pages folder contents. */
export function pageOf(folders: Folder[], files: FileEntry[], paging: Paging): ContentPage {
	const total = folders.length + files.length;
	const end = paging.startIndex + paging.count;
	return {
		folders: folders.slice(paging.startIndex, end),
		files: files.slice(
			Math.max(0, paging.startIndex - folders.length),
			Math.max(0, end - folders.length),
		),
		startIndex: paging.startIndex,
		total,
	};
}

const SORT_BY: Record<string, number> = {
	DateAndTime: 0,
	AZ: 1,
	Size: 2,
	Author: 3,
	Type: 4,
	DateAndTimeCreation: 5,
};

/**
 * Sorts by `sortBy`/`sortOrder` from the query. Without `sortBy` DocSpace's default applies:
 * last modified, newest first. Ties are broken by id.
 */
export function sortEntries<T extends Entry>(ctx: RouteContext, items: T[]): T[] {
	const sortByText = queryParam(ctx, 'sortBy');
	const sortKey = Object.keys(SORT_BY).find(
		(k) => k.toLowerCase() === (sortByText ?? '').toLowerCase(),
	);
	const sortBy = sortKey ? SORT_BY[sortKey] : SORT_BY.DateAndTime;
	const order = queryEnum(ctx, 'sortOrder', { Ascending: 0, Descending: 1 });
	const descending = order === undefined ? !sortByText : order === 1;
	const key = (e: Entry): string | number => {
		switch (sortBy) {
			case 1:
				return e.title.toLowerCase();
			case 2:
				return e.kind === 'file' ? e.contentSize : 0;
			case 3:
				return ctx.state.getUser(e.createdBy)?.lastName.toLowerCase() ?? '';
			case 4:
				return e.kind === 'file' ? extensionOf(e.title) : '';
			case 5:
				return e.created.getTime();
			default:
				return e.updated.getTime();
		}
	};
	const sign = descending ? -1 : 1;
	return [...items].sort((a, b) => {
		const ka = key(a);
		const kb = key(b);
		const cmp = ka < kb ? -1 : ka > kb ? 1 : a.id - b.id;
		return cmp * sign;
	});
}

const FILE_TYPES_BY_FILTER: Record<number, number[]> = {
	[FilterType.DocumentsOnly]: [FileType.Document],
	[FilterType.PresentationsOnly]: [FileType.Presentation],
	[FilterType.SpreadsheetsOnly]: [FileType.Spreadsheet],
	[FilterType.ImagesOnly]: [FileType.Image],
	[FilterType.ArchiveOnly]: [FileType.Archive],
	[FilterType.MediaOnly]: [FileType.Audio, FileType.Video],
	[FilterType.Pdf]: [FileType.Pdf],
	[FilterType.DiagramsOnly]: [FileType.Diagram],
};

/** Filter types that keep folders in the result; every other one lists matching files only. */
const FOLDER_FILTERS: number[] = [
	FilterType.None,
	FilterType.FoldersOnly,
	FilterType.ByUser,
	FilterType.ByDepartment,
];

/**
 * The filtered, sorted entries of a folder for `GET files/{folderId}` and friends. Query:
 * filterType, extension, filterValue, withSubFolders, applyFilterOption, userIdOrGroupId.
 */
export function folderEntries(
	ctx: RouteContext,
	folder: Folder,
): { folders: Folder[]; files: FileEntry[] } {
	const filterType = queryEnum(ctx, 'filterType', FilterType) ?? FilterType.None;
	const applyOption = queryEnum(ctx, 'applyFilterOption', { All: 0, Files: 1, Folders: 2 }) ?? 0;
	const recursive = queryBool(ctx, 'withSubFolders') ?? false;
	const search = (queryParam(ctx, 'filterValue') ?? '').trim().toLowerCase();
	const extension = (queryParam(ctx, 'extension') ?? '').trim().toLowerCase();
	const subject = queryParam(ctx, 'userIdOrGroupId');

	const source = recursive ? ctx.state.descendantsOf(folder.id) : ctx.state.childrenOf(folder.id);
	const byUser = (e: Entry): boolean => {
		if (!subject || (filterType !== FilterType.ByUser && filterType !== FilterType.ByDepartment))
			return true;
		if (filterType === FilterType.ByUser) return e.createdBy === subject;
		return ctx.state.groups.get(subject)?.memberIds.includes(e.createdBy) ?? false;
	};
	const titleMatches = (e: Entry): boolean => !search || e.title.toLowerCase().includes(search);
	const foldersAllowed = applyOption !== 1 && FOLDER_FILTERS.includes(filterType);
	const filesAllowed = applyOption !== 2 && filterType !== FilterType.FoldersOnly;
	const fileMatches = (f: FileEntry): boolean => {
		const types = FILE_TYPES_BY_FILTER[filterType];
		if (types && !types.includes(fileTypeOf(f.title))) return false;
		if (filterType === FilterType.PdfForm && !f.isForm) return false;
		if (filterType === FilterType.ByExtension && extension) {
			const wanted = extension.startsWith('.') ? extension : `.${extension}`;
			return extensionOf(f.title) === wanted;
		}
		return true;
	};
	const user = ctx.principal?.user;
	const visible = (e: Entry): boolean => !user || canRead(ctx.state, user, e);
	const folders = foldersAllowed
		? source.folders.filter((f) => titleMatches(f) && byUser(f) && visible(f))
		: [];
	const files = filesAllowed
		? source.files.filter((f) => fileMatches(f) && titleMatches(f) && byUser(f) && visible(f))
		: [];
	return { folders: sortEntries(ctx, folders), files: sortEntries(ctx, files) };
}
