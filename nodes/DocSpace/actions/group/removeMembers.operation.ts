import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { groupLocator } from '../common.descriptions';
import { changeMembers, usersField } from './fields';

const properties: INodeProperties[] = [
	{ ...groupLocator, description: 'The group to remove members from' },
	{ ...usersField, required: true, description: `Users to remove: ${usersField.description}` },
];

export const description = updateDisplayOptions(
	{ show: { resource: ['group'], operation: ['removeMembers'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	return await changeMembers.call(this, i, 'DELETE');
}
