import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { docSpaceCall } from '../../transport/request';
import { simplifyOutput, updateFieldsCollection, userLocator } from '../common.descriptions';
import { setEntityState } from '../helpers';
import {
	checkedEmail,
	invalidParameter,
	isGuid,
	locatorId,
	optionalText,
	requiredText,
} from '../../shared/validation';
import {
	EmployeeStatus,
	getGroupById,
	getUserById,
	listParameter,
	userItems,
	userLabel,
} from './people';
import { apiPath } from '../../transport/path';

const properties: INodeProperties[] = [
	{ ...userLocator, description: 'The user to update' },
	updateFieldsCollection([
		{
			displayName: 'Comment',
			name: 'comment',
			type: 'string',
			typeOptions: { rows: 2 },
			default: '',
			description:
				'Notes on the user’s profile. DocSpace changes it only on the credential’s own profile.',
		},
		{
			displayName: 'Email',
			name: 'email',
			type: 'string',
			placeholder: 'e.g. name@example.com',
			default: '',
			description: 'New email address. DocSpace asks the user to confirm it by email.',
		},
		{
			displayName: 'First Name',
			name: 'firstName',
			type: 'string',
			default: '',
			description: 'DocSpace changes it only on the credential’s own profile',
		},
		{
			displayName: 'Group IDs',
			name: 'groupIds',
			type: 'string',
			default: '',
			placeholder: 'e.g. 2c0a8e1e-7d6c-4c8e-9a51-1f1f2b0c3d4e, 7f3c…',
			description:
				'The groups the user should belong to, separated by commas. Replaces the user’s current groups; leave empty to remove the user from every group.',
		},
		{
			displayName: 'Last Name',
			name: 'lastName',
			type: 'string',
			default: '',
			description: 'DocSpace changes it only on the credential’s own profile',
		},
		{
			displayName: 'Location',
			name: 'location',
			type: 'string',
			default: '',
			placeholder: 'e.g. Riga',
			description: 'DocSpace changes it only on the credential’s own profile',
		},
	]),
	simplifyOutput,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['user'], operation: ['update'] } },
	properties,
);

const PROFILE_FIELDS = [
	{ key: 'firstName', label: 'First Name', dtoKey: 'firstName', required: true },
	{ key: 'lastName', label: 'Last Name', dtoKey: 'lastName', required: true },
	{ key: 'location', label: 'Location', dtoKey: 'location', required: false },
	{ key: 'comment', label: 'Comment', dtoKey: 'notes', required: false },
] as const;

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const userId = locatorId.call(this, 'user', i);
	const fields = this.getNodeParameter('updateFields', i, {}) as IDataObject;
	if (Object.keys(fields).length === 0) {
		throw invalidParameter.call(
			this,
			i,
			'The parameter “Update Fields” is empty',
			'Add at least one field to change.',
		);
	}

	const profile: IDataObject = {};
	for (const field of PROFILE_FIELDS) {
		if (fields[field.key] === undefined) continue;
		profile[field.key] = (field.required ? requiredText : optionalText).call(
			this,
			field.label,
			fields[field.key],
			i,
		);
	}
	const email =
		fields.email === undefined ? undefined : checkedEmail.call(this, 'Email', fields.email, i);
	let groupIds: string[] | undefined;
	if (fields.groupIds !== undefined) {
		groupIds = listParameter(fields.groupIds);
		for (const groupId of groupIds) {
			if (!isGuid(groupId)) {
				throw invalidParameter.call(
					this,
					i,
					`The parameter “Group IDs” holds “${groupId}”, which is not a group ID`,
					'A group ID is a GUID such as 2c0a8e1e-7d6c-4c8e-9a51-1f1f2b0c3d4e; Group → Get Many lists them.',
				);
			}
			await getGroupById.call(this, groupId, 'Group IDs', i);
		}
	}

	const current = await getUserById.call(this, userId, 'User', i);
	const currentGroupIds = ((current.groups as IDataObject[] | undefined) ?? []).map((group) =>
		String(group.id),
	);
	const toAdd = (groupIds ?? []).filter((id) => !currentGroupIds.includes(id));
	const toRemove = groupIds ? currentGroupIds.filter((id) => !groupIds.includes(id)) : [];
	if (
		toAdd.length > 0 &&
		(current.status === EmployeeStatus.Terminated || current.isVisitor === true)
	) {
		throw new NodeOperationError(
			this.getNode(),
			`DocSpace does not put the user ${userLabel(current)} into groups`,
			{
				itemIndex: i,
				description:
					'Disabled users and guests cannot join groups. Enable the user or change the user’s type first.',
			},
		);
	}

	if (Object.keys(profile).length > 0) {
		const updated = await setEntityState.call(this, { kind: 'user', id: userId }, i, {
			method: 'PUT',
			path: apiPath`people/${userId}`,
			body: profile,
		});
		const ignored = PROFILE_FIELDS.filter(
			(field) =>
				profile[field.key] !== undefined &&
				String(updated[field.dtoKey] ?? '') !== profile[field.key],
		).map((field) => `“${field.label}”`);
		if (ignored.length > 0) {
			throw new NodeOperationError(
				this.getNode(),
				`DocSpace did not change ${ignored.join(', ')} of the user ${userLabel(current)}`,
				{
					itemIndex: i,
					description:
						'DocSpace lets an account change its name, location and comment only on its own profile. Use a credential of this user for these fields, or change them in DocSpace.',
				},
			);
		}
	}
	if (email !== undefined && email.toLowerCase() !== String(current.email ?? '').toLowerCase()) {
		await docSpaceCall.call(this, {
			method: 'POST',
			path: 'people/email',
			body: { userId, email },
			itemIndex: i,
		});
	}
	const changeMembership = async (method: 'PUT' | 'DELETE', groupId: string) =>
		await setEntityState.call(this, { kind: 'group', id: groupId, label: 'Group IDs' }, i, {
			method,
			path: apiPath`group/${groupId}/members`,
			body: { members: [userId] },
		});
	for (const groupId of toAdd) await changeMembership('PUT', groupId);
	for (const groupId of toRemove) await changeMembership('DELETE', groupId);
	return userItems.call(this, i, await getUserById.call(this, userId, 'User', i));
}
