import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { downloadArchive } from '../../transport/archive';
import { optionsCollection, waitTimeLimitOption } from '../common.descriptions';
import { invalidParameter } from '../../shared/validation';
import { outputBinaryField, outputFieldName } from './shared';

const properties: INodeProperties[] = [
	{
		displayName: 'File IDs',
		name: 'fileIds',
		type: 'string',
		default: '',
		placeholder: 'e.g. 12, 15',
		description: 'IDs of the files to put in the archive, separated by commas',
	},
	{
		displayName: 'Folder IDs',
		name: 'folderIds',
		type: 'string',
		default: '',
		placeholder: 'e.g. 7',
		description:
			'IDs of the folders or rooms to put in the archive, each with everything in it, separated by commas',
	},
	outputBinaryField,
	optionsCollection([
		{
			displayName: 'File Name',
			name: 'fileName',
			type: 'string',
			default: '',
			placeholder: 'e.g. Reports.zip',
			description: 'Name of the archive in the binary field; the name DocSpace gives it by default',
		},
		waitTimeLimitOption,
	]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['file'], operation: ['downloadZip'] } },
	properties,
);

function idsOf(
	this: IExecuteFunctions,
	label: string,
	value: unknown,
	itemIndex: number,
): number[] {
	const parts = (Array.isArray(value) ? value.map(String) : String(value ?? '').split(','))
		.map((part) => part.trim())
		.filter((part) => part !== '');
	const wrong = parts.find((part) => !/^\d+$/.test(part));
	if (wrong !== undefined) {
		throw invalidParameter.call(
			this,
			itemIndex,
			`The parameter “${label}” holds “${wrong}”, which is not a DocSpace ID`,
			'Enter numeric IDs separated by commas, e.g. 12, 15.',
		);
	}
	return parts.map(Number);
}

export async function execute(
	this: IExecuteFunctions,
	i: number,
	item: INodeExecutionData,
): Promise<INodeExecutionData[]> {
	const fileIds = idsOf.call(this, 'File IDs', this.getNodeParameter('fileIds', i, ''), i);
	const folderIds = idsOf.call(this, 'Folder IDs', this.getNodeParameter('folderIds', i, ''), i);
	if (fileIds.length === 0 && folderIds.length === 0) {
		throw invalidParameter.call(
			this,
			i,
			'Nothing to download: “File IDs” and “Folder IDs” are both empty',
			'Enter at least one file or folder ID.',
		);
	}
	const property = outputFieldName.call(this, i);
	const options = this.getNodeParameter('options', i, {}) as IDataObject;
	const binary = await downloadArchive.call(this, {
		fileIds,
		folderIds,
		itemIndex: i,
		timeLimitSeconds: Number(options.waitTimeLimit ?? waitTimeLimitOption.default),
		timeLimitLabel: waitTimeLimitOption.displayName,
		fileName: typeof options.fileName === 'string' ? options.fileName.trim() : undefined,
	});
	return [
		{
			json: { fileIds, folderIds, fileName: binary.fileName, size: binary.bytes },
			binary: { ...item.binary, [property]: binary },
		},
	];
}
