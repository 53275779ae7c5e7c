import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { pickList } from '../../transport/paginate';
import { returnAllOrLimit, searchFilter, simplifyOutput } from '../common.descriptions';
import { listItems, searchQuery } from '../helpers';
import { resolveUser } from '../user/people';
import { summarizeGroup } from './fields';

const properties: INodeProperties[] = [
	...returnAllOrLimit,
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Member',
				name: 'member',
				type: 'string',
				default: '',
				placeholder: 'e.g. anna@example.com',
				description: 'Only groups this user belongs to, by user ID or email',
			},
			{
				displayName: 'Only Managed by Member',
				name: 'managedOnly',
				type: 'boolean',
				default: false,
				description: 'Whether to keep only the groups the member manages (needs Member)',
			},
			{ ...searchFilter, description: 'Only groups whose name contains this text' },
		],
	},
	simplifyOutput,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['group'], operation: ['getMany'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
	const qs: IDataObject = searchQuery(filters);
	const member = typeof filters.member === 'string' ? filters.member.trim() : '';
	if (member) {
		qs.userId = String((await resolveUser.call(this, member, 'Member', i)).id);
		if (filters.managedOnly === true) qs.manager = true;
	}
	return await listItems.call(this, i, { path: 'group', qs, pick: pickList }, summarizeGroup);
}
