import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { docSpaceApi } from '../../transport/request';
import { groupLocator } from '../common.descriptions';
import { toItems } from '../helpers';
import { getGroupById, groupCall, locatorGuid } from '../user/people';
import { memberIds, usersField } from './fields';

const properties: INodeProperties[] = [
	{ ...groupLocator, description: 'The group to add members to' },
	{ ...usersField, required: true, description: `Users to add: ${usersField.description}` },
];

export const description = updateDisplayOptions(
	{ show: { resource: ['group'], operation: ['addMembers'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const groupId = locatorGuid.call(this, 'groupId', 'Group', i);
	const members = await memberIds.call(this, this.getNodeParameter('members', i, ''), 'Members', i, {
		forAdding: true,
		required: true,
	});
	await groupCall.call(this, groupId, 'Group', i, async () =>
		await docSpaceApi.call(this, 'PUT', `group/${groupId}/members`, { members }, undefined, i),
	);
	// DocSpace answers without the member list; read the group back with it.
	return toItems.call(this, await getGroupById.call(this, groupId, 'Group', i, true));
}
