import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { docSpacePaginate, pickList } from '../../transport/paginate';
import { lostFollowUp } from '../../transport/errors';
import type { OutcomeCheck } from '../../transport/request';
import { docSpaceCall } from '../../transport/request';
import {
	groupLocator,
	listedBy,
	optionsCollection,
	simplifyOutput,
	userLocator,
} from '../common.descriptions';
import { pickedValue } from '../memberLocator';
import { simplifiedItems } from '../helpers';
import {
	asNodeError,
	checkedEmail,
	invalidParameter,
	isGuid,
	locatorId,
} from '../../shared/validation';
import { FileShare, accessName, accessNames, memberAccessFor, roomTypeName } from './access';
import { inRoom, loadRoom, roomParameter, roomPath, summarizeMember } from './shared';

type InviteeKind = 'user' | 'email' | 'group';

const properties: INodeProperties[] = [
	{ ...roomParameter, description: 'The room to invite people to or to change access in' },
	{
		displayName: 'Invitees',
		name: 'invitees',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Invitee',
		default: { invitee: [{ kind: 'email', email: '', access: FileShare.ContentCreator }] },
		description:
			'Who gets access, and which. An existing member gets the new access level. The access levels a room offers depend on its type.',
		options: [
			{
				displayName: 'Invitee',
				name: 'invitee',
				values: [
					{
						displayName: 'Access Name or ID',
						name: 'access',
						type: 'options',
						typeOptions: {
							loadOptionsMethod: 'getRoomAccessLevels',
							loadOptionsDependsOn: ['roomId.value', '&kind'],
						},
						default: 11,
						description:
							'What the invitee may do in the room; the list shows the levels the chosen room’s type offers. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
					},
					{
						displayName: 'Email',
						name: 'email',
						type: 'string',
						placeholder: 'e.g. name@example.com',
						default: '',
						displayOptions: { show: { kind: ['email'] } },
					},
					{
						...groupLocator,
						displayName: 'Group ID',
						description: 'The portal group whose members get access',
						displayOptions: { show: { kind: ['group'] } },
					},
					{
						displayName: 'Invite By',
						name: 'kind',
						type: 'options',
						options: [
							{
								name: 'Email',
								value: 'email',
								description: 'Someone without an account gets an invitation as a guest',
							},
							{ name: 'Group ID', value: 'group', description: 'Every member of a portal group' },
							{ name: 'User ID', value: 'user', description: 'An existing portal user' },
						],
						default: 'email',
					},
					{
						...listedBy(userLocator, 'searchActiveUsers'),
						displayName: 'User ID',
						description: 'The portal user who gets access',
						displayOptions: { show: { kind: ['user'] } },
					},
				],
			},
		],
	},
	optionsCollection([
		{
			displayName: 'Message',
			name: 'message',
			type: 'string',
			typeOptions: { rows: 3 },
			default: '',
			description: 'Text added to the notification email',
		},
		{
			displayName: 'Notify',
			name: 'notify',
			type: 'boolean',
			default: true,
			description:
				'Whether to email existing users about their access (people invited by email always get an invitation)',
		},
	]),
	simplifyOutput,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['room'], operation: ['invite'] } },
	properties,
);

interface Invitee {
	kind: InviteeKind;
	/** The user or group ID, or the email address. */
	key: string;
	access: number;
}

function readInvitees(this: IExecuteFunctions, i: number): Array<Invitee & { position: string }> {
	const raw = (this.getNodeParameter('invitees.invitee', i, []) as IDataObject[]) ?? [];
	if (raw.length === 0) {
		throw invalidParameter.call(
			this,
			i,
			'The parameter “Invitees” is empty',
			'Add at least one invitee with an access level.',
		);
	}
	const invitees = raw.map((entry, index) => {
		const kind = String(entry.kind ?? 'email') as InviteeKind;
		const position = `Invitees → entry ${index + 1}`;
		const field = { email: 'Email', user: 'User ID', group: 'Group ID' }[kind];
		if (!field) {
			throw invalidParameter.call(
				this,
				i,
				`The parameter “${position} → Invite By” has an unknown value: ${kind}`,
				'Choose Email, User ID or Group ID.',
			);
		}
		const raw = entry[{ email: 'email', user: 'userId', group: 'groupId' }[kind]];
		// A picker's value, or the plain ID of workflows saved before the pickers.
		const picked =
			kind === 'email' ? raw : pickedValue.call(this, kind, raw, i, `${position} → ${field}`);
		const key = String(picked ?? '').trim();
		if (!key) {
			throw invalidParameter.call(
				this,
				i,
				`The parameter “${position} → ${field}” is empty`,
				`Enter the invitee’s ${field.toLowerCase()}.`,
			);
		}
		if (kind === 'email') checkedEmail.call(this, `${position} → Email`, key, i);
		if (kind !== 'email' && !isGuid(key)) {
			throw invalidParameter.call(
				this,
				i,
				`The parameter “${position} → ${field}” is not a DocSpace ID: “${key}”`,
				`Enter the ${kind}’s GUID, e.g. 2c0a8e1e-7d6c-4c8e-9a51-1f1f2b0c3d4e${kind === 'user' ? ', or invite by email instead' : ''}.`,
			);
		}
		const access = Number(entry.access);
		return { kind, key, access, position };
	});
	// DocSpace applies the first entry of a person and then reports the second as failed.
	invitees.forEach((invitee, index) => {
		const first = invitees.findIndex(
			(other) =>
				other.kind === invitee.kind && other.key.toLowerCase() === invitee.key.toLowerCase(),
		);
		if (first === index) return;
		throw invalidParameter.call(
			this,
			i,
			`The parameter “Invitees” names ${invitee.key} twice (entries ${first + 1} and ${index + 1})`,
			'Keep one entry per invitee, with the access level they should have.',
		);
	});
	return invitees;
}

