import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { docSpaceCall, docSpaceList, SETS_STATE } from '../../transport/request';
import { pick, simplifiedItems } from '../helpers';
import {
	checkedEmail,
	invalidParameter,
	isGuid,
	locatorId,
	withParameterNotFound,
} from '../../shared/validation';
import { apiPath } from '../../transport/path';

/** EmployeeType values as DocSpace sends and accepts them (a string enum on the wire). */
export const employeeTypeOptions = [
	{ name: 'DocSpace Admin', value: 'DocSpaceAdmin', description: 'Manages the whole portal' },
	{ name: 'Guest', value: 'Guest', description: 'Works only in the rooms they are invited to' },
	{ name: 'Room Admin', value: 'RoomAdmin', description: 'Creates and manages rooms' },
	{ name: 'User', value: 'User', description: 'Works in rooms; cannot create rooms' },
];

export function employeeTypeName(type: string): string {
	return employeeTypeOptions.find((option) => option.value === type)?.name ?? type;
}

/** The EmployeeType of an EmployeeFullDto, which carries it only as flags. */
export function employeeTypeOf(user: IDataObject): string | undefined {
	if (user.isOwner === true || user.isAdmin === true) return 'DocSpaceAdmin';
	if (user.isRoomAdmin === true) return 'RoomAdmin';
	if (user.isVisitor === true) return 'Guest';
	if (user.isCollaborator === true) return 'User';
	return undefined;
}

/** EmployeeStatus values. */
export const EmployeeStatus = { Active: 1, Terminated: 2 } as const;

const USER_SUMMARY_KEYS = [
	'id',
	'displayName',
	'firstName',
	'lastName',
	'email',
	'status',
	'activationStatus',
	'isOwner',
	'groups',
	'location',
	'notes',
	'registrationDate',
	'profileUrl',
] as const;

/** A short view of an EmployeeFullDto, with its type spelled out. */
export function summarizeUser(user: IDataObject): IDataObject {
	return { ...pick(user, USER_SUMMARY_KEYS), type: employeeTypeOf(user) };
}

/** Output items for user records, short unless Simplify is off. */
export function userItems(
	this: IExecuteFunctions,
	i: number,
	users: IDataObject | IDataObject[],
): INodeExecutionData[] {
	return simplifiedItems.call(this, i, users, summarizeUser);
}

export function userLabel(user: IDataObject): string {
	const name = typeof user.displayName === 'string' ? user.displayName.trim() : '';
	const email = typeof user.email === 'string' ? user.email : '';
	if (name && email) return `${name} (${email})`;
	return name || email || String(user.id);
}

/** Reads a list parameter: an array from an expression, or text separated by commas, semicolons or new lines. */
export function listParameter(value: unknown): string[] {
	const parts = Array.isArray(value)
		? value.map((v) => (typeof v === 'object' && v !== null ? (v as IDataObject).id : v))
		: String(value ?? '').split(/[,;\n]/);
	return [...new Set(parts.map((v) => String(v ?? '').trim()).filter((v) => v.length > 0))];
}

/** GET people/{id}; an unknown user becomes an error that names the parameter. */
export async function getUserById(
	this: IExecuteFunctions,
	userId: string,
	label: string,
	i: number,
): Promise<IDataObject> {
	return await withParameterNotFound(
		this,
		{ kind: 'user', id: userId, label },
		i,
		async () =>
			await docSpaceCall.call(this, {
				method: 'GET',
				path: apiPath`people/${userId}`,
				itemIndex: i,
			}),
	);
}

/** GET people/email; an unknown address becomes an error that names the parameter. */
export async function getUserByEmail(
	this: IExecuteFunctions,
	email: string,
	label: string,
	i: number,
): Promise<IDataObject> {
	return await withParameterNotFound(
		this,
		{ kind: 'user', id: email, label },
		i,
		async () =>
			await docSpaceCall.call(this, {
				method: 'GET',
				path: 'people/email',
				qs: { email },
				itemIndex: i,
			}),
	);
}

