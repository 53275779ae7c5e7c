import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { changeTags, tagsParameter } from './addTags.operation';
import { roomParameter } from './shared';

const properties: INodeProperties[] = [
	{ ...roomParameter, description: 'The room to remove tags from' },
	{
		...tagsParameter,
		description: 'Comma-separated tag names to remove from the room; the tags stay in the portal',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['room'], operation: ['removeTags'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	return await changeTags.call(this, i, 'DELETE');
}
