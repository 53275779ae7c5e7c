import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { docSpaceCall } from '../../transport/request';
import { simplifyOutput } from '../common.descriptions';
import { folderPath } from '../../transport/path';
import { locatorId, requiredTextParameter, ENTRY_NAME_RULES } from '../../shared/validation';
import type { NameConflict } from './shared';
import {
	fileItems,
	findFileByTitle,
	ifNameExists,
	newFileName,
	targetFolderProperty,
	withExtension,
} from './shared';

const properties: INodeProperties[] = [
	targetFolderProperty,
	newFileName(
		'e.g. Meeting notes',
		'Name of the new file; the extension of the chosen format is added when missing',
	),
	{
		displayName: 'Text',
		name: 'content',
		type: 'string',
		typeOptions: { rows: 5 },
		default: '',
		description: 'The content of the file',
	},
	{
		displayName: 'Format',
		name: 'format',
		type: 'options',
		options: [
			{
				name: 'HTML',
				value: 'html',
				description: 'An .html file; the text is taken as HTML markup',
			},
			{ name: 'Plain Text', value: 'text', description: 'A .txt file' },
		],
		default: 'text',
	},
	ifNameExists,
	simplifyOutput,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['file'], operation: ['createFromText'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const folderId = locatorId.call(this, 'folder', i);
	const format = String(this.getNodeParameter('format', i, 'text'));
	const title = withExtension(
		requiredTextParameter.call(this, 'title', 'File Name', i, ENTRY_NAME_RULES),
		format === 'html' ? '.html' : '.txt',
	);
	const content = String(this.getNodeParameter('content', i, '') ?? '');
	const conflict = this.getNodeParameter('ifNameExists', i, 'newVersion') as NameConflict;

	if (conflict === 'skip') {
		const existing = await findFileByTitle.call(this, folderId, title, i);
		if (existing) return fileItems.call(this, i, { ...existing, skipped: true });
	}
	const file = await docSpaceCall.call(this, {
		method: 'POST',
		path: folderPath(folderId, format === 'html' ? '/html' : '/text'),
		body: { title, content, createNewIfExist: conflict === 'duplicate' },
		itemIndex: i,
	});
	return fileItems.call(this, i, file);
}
