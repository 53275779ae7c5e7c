import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { pickFolderContent } from '../../transport/paginate';
import { folderLocator, returnAllOrLimit, simplifyOutput } from '../common.descriptions';
import { listingFilters, listingQuery } from '../entry';
import { folderPath } from '../../transport/path';
import { listItems, summarizeEntry } from '../helpers';
import { locatorId } from '../../shared/validation';

const properties: INodeProperties[] = [
	{ ...folderLocator, description: 'The folder or room whose contents to list' },
	...returnAllOrLimit,
	listingFilters(false),
	simplifyOutput,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['folder'], operation: ['getContents'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const folderId = locatorId.call(this, 'folder', i);
	const qs = listingQuery.call(this, false, i);
	return await listItems.call(
		this,
		i,
		{ path: folderPath(folderId), qs, pick: pickFolderContent },
		summarizeEntry,
	);
}
