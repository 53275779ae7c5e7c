import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { pick } from '../helpers';
import { listParameter, resolveGroupUsers } from '../user/people';

/** A list of users given as IDs or emails. */
export const usersField: INodeProperties = {
	displayName: 'Members',
	name: 'members',
	type: 'string',
	default: '',
	placeholder: 'e.g. 2c0a8e1e-7d6c-4c8e-9a51-1f1f2b0c3d4e, anna@example.com',
	description: 'User IDs or email addresses, separated by commas (or a list from an expression)',
};

export const managerField: INodeProperties = {
	displayName: 'Manager',
	name: 'manager',
	type: 'string',
	default: '',
	placeholder: 'e.g. anna@example.com',
	description: 'ID or email address of the user who manages the group; DocSpace also makes them a member',
};

/** DocSpace limits group names to 128 characters. */
const MAX_NAME_LENGTH = 128;

export function checkedGroupName(this: IExecuteFunctions, value: unknown, label: string, i: number): string {
	const name = String(value ?? '').trim();
	if (!name) {
		throw new NodeOperationError(this.getNode(), `The parameter “${label}” is empty`, {
			itemIndex: i,
			description: 'Enter a name for the group, e.g. Marketing.',
		});
	}
	if (name.length > MAX_NAME_LENGTH) {
		throw new NodeOperationError(this.getNode(), `The parameter “${label}” is longer than ${MAX_NAME_LENGTH} characters`, {
			itemIndex: i,
			description: 'Shorten the group name.',
		});
	}
	return name;
}

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
		throw new NodeOperationError(this.getNode(), `The parameter “${label}” is empty`, {
			itemIndex: i,
			description: 'Enter at least one user ID or email address.',
		});
	}
	const users = await resolveGroupUsers.call(this, values, label, i, options);
	return users.map((user) => String(user.id));
}

/** Resolves a Manager value (an ID or an email) to a user ID. */
export async function managerId(this: IExecuteFunctions, value: unknown, i: number): Promise<string> {
	const values = listParameter(value);
	if (values.length !== 1) {
		throw new NodeOperationError(this.getNode(), 'The parameter “Manager” must hold exactly one user', {
			itemIndex: i,
			description: 'Enter one user ID or email address.',
		});
	}
	const [manager] = await resolveGroupUsers.call(this, values, 'Manager', i, { forAdding: true });
	return String(manager.id);
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
