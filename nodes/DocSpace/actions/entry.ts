/**
 * What the file and folder operations share: folder paths and My documents, the kinds of files to
 * filter by, loading an entry with an error that names the parameter, and deleting.
 */
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { docSpaceCall, docSpaceList, docSpaceRequest } from '../transport/request';
import {
	locatorSpecs,
	locators,
	searchFilter,
	waitOptions,
	filtersCollection,
} from './common.descriptions';
import { searchQuery, toItems, waitForFinish } from './helpers';
import {
	fileExtension,
	invalidParameter,
	locatorId,
	withParameterNotFound,
} from '../shared/validation';
import { apiPath, folderPath } from '../transport/path';

export type EntryKind = 'file' | 'folder';

/** DocSpace FolderType of a Trash section. */
export const TRASH_FOLDER_TYPE = 3;

/** DocSpace FilterType values of the kinds of files. */
export const fileKindFilters: INodePropertyOptions[] = [
	{ name: 'Archives', value: 10 },
	{ name: 'Diagrams', value: 25 },
	{ name: 'Documents', value: 3 },
	{ name: 'Images', value: 7 },
	{ name: 'Media', value: 12 },
	{ name: 'PDF Forms', value: 23 },
	{ name: 'PDFs', value: 22 },
	{ name: 'Presentations', value: 4 },
	{ name: 'Spreadsheets', value: 5 },
];

// DocSpace FilterType values used by folder listings
const ALL_ENTRIES = 0;
const FILES_ONLY = 1;
const FOLDERS_ONLY = 2;
const BY_EXTENSION = 11;

const fileTypeFilter: INodeProperties = {
	displayName: 'Type',
	name: 'type',
	type: 'options',
	default: FILES_ONLY,
	options: [{ name: 'All Files', value: FILES_ONLY }, ...fileKindFilters],
	description: 'Only entries of this kind',
};

const entryTypeFilter: INodeProperties = {
	...fileTypeFilter,
	default: ALL_ENTRIES,
	options: [
		{ name: 'All', value: ALL_ENTRIES },
		{ name: 'Files Only', value: FILES_ONLY },
		{ name: 'Folders Only', value: FOLDERS_ONLY },
		...fileKindFilters,
	].sort((a, b) => a.name.localeCompare(b.name)),
};

/**
 * The Filters collection of a folder listing (Folder → Get Contents, File → Get Many). With
 * `filesOnly`, the Type choices are kinds of files and folders never appear.
 */
export function listingFilters(filesOnly: boolean): INodeProperties {
	return filtersCollection([
		{
			displayName: 'Extension',
			name: 'extension',
			type: 'string',
			default: '',
			placeholder: 'e.g. docx',
			description: 'Only files with this extension; cannot be combined with Type',
		},
		{
			displayName: 'Include Subfolders',
			name: 'withSubfolders',
			type: 'boolean',
			default: false,
			description: 'Whether to search the files of all subfolders too, at any depth',
		},
		{ ...searchFilter, description: 'Only entries whose name contains this text (any case)' },
		filesOnly ? fileTypeFilter : entryTypeFilter,
	]);
}

/** The DocSpace query for the Filters of a folder listing. */
export function listingQuery(
	this: IExecuteFunctions,
	filesOnly: boolean,
	itemIndex: number,
): IDataObject {
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const anyType = filesOnly ? FILES_ONLY : ALL_ENTRIES;
	const type = Number(filters.type ?? anyType);
	const extension = fileExtension.call(this, 'Extension', filters.extension, itemIndex);
	if (extension && type !== anyType) {
		throw invalidParameter.call(
			this,
			itemIndex,
			'The filters “Extension” and “Type” cannot be combined',
			'DocSpace filters by one of them at a time: remove one of the two filters.',
		);
	}
	return {
		...(extension
			? { filterType: BY_EXTENSION, extension }
			: type !== ALL_ENTRIES
				? { filterType: type }
				: {}),
		// ApplyFilterOption 1: files only, even for filter types that would list folders.
		...(filesOnly ? { applyFilterOption: 1 } : {}),
		...(filters.withSubfolders === true ? { withSubFolders: true } : {}),
		...searchQuery(filters),
	};
}

