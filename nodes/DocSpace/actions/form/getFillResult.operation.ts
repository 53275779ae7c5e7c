import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { docSpaceCall } from '../../transport/request';
import { toItems } from '../helpers';
import { requiredTextParameter } from '../../shared/validation';

const properties: INodeProperties[] = [
	{
		displayName: 'Filling Session ID',
		name: 'fillingSessionId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 1042_9f1c…',
		description:
			'The session DocSpace gives the editor when a form is submitted (the fillingSessionId of the link it opens)',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['form'], operation: ['getFillResult'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const fillingSessionId = requiredTextParameter.call(
		this,
		'fillingSessionId',
		'Filling Session ID',
		i,
	);
	const result = await docSpaceCall.call(this, {
		method: 'GET',
		path: 'files/file/fillresult',
		qs: { fillingSessionId },
		itemIndex: i,
	});
	return toItems.call(this, result);
}
