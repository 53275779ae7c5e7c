/**
 * How the writes that create something find their effect when DocSpace's answer is lost (see
 * transport/retryPolicy.ts): the entries that were there before the attempt are noted, and an
 * entry that matches and was not there counts as the one this call created.
 */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { PageRequest } from '../transport/paginate';
import { docSpacePaginate, pickFolderContent, pickList } from '../transport/paginate';
import type { OutcomeCheck } from '../transport/request';
import { docSpaceCall, docSpaceList } from '../transport/request';
import { asNodeError, isNotFound } from '../transport/errors';
import { apiPath } from '../transport/path';

// FileOperationType
const OPERATION_TYPE = { move: 0, copy: 1 } as const;
// FilterType: folders only
const FOLDERS_ONLY = 2;

type Listing = Omit<PageRequest, 'limit' | 'itemIndex'>;

/**
 * Notes what `listing` holds now (entries matching `same`) and returns a check that finds a new
 * matching entry, loaded in full by `load`.
 */
async function createdEntry(
	this: IExecuteFunctions,
	i: number,
	listing: Listing,
	same: (entry: IDataObject) => boolean,
	load: (entry: IDataObject) => Promise<IDataObject>,
	check: string,
): Promise<OutcomeCheck<IDataObject>> {
	const matching = async () =>
		(await docSpacePaginate.call(this, { ...listing, itemIndex: i })).filter(same);
	const before = new Set((await matching()).map((entry) => String(entry.id)));
	return {
		check,
		verify: async () => {
			const fresh = (await matching()).filter((entry) => !before.has(String(entry.id)));
			return fresh.length > 0 ? await load(fresh[fresh.length - 1]) : undefined;
		},
	};
}

/** Folder → Create: a new folder with this title in the parent. */
export async function folderCreated(
	this: IExecuteFunctions,
	i: number,
	parent: IDataObject,
	title: string,
): Promise<OutcomeCheck<IDataObject>> {
	return await createdEntry.call(
		this,
		i,
		{
			path: apiPath`files/${String(parent.id)}`,
			qs: { filterValue: title, filterType: FOLDERS_ONLY },
			pick: pickFolderContent,
		},
		(entry) => entry.title === title && entry.fileEntryType !== 2,
		async (entry) =>
			await docSpaceCall.call(this, {
				method: 'GET',
				path: apiPath`files/folder/${String(entry.id)}`,
				itemIndex: i,
			}),
		`whether “${String(parent.title)}” already holds a new folder “${title}”`,
	);
}

/** Room → Create: a new room with this title and type. */
export async function roomCreated(
	this: IExecuteFunctions,
	i: number,
	title: string,
	roomType: number,
): Promise<OutcomeCheck<IDataObject>> {
	return await createdEntry.call(
		this,
		i,
		{ path: 'files/rooms', qs: { filterValue: title }, pick: pickFolderContent },
		(entry) => entry.title === title && Number(entry.roomType) === roomType,
		async (entry) =>
			await docSpaceCall.call(this, {
				method: 'GET',
				path: apiPath`files/rooms/${String(entry.id)}`,
				itemIndex: i,
			}),
		`whether the room “${title}” already exists`,
	);
}

/** Group → Create: a new group with this name. */
export async function groupCreated(
	this: IExecuteFunctions,
	i: number,
	name: string,
): Promise<OutcomeCheck<IDataObject>> {
	return await createdEntry.call(
		this,
		i,
		{ path: 'group', qs: { filterValue: name }, pick: pickList },
		(entry) => entry.name === name,
		async (entry) =>
			await docSpaceCall.call(this, {
				method: 'GET',
				path: apiPath`group/${String(entry.id)}`,
				itemIndex: i,
			}),
		`whether the group “${name}” already exists`,
	);
}

/**
 * File/Folder → Copy/Move: the operation DocSpace started, among the caller's operations of that
 * type: one still running, or a finished one whose result is the entry in the destination. Only
 * read after a lost answer: listing reports finished operations, and DocSpace then forgets them.
 */
export function transferStarted(
	this: IExecuteFunctions,
	i: number,
	action: keyof typeof OPERATION_TYPE,
	source: IDataObject,
	destination: IDataObject,
	what: string,
): OutcomeCheck<IDataObject[]> {
	const isResult = (entry: IDataObject) =>
		entry.title === source.title &&
		String(entry.parentId ?? entry.folderId) === String(destination.id);
	return {
		check: `whether ${what}`,
		verify: async () => {
			const listed = await docSpaceList.call(this, {
				method: 'GET',
				path: 'files/fileops',
				itemIndex: i,
			});
			const ours = listed.filter((op) => {
				if (Number(op.Operation ?? op.operation) !== OPERATION_TYPE[action]) return false;
				if (op.finished !== true) return true;
				const results = [
					...((op.files as IDataObject[] | undefined) ?? []),
					...((op.folders as IDataObject[] | undefined) ?? []),
				];
				return results.some(isResult);
			});
			return ours.length > 0 ? [ours[ours.length - 1]] : undefined;
		},
	};
}

/** User → Invite: an account with this email that was not there before. */
export async function userInvited(
	this: IExecuteFunctions,
	i: number,
	email: string,
): Promise<OutcomeCheck<IDataObject>> {
	const exists = async () => {
		try {
			await docSpaceCall.call(this, {
				method: 'GET',
				path: 'people/email',
				qs: { email },
				itemIndex: i,
			});
			return true;
		} catch (error) {
			if (isNotFound(error)) return false;
			throw asNodeError.call(this, error, i);
		}
	};
	const before = await exists();
	return {
		check: `whether DocSpace lists a user with the email ${email} (the invitation may have been sent)`,
		verify: async () => (!before && (await exists()) ? {} : undefined),
	};
}
