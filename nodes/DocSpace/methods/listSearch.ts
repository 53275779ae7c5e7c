import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { docSpaceRequest } from '../transport/request';
import { resolveCredentials } from '../transport/credentials';

const PAGE = 50;

async function searchPage(
	context: ILoadOptionsFunctions,
	path: string,
	qs: IDataObject,
	paginationToken: string | undefined,
	toResult: (entry: IDataObject, portalUrl: string) => { name: string; value: string; url?: string },
	pickEntries: (data: unknown) => { entries: IDataObject[]; total?: number },
): Promise<INodeListSearchResult> {
	const startIndex = Number(paginationToken ?? 0) || 0;
	const { portalUrl } = await resolveCredentials(context);
	const result = await docSpaceRequest.call(context, {
		method: 'GET',
		path,
		qs: { ...qs, startIndex, count: PAGE },
	});
	const { entries, total } = pickEntries(result.data);
	const next = startIndex + entries.length;
	const more = entries.length === PAGE && (total ?? result.total ?? Infinity) > next;
	return {
		results: entries.map((entry) => toResult(entry, portalUrl)),
		paginationToken: more ? String(next) : undefined,
	};
}

const folderContent = (data: unknown) => {
	const content = (data ?? {}) as { files?: IDataObject[]; folders?: IDataObject[]; total?: number };
	return { entries: [...(content.folders ?? []), ...(content.files ?? [])], total: content.total };
};
const plainList = (data: unknown) => ({ entries: Array.isArray(data) ? (data as IDataObject[]) : [] });
const search = (filter?: string): IDataObject => (filter ? { filterValue: filter } : {});

export async function searchFiles(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string) {
	return await searchPage(
		this,
		'files/@my',
		{ ...search(filter), filterType: 1, withSubFolders: true },
		paginationToken,
		(file, portalUrl) => ({
			name: String(file.title),
			value: String(file.id),
			url: `${portalUrl}/doceditor?fileid=${String(file.id)}`,
		}),
		folderContent,
	);
}

export async function searchFolders(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string) {
	return await searchPage(
		this,
		'files/@my',
		{ ...search(filter), filterType: 2, withSubFolders: true },
		paginationToken,
		(folder, portalUrl) => ({
			name: String(folder.title),
			value: String(folder.id),
			url: `${portalUrl}/rooms/personal/filter?folder=${String(folder.id)}`,
		}),
		folderContent,
	);
}

export async function searchRooms(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string) {
	return await searchPage(
		this,
		'files/rooms',
		search(filter),
		paginationToken,
		(room, portalUrl) => ({
			name: String(room.title),
			value: String(room.id),
			url: `${portalUrl}/rooms/shared/${String(room.id)}/filter`,
		}),
		folderContent,
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
		plainList,
	);
}

export async function searchGroups(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string) {
	return await searchPage(
		this,
		'group',
		search(filter),
		paginationToken,
		(group) => ({ name: String(group.name), value: String(group.id) }),
		plainList,
	);
}
