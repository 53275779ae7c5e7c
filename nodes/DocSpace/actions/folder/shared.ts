/**
 * What the folder operations and the file copy/move/delete/restore operations share: reading and
 * checking file/folder locators, loading entries with errors that name the parameter, the
 * conflict choice, the Options collection with the wait time limit, and picking the resulting
 * entry from a finished file operation.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { waitForOperation } from '../../transport/operations';
import { docSpaceApi } from '../../transport/request';
import { waitTimeLimitOption } from '../common.descriptions';
import { locatorValue } from '../helpers';

export type EntryKind = 'file' | 'folder';

/** DocSpace FolderType of a Trash section. */
export const TRASH_FOLDER_TYPE = 3;

/** The “If Name Exists” choice, sent as DocSpace's FileConflictResolveType name. */
export const conflictResolveProperty: INodeProperties = {
	displayName: 'If Name Exists',
	name: 'conflictResolveType',
	type: 'options',
	options: [
		{
			name: 'Keep Both',
			value: 'Duplicate',
			description: 'Add a number to the new item’s name, e.g. “Report (1).docx”',
		},
		{
			name: 'Overwrite',
			value: 'Overwrite',
			description: 'A file becomes a new version of the existing file; folders are merged',
		},
		{
			name: 'Skip',
			value: 'Skip',
			description: 'Leave the existing item alone and do not transfer this one',
		},
	],
	default: 'Duplicate',
	description: 'What to do when the destination already holds an item with the same name',
};

/** The same choice for a folder: a folder with the same name is merged with it, unless Keep Both. */
export const folderConflictResolveProperty: INodeProperties = {
	...conflictResolveProperty,
	options: [
		{
			name: 'Keep Both',
			value: 'Duplicate',
			description: 'Add a number to the new folder’s name, e.g. “Reports (1)”',
		},
		{
			name: 'Overwrite',
			value: 'Overwrite',
			description: 'Merge into the existing folder; same-named files become new versions of the existing files',
		},
		{
			name: 'Skip',
			value: 'Skip',
			description: 'Merge into the existing folder, leaving its same-named files as they are',
		},
	],
	description: 'What to do when the destination already holds a folder with the same name',
};

/** The Options collection of operations that wait for a DocSpace background operation. */
export const waitOptions: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [waitTimeLimitOption],
};

export function timeLimitOf(this: IExecuteFunctions, itemIndex: number): number {
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	return Number(options.waitTimeLimit ?? waitTimeLimitOption.default);
}

/** A caught value as a node error: node errors pass unchanged, anything else is wrapped. */
export function asNodeError(this: IExecuteFunctions, error: unknown, itemIndex: number): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	return new NodeOperationError(this.getNode(), error as Error, { itemIndex });
}

const LINK_EXAMPLES: Record<EntryKind, string> = {
	file: 'e.g. https://yourportal.onlyoffice.com/doceditor?fileid=123',
	folder: 'e.g. https://yourportal.onlyoffice.com/rooms/shared/filter?folder=123',
};

function isUrlMode(this: IExecuteFunctions, name: string, itemIndex: number): boolean {
	try {
		const raw = this.getNodeParameter(name, itemIndex) as IDataObject | undefined;
		return raw?.mode === 'url';
	} catch {
		return false;
	}
}

/**
 * The ID from a file or folder locator. Links that are not DocSpace links to that kind of entry,
 * and IDs that are not numbers (or @my where allowed), are refused before calling DocSpace.
 */
export function entryIdOf(
	this: IExecuteFunctions,
	kind: EntryKind,
	name: string,
	label: string,
	itemIndex: number,
	options: { allowMy?: boolean } = {},
): string {
	try {
		this.getNodeParameter(name, itemIndex, undefined, { extractValue: true });
	} catch (error) {
		// Only a By URL value that the locator's pattern cannot read is a bad link; pass the rest on.
		if (!isUrlMode.call(this, name, itemIndex)) throw asNodeError.call(this, error, itemIndex);
		throw new NodeOperationError(this.getNode(), `The parameter “${label}” does not hold a DocSpace ${kind} link`, {
			itemIndex,
			description: `Paste the ${kind}’s link as DocSpace shows it (${LINK_EXAMPLES[kind]}), or switch to By ID and enter its number.`,
		});
	}
	const value = locatorValue.call(this, name, itemIndex, label);
	if (/^\d{1,10}$/.test(value) || (options.allowMy && value === '@my')) return value;
	throw new NodeOperationError(this.getNode(), `The parameter “${label}” does not hold a ${kind} ID: “${value}”`, {
		itemIndex,
		description: `Enter the ${kind}’s number${options.allowMy ? ' (or @my for My documents)' : ''}, paste its DocSpace link, or pick it from the list.`,
	});
}

