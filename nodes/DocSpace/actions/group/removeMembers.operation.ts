import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { groupLocator } from '../common.descriptions';
import { changeMembers, currentMembersField } from './fields';

const properties: INodeProperties[] = [
	{ ...groupLocator, description: 'The group to remove members from' },
	{
		...currentMembersField,
		required: true,
		description: `Users to remove; the list shows the chosen group’s members. ${currentMembersField.description}; an expression may also give email addresses, as a list or separated by commas.`,
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['group'], operation: ['removeMembers'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	return await changeMembers.call(this, i, 'DELETE');
}
