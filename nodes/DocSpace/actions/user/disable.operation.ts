import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { userLocator } from '../common.descriptions';
import { toItems } from '../helpers';
import { EmployeeStatus, getUserById, locatorGuid, setUserStatus } from './people';

const properties: INodeProperties[] = [{ ...userLocator, description: 'The user to disable' }];

export const description = updateDisplayOptions(
	{ show: { resource: ['user'], operation: ['disable'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const userId = locatorGuid.call(this, 'userId', 'User', i);
	const user = await getUserById.call(this, userId, 'User', i);
	return toItems.call(this, await setUserStatus.call(this, user, EmployeeStatus.Terminated, i));
}
