import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { GUID_PATTERN } from '../common.descriptions';
import { toItems } from '../helpers';
import { invalidParameter, requiredText } from '../../shared/validation';
import { formCall, formId, formParameter } from './shared';

const properties: INodeProperties[] = [
	{ ...formParameter, description: 'The PDF form in a virtual data room whose roles to assign' },
	{
		displayName: 'Roles',
		name: 'roles',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		default: {},
		placeholder: 'Add Role',
		description:
			'Who fills each role of the form; the roles fill in this order. Saving the roles starts the filling.',
		options: [
			{
				displayName: 'Role',
				name: 'role',
				values: [
					{
						displayName: 'Role Name',
						name: 'roleName',
						type: 'string',
						default: '',
						placeholder: 'e.g. Employee',
						description: 'The role’s name as the form defines it (see Get Roles)',
					},
					{
						displayName: 'User ID',
						name: 'userId',
						type: 'string',
						default: '',
						placeholder: 'e.g. 2c0a8e1e-7d6c-4c8e-9a51-1f1f2b0c3d4e',
						description: 'The room member who fills this role',
					},
				],
			},
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['form'], operation: ['setRoleMapping'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const fileId = formId.call(this, i);
	const entries = ((this.getNodeParameter('roles', i, {}) as IDataObject).role ??
		[]) as IDataObject[];
	if (entries.length === 0) {
		throw invalidParameter.call(
			this,
			i,
			'No role was given',
			'Add at least one role under “Roles”, with the user who fills it.',
		);
	}
	const roles = entries.map((entry, index) => {
		const roleName = requiredText.call(this, 'Role Name', entry.roleName, i, {
			example: 'Employee',
		});
		const userId = String(entry.userId ?? '').trim();
		if (!new RegExp(`^${GUID_PATTERN}$`).test(userId)) {
			throw invalidParameter.call(
				this,
				i,
				`The user ID of the role “${roleName}” is not a valid user ID: “${userId}”`,
				'Enter the user’s GUID, e.g. from User → Get Many.',
			);
		}
		return { roleName, userId, sequence: index + 1 };
	});
	await formCall.call(this, fileId, i, 'POST', '/formrolemapping', {
		formId: Number(fileId),
		roles,
	});
	return toItems.call(this, { fileId: Number(fileId), roles });
}
