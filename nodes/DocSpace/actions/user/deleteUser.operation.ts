import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeApiError, NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { docSpaceCall } from '../../transport/request';
import { userLocator } from '../common.descriptions';
import { toItems } from '../helpers';
import { asNodeError, locatorId, withParameterNotFound } from '../../shared/validation';
import { EmployeeStatus, getUserById, setUserStatus, userLabel } from './people';
import {
	reassignTarget,
	reassignToParameter,
	runReassignment,
	waitOptionsCollection,
} from './reassign';
import { apiPath } from '../../transport/path';

const properties: INodeProperties[] = [
	{ ...userLocator, description: 'The user to delete' },
	{
		displayName: 'Disable First',
		name: 'disableFirst',
		type: 'boolean',
		default: true,
		description:
			'Whether to disable an active user before deleting them, as DocSpace deletes only disabled users',
	},
	reassignToParameter(
		'Who receives the rooms and shared files of the deleted user: an active room admin or DocSpace admin. Empty: the user is deleted without a reassignment.',
	),
	waitOptionsCollection,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['user'], operation: ['delete'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const userId = locatorId.call(this, 'user', i);
	const disableFirst = this.getNodeParameter('disableFirst', i, true) as boolean;
	if (disableFirst) {
		const user = await getUserById.call(this, userId, 'User', i);
		if (user.status !== EmployeeStatus.Terminated)
			await setUserStatus.call(this, user, EmployeeStatus.Terminated, i);
	}
	const toUserId = reassignTarget.call(this, i);
	if (toUserId) return await reassignAndDelete.call(this, userId, toUserId, i);
	try {
		await withParameterNotFound(
			this,
			{ kind: 'user', id: userId },
			i,
			async () =>
				await docSpaceCall.call(this, {
					method: 'DELETE',
					path: apiPath`people/${userId}`,
					itemIndex: i,
				}),
		);
	} catch (error) {
		if (!(error instanceof NodeApiError) || error.httpCode !== '403')
			throw asNodeError.call(this, error, i);
		// DocSpace answers 403 both for a missing right and for a user who is still active.
		const user = await getUserById.call(this, userId, 'User', i);
		if (user.status === EmployeeStatus.Terminated) throw asNodeError.call(this, error, i);
		throw new NodeOperationError(
			this.getNode(),
			`The user ${userLabel(user)} is still active, and DocSpace deletes only disabled users`,
			{
				itemIndex: i,
				description:
					'Turn on “Disable First”, or disable the user (User → Disable) before deleting them.',
			},
		);
	}
	return toItems.call(this, { deleted: true, id: userId });
}

/** Hands the user's rooms over with DocSpace's reassignment, which deletes the profile when it is done. */
async function reassignAndDelete(
	this: IExecuteFunctions,
	userId: string,
	toUserId: string,
	i: number,
): Promise<INodeExecutionData[]> {
	const user = await getUserById.call(this, userId, 'User', i);
	const recipient = await getUserById.call(this, toUserId, 'Reassign Rooms To', i);
	if (user.status !== EmployeeStatus.Terminated) {
		throw new NodeOperationError(
			this.getNode(),
			`The user ${userLabel(user)} is still active, and DocSpace reassigns the data of disabled users only`,
			{
				itemIndex: i,
				description:
					'Turn on “Disable First”, or disable the user (User → Disable) before deleting them.',
			},
		);
	}
	await runReassignment.call(
		this,
		{
			path: 'people/reassign/start',
			body: { fromUserId: userId, toUserId, deleteProfile: true },
			progressPath: apiPath`people/reassign/progress/${userId}`,
			what: `the reassignment of ${userLabel(user)}’s data`,
			from: userLabel(user),
			to: userLabel(recipient),
		},
		i,
	);
	return toItems.call(this, { deleted: true, id: userId, reassignedTo: toUserId });
}
