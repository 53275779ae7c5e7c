import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { docSpacePaginate, pickFolderContent } from '../../transport/paginate';
import { folderLocator, returnAllOrLimit, simplifyOutput } from '../common.descriptions';
import { fileKindFilters, folderPath } from '../entry';
import { listLimit, searchQuery, simplifiedItems, summarizeEntry } from '../helpers';
import { fileExtension, invalidParameter, locatorId } from '../validation';


// DocSpace FilterType values that select files
const FILES_ONLY = 1;
const BY_EXTENSION = 11;

const properties: INodeProperties[] = [
	{ ...folderLocator, description: 'The folder or room to search in; enter @my (By ID) for My documents' },
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
				description: 'Only files with this extension; cannot be combined with Type',
			},
			{
				displayName: 'Include Subfolders',
				name: 'withSubfolders',
				type: 'boolean',
				default: false,
				description: 'Whether to search the subfolders too, at any depth',
			},
			{
				displayName: 'Name Contains',
				name: 'search',
				type: 'string',
				default: '',
				placeholder: 'e.g. invoice',
				description: 'Only files whose name contains this text (any case)',
			},
			{
				displayName: 'Type',
				name: 'type',
				type: 'options',
				default: FILES_ONLY,
				options: [{ name: 'All Files', value: FILES_ONLY }, ...fileKindFilters],
				description: 'Only files of this kind',
			},
		],
	},
	simplifyOutput,
];

export const description = updateDisplayOptions({ show: { resource: ['file'], operation: ['getMany'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const folderId = locatorId.call(this, 'folder', i);
	const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
	const type = Number(filters.type ?? FILES_ONLY);
	const extension = fileExtension.call(this, 'Extension', filters.extension, i);
	if (extension && type !== FILES_ONLY) {
		throw invalidParameter.call(
			this,
			i,
			'The filters “Extension” and “Type” cannot be combined',
			'DocSpace filters by one of them at a time: remove one of the two filters.',
		);
	}
	const qs: IDataObject = {
		filterType: extension ? BY_EXTENSION : type,
		// ApplyFilterOption 1: files only, even for filter types that would list folders.
		applyFilterOption: 1,
		...searchQuery(filters),
	};
	if (extension) qs.extension = extension;
	if (filters.withSubfolders === true) qs.withSubFolders = true;

	const entries = await docSpacePaginate.call(this, {
		path: folderPath(folderId),
		qs,
		limit: listLimit.call(this, i),
		itemIndex: i,
		pick: pickFolderContent,
	});
	const files = entries.filter((entry) => entry.fileEntryType !== 1);
	return simplifiedItems.call(this, i, files, summarizeEntry);
}
