import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { userLocator } from '../common.descriptions';
import { changeStatus, EmployeeStatus } from './people';

const properties: INodeProperties[] = [{ ...userLocator, description: 'The user to enable' }];

export const description = updateDisplayOptions(
	{ show: { resource: ['user'], operation: ['enable'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	return await changeStatus.call(this, i, EmployeeStatus.Active);
}
