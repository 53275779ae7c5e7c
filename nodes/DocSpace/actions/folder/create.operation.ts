import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { docSpaceApi } from '../../transport/request';
import { folderLocator } from '../common.descriptions';
import { toItems } from '../helpers';
import { entryIdOf, loadEntry, titleOf } from './shared';

const properties: INodeProperties[] = [
	{
		...folderLocator,
		name: 'parentFolderId',
		displayName: 'Parent Folder',
		description: 'The folder or room to create the folder in',
	},
	{
		displayName: 'Name',
		name: 'title',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. Reports',
		description: 'Name of the new folder',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['folder'], operation: ['create'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const parentValue = entryIdOf.call(this, 'folder', 'parentFolderId', 'Parent Folder', i, { allowMy: true });
	const title = titleOf.call(this, 'title', 'Name', i);
	const parent = await loadEntry.call(this, 'folder', parentValue, 'Parent Folder', i);
	const folder = await docSpaceApi.call(this, 'POST', `files/folder/${String(parent.id)}`, { title }, undefined, i);
	return toItems.call(this, folder);
}
