import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { docSpaceApiList } from '../../transport/request';
import { fileLocator, folderLocator } from '../common.descriptions';
import {
	asNodeError,
	conflictResolveProperty,
	currentEntry,
	entryIdOf,
	loadEntry,
	nothingTransferred,
	reportedEntries,
	runFileOperation,
	TRASH_FOLDER_TYPE,
	waitOptions,
} from '../folder/shared';
import { toItems } from '../helpers';

const properties: INodeProperties[] = [
	{ ...fileLocator, description: 'The file in the trash to restore' },
	{
		...folderLocator,
		name: 'destinationFolderId',
		displayName: 'Destination Folder',
		required: false,
		description: 'Where to restore the file. Leave empty to put it back into the folder it was deleted from.',
	},
	conflictResolveProperty,
	waitOptions,
];

export const description = updateDisplayOptions({ show: { resource: ['file'], operation: ['restore'] } }, properties);

function hasDestination(this: IExecuteFunctions, i: number): boolean {
	const chosen = this.getNodeParameter('destinationFolderId', i, '') as IDataObject | string | undefined;
	const value = typeof chosen === 'object' && chosen !== null ? chosen.value : chosen;
	return value !== undefined && value !== null && String(value).trim() !== '';
}

/** The folder a file in the trash was deleted from. */
async function originalFolder(this: IExecuteFunctions, file: IDataObject, i: number): Promise<IDataObject> {
	const originId = file.originId;
	const unknown = (why: string) =>
		new NodeOperationError(this.getNode(), `The file “${String(file.title)}” cannot go back: ${why}`, {
			itemIndex: i,
			description: 'Choose where to restore it with “Destination Folder”.',
		});
	if (originId === undefined || originId === null || originId === '') throw unknown('DocSpace does not say where it was deleted from');
	try {
		return await loadEntry.call(this, 'folder', String(originId), 'Destination Folder', i);
	} catch (error) {
		if (error instanceof NodeOperationError) throw unknown(`the folder it was deleted from (ID ${String(originId)}) no longer exists`);
		throw asNodeError.call(this, error, i);
	}
}

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const fileId = entryIdOf.call(this, 'file', 'fileId', 'File', i);
	const conflictResolveType = this.getNodeParameter('conflictResolveType', i) as string;
	const chosenDestination = hasDestination.call(this, i)
		? entryIdOf.call(this, 'folder', 'destinationFolderId', 'Destination Folder', i, { allowMy: true })
		: undefined;
	const file = await loadEntry.call(this, 'file', fileId, 'File', i);
	if (file.rootFolderType !== TRASH_FOLDER_TYPE) {
		throw new NodeOperationError(this.getNode(), `The file “${String(file.title)}” is not in the trash`, {
			itemIndex: i,
			description: 'Only files in the trash can be restored. To put a file somewhere else, use the Move operation.',
		});
	}
	// DocSpace has no restore endpoint: an entry in Trash carries originId and is moved back there.
	const destination = chosenDestination
		? await loadEntry.call(this, 'folder', chosenDestination, 'Destination Folder', i)
		: await originalFolder.call(this, file, i);
	const body: IDataObject = {
		folderIds: [],
		fileIds: [file.id],
		destFolderId: destination.id,
		conflictResolveType,
		deleteAfter: false,
		returnSingleOperation: true,
	};
	const finished = await runFileOperation.call(
		this,
		async () => await docSpaceApiList.call(this, 'PUT', 'files/fileops/move', body, undefined, i),
		i,
	);
	const [restored] = reportedEntries(finished, 'file', destination.id);
	if (!restored) return toItems.call(this, nothingTransferred(file, 'file', destination, 'restored'));
	return toItems.call(this, await currentEntry.call(this, 'file', restored, i));
}
