import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { docSpaceCall, SETS_STATE } from '../../transport/request';
import { folderLocator } from '../common.descriptions';
import { loadEntry } from '../entry';
import { toItems } from '../helpers';
import { locatorId, requiredTextParameter, ENTRY_NAME_RULES } from '../../shared/validation';
import { apiPath } from '../../transport/path';

const properties: INodeProperties[] = [
	{ ...folderLocator, description: 'The folder to rename' },
	{
		displayName: 'New Name',
		name: 'title',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. Reports 2025',
		description: 'The folder’s new name',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['folder'], operation: ['rename'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const folderId = locatorId.call(this, 'folder', i, { allowMy: false });
	const title = requiredTextParameter.call(this, 'title', 'New Name', i, ENTRY_NAME_RULES);
	await loadEntry.call(this, 'folder', folderId, 'Folder', i);
	const folder = await docSpaceCall.call(this, {
		method: 'PUT',
		path: apiPath`files/folder/${folderId}`,
		body: { title },
		itemIndex: i,
		...SETS_STATE,
	});
	return toItems.call(this, folder);
}
