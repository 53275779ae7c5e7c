import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { docSpaceApi } from '../../transport/request';
import { fileLocator } from '../common.descriptions';
import { toItems } from '../helpers';
import { fileIdOf } from './shared';

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
];

export const description = updateDisplayOptions(
	{ show: { resource: ['file'], operation: ['get'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const fileId = fileIdOf.call(this, i);
	const version = this.getNodeParameter('version', i, 0) as number;
	const file = await docSpaceApi.call(
		this,
		'GET',
		`files/file/${fileId}`,
		undefined,
		version > 0 ? { version } : undefined,
		i,
	);
	return toItems.call(this, file);
}
