import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { assertConvertible, downloadToBinary, normalizeExtension, replaceExtension } from '../../transport/download';
import { docSpaceApi } from '../../transport/request';
import { fileLocator } from '../common.descriptions';
import { fileIdOf, outputBinaryField } from './shared';

const properties: INodeProperties[] = [
	{ ...fileLocator, description: 'The file to download' },
	outputBinaryField,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Convert To',
				name: 'convertTo',
				type: 'string',
				default: '',
				placeholder: 'e.g. pdf',
				description:
					'Extension to convert the file to while downloading, e.g. pdf, docx or odt; empty downloads it as it is. Which formats are offered depends on the file type and the portal.',
			},
			{
				displayName: 'Version',
				name: 'version',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 0,
				description: 'Version of the file to download; 0 means the current version',
			},
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['file'], operation: ['download'] } }, properties);

export async function execute(
	this: IExecuteFunctions,
	i: number,
	item: INodeExecutionData,
): Promise<INodeExecutionData[]> {
	const fileId = fileIdOf.call(this, i);
	const property = String(this.getNodeParameter('binaryPropertyName', i, 'data') ?? '').trim();
	if (!property) {
		throw new NodeOperationError(this.getNode(), 'The parameter “Put Output File in Field” is empty', {
			itemIndex: i,
			description: 'Enter the name of the binary field to put the file in, e.g. data.',
		});
	}
	const options = this.getNodeParameter('options', i, {}) as IDataObject;
	const version = Number(options.version ?? 0);
	const convertTo = String(options.convertTo ?? '').trim();
	if (convertTo && !/^\.?[a-z0-9]{1,10}$/i.test(convertTo)) {
		throw new NodeOperationError(this.getNode(), `The parameter “Convert To” is not a file extension: “${convertTo}”`, {
			itemIndex: i,
			description: 'Enter an extension such as pdf, docx or odt, or leave it empty.',
		});
	}

	const file = await docSpaceApi.call(
		this,
		'GET',
		`files/file/${fileId}`,
		undefined,
		version > 0 ? { version } : undefined,
		i,
	);
	const title = String(file.title ?? `file-${fileId}`);
	const sourceExtension = normalizeExtension(String(file.fileExst ?? ''));
	let outputType = normalizeExtension(convertTo);
	if (outputType === sourceExtension) outputType = '';
	if (outputType) await assertConvertible.call(this, title, sourceExtension, outputType, i, 'Convert To');

	const binary = await downloadToBinary.call(this, {
		fileId,
		fileName: outputType ? replaceExtension(title, outputType) : title,
		version: version > 0 ? version : undefined,
		outputType: outputType || undefined,
		itemIndex: i,
	});
	return [{ json: file, binary: { ...item.binary, [property]: binary } }];
}
