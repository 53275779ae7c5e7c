import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { lostFollowUp } from '../../transport/errors';
import { docSpaceCall } from '../../transport/request';
import { emailParameter, optionsCollection, simplifyOutput } from '../common.descriptions';
import { userInvited } from '../outcomes';
import { checkedEmail } from '../../shared/validation';
import { employeeTypeOptions, getUserByEmail, userItems } from './people';

const properties: INodeProperties[] = [
	{ ...emailParameter, description: 'Email address to send the invitation to' },
	{
		displayName: 'Type',
		name: 'type',
		type: 'options',
		// Guests join through room invitations; DocSpace refuses them here.
		options: employeeTypeOptions.filter((option) => option.value !== 'Guest'),
		default: 'User',
		description:
			'The user type the new user gets. Only the portal owner may invite DocSpace admins.',
	},
	optionsCollection([
		{
			displayName: 'Language Name or ID',
			name: 'culture',
			type: 'options',
			typeOptions: { loadOptionsMethod: 'getCultures' },
			default: '',
			description:
				'Language of the invitation email, from the languages the portal offers. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		},
	]),
	simplifyOutput,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['user'], operation: ['invite'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const email = checkedEmail.call(this, 'Email', this.getNodeParameter('email', i, ''), i);
	const type = this.getNodeParameter('type', i, 'User') as string;
	const options = this.getNodeParameter('options', i, {}) as IDataObject;
	const body: IDataObject = { invitations: [{ email, type }] };
	const culture = typeof options.culture === 'string' ? options.culture.trim() : '';
	if (culture) body.culture = culture;
	// The answer lists every pending user of the portal, so the invited one is read back by email.
	const outcome = await userInvited.call(this, i, email);
	await docSpaceCall.call(this, {
		method: 'POST',
		path: 'people/invite',
		body,
		itemIndex: i,
		outcome,
	});
	try {
		return userItems.call(this, i, await getUserByEmail.call(this, email, 'Email', i));
	} catch (error) {
		throw lostFollowUp.call(this, error, i, outcome.check);
	}
}
