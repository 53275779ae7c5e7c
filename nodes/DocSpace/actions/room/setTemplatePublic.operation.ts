import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { docSpaceCall } from '../../transport/request';
import { toItems } from '../helpers';
import { locatorId, withParameterNotFound } from '../../shared/validation';
import { templateParameter } from './templateTask';
import { apiPath } from '../../transport/path';

const properties: INodeProperties[] = [
	templateParameter,
	{
		displayName: 'Public',
		name: 'public',
		type: 'boolean',
		default: true,
		description: 'Whether every portal user (except guests) can see and use the template',
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['room'], operation: ['setTemplatePublic'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const templateId = locatorId.call(this, 'room', i, { name: 'templateId', label: 'Template' });
	const value = this.getNodeParameter('public', i, true) as boolean;
	const entity = { kind: 'room' as const, id: templateId, label: 'Template' };
	await withParameterNotFound(
		this,
		entity,
		i,
		async () =>
			await docSpaceCall.call(this, {
				method: 'PUT',
				path: 'files/roomtemplate/public',
				body: { id: Number(templateId), public: value },
				itemIndex: i,
			}),
	);
	const now = await docSpaceCall.call(this, {
		method: 'GET',
		path: apiPath`files/roomtemplate/${templateId}/public`,
		itemIndex: i,
	});
	return toItems.call(this, { templateId: Number(templateId), public: now.value === true });
}
