import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { pickFolderContent } from '../../transport/paginate';
import { folderLocator, returnAllOrLimit, simplifyOutput } from '../common.descriptions';
import { fileKindFilters, folderPath } from '../entry';
import { listItems, searchQuery, summarizeEntry } from '../helpers';
import { fileExtension, locatorId } from '../validation';

const properties: INodeProperties[] = [
	{ ...folderLocator, description: 'The folder or room whose contents to list' },
	...returnAllOrLimit,
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Extension',
				name: 'extension',
				type: 'string',
				default: '',
				placeholder: 'e.g. docx',
				description: 'Only files with this extension',
			},
			{
				displayName: 'Include Subfolders',
				name: 'withSubfolders',
				type: 'boolean',
				default: false,
				description: 'Whether to search the files of all subfolders too',
			},
			{
				displayName: 'Search Text',
				name: 'search',
				type: 'string',
				default: '',
				description: 'Only entries whose title contains this text',
			},
			{
				displayName: 'Type',
				name: 'type',
				type: 'options',
				default: 0,
				// DocSpace FilterType values
				options: [
					{ name: 'All', value: 0 },
					{ name: 'Files Only', value: 1 },
					{ name: 'Folders Only', value: 2 },
					...fileKindFilters,
				].sort((a, b) => a.name.localeCompare(b.name)),
			},
		],
	},
	simplifyOutput,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['folder'], operation: ['getContents'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const folderId = locatorId.call(this, 'folder', i);
	const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
	const qs: IDataObject = searchQuery(filters);
	if (filters.type) qs.filterType = filters.type;
	const extension = fileExtension.call(this, 'Extension', filters.extension, i);
	if (extension) {
		qs.extension = extension;
		qs.filterType ??= 11;
	}
	if (filters.withSubfolders) qs.withSubFolders = true;
	return await listItems.call(this, i, { path: folderPath(folderId), qs, pick: pickFolderContent }, summarizeEntry);
}
