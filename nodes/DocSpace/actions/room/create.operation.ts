import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { docSpaceCall } from '../../transport/request';
import { additionalFieldsCollection } from '../common.descriptions';
import { toItems } from '../helpers';
import { roomCreated } from '../outcomes';
import { invalidParameter, requiredTextParameter } from '../../shared/validation';
import { RoomType, roomTypeOptions } from './access';
import { formOptionFields, formOptionsBody } from './formOptions';
import { newRoomQuotaBytes, newRoomQuotaField } from './quota';
import {
	denyDownloadField,
	indexingField,
	lifetimeBody,
	lifetimeField,
	parseTags,
	tagsDescription,
	TITLE_RULES,
} from './shared';

const vdrOnly = { show: { '/roomType': [RoomType.VirtualDataRoom] } };
const formRoomOnly = { show: { '/roomType': [RoomType.FormFilling] } };

const properties: INodeProperties[] = [
	{
		displayName: 'Title',
		name: 'title',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. Q3 contracts',
		description: 'Name of the new room',
	},
	{
		displayName: 'Room Type',
		name: 'roomType',
		type: 'options',
		options: roomTypeOptions,
		default: 2,
		description:
			'What the room is for; it decides the access levels and links the room offers and cannot be changed later',
	},
	additionalFieldsCollection([
		denyDownloadField,
		{ ...lifetimeField, displayOptions: vdrOnly },
		{ ...indexingField, displayOptions: vdrOnly },
		...formOptionFields.map((field) => ({ ...field, displayOptions: formRoomOnly })),
		newRoomQuotaField,
		{
			displayName: 'Tags',
			name: 'tags',
			type: 'string',
			default: '',
			placeholder: 'e.g. finance, 2025',
			description: tagsDescription,
		},
	]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['room'], operation: ['create'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const title = requiredTextParameter.call(this, 'title', 'Title', i, TITLE_RULES);
	const roomType = Number(this.getNodeParameter('roomType', i));
	if (!roomTypeOptions.some((option) => option.value === roomType)) {
		throw invalidParameter.call(
			this,
			i,
			`The parameter “Room Type” has an unknown value: ${roomType}`,
			`Choose one of: ${roomTypeOptions.map((option) => option.name).join(', ')}.`,
		);
	}
	const fields = this.getNodeParameter('additionalFields', i, {}) as IDataObject;
	const body: IDataObject = { title, roomType };
	if (fields.tags !== undefined) {
		const tags = parseTags(fields.tags);
		if (tags.length > 0) body.tags = tags;
	}
	if (fields.quota !== undefined) body.quota = newRoomQuotaBytes.call(this, fields.quota, i);
	if (fields.denyDownload !== undefined) body.denyDownload = fields.denyDownload === true;
	if (roomType === RoomType.VirtualDataRoom) {
		if (fields.indexing !== undefined) body.indexing = fields.indexing === true;
		const lifetime = lifetimeBody(fields.lifetime);
		if (lifetime) body.lifetime = lifetime;
	}
	if (roomType === RoomType.FormFilling) Object.assign(body, formOptionsBody(fields));
	const outcome = await roomCreated.call(this, i, title, roomType);
	const room = await docSpaceCall.call(this, {
		method: 'POST',
		path: 'files/rooms',
		body,
		itemIndex: i,
		outcome,
	});
	return toItems.call(this, room);
}
