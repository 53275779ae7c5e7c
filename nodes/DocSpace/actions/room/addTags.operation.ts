import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { setEntityState, toItems } from '../helpers';
import { invalidParameter, locatorId } from '../../shared/validation';
import { parseTags, roomParameter, roomPath, tagsDescription } from './shared';

export const tagsParameter: INodeProperties = {
	displayName: 'Tags',
	name: 'tags',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. finance, 2025',
	description: tagsDescription,
};

const properties: INodeProperties[] = [
	{ ...roomParameter, description: 'The room to tag' },
	tagsParameter,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['room'], operation: ['addTags'] } },
	properties,
);

/** Sends the tag names to DocSpace and returns the room with its tags afterwards. */
export async function changeTags(
	this: IExecuteFunctions,
	i: number,
	method: 'PUT' | 'DELETE',
): Promise<INodeExecutionData[]> {
	const roomId = locatorId.call(this, 'room', i);
	const names = parseTags(this.getNodeParameter('tags', i, ''));
	if (names.length === 0) {
		throw invalidParameter.call(
			this,
			i,
			'The parameter “Tags” is empty',
			'Enter one or more tag names separated by commas.',
		);
	}
	const room = await setEntityState.call(this, { kind: 'room', id: roomId }, i, {
		method,
		path: roomPath(roomId, '/tags'),
		body: { names },
	});
	return toItems.call(this, room);
}

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	return await changeTags.call(this, i, 'PUT');
}
