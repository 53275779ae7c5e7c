import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { docSpaceRequest } from '../../transport/request';
import { fileLocator } from '../common.descriptions';
import { entryIdOf, loadEntry, runFileOperation, waitOptions } from '../folder/shared';
import { toItems } from '../helpers';

const properties: INodeProperties[] = [
	{ ...fileLocator, description: 'The file to delete' },
	{
		displayName: 'Delete Permanently',
		name: 'permanently',
		type: 'boolean',
		default: false,
		description:
			'Whether to delete the file for good instead of moving it to the trash. A file already in the trash is always deleted for good.',
	},
	waitOptions,
];

export const description = updateDisplayOptions({ show: { resource: ['file'], operation: ['delete'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const fileId = entryIdOf.call(this, 'file', 'fileId', 'File', i);
	const permanently = this.getNodeParameter('permanently', i, false) as boolean;
	const file = await loadEntry.call(this, 'file', fileId, 'File', i);
	await runFileOperation.call(
		this,
		async () => {
			const { data } = await docSpaceRequest.call(this, {
				method: 'DELETE',
				path: `files/file/${String(file.id)}`,
				qs: { returnSingleOperation: true },
				body: { deleteAfter: false, immediately: permanently },
				itemIndex: i,
			});
			return data as IDataObject[];
		},
		i,
	);
	return toItems.call(this, { deleted: true, id: file.id, permanently });
}
