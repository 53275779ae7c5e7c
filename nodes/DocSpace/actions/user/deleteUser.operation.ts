import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeApiError, NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { docSpaceApi } from '../../transport/request';
import { userLocator } from '../common.descriptions';
import { toItems } from '../helpers';
import { asNodeError, locatorId, withParameterNotFound } from '../validation';
import { EmployeeStatus, getUserById, setUserStatus, userLabel } from './people';

const properties: INodeProperties[] = [
	{ ...userLocator, description: 'The user to delete' },
	{
		displayName: 'Disable First',
		name: 'disableFirst',
		type: 'boolean',
		default: true,
		description: 'Whether to disable an active user before deleting them, as DocSpace deletes only disabled users',
	},
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
		if (user.status !== EmployeeStatus.Terminated) await setUserStatus.call(this, user, EmployeeStatus.Terminated, i);
	}
	try {
		await withParameterNotFound(this, { kind: 'user', id: userId }, i, async () =>
			await docSpaceApi.call(this, 'DELETE', `people/${encodeURIComponent(userId)}`, undefined, undefined, i),
		);
	} catch (error) {
		if (!(error instanceof NodeApiError) || error.httpCode !== '403') throw asNodeError.call(this, error, i);
		// DocSpace answers 403 both for a missing right and for a user who is still active.
		const user = await getUserById.call(this, userId, 'User', i);
		if (user.status === EmployeeStatus.Terminated) throw asNodeError.call(this, error, i);
		throw new NodeOperationError(this.getNode(), `The user ${userLabel(user)} is still active, and DocSpace deletes only disabled users`, {
			itemIndex: i,
			description: 'Turn on “Disable First”, or disable the user (User → Disable) before deleting them.',
		});
	}
	return toItems.call(this, { deleted: true, id: userId });
}
