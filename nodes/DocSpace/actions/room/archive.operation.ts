import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { waitOptions } from '../common.descriptions';
import { roomParameter, setArchived } from './shared';

const properties: INodeProperties[] = [
	{ ...roomParameter, description: 'The room to move to the Archive' },
	waitOptions,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['room'], operation: ['archive'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	return await setArchived.call(this, i, true);
}
