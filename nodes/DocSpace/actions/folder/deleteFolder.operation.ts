import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { docSpaceApiList } from '../../transport/request';
import { folderLocator } from '../common.descriptions';
import { toItems } from '../helpers';
import { entryIdOf, loadEntry, runFileOperation, waitOptions } from './shared';

const properties: INodeProperties[] = [
	{ ...folderLocator, description: 'The folder to delete, with everything in it' },
	{
		displayName: 'Delete Permanently',
		name: 'permanently',
		type: 'boolean',
		default: false,
		description:
			'Whether to delete the folder for good instead of moving it to the trash. A folder already in the trash is always deleted for good.',
	},
	waitOptions,
];

export const description = updateDisplayOptions({ show: { resource: ['folder'], operation: ['delete'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const folderId = entryIdOf.call(this, 'folder', 'folderId', 'Folder', i);
	const permanently = this.getNodeParameter('permanently', i, false) as boolean;
	const folder = await loadEntry.call(this, 'folder', folderId, 'Folder', i);
	// DELETE files/folder/{id} cannot return only its own operation; fileops/delete can.
	await runFileOperation.call(
		this,
		async () =>
			await docSpaceApiList.call(
				this,
				'PUT',
				'files/fileops/delete',
				{ folderIds: [folder.id], fileIds: [], deleteAfter: false, immediately: permanently, returnSingleOperation: true },
				undefined,
				i,
			),
		i,
	);
	return toItems.call(this, { deleted: true, id: folder.id, permanently });
}
