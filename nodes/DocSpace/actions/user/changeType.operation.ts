import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { docSpaceList, SETS_STATE } from '../../transport/request';
import { listedBy, simplifyOutput, userLocator } from '../common.descriptions';
import { simplifiedItems } from '../helpers';
import { locatorId } from '../../shared/validation';
import {
	EmployeeStatus,
	employeeTypeName,
	employeeTypeOf,
	employeeTypeOptions,
	getUserById,
	summarizeUser,
	userLabel,
} from './people';
import {
	reassignTarget,
	reassignToParameter,
	runReassignment,
	waitOptionsCollection,
} from './reassign';
import { apiPath } from '../../transport/path';

/** Types that cannot own rooms: demoting a room admin or DocSpace admin to them hands their rooms over. */
const CANNOT_OWN_ROOMS = ['User', 'Guest'];

const properties: INodeProperties[] = [
	{
		...listedBy(userLocator, 'searchActiveUsers'),
		description: 'The user whose type to change (only active users can be changed)',
	},
	{
		displayName: 'Type',
		name: 'type',
		type: 'options',
		options: employeeTypeOptions,
		default: 'User',
		description: 'The new user type. Only the portal owner may make DocSpace admins.',
	},
	{
		...reassignToParameter(
			'Who receives the rooms and shared files of a room admin or DocSpace admin who becomes a user or guest: an active room admin or DocSpace admin. Empty: the account of the credential.',
		),
		displayOptions: { show: { type: CANNOT_OWN_ROOMS } },
	},
	waitOptionsCollection,
	simplifyOutput,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['user'], operation: ['changeType'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const userId = locatorId.call(this, 'user', i);
	const type = this.getNodeParameter('type', i, 'User') as string;
	const user = await getUserById.call(this, userId, 'User', i);
	if (user.status === EmployeeStatus.Terminated) {
		throw new NodeOperationError(this.getNode(), `The user ${userLabel(user)} is disabled`, {
			itemIndex: i,
			description:
				'DocSpace changes the type of active users only. Enable the user first (User → Enable).',
		});
	}
	const current = employeeTypeOf(user);
	let result: IDataObject | undefined;
	// The owner's type never changes; PUT answers that without starting a reassignment.
	const ownsRooms =
		(current === 'RoomAdmin' || current === 'DocSpaceAdmin') && user.isOwner !== true;
	if (CANNOT_OWN_ROOMS.includes(type) && ownsRooms) {
		const reassignUserId = reassignTarget.call(this, i);
		const body: IDataObject = { type, userId, ...(reassignUserId ? { reassignUserId } : {}) };
		const recipient = reassignUserId
			? userLabel(await getUserById.call(this, reassignUserId, 'Reassign Rooms To', i))
			: 'the account of the credential';
		await runReassignment.call(
			this,
			{
				path: 'people/type',
				body,
				progressPath: apiPath`people/type/progress/${userId}`,
				what: `the type change of ${userLabel(user)}`,
				from: userLabel(user),
				to: recipient,
			},
			i,
		);
		result = await getUserById.call(this, userId, 'User', i);
	} else {
		const updated = await docSpaceList.call(this, {
			method: 'PUT',
			path: apiPath`people/type/${type}`,
			body: { userIds: [userId] },
			itemIndex: i,
			...SETS_STATE,
		});
		result = updated.find((entry) => entry.id === userId);
	}
	if (!result || employeeTypeOf(result) !== type) {
		throw new NodeOperationError(
			this.getNode(),
			`DocSpace did not make the user ${userLabel(user)} a ${employeeTypeName(type)}`,
			{
				itemIndex: i,
				description:
					'DocSpace does not change the type of the portal owner or of the account the credential belongs to, and only the owner may change DocSpace admins.',
			},
		);
	}
	return simplifiedItems.call(this, i, result, summarizeUser);
}
