import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { docSpaceCall } from '../../transport/request';
import { folderLocator } from '../common.descriptions';
import { loadEntry } from '../entry';
import { toItems } from '../helpers';
import { folderCreated } from '../outcomes';
import { locatorId, requiredTextParameter, ENTRY_NAME_RULES } from '../../shared/validation';
import { apiPath } from '../../transport/path';

const PARENT = { name: 'parentFolderId', label: 'Parent Folder' };

const properties: INodeProperties[] = [
	{
		...folderLocator,
		name: PARENT.name,
		displayName: PARENT.label,
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

export const description = updateDisplayOptions(
	{ show: { resource: ['folder'], operation: ['create'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const parentValue = locatorId.call(this, 'folder', i, PARENT);
	const title = requiredTextParameter.call(this, 'title', 'Name', i, {
		...ENTRY_NAME_RULES,
		example: 'Reports',
	});
	const parent = await loadEntry.call(this, 'folder', parentValue, PARENT.label, i);
	const outcome = await folderCreated.call(this, i, parent, title);
	const folder = await docSpaceCall.call(this, {
		method: 'POST',
		path: apiPath`files/folder/${String(parent.id)}`,
		body: { title },
		itemIndex: i,
		outcome,
	});
	return toItems.call(this, folder);
}
