import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { docSpacePaginate, pickFolderContent } from '../../transport/paginate';
import { folderLocator, returnAllOrLimit, simplifyOutput } from '../common.descriptions';
import { listLimit, locatorValue, summarizeEntry, toItems } from '../helpers';

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
					{ name: 'Archives', value: 10 },
					{ name: 'Diagrams', value: 25 },
					{ name: 'Documents', value: 3 },
					{ name: 'Files Only', value: 1 },
					{ name: 'Folders Only', value: 2 },
					{ name: 'Images', value: 7 },
					{ name: 'Media', value: 12 },
					{ name: 'PDF Forms', value: 23 },
					{ name: 'PDFs', value: 22 },
					{ name: 'Presentations', value: 4 },
					{ name: 'Spreadsheets', value: 5 },
				],
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
	const folderId = locatorValue.call(this, 'folderId', i, 'Folder');
	const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
	const qs: IDataObject = {};
	if (filters.type) qs.filterType = filters.type;
	if (filters.search) qs.filterValue = filters.search;
	if (filters.extension) {
		qs.extension = String(filters.extension).replace(/^\./, '');
		qs.filterType ??= 11;
	}
	if (filters.withSubfolders) qs.withSubFolders = true;
	const entries = await docSpacePaginate.call(this, {
		path: `files/${encodeURIComponent(folderId)}`,
		qs,
		limit: listLimit.call(this, i),
		itemIndex: i,
		pick: pickFolderContent,
	});
	const simplify = this.getNodeParameter('simplify', i, true) as boolean;
	return toItems.call(this, simplify ? entries.map(summarizeEntry) : entries);
}
