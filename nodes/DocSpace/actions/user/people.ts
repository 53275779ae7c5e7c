import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { docSpaceApi, docSpaceApiList } from '../../transport/request';
import { locatorValue, pick } from '../helpers';

const GUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const EMAIL_PATTERN = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:".]{2,}$/;

export function isGuid(value: string): boolean {
	return GUID_PATTERN.test(value);
}

export function isEmail(value: string): boolean {
	return EMAIL_PATTERN.test(value);
}

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
	'id', 'displayName', 'firstName', 'lastName', 'email', 'status', 'activationStatus', 'isOwner',
	'groups', 'location', 'notes', 'registrationDate', 'profileUrl',
] as const;

/** A short view of an EmployeeFullDto, with its type spelled out. */
export function summarizeUser(user: IDataObject): IDataObject {
	return { ...pick(user, USER_SUMMARY_KEYS), type: employeeTypeOf(user) };
}

export function userLabel(user: IDataObject): string {
	const name = typeof user.displayName === 'string' ? user.displayName.trim() : '';
	const email = typeof user.email === 'string' ? user.email : '';
	if (name && email) return `${name} (${email})`;
	return name || email || String(user.id);
}

/** The error as one of n8n's error classes, ready to be thrown again. */
export function asNodeError(this: IExecuteFunctions, error: unknown): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	return new NodeOperationError(this.getNode(), error as Error);
}

function isNotFound(error: unknown): boolean {
	return error instanceof NodeApiError && error.httpCode === '404';
}

/** Reads a user or group resource locator and checks that it holds a GUID. */
export function locatorGuid(this: IExecuteFunctions, name: string, label: string, i: number): string {
	const kind = label.toLowerCase();
	const raw = this.getNodeParameter(name, i, '') as unknown;
	const rawValue = typeof raw === 'object' && raw !== null ? (raw as IDataObject).value : raw;
	if (String(rawValue ?? '').trim() === '') return locatorValue.call(this, name, i, label);
	let value: string;
	try {
		value = locatorValue.call(this, name, i, label);
	} catch {
		throw new NodeOperationError(this.getNode(), `The parameter “${label}” does not hold a DocSpace link to a ${kind}: “${String(rawValue)}”`, {
			itemIndex: i,
			description: `Paste the ${kind}’s link from DocSpace, pick the ${kind} from the list, or enter its ID.`,
		});
	}
	if (!isGuid(value)) {
		throw new NodeOperationError(this.getNode(), `The parameter “${label}” is not a valid ${kind} ID: “${value}”`, {
			itemIndex: i,
			description: `A ${kind} ID is a GUID such as 2c0a8e1e-7d6c-4c8e-9a51-1f1f2b0c3d4e. Pick the ${kind} from the list to avoid typing it.`,
		});
	}
	return value;
}

/** Reads a required email parameter and checks its form. */
export function emailParameter(this: IExecuteFunctions, name: string, label: string, i: number): string {
	const value = String(this.getNodeParameter(name, i, '') ?? '').trim();
	if (!value) {
		throw new NodeOperationError(this.getNode(), `The parameter “${label}” is empty`, {
			itemIndex: i,
			description: 'Enter an email address, e.g. name@example.com.',
		});
	}
	return checkedEmail.call(this, value, label, i);
}

export function checkedEmail(this: IExecuteFunctions, value: string, label: string, i: number): string {
	if (!isEmail(value)) {
		throw new NodeOperationError(this.getNode(), `The parameter “${label}” is not a valid email address: “${value}”`, {
			itemIndex: i,
			description: 'Enter an address of the form name@example.com.',
		});
	}
	return value;
}

/** Reads a list parameter: an array from an expression, or text separated by commas, semicolons or new lines. */
export function listParameter(value: unknown): string[] {
	const parts = Array.isArray(value) ? value.map((v) => (typeof v === 'object' && v !== null ? (v as IDataObject).id : v)) : String(value ?? '').split(/[,;\n]/);
	return [...new Set(parts.map((v) => String(v ?? '').trim()).filter((v) => v.length > 0))];
}

/** GET people/{id}; an unknown user becomes a message that names the parameter. */
export async function getUserById(this: IExecuteFunctions, userId: string, label: string, i: number): Promise<IDataObject> {
	try {
		return await docSpaceApi.call(this, 'GET', `people/${encodeURIComponent(userId)}`, undefined, undefined, i);
	} catch (error) {
		if (!isNotFound(error)) throw asNodeError.call(this, error);
		throw new NodeOperationError(this.getNode(), `DocSpace has no user with the ID “${userId}” (parameter “${label}”)`, {
			itemIndex: i,
			description: 'Pick the user from the list, or check the ID: the user may have been deleted.',
		});
	}
}

