import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { docSpacePaginate, pickList } from '../../transport/paginate';
import { returnAllOrLimit, simplifyOutput } from '../common.descriptions';
import { listLimit, toItems } from '../helpers';
import { onRoom, roomIdOf, roomParameter, roomPath, summarizeMember } from './shared';

const properties: INodeProperties[] = [
	{ ...roomParameter, description: 'The room whose members to list' },
	...returnAllOrLimit,
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
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
			{
				displayName: 'Search Text',
				name: 'search',
				type: 'string',
				default: '',
				placeholder: 'e.g. Smith',
				description: 'Only members whose name contains this text',
			},
		],
	},
	simplifyOutput,
];

export const description = updateDisplayOptions({ show: { resource: ['room'], operation: ['getMembers'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const roomId = roomIdOf.call(this, i);
	const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
	const qs: IDataObject = { filterType: Number(filters.memberType ?? 0) };
	if (typeof filters.search === 'string' && filters.search.trim()) qs.filterValue = filters.search.trim();
	const members = await onRoom(this, roomId, i, async () =>
		await docSpacePaginate.call(this, { path: roomPath(roomId, '/share'), qs, limit: listLimit.call(this, i), itemIndex: i, pick: pickList }),
	);
	const simplify = this.getNodeParameter('simplify', i, true) as boolean;
	return toItems.call(this, simplify ? members.map(summarizeMember) : members);
}
