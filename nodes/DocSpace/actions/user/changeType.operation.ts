import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { docSpaceApiList, SETS_STATE } from '../../transport/request';
import { userLocator } from '../common.descriptions';
import { toItems } from '../helpers';
import { locatorId } from '../validation';
import { EmployeeStatus, employeeTypeName, employeeTypeOf, employeeTypeOptions, getUserById, userLabel } from './people';

const properties: INodeProperties[] = [
	{ ...userLocator, description: 'The user whose type to change' },
	{
		displayName: 'Type',
		name: 'type',
		type: 'options',
		options: employeeTypeOptions,
		default: 'User',
		description: 'The new user type. Only the portal owner may make DocSpace admins.',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['user'], operation: ['changeType'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const userId = locatorId.call(this, 'user', i);
	const type = this.getNodeParameter('type', i, 'User') as string;
	const user = await getUserById.call(this, userId, 'User', i);
	if (user.status === EmployeeStatus.Terminated) {
		throw new NodeOperationError(this.getNode(), `The user ${userLabel(user)} is disabled`, {
			itemIndex: i,
			description: 'DocSpace changes the type of active users only. Enable the user first (User → Enable).',
		});
	}
	const updated = await docSpaceApiList.call(this, 'PUT', `people/type/${type}`, { userIds: [userId] }, undefined, i, SETS_STATE);
	const result = updated.find((entry) => entry.id === userId);
	if (!result || employeeTypeOf(result) !== type) {
		throw new NodeOperationError(this.getNode(), `DocSpace did not make the user ${userLabel(user)} a ${employeeTypeName(type)}`, {
			itemIndex: i,
			description:
				'DocSpace does not change the type of the portal owner or of the account the credential belongs to. A user who owns rooms or shared files must have them reassigned first, which the DocSpace People page does.',
		});
	}
	return toItems.call(this, result);
}
