import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { downloadToBinary, normalizeExtension, replaceExtension } from '../../transport/download';
import { assertConvertible } from './convertible';
import { fileLocator, optionsCollection } from '../common.descriptions';
import { fileExtension, locatorId, wholeNumber } from '../../shared/validation';
import { fileInfo, outputBinaryField, outputFieldName } from './shared';

const properties: INodeProperties[] = [
	{ ...fileLocator, description: 'The file to download' },
	outputBinaryField,
	optionsCollection([
		{
			displayName: 'Convert To Name or ID',
			name: 'convertTo',
			type: 'options',
			typeOptions: {
				loadOptionsMethod: 'getConversionFormats',
				loadOptionsDependsOn: ['fileId.value'],
			},
			default: '',
			description:
				'Format to convert the file to while downloading; the list shows what the portal converts the chosen file to. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		},
		{
			displayName: 'Version',
			name: 'version',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 0,
			description: 'Version of the file to download; 0 means the current version',
		},
	]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['file'], operation: ['download'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	i: number,
	item: INodeExecutionData,
): Promise<INodeExecutionData[]> {
	const fileId = locatorId.call(this, 'file', i);
	const property = outputFieldName.call(this, i);
	const options = this.getNodeParameter('options', i, {}) as IDataObject;
	const version = wholeNumber.call(this, 'Version', options.version ?? 0, i, 0);
	const convertTo = fileExtension.call(this, 'Convert To', options.convertTo, i);

	const file = await fileInfo.call(this, fileId, i, version);
	const title = String(file.title ?? `file-${fileId}`);
	const sourceExtension = normalizeExtension(String(file.fileExst ?? ''));
	let outputType = normalizeExtension(convertTo);
	if (outputType === sourceExtension) outputType = '';
	if (outputType)
		await assertConvertible.call(this, title, sourceExtension, outputType, i, 'Convert To');

	const binary = await downloadToBinary.call(this, {
		fileId,
		fileName: outputType ? replaceExtension(title, outputType) : title,
		version: version > 0 ? version : undefined,
		outputType: outputType || undefined,
		itemIndex: i,
	});
	return [{ json: file, binary: { ...item.binary, [property]: binary } }];
}
