import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { docSpaceApi } from '../../transport/request';
import { folderLocator } from '../common.descriptions';
import { toItems } from '../helpers';
import { folderIdOf, folderPath, nameOf, withExtension } from './shared';

const properties: INodeProperties[] = [
	{
		...folderLocator,
		description: 'The folder or room to create the file in; enter @my (By ID) for My documents',
	},
	{
		displayName: 'File Name',
		name: 'title',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. Quarterly report',
		description: 'Name of the new file; the extension of the chosen type is added when missing',
	},
	{
		displayName: 'Type',
		name: 'fileType',
		type: 'options',
		// DocSpace picks the kind of the new file from the title's extension.
		options: [
			{ name: 'Document (DOCX)', value: '.docx' },
			{ name: 'PDF Form (PDF)', value: '.pdf' },
			{ name: 'Presentation (PPTX)', value: '.pptx' },
			{ name: 'Spreadsheet (XLSX)', value: '.xlsx' },
		],
		default: '.docx',
		description: 'Kind of empty file to create',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['file'], operation: ['create'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const folderId = folderIdOf.call(this, i);
	const name = nameOf.call(this, i, 'title', 'File Name');
	const extension = String(this.getNodeParameter('fileType', i, '.docx'));
	const file = await docSpaceApi.call(
		this,
		'POST',
		folderPath(folderId, '/file'),
		{ title: withExtension(name, extension) },
		undefined,
		i,
	);
	return toItems.call(this, file);
}
