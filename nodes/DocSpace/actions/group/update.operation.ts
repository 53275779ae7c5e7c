import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { groupLocator, updateFieldsCollection } from '../common.descriptions';
import { setEntityState, toItems } from '../helpers';
import { invalidParameter, locatorId, requiredText } from '../../shared/validation';
import { managerField, managerId, NAME_RULES } from './fields';
import { apiPath } from '../../transport/path';

const properties: INodeProperties[] = [
	{ ...groupLocator, description: 'The group to update' },
	updateFieldsCollection([
		{ ...managerField, description: `New manager of the group. ${managerField.description}` },
		{
			displayName: 'Name',
			name: 'groupName',
			type: 'string',
			default: '',
			placeholder: 'e.g. Marketing',
			description: 'New name of the group',
		},
	]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['group'], operation: ['update'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const groupId = locatorId.call(this, 'group', i);
	const fields = this.getNodeParameter('updateFields', i, {}) as IDataObject;
	const body: IDataObject = {};
	if (fields.groupName !== undefined)
		body.groupName = requiredText.call(this, 'Name', fields.groupName, i, NAME_RULES);
	if (fields.manager !== undefined)
		body.groupManager = await managerId.call(this, fields.manager, i);
	if (Object.keys(body).length === 0) {
		throw invalidParameter.call(
			this,
			i,
			'The parameter “Update Fields” is empty',
			'Add the name or the manager to change.',
		);
	}
	const group = await setEntityState.call(this, { kind: 'group', id: groupId }, i, {
		method: 'PUT',
		path: apiPath`group/${groupId}`,
		body,
	});
	return toItems.call(this, group);
}
