import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { docSpaceApi } from '../../transport/request';
import { groupLocator } from '../common.descriptions';
import { toItems } from '../helpers';
import { groupCall, locatorGuid } from '../user/people';
import { checkedGroupName, managerField, managerId } from './fields';

const properties: INodeProperties[] = [
	{ ...groupLocator, description: 'The group to update' },
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{ ...managerField, description: `New manager of the group: ${managerField.description}` },
			{
				displayName: 'Name',
				name: 'groupName',
				type: 'string',
				default: '',
				placeholder: 'e.g. Marketing',
				description: 'New name of the group',
			},
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['group'], operation: ['update'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const groupId = locatorGuid.call(this, 'groupId', 'Group', i);
	const fields = this.getNodeParameter('updateFields', i, {}) as IDataObject;
	const body: IDataObject = {};
	if (fields.groupName !== undefined) body.groupName = checkedGroupName.call(this, fields.groupName, 'Name', i);
	if (fields.manager !== undefined) body.groupManager = await managerId.call(this, fields.manager, i);
	if (Object.keys(body).length === 0) {
		throw new NodeOperationError(this.getNode(), 'The parameter “Update Fields” is empty', {
			itemIndex: i,
			description: 'Add the name or the manager to change.',
		});
	}
	const group = await groupCall.call(this, groupId, 'Group', i, async () =>
		await docSpaceApi.call(this, 'PUT', `group/${groupId}`, body, undefined, i),
	);
	return toItems.call(this, group);
}
