import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { folderLocator } from '../common.descriptions';
import { loadEntry } from '../entry';
import { toItems } from '../helpers';
import { locatorId } from '../../shared/validation';

const properties: INodeProperties[] = [{ ...folderLocator, description: 'The folder to get' }];

export const description = updateDisplayOptions(
	{ show: { resource: ['folder'], operation: ['get'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const folderId = locatorId.call(this, 'folder', i);
	return toItems.call(this, await loadEntry.call(this, 'folder', folderId, 'Folder', i));
}
