import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { pickList } from '../../transport/paginate';
import {
	returnAllOrLimit,
	searchFilter,
	simplifyOutput,
	filtersCollection,
} from '../common.descriptions';
import { listItems, searchQuery } from '../helpers';
import { locatorId, withParameterNotFound } from '../../shared/validation';
import { inRoom, loadRoom, roomParameter, roomPath, summarizeMember } from './shared';

const properties: INodeProperties[] = [
	{ ...roomParameter, description: 'The room whose members to list' },
	...returnAllOrLimit,
	filtersCollection([
		{
			displayName: 'Member Type',
			name: 'memberType',
			type: 'options',
			// ShareFilterType
			options: [
				{ name: 'Groups', value: 32 },
				{ name: 'Users', value: 16 },
				{ name: 'Users and Groups', value: 0 },
			],
			default: 0,
		},
		{ ...searchFilter, description: 'Only members whose name contains this text' },
	]),
	simplifyOutput,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['room'], operation: ['getMembers'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const roomId = locatorId.call(this, 'room', i);
	const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
	const qs: IDataObject = { filterType: Number(filters.memberType ?? 0), ...searchQuery(filters) };
	const room = await loadRoom.call(this, roomId, i);
	const items = await withParameterNotFound(
		this,
		{ kind: 'room', id: roomId },
		i,
		async () =>
			await listItems.call(
				this,
				i,
				{ path: roomPath(roomId, '/share'), qs, pick: pickList },
				summarizeMember,
			),
	);
	return items.map((item) => ({ ...item, json: { ...item.json, ...inRoom(room) } }));
}
