import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import type { PageRequest } from '../transport/paginate';
import { pickFolderContent, pickList } from '../transport/paginate';
import { docSpaceRequest } from '../transport/request';
import { resolveCredentials } from '../transport/credentials';
import { roomTypeName } from '../actions/room/access';

const PAGE = 50;

async function searchPage(
	context: ILoadOptionsFunctions,
	path: string,
	qs: IDataObject,
	paginationToken: string | undefined,
	toResult: (
		entry: IDataObject,
		portalUrl: string,
	) => { name: string; value: string; url?: string },
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

export { searchFiles, searchFolders, searchForms } from './entrySearch';

export async function searchRooms(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
) {
	return await searchPage(
		this,
		'files/rooms',
		search(filter),
		paginationToken,
		(room, portalUrl) => ({
			name: `${String(room.title)} (${roomTypeName(room.roomType)})`,
			value: String(room.id),
			url: `${portalUrl}/rooms/shared/${String(room.id)}/filter`,
		}),
		pickFolderContent,
	);
}

const userResult = (user: IDataObject) => ({
	name: `${String(user.displayName ?? `${String(user.firstName ?? '')} ${String(user.lastName ?? '')}`).trim()} (${String(user.email ?? '')})`,
	value: String(user.id),
});

/** DocSpace EmployeeStatus and EmployeeType filter values of people/filter. */
const ACTIVE = 1;
const DISABLED = 2;
const ROOM_ADMIN = 1;
const DOCSPACE_ADMIN = 3;

const searchPeople = (
	context: ILoadOptionsFunctions,
	qs: IDataObject,
	filter?: string,
	paginationToken?: string,
) =>
	searchPage(
		context,
		'people/filter',
		{ ...qs, ...search(filter) },
		paginationToken,
		userResult,
		pickList,
	);

/** Room templates (SearchArea 4 of the rooms list). */
export async function searchRoomTemplates(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
) {
	return await searchPage(
		this,
		'files/rooms',
		{ ...search(filter), searchArea: 4 },
		paginationToken,
		(template, portalUrl) => ({
			name: String(template.title),
			value: String(template.id),
			url: `${portalUrl}/rooms/shared/${String(template.id)}/filter`,
		}),
		pickFolderContent,
	);
}

export async function searchUsers(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
) {
	return await searchPeople(this, {}, filter, paginationToken);
}

/** Users who can sign in: for Disable, Change Type and other operations on working accounts. */
export async function searchActiveUsers(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
) {
	return await searchPeople(this, { employeeStatus: ACTIVE }, filter, paginationToken);
}

/** Disabled users: for Enable. */
export async function searchDisabledUsers(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
) {
	return await searchPeople(this, { employeeStatus: DISABLED }, filter, paginationToken);
}

/** Active room admins and DocSpace admins: the accounts that can receive someone's rooms. */
export async function searchRoomOwners(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
) {
	return await searchPeople(
		this,
		{ employeeStatus: ACTIVE, employeeTypes: [ROOM_ADMIN, DOCSPACE_ADMIN] },
		filter,
		paginationToken,
	);
}

export async function searchGroups(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
) {
	return await searchPage(
		this,
		'group',
		search(filter),
		paginationToken,
		(group) => ({ name: String(group.name), value: String(group.id) }),
		pickList,
	);
}
