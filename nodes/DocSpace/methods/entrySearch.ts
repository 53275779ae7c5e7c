/**
 * From List for files and folders: My documents first, then each room the account can see,
 * each searched with its subfolders. Every entry is labelled with where it lives
 * ("Report.docx · Marketing / Drafts"), since two entries may share a name.
 */
import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchItems,
	INodeListSearchResult,
} from 'n8n-workflow';

import { docSpacePaginate, pickFolderContent } from '../transport/paginate';
import type { DocSpaceResult } from '../transport/request';
import { docSpaceRequest } from '../transport/request';
import { asNodeError, isNotFound } from '../transport/errors';
import { resolveCredentials } from '../transport/credentials';
import { apiPath } from '../transport/path';

const PAGE = 50;
/** DocSpace FilterType: files only, folders only, PDF forms. */
const FILES_ONLY = 1;
const FOLDERS_ONLY = 2;
const PDF_FORMS = 23;
/**
 * FolderType of the folders DocSpace keeps form copies in: Complete, In process, and each form's
 * done / in-progress folder inside them. PDF forms there are copies, not forms to pick.
 */
const FORM_COPY_FOLDERS = [25, 26, 27, 28];

type EntryKind = 'file' | 'folder' | 'form';

interface Source {
	/** A folder ID for `GET files/{id}`, or @my. */
	id: string;
	title: string;
}

interface Cursor {
	source: number;
	startIndex: number;
}

function readCursor(token: string | undefined): Cursor {
	const [source, startIndex] = String(token ?? '0:0')
		.split(':')
		.map((part) => Number(part) || 0);
	return { source, startIndex };
}

/** My documents (when the account has it) and the rooms the account can see. */
async function sources(context: ILoadOptionsFunctions): Promise<Source[]> {
	const rooms = await docSpacePaginate.call(context, {
		path: 'files/rooms',
		limit: 500,
		pick: pickFolderContent,
	});
	return [
		{ id: '@my', title: 'My documents' },
		...rooms.map((room) => ({ id: String(room.id), title: String(room.title) })),
	];
}

/** Folder ID → title and parent, for the folders inside a source. */
async function folderTree(
	context: ILoadOptionsFunctions,
	source: Source,
): Promise<Map<string, IDataObject>> {
	const folders = await docSpacePaginate.call(context, {
		path: apiPath`files/${source.id}`,
		qs: { filterType: FOLDERS_ONLY, withSubFolders: true },
		limit: 1000,
		pick: pickFolderContent,
	});
	return new Map(folders.map((folder) => [String(folder.id), folder]));
}

/** Whether an entry whose parent is `parentId` lies in a folder of form copies. */
function inFormCopies(tree: Map<string, IDataObject>, parentId: unknown): boolean {
	const seen = new Set<string>();
	for (let id = String(parentId ?? ''); tree.has(id) && !seen.has(id); ) {
		seen.add(id);
		const folder = tree.get(id);
		if (FORM_COPY_FOLDERS.includes(Number(folder?.type))) return true;
		id = String(folder?.parentId ?? '');
	}
	return false;
}

/** "Room / Folder / Subfolder" for an entry whose parent is `parentId`. */
export function locationOf(
	source: Source,
	tree: Map<string, IDataObject>,
	parentId: unknown,
): string {
	const chain: string[] = [];
	const seen = new Set<string>();
	for (
		let id = String(parentId ?? '');
		tree.has(id) && !seen.has(id);
		id = String(tree.get(id)?.parentId ?? '')
	) {
		seen.add(id);
		chain.unshift(String(tree.get(id)?.title));
	}
	return [source.title, ...chain].join(' / ');
}

/** My documents and the rooms themselves, which take files and folders as folders do. */
function sectionEntries(
	all: Source[],
	filter: string | undefined,
	portalUrl: string,
): INodeListSearchItems[] {
	const text = (filter ?? '').trim().toLowerCase();
	return all
		.filter((source) => !text || source.title.toLowerCase().includes(text))
		.map((source) =>
			source.id === '@my'
				? { name: source.title, value: '@my', url: `${portalUrl}/rooms/personal` }
				: {
						name: `${source.title} · Rooms`,
						value: source.id,
						url: `${portalUrl}/rooms/shared/${source.id}/filter`,
					},
		);
}

async function searchEntries(
	context: ILoadOptionsFunctions,
	kind: EntryKind,
	filter: string | undefined,
	paginationToken: string | undefined,
	link: (portalUrl: string, entry: IDataObject, source: Source) => string,
): Promise<INodeListSearchResult> {
	const { portalUrl } = await resolveCredentials(context);
	const all = await sources(context);
	const results: INodeListSearchItems[] = [];
	let hasMyDocuments = true;
	let { source, startIndex } = readCursor(paginationToken);
	while (source < all.length && results.length === 0) {
		const current = all[source];
		let result: DocSpaceResult;
		try {
			result = await docSpaceRequest.call(context, {
				method: 'GET',
				path: apiPath`files/${current.id}`,
				qs: {
					filterType: { file: FILES_ONLY, folder: FOLDERS_ONLY, form: PDF_FORMS }[kind],
					withSubFolders: true,
					...(filter ? { filterValue: filter } : {}),
					startIndex,
					count: PAGE,
				},
			});
		} catch (error) {
			// Guests have no My documents: DocSpace answers 404 for it.
			if (current.id !== '@my' || !isNotFound(error)) throw asNodeError.call(context, error);
			hasMyDocuments = false;
			source++;
			startIndex = 0;
			continue;
		}
		const page = pickFolderContent(result);
		const entries = page.entries.filter(
			(entry) => (kind === 'folder') === (entry.fileEntryType === 1),
		);
		if (entries.length > 0) {
			const tree = await folderTree(context, current);
			for (const entry of entries) {
				const parentId = kind === 'folder' ? entry.parentId : entry.folderId;
				if (kind === 'form' && inFormCopies(tree, parentId)) continue;
				results.push({
					name: `${String(entry.title)} · ${locationOf(current, tree, parentId)}`,
					value: String(entry.id),
					url: link(portalUrl, entry, current),
				});
			}
		}
		const more =
			page.entries.length === PAGE && (page.total === undefined || page.total > startIndex + PAGE);
		if (more) startIndex += PAGE;
		else {
			source++;
			startIndex = 0;
		}
	}
	// The first page of folders starts with the places themselves (the search starts at My documents).
	if (kind === 'folder' && paginationToken === undefined) {
		results.unshift(
			...sectionEntries(
				all.filter((s) => hasMyDocuments || s.id !== '@my'),
				filter,
				portalUrl,
			),
		);
	}
	return { results, paginationToken: source < all.length ? `${source}:${startIndex}` : undefined };
}

const editorLink = (portalUrl: string, entry: IDataObject) =>
	`${portalUrl}/doceditor?fileid=${String(entry.id)}`;

export async function searchFiles(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
) {
	return await searchEntries(this, 'file', filter, paginationToken, editorLink);
}

/** PDF forms in My documents and every room, without the completed and in-progress copies. */
export async function searchForms(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
) {
	return await searchEntries(this, 'form', filter, paginationToken, editorLink);
}

export async function searchFolders(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
) {
	return await searchEntries(this, 'folder', filter, paginationToken, (portalUrl, entry, source) =>
		source.id === '@my'
			? `${portalUrl}/rooms/personal/filter?folder=${String(entry.id)}`
			: `${portalUrl}/rooms/shared/filter?folder=${String(entry.id)}`,
	);
}
