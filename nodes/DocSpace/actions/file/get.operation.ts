import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { fileLocator, simplifyOutput } from '../common.descriptions';
import { locatorId, wholeNumber } from '../../shared/validation';
import { fileInfo, fileItems } from './shared';

const properties: INodeProperties[] = [
	{ ...fileLocator, description: 'The file to get' },
	{
		displayName: 'Version',
		name: 'version',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 0,
		description: 'Version of the file to describe; 0 means the current version',
	},
	simplifyOutput,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['file'], operation: ['get'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const fileId = locatorId.call(this, 'file', i);
	const version = wholeNumber.call(this, 'Version', this.getNodeParameter('version', i, 0), i, 0);
	return fileItems.call(this, i, await fileInfo.call(this, fileId, i, version));
}
