import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { returnAllOrLimit } from '../common.descriptions';
import { listLimit, toItems } from '../helpers';
import { withParameterNotFound } from '../../shared/validation';
import { formId, formParameter } from './shared';
import { fetchLinkedSubmissions } from '../../shared/completedForms';

const properties: INodeProperties[] = [
	{ ...formParameter, description: 'The original PDF form whose completed copies to read' },
	...returnAllOrLimit,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['form'], operation: ['getSubmissions'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const fileId = formId.call(this, i);
	const limit = listLimit.call(this, i);
	const submissions = await withParameterNotFound(
		this,
		{ kind: 'file', id: fileId, label: 'Form' },
		i,
		async () => await fetchLinkedSubmissions.call(this, fileId, { limit, itemIndex: i }),
	);
	return toItems.call(this, submissions);
}