/** Turns a user ID or an email into the user's profile. */
export async function resolveUser(
	this: IExecuteFunctions,
	value: string,
	label: string,
	i: number,
): Promise<IDataObject> {
	if (isGuid(value)) return await getUserById.call(this, value, label, i);
	if (value.includes('@'))
		return await getUserByEmail.call(this, checkedEmail.call(this, label, value, i), label, i);
	throw invalidParameter.call(
		this,
		i,
		`The parameter “${label}” holds “${value}”, which is neither a user ID nor an email`,
		'Use user IDs (GUIDs such as 2c0a8e1e-7d6c-4c8e-9a51-1f1f2b0c3d4e) or email addresses, separated by commas.',
	);
}

/**
 * Resolves users for group membership. DocSpace silently skips unknown, disabled and guest
 * users when it adds members or sets a manager, so they are refused here instead.
 */
export async function resolveGroupUsers(
	this: IExecuteFunctions,
	values: string[],
	label: string,
	i: number,
	options: { forAdding: boolean },
): Promise<IDataObject[]> {
	const users: IDataObject[] = [];
	for (const value of values) {
		const user = await resolveUser.call(this, value, label, i);
		if (options.forAdding && user.status === EmployeeStatus.Terminated) {
			throw invalidParameter.call(
				this,
				i,
				`The user ${userLabel(user)} in the parameter “${label}” is disabled`,
				'DocSpace does not put disabled users into groups. Enable the user first (User → Enable).',
			);
		}
		if (options.forAdding && user.isVisitor === true) {
			throw invalidParameter.call(
				this,
				i,
				`The user ${userLabel(user)} in the parameter “${label}” is a guest`,
				'DocSpace groups take only members of the portal, not guests. Change the user’s type first (User → Change Type).',
			);
		}
		if (!users.some((u) => u.id === user.id)) users.push(user);
	}
	return users;
}

/** GET group/{id}; an unknown group becomes an error that names the parameter. */
export async function getGroupById(
	this: IExecuteFunctions,
	groupId: string,
	label: string,
	i: number,
	includeMembers = false,
): Promise<IDataObject> {
	return await withParameterNotFound(
		this,
		{ kind: 'group', id: groupId, label },
		i,
		async () =>
			await docSpaceCall.call(this, {
				method: 'GET',
				path: apiPath`group/${groupId}`,
				qs: includeMembers ? { includeMembers: true } : undefined,
				itemIndex: i,
			}),
	);
}

/**
 * Sets a user's status with PUT people/status/{status}. DocSpace answers 200 even when it
 * leaves a user unchanged (the owner, the caller, admins unless the caller is the owner), so
 * the answer is checked.
 */
export async function setUserStatus(
	this: IExecuteFunctions,
	user: IDataObject,
	status: (typeof EmployeeStatus)[keyof typeof EmployeeStatus],
	i: number,
): Promise<IDataObject> {
	const userId = String(user.id);
	const updated = await docSpaceList.call(this, {
		method: 'PUT',
		path: apiPath`people/status/${status}`,
		body: { userIds: [userId] },
		itemIndex: i,
		...SETS_STATE,
	});
	const result = updated.find((entry) => entry.id === userId);
	if (!result || result.status !== status) {
		const verb = status === EmployeeStatus.Terminated ? 'disable' : 'enable';
		throw new NodeOperationError(
			this.getNode(),
			`DocSpace did not ${verb} the user ${userLabel(user)}`,
			{
				itemIndex: i,
				description:
					'DocSpace never changes the status of the portal owner or of the account the credential belongs to, and only the owner may change the status of DocSpace admins.',
			},
		);
	}
	return result;
}

/** User → Disable and Enable: sets the status of the user of the item's locator. */
export async function changeStatus(
	this: IExecuteFunctions,
	i: number,
	status: (typeof EmployeeStatus)[keyof typeof EmployeeStatus],
): Promise<INodeExecutionData[]> {
	const user = await getUserById.call(this, locatorId.call(this, 'user', i), 'User', i);
	return userItems.call(this, i, await setUserStatus.call(this, user, status, i));
}
