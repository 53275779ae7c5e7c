import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { docSpaceCall } from '../../transport/request';
import { waitOptions } from '../common.descriptions';
import { toItems } from '../helpers';
import { locatorId, optionalText } from '../../shared/validation';
import {
	loadRoom,
	parseTags,
	roomParameter,
	roomPath,
	tagsDescription,
	TITLE_RULES,
} from './shared';
import { waitForTemplateTask } from './templateTask';

const properties: INodeProperties[] = [
	{
		...roomParameter,
		description: 'The room to save as a template, with its content and settings',
	},
	{
		displayName: 'Template Fields',
		name: 'templateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Public',
				name: 'public',
				type: 'boolean',
				default: false,
				description: 'Whether every portal user (except guests) can see and use the template',
			},
			{
				displayName: 'Share With (Emails)',
				name: 'share',
				type: 'string',
				default: '',
				placeholder: 'e.g. anna@example.com, li@example.com',
				description: 'Comma-separated emails of the portal users who may use the template',
			},
			{
				displayName: 'Tags',
				name: 'tags',
				type: 'string',
				default: '',
				placeholder: 'e.g. onboarding',
				description: `${tagsDescription}; the room’s tags by default`,
			},
			{
				displayName: 'Title',
				name: 'title',
				type: 'string',
				default: '',
				placeholder: 'e.g. Onboarding room',
				description: 'Name of the template; the room’s title by default',
			},
		],
	},
	waitOptions,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['room'], operation: ['saveAsTemplate'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const roomId = locatorId.call(this, 'room', i);
	const fields = this.getNodeParameter('templateFields', i, {}) as IDataObject;
	await loadRoom.call(this, roomId, i);
	const body: IDataObject = { roomId: Number(roomId) };
	const title = optionalText.call(this, 'Title', fields.title, i, TITLE_RULES);
	if (title) body.title = title;
	if (fields.tags !== undefined) body.tags = parseTags(fields.tags);
	const share = parseTags(fields.share);
	if (share.length > 0) body.share = share;
	if (fields.public !== undefined) body.public = fields.public === true;
	const started = await docSpaceCall.call(this, {
		method: 'POST',
		path: 'files/roomtemplate',
		body,
		itemIndex: i,
	});
	const templateId = await waitForTemplateTask.call(this, 'template', started, i);
	return toItems.call(
		this,
		await docSpaceCall.call(this, { method: 'GET', path: roomPath(templateId), itemIndex: i }),
	);
}
