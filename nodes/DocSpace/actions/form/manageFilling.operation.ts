import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { toItems } from '../helpers';
import { formCall, formId, formParameter } from './shared';

// FormFillingManageAction
const ACTIONS = [
	{
		name: 'Stop',
		value: 0,
		description: 'Stop filling; nobody can fill the form until it is resumed',
	},
	{ name: 'Resume', value: 1, description: 'Let people fill a stopped form again' },
	{ name: 'Start', value: 2, description: 'Start filling again from the first role' },
	{
		name: 'Edit',
		value: 3,
		description: 'End filling so the form can be changed; a copy being filled is dropped',
	},
];

const properties: INodeProperties[] = [
	formParameter,
	{
		displayName: 'Action',
		name: 'action',
		type: 'options',
		options: ACTIONS,
		default: 0,
		description: 'What to do with the form’s filling',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['form'], operation: ['manageFilling'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const fileId = formId.call(this, i);
	const action = Number(this.getNodeParameter('action', i, 0));
	await formCall.call(this, fileId, i, 'PUT', '/manageformfilling', {
		formId: Number(fileId),
		action,
	});
	const name = ACTIONS.find((a) => a.value === action)?.name.toLowerCase() ?? String(action);
	return toItems.call(this, { fileId: Number(fileId), action: name, success: true });
}
