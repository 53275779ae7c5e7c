import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { docSpaceCall } from '../../transport/request';
import { additionalFieldsCollection } from '../common.descriptions';
import { toItems } from '../helpers';
import { groupCreated } from '../outcomes';
import { requiredTextParameter } from '../../shared/validation';
import { listParameter } from '../user/people';
import { pickedValue } from '../memberLocator';
import { managerField, managerId, memberIds, NAME_RULES, usersField } from './fields';

const properties: INodeProperties[] = [
	{
		displayName: 'Name',
		name: 'groupName',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. Marketing',
		description: 'Name of the new group',
	},
	additionalFieldsCollection([
		managerField,
		{
			...usersField,
			description: `Users to add to the group. ${usersField.description}; an expression may also give email addresses, as a list or separated by commas.`,
		},
	]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['group'], operation: ['create'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const groupName = requiredTextParameter.call(this, 'groupName', 'Name', i, NAME_RULES);
	const fields = this.getNodeParameter('additionalFields', i, {}) as IDataObject;
	const body: IDataObject = { groupName };
	if (listParameter(pickedValue.call(this, 'user', fields.manager, i, 'Manager')).length > 0)
		body.groupManager = await managerId.call(this, fields.manager, i);
	if (fields.members !== undefined) {
		const members = await memberIds.call(this, fields.members, 'Members', i, {
			forAdding: true,
			required: false,
		});
		if (members.length > 0) body.members = members;
	}
	const outcome = await groupCreated.call(this, i, groupName);
	return toItems.call(
		this,
		await docSpaceCall.call(this, { method: 'POST', path: 'group', body, itemIndex: i, outcome }),
	);
}
