import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import type { PageRequest } from '../transport/paginate';
import { pickFolderContent, pickList } from '../transport/paginate';
import { docSpaceRequest } from '../transport/request';
import { resolveCredentials } from '../transport/credentials';

const PAGE = 50;

async function searchPage(
	context: ILoadOptionsFunctions,
	path: string,
	qs: IDataObject,
	paginationToken: string | undefined,
	toResult: (entry: IDataObject, portalUrl: string) => { name: string; value: string; url?: string },
	pickEntries: PageRequest['pick'],
): Promise<INodeListSearchResult> {
	const startIndex = Number(paginationToken ?? 0) || 0;
	const { portalUrl } = await resolveCredentials(context);
	const result = await docSpaceRequest.call(context, {
		method: 'GET',
		path,
		qs: { ...qs, startIndex, count: PAGE },
	});
	const { entries, total } = pickEntries(result);
	const next = startIndex + entries.length;
	const more = entries.length === PAGE && (total ?? result.total ?? Infinity) > next;
	return {
		results: entries.map((entry) => toResult(entry, portalUrl)),
		paginationToken: more ? String(next) : undefined,
	};
}

const search = (filter?: string): IDataObject => (filter ? { filterValue: filter } : {});

/** A list entry for a file, folder or room, linked to where DocSpace shows it. */
const entryResult = (linkPath: (id: string) => string) => (entry: IDataObject, portalUrl: string) => ({
	name: String(entry.title),
	value: String(entry.id),
	url: `${portalUrl}${linkPath(String(entry.id))}`,
});

/** Files (filterType 1) or folders (filterType 2) anywhere in My documents. */
const inMyDocuments = (filterType: 1 | 2, filter?: string): IDataObject => ({ ...search(filter), filterType, withSubFolders: true });

export async function searchFiles(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string) {
	return await searchPage(
		this,
		'files/@my',
		inMyDocuments(1, filter),
		paginationToken,
		entryResult((id) => `/doceditor?fileid=${id}`),
		pickFolderContent,
	);
}

export async function searchFolders(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string) {
	return await searchPage(
		this,
		'files/@my',
		inMyDocuments(2, filter),
		paginationToken,
		entryResult((id) => `/rooms/personal/filter?folder=${id}`),
		pickFolderContent,
	);
}

export async function searchRooms(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string) {
	return await searchPage(
		this,
		'files/rooms',
		search(filter),
		paginationToken,
		entryResult((id) => `/rooms/shared/${id}/filter`),
		pickFolderContent,
	);
}

/** Room templates (SearchArea 4 of the rooms list). */
export async function searchRoomTemplates(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string) {
	return await searchPage(
		this,
		'files/rooms',
		{ ...search(filter), searchArea: 4 },
		paginationToken,
		entryResult((id) => `/rooms/shared/${id}/filter`),
		pickFolderContent,
	);
}

export async function searchUsers(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string) {
	return await searchPage(
		this,
		'people/filter',
		search(filter),
		paginationToken,
		(user) => ({
			name: `${String(user.displayName ?? `${String(user.firstName ?? '')} ${String(user.lastName ?? '')}`).trim()} (${String(user.email ?? '')})`,
			value: String(user.id),
		}),
		pickList,
	);
}

export async function searchGroups(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string) {
	return await searchPage(
		this,
		'group',
		search(filter),
		paginationToken,
		(group) => ({ name: String(group.name), value: String(group.id) }),
		pickList,
	);
}
