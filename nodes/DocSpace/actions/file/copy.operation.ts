import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { docSpaceApiList } from '../../transport/request';
import { fileLocator, folderLocator } from '../common.descriptions';
import {
	conflictResolveProperty,
	currentEntry,
	entryIdOf,
	loadEntry,
	nothingTransferred,
	reportedEntries,
	runFileOperation,
	waitOptions,
} from '../folder/shared';
import { toItems } from '../helpers';

const properties: INodeProperties[] = [
	{ ...fileLocator, description: 'The file to copy' },
	{
		...folderLocator,
		name: 'destinationFolderId',
		displayName: 'Destination Folder',
		description: 'The folder or room to copy the file into',
	},
	conflictResolveProperty,
	waitOptions,
];

export const description = updateDisplayOptions({ show: { resource: ['file'], operation: ['copy'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const fileId = entryIdOf.call(this, 'file', 'fileId', 'File', i);
	const destinationValue = entryIdOf.call(this, 'folder', 'destinationFolderId', 'Destination Folder', i, { allowMy: true });
	const conflictResolveType = this.getNodeParameter('conflictResolveType', i) as string;
	const source = await loadEntry.call(this, 'file', fileId, 'File', i);
	const destination = await loadEntry.call(this, 'folder', destinationValue, 'Destination Folder', i);
	const body: IDataObject = {
		folderIds: [],
		fileIds: [source.id],
		destFolderId: destination.id,
		conflictResolveType,
		deleteAfter: false,
		returnSingleOperation: true,
	};
	const finished = await runFileOperation.call(
		this,
		async () => await docSpaceApiList.call(this, 'PUT', 'files/fileops/copy', body, undefined, i),
		i,
	);
	const [copy] = reportedEntries(finished, 'file', destination.id);
	if (!copy) return toItems.call(this, nothingTransferred(source, 'file', destination, 'copied'));
	return toItems.call(this, await currentEntry.call(this, 'file', copy, i));
}