/**
 * Loads a FileDto or FolderDto (`@my` gives My documents). An unknown ID is reported as a
 * problem with the parameter; other DocSpace errors pass unchanged.
 */
export async function loadEntry(
	this: IExecuteFunctions,
	kind: EntryKind,
	id: string,
	label: string,
	itemIndex: number,
): Promise<IDataObject> {
	try {
		if (kind === 'folder' && id === '@my') {
			const section = await docSpaceApi.call(this, 'GET', 'files/@my', undefined, { count: 1 }, itemIndex);
			return (section.current ?? {}) as IDataObject;
		}
		return await docSpaceApi.call(this, 'GET', `files/${kind}/${encodeURIComponent(id)}`, undefined, undefined, itemIndex);
	} catch (error) {
		if (error instanceof NodeApiError && error.httpCode === '404') {
			throw new NodeOperationError(this.getNode(), `The ${kind} in “${label}” was not found: no ${kind} has the ID ${id}`, {
				itemIndex,
				description: `Check the ${kind} chosen in “${label}”: it may have been deleted, or it is not shared with the DocSpace account of the credential.`,
			});
		}
		throw asNodeError.call(this, error, itemIndex);
	}
}

/** A title from a parameter, trimmed; an empty one is refused. */
export function titleOf(this: IExecuteFunctions, name: string, label: string, itemIndex: number): string {
	const title = String(this.getNodeParameter(name, itemIndex, '') ?? '').trim();
	if (!title) {
		throw new NodeOperationError(this.getNode(), `The parameter “${label}” is empty`, {
			itemIndex,
			description: 'Enter a name, e.g. “Reports”.',
		});
	}
	return title;
}

/** Runs the request that starts a file operation and waits for it to finish. */
export async function runFileOperation(
	this: IExecuteFunctions,
	start: () => Promise<IDataObject | IDataObject[]>,
	itemIndex: number,
): Promise<IDataObject> {
	const started = await start();
	return await waitForOperation.call(this, started, { itemIndex, timeLimitSeconds: timeLimitOf.call(this, itemIndex) });
}

/** The entries a finished copy or move reports, without the destination folder DocSpace lists first. */
export function reportedEntries(finished: IDataObject, kind: EntryKind, destinationId: unknown): IDataObject[] {
	const list = (kind === 'file' ? finished.files : finished.folders) as IDataObject[] | undefined;
	return (Array.isArray(list) ? list : []).filter(
		(entry) => kind === 'file' || String(entry.id) !== String(destinationId),
	);
}

/**
 * The current FileDto/FolderDto of an entry a finished operation reported (the report may
 * carry fewer fields); the reported entry when it cannot be read.
 */
export async function currentEntry(
	this: IExecuteFunctions,
	kind: EntryKind,
	reported: IDataObject,
	itemIndex: number,
): Promise<IDataObject> {
	try {
		return await docSpaceApi.call(this, 'GET', `files/${kind}/${encodeURIComponent(String(reported.id))}`, undefined, undefined, itemIndex);
	} catch {
		return reported;
	}
}

/** The answer when DocSpace transferred nothing (the conflict choice was Skip, or nothing changed). */
export function nothingTransferred(
	source: IDataObject,
	kind: EntryKind,
	destination: IDataObject,
	verb: 'copied' | 'moved' | 'restored',
): IDataObject {
	return {
		skipped: true,
		id: source.id,
		title: source.title,
		fileEntryType: kind === 'file' ? 2 : 1,
		destinationFolderId: destination.id,
		message: `DocSpace ${verb} nothing: “${String(destination.title)}” already holds an item named “${String(source.title)}” and “If Name Exists” is Skip, or the ${kind} is already there`,
	};
}
