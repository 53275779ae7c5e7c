import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { pick, setEntityState, toItems } from '../helpers';
import { getGroupById, listParameter, resolveGroupUsers } from '../user/people';
import { invalidParameter, locatorId } from '../../shared/validation';
import { apiPath } from '../../transport/path';
import { pickedValue, userOrEmailLocator } from '../memberLocator';

/** Users from the portal; an expression may give IDs or emails (a list, or text with commas). */
export const usersField: INodeProperties = {
	displayName: 'Member Names or IDs',
	name: 'members',
	type: 'multiOptions',
	typeOptions: { loadOptionsMethod: 'getGroupCandidates' },
	default: [],
	description:
		'Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
};

/** Remove Members: the list holds the chosen group's current members. */
export const currentMembersField: INodeProperties = {
	...usersField,
	typeOptions: { loadOptionsMethod: 'getGroupMembers', loadOptionsDependsOn: ['groupId.value'] },
};

export const managerField: INodeProperties = {
	...userOrEmailLocator('searchGroupCandidates'),
	displayName: 'Manager',
	name: 'manager',
	required: false,
	description:
		'The user who manages the group (DocSpace also makes them a member): from the list, by email or by ID',
};

/** DocSpace limits group names to 128 characters. */
export const NAME_RULES = { maxLength: 128, example: 'Marketing' };

/** Reads a Members parameter and resolves every entry to a user ID that DocSpace will accept. */
export async function memberIds(
	this: IExecuteFunctions,
	value: unknown,
	label: string,
	i: number,
	options: { forAdding: boolean; required: boolean },
): Promise<string[]> {
	const values = listParameter(value);
	if (options.required && values.length === 0) {
		throw invalidParameter.call(
			this,
			i,
			`The parameter “${label}” is empty`,
			'Enter at least one user ID or email address.',
		);
	}
	const users = await resolveGroupUsers.call(this, values, label, i, options);
	return users.map((user) => String(user.id));
}

/** Resolves a Manager value (an ID or an email) to a user ID. */
export async function managerId(
	this: IExecuteFunctions,
	value: unknown,
	i: number,
): Promise<string> {
	const values = listParameter(pickedValue.call(this, 'user', value, i, 'Manager'));
	if (values.length !== 1) {
		throw invalidParameter.call(
			this,
			i,
			'The parameter “Manager” must hold exactly one user',
			'Enter one user ID or email address.',
		);
	}
	const [manager] = await resolveGroupUsers.call(this, values, 'Manager', i, { forAdding: true });
	return String(manager.id);
}

/** Group → Add Members and Remove Members: changes the members and returns the group with them. */
export async function changeMembers(
	this: IExecuteFunctions,
	i: number,
	method: 'PUT' | 'DELETE',
): Promise<INodeExecutionData[]> {
	const groupId = locatorId.call(this, 'group', i);
	const members = await memberIds.call(
		this,
		this.getNodeParameter('members', i, ''),
		'Members',
		i,
		{
			forAdding: method === 'PUT',
			required: true,
		},
	);
	await setEntityState.call(this, { kind: 'group', id: groupId }, i, {
		method,
		path: apiPath`group/${groupId}/members`,
		body: { members },
	});
	// DocSpace answers without the member list; read the group back with it.
	return toItems.call(this, await getGroupById.call(this, groupId, 'Group', i, true));
}

const GROUP_SUMMARY_KEYS = ['id', 'name', 'membersCount', 'isSystem', 'isLDAP'] as const;

/** A short view of a GroupDto: its manager's profile shrinks to id, name and email. */
export function summarizeGroup(group: IDataObject): IDataObject {
	const manager = group.manager as IDataObject | undefined;
	return {
		...pick(group, GROUP_SUMMARY_KEYS),
		...(manager ? { manager: pick(manager, ['id', 'displayName', 'email']) } : {}),
	};
}
