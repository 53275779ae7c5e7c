import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { docSpaceCall } from '../../transport/request';
import { folderLocator } from '../common.descriptions';
import { loadEntry } from '../entry';
import { toItems } from '../helpers';
import { locatorId } from '../../shared/validation';
import { apiPath } from '../../transport/path';

const properties: INodeProperties[] = [
	{
		...folderLocator,
		description:
			'The folder whose primary external link to get. DocSpace creates the link (read access, no expiry) if the folder has none yet.',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['folder'], operation: ['getLink'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const folderId = locatorId.call(this, 'folder', i, { allowMy: false });
	await loadEntry.call(this, 'folder', folderId, 'Folder', i);
	// GET …/link creates the primary link on first read (a mutation DocSpace documents).
	const link = await docSpaceCall.call(this, {
		method: 'GET',
		path: apiPath`files/folder/${folderId}/link`,
		itemIndex: i,
	});
	return toItems.call(this, link);
}
