import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { fileLocator, simplifyOutput } from '../common.descriptions';
import { setEntityState } from '../helpers';
import { locatorId, requiredTextParameter, ENTRY_NAME_RULES } from '../../shared/validation';

import { fileItems } from './shared';
import { apiPath } from '../../transport/path';
const properties: INodeProperties[] = [
	{ ...fileLocator, description: 'The file to rename' },
	{
		displayName: 'New Name',
		name: 'title',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. Final report.docx',
		description:
			'The new name; DocSpace keeps the current extension when the name has none or another one',
	},
	simplifyOutput,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['file'], operation: ['rename'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const fileId = locatorId.call(this, 'file', i);
	const title = requiredTextParameter.call(this, 'title', 'New Name', i, ENTRY_NAME_RULES);
	const file = await setEntityState.call(this, { kind: 'file', id: fileId }, i, {
		method: 'PUT',
		path: apiPath`files/file/${fileId}`,
		body: { title },
	});
	return fileItems.call(this, i, file);
}
