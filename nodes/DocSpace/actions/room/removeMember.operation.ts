import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { docSpacePaginate, pickList } from '../../transport/paginate';
import { docSpaceCall, SETS_STATE } from '../../transport/request';
import { optionsCollection } from '../common.descriptions';
import { toItems } from '../helpers';
import {
	invalidParameter,
	isEmail,
	isGuid,
	locatorId,
	requiredText,
	withParameterNotFound,
} from '../../shared/validation';
import { memberLocator } from '../memberLocator';
import { FileShare } from './access';
import { roomParameter, roomPath, summarizeMember } from './shared';

const properties: INodeProperties[] = [
	{ ...roomParameter, description: 'The room to remove the member from' },
	{
		...memberLocator('searchRoomMembers'),
		typeOptions: { loadOptionsDependsOn: ['roomId.value'] },
		description:
			'The user or group to remove: one of the chosen room’s members (the owner cannot be removed), a user’s email, or a user’s or group’s ID',
	},
	optionsCollection([
		{
			displayName: 'Force',
			name: 'force',
			type: 'boolean',
			default: false,
			description:
				'Whether to remove the member even when they still hold a role in a form being filled in',
		},
	]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['room'], operation: ['removeMember'] } },
	properties,
);

// ShareFilterType: 0 users and groups
const USERS_AND_GROUPS = 0;
// RoomSecurityError: 1 a form role blocks the removal
const FORM_ROLE_BLOCKING = 1;

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const roomId = locatorId.call(this, 'room', i);
	// Workflows saved before the picker hold plain text here; extractValue passes it through.
	const picked = this.getNodeParameter('member', i, '', { extractValue: true });
	const wanted = requiredText.call(this, 'Member', picked, i, {
		example: 'name@example.com',
	});
	if (!isGuid(wanted) && !isEmail(wanted)) {
		throw invalidParameter.call(
			this,
			i,
			`The parameter “Member” is neither an email address nor a DocSpace ID: “${wanted}”`,
			'Enter an email like name@example.com or a GUID like 2c0a8e1e-7d6c-4c8e-9a51-1f1f2b0c3d4e.',
		);
	}
	const shares = await withParameterNotFound(
		this,
		{ kind: 'room', id: roomId },
		i,
		async () =>
			await docSpacePaginate.call(this, {
				path: roomPath(roomId, '/share'),
				qs: { filterType: USERS_AND_GROUPS },
				itemIndex: i,
				pick: pickList,
			}),
	);
	const key = wanted.toLowerCase();
	const share = shares.find((s) => {
		const subject = (s.sharedToUser ?? s.sharedToGroup ?? {}) as IDataObject;
		return (
			String(subject.id ?? '').toLowerCase() === key ||
			String(subject.email ?? '').toLowerCase() === key
		);
	});
	if (!share) {
		throw invalidParameter.call(
			this,
			i,
			`The parameter “Member” names no member of room ${roomId}: “${wanted}”`,
			'Use Get Members to see who is in the room.',
		);
	}
	const member = summarizeMember(share);
	if (member.isOwner === true) {
		throw invalidParameter.call(
			this,
			i,
			`The parameter “Member” names the owner of room ${roomId}, who cannot be removed`,
			'Change the room owner in DocSpace first, or pick another member.',
		);
	}
	const options = this.getNodeParameter('options', i, {}) as IDataObject;
	const result = await docSpaceCall.call(this, {
		method: 'PUT',
		path: roomPath(roomId, '/share'),
		body: {
			invitations: [{ id: member.id, access: FileShare.None }],
			notify: false,
			force: options.force === true,
		},
		itemIndex: i,
		...SETS_STATE,
	});
	if (Number(result.error) === FORM_ROLE_BLOCKING) {
		throw new NodeOperationError(
			this.getNode(),
			`DocSpace kept ${String(member.name ?? wanted)} in room ${roomId}: they hold a role in a form being filled in`,
			{
				itemIndex: i,
				description: 'Turn on the option “Force” to remove them anyway.',
			},
		);
	}
	return toItems.call(this, { removed: true, roomId: Number(roomId), member });
}
