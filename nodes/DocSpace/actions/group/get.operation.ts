import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { groupLocator } from '../common.descriptions';
import { toItems } from '../helpers';
import { getGroupById } from '../user/people';
import { locatorId } from '../../shared/validation';

const properties: INodeProperties[] = [
	{ ...groupLocator, description: 'The group to get' },
	{
		displayName: 'Include Members',
		name: 'includeMembers',
		type: 'boolean',
		default: true,
		description: 'Whether to include the profiles of the group’s members',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['group'], operation: ['get'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const groupId = locatorId.call(this, 'group', i);
	const includeMembers = this.getNodeParameter('includeMembers', i, true) as boolean;
	return toItems.call(this, await getGroupById.call(this, groupId, 'Group', i, includeMembers));
}
