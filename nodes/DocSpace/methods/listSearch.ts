import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import type { PageRequest } from '../transport/paginate';
import { pickFolderContent, pickList } from '../transport/paginate';
import { docSpaceRequest } from '../transport/request';
import { resolveCredentials } from '../transport/credentials';
import { roomTypeName } from '../actions/room/access';
import { apiPath } from '../transport/path';
import { chosenId } from './chosen';

const PAGE = 50;

async function searchPage(
	context: ILoadOptionsFunctions,
	path: string,
	qs: IDataObject,
	paginationToken: string | undefined,
	/** undefined leaves the entry out (the page still counts it). */
	toResult: (
		entry: IDataObject,
		portalUrl: string,
	) => { name: string; value: string; url?: string } | undefined,
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
		results: entries
			.map((entry) => toResult(entry, portalUrl))
			.filter((result) => result !== undefined),
		paginationToken: more ? String(next) : undefined,
	};
}

const search = (filter?: string): IDataObject => (filter ? { filterValue: filter } : {});

export { searchFiles, searchFolders, searchForms } from './entrySearch';

/** Rooms or room templates (both listed by files/rooms), each named by `name` and linked. */
const searchRoomList = (
	context: ILoadOptionsFunctions,
	qs: IDataObject,
	paginationToken: string | undefined,
	name: (room: IDataObject) => string,
) =>
	searchPage(
		context,
		'files/rooms',
		qs,
		paginationToken,
		(room, portalUrl) => ({
			name: name(room),
			value: String(room.id),
			url: `${portalUrl}/rooms/shared/${String(room.id)}/filter`,
		}),
		pickFolderContent,
	);

export async function searchRooms(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
) {
	return await searchRoomList(
		this,
		search(filter),
		paginationToken,
		(room) => `${String(room.title)} (${roomTypeName(room.roomType)})`,
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
const USER = 4;
/** ShareFilterType of files/rooms/{id}/share: users and groups, no links. */
const USERS_AND_GROUPS = 0;

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
	return await searchRoomList(
		this,
		{ ...search(filter), searchArea: 4 },
		paginationToken,
		(template) => String(template.title),
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

/** Active users who are not guests: the accounts DocSpace puts into groups. */
export async function searchGroupCandidates(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
) {
	return await searchPeople(
		this,
		{ employeeStatus: ACTIVE, employeeTypes: [ROOM_ADMIN, DOCSPACE_ADMIN, USER] },
		filter,
		paginationToken,
	);
}

/** The chosen group's members (its manager included); nothing while no group is chosen. */
export async function searchGroupMembers(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const groupId = chosenId(this, 'group');
	if (!groupId) return { results: [] };
	return await searchPeople(this, { groupId }, filter, paginationToken);
}

/** A room member as Remove Member lists it; the owner, who cannot be removed, is left out. */
function memberResult(share: IDataObject) {
	if (share.isOwner === true) return undefined;
	const user = share.sharedToUser as IDataObject | undefined;
	const group = share.sharedToGroup as IDataObject | undefined;
	if (user) return userResult(user);
	if (group) return { name: `${String(group.name)} (group)`, value: String(group.id) };
	return undefined;
}

/** The chosen room's users and groups but its owner; nothing while no room is chosen. */
export async function searchRoomMembers(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const roomId = chosenId(this, 'room');
	if (!roomId) return { results: [] };
	return await searchPage(
		this,
		apiPath`files/rooms/${roomId}/share`,
		{ filterType: USERS_AND_GROUPS, ...search(filter) },
		paginationToken,
		memberResult,
		pickList,
	);
}
