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
/** DocSpace FilterType: files only, folders only. */
const FILES_ONLY = 1;
const FOLDERS_ONLY = 2;

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
	kind: 'file' | 'folder',
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
					filterType: kind === 'file' ? FILES_ONLY : FOLDERS_ONLY,
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
		const entries = pickFolderContent(result).entries.filter(
			(entry) => (kind === 'file') === (entry.fileEntryType !== 1),
		);
		if (entries.length > 0) {
			const tree = await folderTree(context, current);
			for (const entry of entries) {
				const where = locationOf(current, tree, kind === 'file' ? entry.folderId : entry.parentId);
				results.push({
					name: `${String(entry.title)} · ${where}`,
					value: String(entry.id),
					url: link(portalUrl, entry, current),
				});
			}
		}
		const total = pickFolderContent(result).total;
		const more = entries.length === PAGE && (total === undefined || total > startIndex + PAGE);
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

export async function searchFiles(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
) {
	return await searchEntries(
		this,
		'file',
		filter,
		paginationToken,
		(portalUrl, entry) => `${portalUrl}/doceditor?fileid=${String(entry.id)}`,
	);
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
