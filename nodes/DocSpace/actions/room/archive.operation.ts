import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { waitForOperation } from '../../transport/operations';
import { toItems } from '../helpers';
import { loadRoom, roomIdOf, roomParameter, startRoomOperation, waitLimitOf, waitOption } from './shared';

const properties: INodeProperties[] = [{ ...roomParameter, description: 'The room to move to the Archive' }, waitOption];

export const description = updateDisplayOptions({ show: { resource: ['room'], operation: ['archive'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const roomId = roomIdOf.call(this, i);
	const started = await startRoomOperation.call(this, 'PUT', roomId, '/archive', i);
	await waitForOperation.call(this, started, { itemIndex: i, timeLimitSeconds: waitLimitOf.call(this, i) });
	return toItems.call(this, await loadRoom.call(this, roomId, i));
}
