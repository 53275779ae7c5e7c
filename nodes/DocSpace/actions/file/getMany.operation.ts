import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { docSpacePaginate, pickFolderContent } from '../../transport/paginate';
import { folderLocator, returnAllOrLimit, simplifyOutput } from '../common.descriptions';
import { listingFilters, listingQuery } from '../entry';
import { folderPath } from '../../transport/path';
import { listLimit, simplifiedItems, summarizeEntry } from '../helpers';
import { locatorId } from '../../shared/validation';

const properties: INodeProperties[] = [
	{
		...folderLocator,
		description: 'The folder or room to search in; enter @my (By ID) for My documents',
	},
	...returnAllOrLimit,
	listingFilters(true),
	simplifyOutput,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['file'], operation: ['getMany'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const folderId = locatorId.call(this, 'folder', i);
	const entries = await docSpacePaginate.call(this, {
		path: folderPath(folderId),
		qs: listingQuery.call(this, true, i),
		limit: listLimit.call(this, i),
		itemIndex: i,
		pick: pickFolderContent,
	});
	const files = entries.filter((entry) => entry.fileEntryType !== 1);
	return simplifiedItems.call(this, i, files, summarizeEntry);
}
