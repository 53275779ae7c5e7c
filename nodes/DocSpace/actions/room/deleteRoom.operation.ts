import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { waitOptions } from '../common.descriptions';
import { toItems } from '../helpers';
import { locatorId } from '../../shared/validation';
import { roomParameter, runRoomOperation } from './shared';

const properties: INodeProperties[] = [
	{
		...roomParameter,
		description:
			'The room to delete with all its contents. DocSpace deletes rooms for good, without the trash.',
	},
	waitOptions,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['room'], operation: ['delete'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const roomId = locatorId.call(this, 'room', i);
	await runRoomOperation.call(this, 'DELETE', roomId, '', i);
	return toItems.call(this, { deleted: true, id: Number(roomId) });
}
