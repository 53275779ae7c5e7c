import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { normalizeExtension } from '../../transport/download';
import { uploadNewVersion } from '../../transport/upload';
import { fileLocator, optionsCollection, simplifyOutput } from '../common.descriptions';
import { locatorId } from '../../shared/validation';
import {
	chunkSizeOption,
	fileInfo,
	fileItems,
	inputBinary,
	inputBinaryField,
	parallelChunksOption,
	uploadLimitsOf,
} from './shared';

const properties: INodeProperties[] = [
	{ ...fileLocator, description: 'The file to store a new version of' },
	inputBinaryField,
	simplifyOutput,
	optionsCollection([chunkSizeOption, parallelChunksOption]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['file'], operation: ['replaceContent'] } },
	properties,
);

function extensionOf(name: string): string {
	const dot = name.lastIndexOf('.');
	return dot > 0 ? normalizeExtension(name.slice(dot)) : '';
}

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const fileId = locatorId.call(this, 'file', i);
	const options = this.getNodeParameter('options', i, {}) as IDataObject;
	const content = await inputBinary.call(this, i);

	const current = await fileInfo.call(this, fileId, i);
	const title = String(current.title ?? '');
	const target = normalizeExtension(String(current.fileExst ?? extensionOf(title)));
	const given = extensionOf(content.fileName);
	if (given && target && given !== target) {
		throw new NodeOperationError(
			this.getNode(),
			`The binary file “${content.fileName}” is a ${given} file, but “${title}” is a ${target} file`,
			{
				itemIndex: i,
				description: `A new version must have the same format. Convert the content to ${target} first, or upload it as a separate file with the Upload operation.`,
			},
		);
	}
	const file = await uploadNewVersion.call(
		this,
		current,
		{ ...content, fileName: title || content.fileName },
		{
			itemIndex: i,
			...uploadLimitsOf.call(this, options, i),
		},
	);
	return fileItems.call(this, i, file);
}
