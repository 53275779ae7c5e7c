import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { pickFolderContent } from '../../transport/paginate';
import {
	returnAllOrLimit,
	searchFilter,
	simplifyOutput,
	filtersCollection,
} from '../common.descriptions';
import { listItems, listingFilterValues } from '../helpers';
import { roomTypeOptions } from './access';
import { parseTags, summarizeRoom, withRoomTypeName } from './shared';

// SearchArea
const SECTION = { active: 0, archived: 1, any: 2 } as const;

const properties: INodeProperties[] = [
	...returnAllOrLimit,
	filtersCollection([
		{
			displayName: 'Room Types',
			name: 'types',
			type: 'multiOptions',
			options: roomTypeOptions,
			default: [],
			description: 'Only rooms of these types; none selected means every type',
		},
		{ ...searchFilter, description: 'Only rooms whose title contains this text' },
		{
			displayName: 'Section',
			name: 'section',
			type: 'options',
			options: [
				{ name: 'Active Rooms', value: 'active', description: 'Rooms in the Rooms section' },
				{ name: 'Active and Archived Rooms', value: 'any' },
				{
					name: 'Archived Rooms',
					value: 'archived',
					description: 'Rooms in the Archive section',
				},
			],
			default: 'active',
		},
		{
			displayName: 'Tags',
			name: 'tags',
			type: 'string',
			default: '',
			placeholder: 'e.g. finance, 2025',
			description: 'Only rooms with at least one of these comma-separated tags',
		},
		{
			displayName: 'Without Tags',
			name: 'withoutTags',
			type: 'boolean',
			default: false,
			description: 'Whether to return only rooms that have no tags',
		},
	]),
	simplifyOutput,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['room'], operation: ['getMany'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const { filters, qs } = listingFilterValues.call(this, i);
	const section =
		SECTION[String(filters.section ?? 'active') as keyof typeof SECTION] ?? SECTION.active;
	if (section !== SECTION.active) qs.searchArea = section;
	const types = (filters.types as number[] | undefined) ?? [];
	if (types.length > 0) qs.type = types;
	const tags = parseTags(filters.tags);
	// DocSpace reads `tags` as a JSON array.
	if (tags.length > 0) qs.tags = JSON.stringify(tags);
	if (filters.withoutTags === true) qs.withoutTags = true;
	const items = await listItems.call(
		this,
		i,
		{ path: 'files/rooms', qs, pick: pickFolderContent },
		summarizeRoom,
	);
	return items.map((item) => ({ ...item, json: withRoomTypeName(item.json) }));
}
