import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { docSpaceCall, SETS_STATE } from '../../transport/request';
import { fileLocator, simplifyOutput } from '../common.descriptions';
import {
	locatorId,
	requiredText,
	ENTRY_NAME_RULES,
	withParameterNotFound,
} from '../../shared/validation';

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
	const title = requiredText.call(
		this,
		'New Name',
		this.getNodeParameter('title', i, ''),
		i,
		ENTRY_NAME_RULES,
	);
	const file = await withParameterNotFound(
		this,
		{ kind: 'file', id: fileId },
		i,
		async () =>
			await docSpaceCall.call(this, {
				method: 'PUT',
				path: apiPath`files/file/${fileId}`,
				body: { title },
				itemIndex: i,
				...SETS_STATE,
			}),
	);
	return fileItems.call(this, i, file);
}
