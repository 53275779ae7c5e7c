import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { docSpaceApi } from '../../transport/request';
import { waitOptions } from '../common.descriptions';
import { toItems } from '../helpers';
import { invalidParameter, locatorId, requiredText, withParameterNotFound } from '../validation';
import { BYTES_PER_MB, denyDownloadField, parseTags, roomPath, tagsDescription, TITLE_RULES } from './shared';
import { templateParameter, waitForTemplateTask } from './templateTask';

const properties: INodeProperties[] = [
	templateParameter,
	{
		displayName: 'Title',
		name: 'title',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. Onboarding: Anna Petrova',
		description: 'Name of the new room',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			denyDownloadField,
			{ displayName: 'Quota (MB)', name: 'quota', type: 'number', typeOptions: { minValue: 1 }, default: 1024, description: 'Storage limit of the room in megabytes' },
			{ displayName: 'Tags', name: 'tags', type: 'string', default: '', placeholder: 'e.g. onboarding', description: `${tagsDescription}; the template’s tags by default` },
		],
	},
	waitOptions,
];

export const description = updateDisplayOptions({ show: { resource: ['room'], operation: ['createFromTemplate'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const templateId = locatorId.call(this, 'room', i, { name: 'templateId', label: 'Template' });
	const title = requiredText.call(this, 'Title', this.getNodeParameter('title', i, ''), i, TITLE_RULES);
	const fields = this.getNodeParameter('additionalFields', i, {}) as IDataObject;
	const body: IDataObject = { templateId: Number(templateId), title };
	if (fields.tags !== undefined) body.tags = parseTags(fields.tags);
	if (fields.denyDownload !== undefined) body.denyDownload = fields.denyDownload === true;
	if (fields.quota !== undefined) {
		const quota = Number(fields.quota);
		if (!Number.isFinite(quota) || quota <= 0) {
			throw invalidParameter.call(this, i, 'The parameter “Quota (MB)” must be a positive number', 'Enter the room’s storage limit in megabytes, e.g. 1024.');
		}
		body.quota = Math.round(quota * BYTES_PER_MB);
	}
	const started = await withParameterNotFound(this, { kind: 'room', id: templateId, label: 'Template' }, i, async () =>
		await docSpaceApi.call(this, 'POST', 'files/rooms/fromtemplate', body, undefined, i),
	);
	const roomId = await waitForTemplateTask.call(this, 'room', started, i);
	return toItems.call(this, await docSpaceApi.call(this, 'GET', roomPath(roomId), undefined, undefined, i));
}