/** Checks each invitee's access level against what the room type offers to users or groups. */
function checkAccess(
	this: IExecuteFunctions,
	i: number,
	invitees: Array<Invitee & { position: string }>,
	room: IDataObject,
): void {
	const roomType = Number(room.roomType);
	for (const { kind, access, position } of invitees) {
		const valid = memberAccessFor(roomType, kind === 'group' ? 'group' : 'user').map(
			(a) => a.value,
		);
		if (valid.includes(access)) continue;
		throw invalidParameter.call(
			this,
			i,
			`The parameter “${position} → Access” is “${accessName(access)}”, which a ${roomTypeName(roomType)} does not offer ${kind === 'group' ? 'to groups' : ''}`.trimEnd(),
			`“${String(room.title)}” is a ${roomTypeName(roomType)}. Valid access levels for ${kind === 'group' ? 'groups' : 'people'} there: ${accessNames(valid)}.`,
		);
	}
}

function matches(member: IDataObject, invitee: Invitee): boolean {
	const user = member.sharedToUser as IDataObject | undefined;
	const group = member.sharedToGroup as IDataObject | undefined;
	if (invitee.kind === 'group')
		return String(group?.id ?? '').toLowerCase() === invitee.key.toLowerCase();
	if (invitee.kind === 'user')
		return String(user?.id ?? '').toLowerCase() === invitee.key.toLowerCase();
	return String(user?.email ?? '').toLowerCase() === invitee.key.toLowerCase();
}

const granted = (invitee: Invitee, list: IDataObject[]) =>
	list.find((member) => matches(member, invitee) && Number(member.access) === invitee.access);

const roomMembers = async (context: IExecuteFunctions, roomId: string, i: number) =>
	await docSpacePaginate.call(context, {
		path: roomPath(roomId, '/share'),
		qs: { filterType: 0 },
		itemIndex: i,
		pick: pickList,
	});

/** When the answer is lost: the invitation counts as done once every invitee has the access asked for. */
function invited(
	this: IExecuteFunctions,
	i: number,
	roomId: string,
	room: IDataObject,
	invitees: Invitee[],
): OutcomeCheck<IDataObject> {
	return {
		check: `the members of “${String(room.title)}” (the invitations may have been sent)`,
		verify: async () => {
			const current = await roomMembers(this, roomId, i);
			const found = invitees.map((invitee) => granted(invitee, current));
			return found.every((member) => member !== undefined) ? { members: found } : undefined;
		},
	};
}

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const roomId = locatorId.call(this, 'room', i);
	const invitees = readInvitees.call(this, i);
	const room = await loadRoom.call(this, roomId, i);
	checkAccess.call(this, i, invitees, room);
	const options = this.getNodeParameter('options', i, {}) as IDataObject;
	const body: IDataObject = {
		invitations: invitees.map((invitee) =>
			invitee.kind === 'email'
				? { email: invitee.key, access: invitee.access }
				: { id: invitee.key, access: invitee.access },
		),
		notify: options.notify !== false,
	};
	if (typeof options.message === 'string' && options.message.trim())
		body.message = options.message.trim();

	let result: IDataObject;
	try {
		result = await docSpaceCall.call(this, {
			method: 'PUT',
			path: roomPath(roomId, '/share'),
			body,
			itemIndex: i,
			outcome: invited.call(this, i, roomId, room, invitees),
		});
	} catch (error) {
		const text =
			error instanceof NodeApiError ? `${error.message} ${String(error.description ?? '')}` : '';
		if (!/role is not available/i.test(text)) throw asNodeError.call(this, error, i);
		const managers = invitees.some((invitee) => invitee.access === FileShare.RoomManager);
		throw new NodeOperationError(
			this.getNode(),
			`DocSpace refused an access level for “${String(room.title)}”: the role is not available for that user type`,
			{
				itemIndex: i,
				description: managers
					? 'Portal users and guests cannot be Room Managers; only DocSpace admins and room admins can. Choose another access level, or change the user’s type first.'
					: 'This portal does not offer one of the requested access levels in this room. Choose another access level.',
			},
		);
	}
	const answered = ((result.members as IDataObject[] | undefined) ?? []).filter(
		(m) => m && typeof m === 'object',
	);
	let found = invitees.map((invitee) => granted(invitee, answered));
	if (found.some((member) => member === undefined)) {
		// DocSpace's answer leaves out invitees named by email; read the room's members instead.
		let current: IDataObject[];
		try {
			current = await roomMembers(this, roomId, i);
		} catch (error) {
			throw lostFollowUp.call(this, error, i, `the members of “${String(room.title)}”`);
		}
		found = invitees.map((invitee, index) => found[index] ?? granted(invitee, current));
	}
	const members = found.filter((member): member is IDataObject => member !== undefined);
	const missing = invitees.filter((_, index) => found[index] === undefined);
	if (missing.length > 0) {
		const warning =
			typeof result.warning === 'string' && result.warning
				? ` DocSpace said: “${result.warning}”.`
				: '';
		throw new NodeOperationError(
			this.getNode(),
			`DocSpace did not give the requested access to ${missing.map((m) => m.key).join(', ')} in “${String(room.title)}”`,
			{
				itemIndex: i,
				description: `The other invitees were processed. The account may be disabled, not visible to you, or not allowed that access level.${warning}`,
			},
		);
	}
	return simplifiedItems
		.call(this, i, members, summarizeMember)
		.map((item) => ({ ...item, json: { ...item.json, ...inRoom(room) } }));
}