/** GET people/email; an unknown address becomes a message that names the parameter. */
export async function getUserByEmail(this: IExecuteFunctions, email: string, label: string, i: number): Promise<IDataObject> {
	try {
		return await docSpaceApi.call(this, 'GET', 'people/email', undefined, { email }, i);
	} catch (error) {
		if (!isNotFound(error)) throw asNodeError.call(this, error);
		throw new NodeOperationError(this.getNode(), `DocSpace has no user with the email “${email}” (parameter “${label}”)`, {
			itemIndex: i,
			description: 'Check the address, or invite the user first with User → Invite.',
		});
	}
}

/** Turns a user ID or an email into the user's profile. */
export async function resolveUser(this: IExecuteFunctions, value: string, label: string, i: number): Promise<IDataObject> {
	if (isGuid(value)) return await getUserById.call(this, value, label, i);
	if (value.includes('@')) return await getUserByEmail.call(this, checkedEmail.call(this, value, label, i), label, i);
	throw new NodeOperationError(this.getNode(), `The parameter “${label}” holds “${value}”, which is neither a user ID nor an email`, {
		itemIndex: i,
		description: 'Use user IDs (GUIDs such as 2c0a8e1e-7d6c-4c8e-9a51-1f1f2b0c3d4e) or email addresses, separated by commas.',
	});
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
			throw new NodeOperationError(this.getNode(), `The user ${userLabel(user)} in the parameter “${label}” is disabled`, {
				itemIndex: i,
				description: 'DocSpace does not put disabled users into groups. Enable the user first (User → Enable).',
			});
		}
		if (options.forAdding && user.isVisitor === true) {
			throw new NodeOperationError(this.getNode(), `The user ${userLabel(user)} in the parameter “${label}” is a guest`, {
				itemIndex: i,
				description: 'DocSpace groups take only members of the portal, not guests. Change the user’s type first (User → Change Type).',
			});
		}
		if (!users.some((u) => u.id === user.id)) users.push(user);
	}
	return users;
}

/** GET group/{id}; an unknown group becomes a message that names the parameter. */
export async function getGroupById(
	this: IExecuteFunctions,
	groupId: string,
	label: string,
	i: number,
	includeMembers = false,
): Promise<IDataObject> {
	return await groupCall.call(this, groupId, label, i, async () =>
		await docSpaceApi.call(this, 'GET', `group/${encodeURIComponent(groupId)}`, undefined, includeMembers ? { includeMembers: true } : undefined, i),
	);
}

/** Runs a call on group/{id}…, turning DocSpace's 404 into a message that names the parameter. */
export async function groupCall(
	this: IExecuteFunctions,
	groupId: string,
	label: string,
	i: number,
	call: () => Promise<IDataObject>,
): Promise<IDataObject> {
	try {
		return await call();
	} catch (error) {
		if (!isNotFound(error)) throw asNodeError.call(this, error);
		throw new NodeOperationError(this.getNode(), `DocSpace has no group with the ID “${groupId}” (parameter “${label}”)`, {
			itemIndex: i,
			description: 'Pick the group from the list, or check the ID: the group may have been deleted.',
		});
	}
}

/** Runs a call on people/{id}…, turning DocSpace's 404 into a message that names the parameter. */
export async function userCall(
	this: IExecuteFunctions,
	userId: string,
	label: string,
	i: number,
	call: () => Promise<IDataObject>,
): Promise<IDataObject> {
	try {
		return await call();
	} catch (error) {
		if (!isNotFound(error)) throw asNodeError.call(this, error);
		throw new NodeOperationError(this.getNode(), `DocSpace has no user with the ID “${userId}” (parameter “${label}”)`, {
			itemIndex: i,
			description: 'Pick the user from the list, or check the ID: the user may have been deleted.',
		});
	}
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
	const updated = await docSpaceApiList.call(this, 'PUT', `people/status/${status}`, { userIds: [userId] }, undefined, i);
	const result = updated.find((entry) => entry.id === userId);
	if (!result || result.status !== status) {
		const verb = status === EmployeeStatus.Terminated ? 'disable' : 'enable';
		throw new NodeOperationError(this.getNode(), `DocSpace did not ${verb} the user ${userLabel(user)}`, {
			itemIndex: i,
			description:
				'DocSpace never changes the status of the portal owner or of the account the credential belongs to, and only the owner may change the status of DocSpace admins.',
		});
	}
	return result;
}
