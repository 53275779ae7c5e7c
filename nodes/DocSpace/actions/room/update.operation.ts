import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { updateFieldsCollection } from '../common.descriptions';
import { setEntityState, toItems } from '../helpers';
import { invalidParameter, locatorId, requiredText } from '../../shared/validation';
import { RoomType, roomTypeName } from './access';
import { formOptionFields, formOptionsBody } from './formOptions';
import {
	BYTES_PER_MB,
	denyDownloadField,
	indexingField,
	lifetimeBody,
	lifetimeField,
	loadRoom,
	parseTags,
	roomParameter,
	roomPath,
	TITLE_RULES,
} from './shared';

const properties: INodeProperties[] = [
	{ ...roomParameter, description: 'The room to change' },
	updateFieldsCollection([
		denyDownloadField,
		lifetimeField,
		...formOptionFields,
		indexingField,
		{
			displayName: 'Quota (MB)',
			name: 'quota',
			type: 'number',
			typeOptions: { minValue: -1 },
			default: 1024,
			description: 'Storage limit of the room in megabytes; -1 removes the room’s own limit',
		},
		{
			displayName: 'Tags',
			name: 'tags',
			type: 'string',
			default: '',
			placeholder: 'e.g. finance, 2025',
			description:
				'Comma-separated tag names that replace all of the room’s tags; empty removes them all. Use Add Tags or Remove Tags to change only some.',
		},
		{
			displayName: 'Title',
			name: 'title',
			type: 'string',
			default: '',
			placeholder: 'e.g. Q3 contracts',
			description: 'New name of the room',
		},
	]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['room'], operation: ['update'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const roomId = locatorId.call(this, 'room', i);
	const fields = this.getNodeParameter('updateFields', i, {}) as IDataObject;
	const body: IDataObject = {};
	if (fields.title !== undefined)
		body.title = requiredText.call(this, 'Title', fields.title, i, TITLE_RULES);
	if (fields.quota !== undefined) {
		const quota = Number(fields.quota);
		if (!Number.isFinite(quota) || (quota <= 0 && quota !== -1)) {
			throw invalidParameter.call(
				this,
				i,
				'The parameter “Quota (MB)” must be a positive number or -1',
				'Enter the room’s storage limit in megabytes, or -1 to remove the room’s own limit.',
			);
		}
		body.quota = quota === -1 ? -1 : Math.round(quota * BYTES_PER_MB);
	}
	if (fields.tags !== undefined) body.tags = parseTags(fields.tags);
	if (fields.denyDownload !== undefined) body.denyDownload = fields.denyDownload === true;
	if (fields.indexing !== undefined) body.indexing = fields.indexing === true;
	const lifetime = lifetimeBody(fields.lifetime);
	if (lifetime) body.lifetime = lifetime;
	const formOptions = formOptionsBody(fields);
	Object.assign(body, formOptions);
	if (Object.keys(body).length === 0) {
		throw invalidParameter.call(
			this,
			i,
			'No field to update was given',
			'Add at least one field under “Update Fields”.',
		);
	}
	const formOption = formOptionFields.find((field) => formOptions[field.name] !== undefined);
	if (body.indexing !== undefined || body.lifetime !== undefined || formOption) {
		const room = await loadRoom.call(this, roomId, i);
		if (formOption && Number(room.roomType) !== RoomType.FormFilling) {
			throw invalidParameter.call(
				this,
				i,
				`The parameter “${formOption.displayName}” applies to Form Filling rooms only, and “${String(room.title)}” is a ${roomTypeName(room.roomType)}`,
				`Remove “${formOption.displayName}” from the update fields for this room.`,
			);
		}
		if (
			(body.indexing !== undefined || body.lifetime !== undefined) &&
			Number(room.roomType) !== RoomType.VirtualDataRoom
		) {
			const name = body.indexing !== undefined ? 'Indexing' : 'File Lifetime';
			throw invalidParameter.call(
				this,
				i,
				`The parameter “${name}” applies to virtual data rooms only, and “${String(room.title)}” is a ${roomTypeName(room.roomType)}`,
				`Remove “${name}” from the update fields for this room.`,
			);
		}
	}
	const room = await setEntityState.call(this, { kind: 'room', id: roomId }, i, {
		method: 'PUT',
		path: roomPath(roomId),
		body,
	});
	return toItems.call(this, room);
}
