import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { listedBy, simplifyOutput, userLocator } from '../common.descriptions';
import { changeStatus, EmployeeStatus } from './people';

const properties: INodeProperties[] = [
	{
		...listedBy(userLocator, 'searchActiveUsers'),
		description: 'The user to disable (the list shows active users)',
	},
	simplifyOutput,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['user'], operation: ['disable'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	return await changeStatus.call(this, i, EmployeeStatus.Terminated);
}
