import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { listedBy, simplifyOutput, userLocator } from '../common.descriptions';
import { changeStatus, EmployeeStatus } from './people';

const properties: INodeProperties[] = [
	{
		...listedBy(userLocator, 'searchDisabledUsers'),
		description: 'The user to enable (the list shows disabled users)',
	},
	simplifyOutput,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['user'], operation: ['enable'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	return await changeStatus.call(this, i, EmployeeStatus.Active);
}
