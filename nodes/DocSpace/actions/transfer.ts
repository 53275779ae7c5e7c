/**
 * Copying and moving files and folders (and restoring files from the trash) with DocSpace's
 * file operations: the parameters, the request, the wait and the resulting entry.
 */
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { docSpaceCall, docSpaceList } from '../transport/request';
import {
	folderLocator,
	locators,
	locatorSpecs,
	simplifyOutput,
	waitOptions,
} from './common.descriptions';
import type { EntryKind } from './entry';
import { loadEntry } from './entry';
import { fileItems } from './file/shared';
import { toItems, waitForFinish } from './helpers';
import { transferStarted } from './outcomes';
import { locatorId } from '../shared/validation';
import { apiPath } from '../transport/path';

export type TransferAction = 'copy' | 'move';

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
const folderConflictResolveProperty: INodeProperties = {
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
			description:
				'Merge into the existing folder; same-named files become new versions of the existing files',
		},
		{
			name: 'Skip',
			value: 'Skip',
			description: 'Merge into the existing folder, leaving its same-named files as they are',
		},
	],
	description: 'What to do when the destination already holds a folder with the same name',
};

export const DESTINATION = { name: 'destinationFolderId', label: 'Destination Folder' };

export const destinationFolderProperty: INodeProperties = {
	...folderLocator,
	name: DESTINATION.name,
	displayName: DESTINATION.label,
};

/** The parameters of File/Folder → Copy/Move. */
export function transferProperties(kind: EntryKind, action: TransferAction): INodeProperties[] {
	const { displayName } = locatorSpecs[kind];
	return [
		{
			...locators[kind],
			description:
				kind === 'file'
					? `The file to ${action}`
					: `The folder to ${action}, with everything in it`,
		},
		{
			...destinationFolderProperty,
			description: `The folder or room to ${action} the ${displayName.toLowerCase()} into`,
		},
		kind === 'file' ? conflictResolveProperty : folderConflictResolveProperty,
		waitOptions,
		...(kind === 'file' ? [simplifyOutput] : []),
	];
}

/** The entries a finished copy or move reports, without the destination folder DocSpace lists first. */
function reportedEntries(
	finished: IDataObject,
	kind: EntryKind,
	destinationId: unknown,
): IDataObject[] {
	const list = (kind === 'file' ? finished.files : finished.folders) as IDataObject[] | undefined;
	return (Array.isArray(list) ? list : []).filter(
		(entry) => kind === 'file' || String(entry.id) !== String(destinationId),
	);
}

/**
 * The current FileDto/FolderDto of an entry a finished operation reported (the report may
 * carry fewer fields); the reported entry when it cannot be read.
 */
async function currentEntry(
	this: IExecuteFunctions,
	kind: EntryKind,
	reported: IDataObject,
	itemIndex: number,
): Promise<IDataObject> {
	try {
		return await docSpaceCall.call(this, {
			method: 'GET',
			path: apiPath`files/${kind}/${String(reported.id)}`,
			itemIndex,
		});
	} catch {
		return reported;
	}
}

/** The answer when DocSpace transferred nothing (the conflict choice was Skip, or nothing changed). */
function nothingTransferred(
	source: IDataObject,
	kind: EntryKind,
	destination: IDataObject,
	verb: string,
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

/**
 * Copies or moves a loaded entry into a loaded folder, waits for DocSpace to finish, and returns
 * the resulting entry (or what was skipped).
 */
export async function transfer(
	this: IExecuteFunctions,
	kind: EntryKind,
	action: TransferAction,
	source: IDataObject,
	destination: IDataObject,
	i: number,
	verb = action === 'copy' ? 'copied' : 'moved',
): Promise<INodeExecutionData[]> {
	const body: IDataObject = {
		folderIds: kind === 'folder' ? [source.id] : [],
		fileIds: kind === 'file' ? [source.id] : [],
		destFolderId: destination.id,
		conflictResolveType: this.getNodeParameter('conflictResolveType', i) as string,
		deleteAfter: false,
		returnSingleOperation: true,
	};
	const what = `“${String(source.title)}” was ${verb} to “${String(destination.title)}”`;
	const outcome = transferStarted.call(this, i, action, source, destination, what);
	const started = await docSpaceList.call(this, {
		method: 'PUT',
		path: apiPath`files/fileops/${action}`,
		body,
		itemIndex: i,
		outcome,
	});
	const finished = await waitForFinish.call(this, started, i, `whether ${what}`);
	const [result] = reportedEntries(finished, kind, destination.id);
	if (!result) return toItems.call(this, nothingTransferred(source, kind, destination, verb));
	const entry = await currentEntry.call(this, kind, result, i);
	return kind === 'file' ? fileItems.call(this, i, entry) : toItems.call(this, entry);
}

/** File/Folder → Copy/Move: the entry of the item's locator into the Destination Folder. */
export async function transferEntry(
	this: IExecuteFunctions,
	kind: EntryKind,
	action: TransferAction,
	i: number,
): Promise<INodeExecutionData[]> {
	const sourceId = locatorId.call(this, kind, i, { allowMy: false });
	const destinationId = locatorId.call(this, 'folder', i, DESTINATION);
	const source = await loadEntry.call(this, kind, sourceId, locatorSpecs[kind].displayName, i);
	const destination = await loadEntry.call(this, 'folder', destinationId, DESTINATION.label, i);
	return await transfer.call(this, kind, action, source, destination, i);
}
