import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { toItems } from '../helpers';
import { formCall, formId, formParameter } from './shared';

const properties: INodeProperties[] = [
	{ ...formParameter, description: 'The PDF form to open for filling' },
];

export const description = updateDisplayOptions(
	{ show: { resource: ['form'], operation: ['startFilling'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const fileId = formId.call(this, i);
	return toItems.call(this, await formCall.call(this, fileId, i, 'PUT', '/startfilling'));
}
