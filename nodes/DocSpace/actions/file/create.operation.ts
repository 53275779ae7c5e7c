import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { docSpaceCall } from '../../transport/request';
import { simplifyOutput } from '../common.descriptions';
import { locatorId, requiredTextParameter, ENTRY_NAME_RULES } from '../../shared/validation';
import { folderPath } from '../../transport/path';
import { fileItems, newFileName, targetFolderProperty, withExtension } from './shared';

const properties: INodeProperties[] = [
	targetFolderProperty,
	newFileName(
		'e.g. Quarterly report',
		'Name of the new file; the extension of the chosen type is added when missing',
	),
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
	simplifyOutput,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['file'], operation: ['create'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const folderId = locatorId.call(this, 'folder', i);
	const name = requiredTextParameter.call(this, 'title', 'File Name', i, ENTRY_NAME_RULES);
	const extension = String(this.getNodeParameter('fileType', i, '.docx'));
	const file = await docSpaceCall.call(this, {
		method: 'POST',
		path: folderPath(folderId, '/file'),
		body: { title: withExtension(name, extension) },
		itemIndex: i,
	});
	return fileItems.call(this, i, file);
}
