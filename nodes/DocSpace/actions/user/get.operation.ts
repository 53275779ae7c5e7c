import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { docSpaceCall } from '../../transport/request';
import { emailParameter, simplifyOutput, userLocator } from '../common.descriptions';
import { checkedEmail, locatorId } from '../../shared/validation';
import { getUserByEmail, getUserById, userItems } from './people';

const properties: INodeProperties[] = [
	{
		displayName: 'Get By',
		name: 'getBy',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Current User', value: 'me', description: 'The account the credential belongs to' },
			{ name: 'Email', value: 'email', description: 'The user with this email address' },
			{ name: 'User', value: 'user', description: 'A user picked from the list, by link or by ID' },
		],
		default: 'user',
		description: 'How to find the user',
	},
	{ ...userLocator, description: 'The user to get', displayOptions: { show: { getBy: ['user'] } } },
	{
		...emailParameter,
		description: 'Email address of the user to get',
		displayOptions: { show: { getBy: ['email'] } },
	},
	simplifyOutput,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['user'], operation: ['get'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const getBy = this.getNodeParameter('getBy', i, 'user') as string;
	if (getBy === 'me') {
		return userItems.call(
			this,
			i,
			await docSpaceCall.call(this, { method: 'GET', path: 'people/@self', itemIndex: i }),
		);
	}
	if (getBy === 'email') {
		const email = checkedEmail.call(this, 'Email', this.getNodeParameter('email', i, ''), i);
		return userItems.call(this, i, await getUserByEmail.call(this, email, 'Email', i));
	}
	const userId = locatorId.call(this, 'user', i);
	return userItems.call(this, i, await getUserById.call(this, userId, 'User', i));
}
