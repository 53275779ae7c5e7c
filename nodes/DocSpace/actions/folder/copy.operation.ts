import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { docSpaceApiList } from '../../transport/request';
import { folderLocator } from '../common.descriptions';
import { toItems } from '../helpers';
import {
	currentEntry,
	entryIdOf,
	folderConflictResolveProperty,
	loadEntry,
	nothingTransferred,
	reportedEntries,
	runFileOperation,
	waitOptions,
} from './shared';

const properties: INodeProperties[] = [
	{ ...folderLocator, description: 'The folder to copy, with everything in it' },
	{
		...folderLocator,
		name: 'destinationFolderId',
		displayName: 'Destination Folder',
		description: 'The folder or room to copy the folder into',
	},
	folderConflictResolveProperty,
	waitOptions,
];

export const description = updateDisplayOptions({ show: { resource: ['folder'], operation: ['copy'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const folderId = entryIdOf.call(this, 'folder', 'folderId', 'Folder', i);
	const destinationValue = entryIdOf.call(this, 'folder', 'destinationFolderId', 'Destination Folder', i, { allowMy: true });
	const conflictResolveType = this.getNodeParameter('conflictResolveType', i) as string;
	const source = await loadEntry.call(this, 'folder', folderId, 'Folder', i);
	const destination = await loadEntry.call(this, 'folder', destinationValue, 'Destination Folder', i);
	const body: IDataObject = {
		folderIds: [source.id],
		fileIds: [],
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
	const [copy] = reportedEntries(finished, 'folder', destination.id);
	if (!copy) return toItems.call(this, nothingTransferred(source, 'folder', destination, 'copied'));
	return toItems.call(this, await currentEntry.call(this, 'folder', copy, i));
}