/** The FolderDto of the credential's My documents. */
export async function myDocuments(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<IDataObject> {
	const section = await docSpaceCall.call(this, {
		method: 'GET',
		path: folderPath('@my'),
		qs: { count: 1 },
		itemIndex,
	});
	const current = (section.current ?? {}) as IDataObject;
	if (current.id === undefined || current.id === null) {
		throw new NodeOperationError(this.getNode(), 'DocSpace did not report the ID of My documents', {
			itemIndex,
			description: 'Pick the folder by its ID or link instead of @my.',
		});
	}
	return current;
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
	if (kind === 'folder' && id === '@my') return await myDocuments.call(this, itemIndex);
	return await withParameterNotFound(
		this,
		{ kind, label, id },
		itemIndex,
		async () =>
			await docSpaceCall.call(this, {
				method: 'GET',
				path: apiPath`files/${kind}/${id}`,
				itemIndex,
			}),
	);
}

/** The parameters of File → Delete and Folder → Delete. */
export function deleteProperties(kind: EntryKind): INodeProperties[] {
	return [
		{
			...locators[kind],
			description:
				kind === 'file' ? 'The file to delete' : 'The folder to delete, with everything in it',
		},
		{
			displayName: 'Delete Permanently',
			name: 'permanently',
			type: 'boolean',
			default: false,
			description: `Whether to delete the ${kind} for good instead of moving it to the trash. A ${kind} already in the trash is always deleted for good.`,
		},
		waitOptions,
	];
}

const deletedCheck = (kind: EntryKind, entry: IDataObject) =>
	`whether the ${kind} “${String(entry.title)}” (ID ${String(entry.id)}) is already in the trash or gone`;

/** Starts deleting a file or folder and returns the operation DocSpace started. */
async function startDelete(
	this: IExecuteFunctions,
	kind: EntryKind,
	entry: IDataObject,
	permanently: boolean,
	itemIndex: number,
): Promise<IDataObject[]> {
	// Repeating a delete could remove from the trash what the first attempt put there.
	const outcome = { check: deletedCheck(kind, entry) };
	if (kind === 'folder') {
		// DELETE files/folder/{id} cannot return only its own operation; fileops/delete can.
		const body = {
			folderIds: [entry.id],
			fileIds: [],
			deleteAfter: false,
			immediately: permanently,
			returnSingleOperation: true,
		};
		return await docSpaceList.call(this, {
			method: 'PUT',
			path: 'files/fileops/delete',
			body,
			itemIndex,
			outcome,
		});
	}
	const { data } = await docSpaceRequest.call(this, {
		method: 'DELETE',
		path: apiPath`files/file/${String(entry.id)}`,
		qs: { returnSingleOperation: true },
		body: { deleteAfter: false, immediately: permanently },
		itemIndex,
		outcome,
	});
	return data as IDataObject[];
}

/** Deletes the file or folder of the item's locator and waits until DocSpace has done it. */
export async function deleteEntry(
	this: IExecuteFunctions,
	kind: EntryKind,
	i: number,
): Promise<INodeExecutionData[]> {
	const id = locatorId.call(this, kind, i, { allowMy: false });
	const permanently = this.getNodeParameter('permanently', i, false) as boolean;
	const entry = await loadEntry.call(this, kind, id, locatorSpecs[kind].displayName, i);
	await waitForFinish.call(
		this,
		await startDelete.call(this, kind, entry, permanently, i),
		i,
		deletedCheck(kind, entry),
	);
	return toItems.call(this, { deleted: true, id: entry.id, permanently });
}
