import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { waitForOperation } from '../../transport/operations';
import { toItems } from '../helpers';
import { roomIdOf, roomParameter, startRoomOperation, waitLimitOf, waitOption } from './shared';

const properties: INodeProperties[] = [
	{
		...roomParameter,
		description: 'The room to delete with all its contents. DocSpace deletes rooms for good, without the trash.',
	},
	waitOption,
];

export const description = updateDisplayOptions({ show: { resource: ['room'], operation: ['delete'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const roomId = roomIdOf.call(this, i);
	const started = await startRoomOperation.call(this, 'DELETE', roomId, '', i);
	await waitForOperation.call(this, started, { itemIndex: i, timeLimitSeconds: waitLimitOf.call(this, i) });
	return toItems.call(this, { deleted: true, id: Number(roomId) });
}
