import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { groupLocator } from '../common.descriptions';
import { changeMembers, usersField } from './fields';

const properties: INodeProperties[] = [
	{ ...groupLocator, description: 'The group to add members to' },
	{
		...usersField,
		required: true,
		description: `Users to add. ${usersField.description}; an expression may also give email addresses, as a list or separated by commas.`,
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['group'], operation: ['addMembers'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	return await changeMembers.call(this, i, 'PUT');
}
