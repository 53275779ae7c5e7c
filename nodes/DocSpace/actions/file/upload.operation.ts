import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { uploadToFolder } from '../../transport/upload';
import { folderLocator, optionsCollection, simplifyOutput } from '../common.descriptions';
import { locatorId, requiredText, ENTRY_NAME_RULES } from '../../shared/validation';
import type { NameConflict } from './shared';
import {
	chunkSizeOption,
	fileItems,
	findFileByTitle,
	ifNameExists,
	inputBinary,
	inputBinaryField,
	numericFolderId,
	parallelChunksOption,
	uploadLimitsOf,
} from './shared';

const properties: INodeProperties[] = [
	{
		...folderLocator,
		description: 'The folder or room to upload into; enter @my (By ID) for My documents',
	},
	inputBinaryField,
	ifNameExists,
	simplifyOutput,
	optionsCollection([
		chunkSizeOption,
		parallelChunksOption,
		{
			displayName: 'File Name',
			name: 'fileName',
			type: 'string',
			default: '',
			placeholder: 'e.g. Report.pdf',
			description:
				'Name of the file in DocSpace, with its extension; the binary’s own file name by default',
		},
	]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['file'], operation: ['upload'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const folderId = locatorId.call(this, 'folder', i);
	const conflict = this.getNodeParameter('ifNameExists', i, 'newVersion') as NameConflict;
	const options = this.getNodeParameter('options', i, {}) as IDataObject;
	const content = await inputBinary.call(this, i);
	content.fileName = requiredText.call(this, 'File Name', options.fileName ?? content.fileName, i, {
		...ENTRY_NAME_RULES,
		example: 'Report.pdf',
	});

	const targetId = await numericFolderId.call(this, folderId, i);
	if (conflict === 'skip') {
		const existing = await findFileByTitle.call(this, targetId, content.fileName, i);
		if (existing) return fileItems.call(this, i, { ...existing, skipped: true });
	}
	const file = await uploadToFolder.call(this, targetId, content, {
		itemIndex: i,
		...uploadLimitsOf.call(this, options, i),
		createNewIfExist: conflict === 'duplicate',
	});
	return fileItems.call(this, i, file);
}
