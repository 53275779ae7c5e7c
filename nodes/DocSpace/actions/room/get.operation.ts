import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { toItems } from '../helpers';
import { locatorId } from '../../shared/validation';
import { loadRoom, roomParameter, withRoomTypeName } from './shared';

const properties: INodeProperties[] = [{ ...roomParameter, description: 'The room to get' }];

export const description = updateDisplayOptions(
	{ show: { resource: ['room'], operation: ['get'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const roomId = locatorId.call(this, 'room', i);
	return toItems.call(this, withRoomTypeName(await loadRoom.call(this, roomId, i)));
}
