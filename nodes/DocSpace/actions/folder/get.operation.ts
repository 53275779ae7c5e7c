import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { folderLocator } from '../common.descriptions';
import { toItems } from '../helpers';
import { entryIdOf, loadEntry } from './shared';

const properties: INodeProperties[] = [{ ...folderLocator, description: 'The folder to get' }];

export const description = updateDisplayOptions({ show: { resource: ['folder'], operation: ['get'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const folderId = entryIdOf.call(this, 'folder', 'folderId', 'Folder', i, { allowMy: true });
	return toItems.call(this, await loadEntry.call(this, 'folder', folderId, 'Folder', i));
}
