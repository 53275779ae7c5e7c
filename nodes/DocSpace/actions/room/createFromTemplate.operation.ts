import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { docSpaceCall } from '../../transport/request';
import { additionalFieldsCollection, waitOptions } from '../common.descriptions';
import { toItems } from '../helpers';
import { locatorId, requiredTextParameter, withParameterNotFound } from '../../shared/validation';
import { denyDownloadField, parseTags, roomPath, tagsDescription, TITLE_RULES } from './shared';
import { newRoomQuotaBytes, newRoomQuotaField } from './quota';
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
	additionalFieldsCollection([
		denyDownloadField,
		newRoomQuotaField,
		{
			displayName: 'Tags',
			name: 'tags',
			type: 'string',
			default: '',
			placeholder: 'e.g. onboarding',
			description: `${tagsDescription}; the template’s tags by default`,
		},
	]),
	waitOptions,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['room'], operation: ['createFromTemplate'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const templateId = locatorId.call(this, 'room', i, { name: 'templateId', label: 'Template' });
	const title = requiredTextParameter.call(this, 'title', 'Title', i, TITLE_RULES);
	const fields = this.getNodeParameter('additionalFields', i, {}) as IDataObject;
	const body: IDataObject = { templateId: Number(templateId), title };
	if (fields.tags !== undefined) body.tags = parseTags(fields.tags);
	if (fields.denyDownload !== undefined) body.denyDownload = fields.denyDownload === true;
	if (fields.quota !== undefined) body.quota = newRoomQuotaBytes.call(this, fields.quota, i);
	const started = await withParameterNotFound(
		this,
		{ kind: 'room', id: templateId, label: 'Template' },
		i,
		async () =>
			await docSpaceCall.call(this, {
				method: 'POST',
				path: 'files/rooms/fromtemplate',
				body,
				itemIndex: i,
			}),
	);
	const roomId = await waitForTemplateTask.call(this, 'room', started, i);
	return toItems.call(
		this,
		await docSpaceCall.call(this, { method: 'GET', path: roomPath(roomId), itemIndex: i }),
	);
}
