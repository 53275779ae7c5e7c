import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { pickList } from '../../transport/paginate';
import {
	returnAllOrLimit,
	searchFilter,
	simplifyOutput,
	filtersCollection,
} from '../common.descriptions';
import { listItems, listingFilterValues } from '../helpers';
import { invalidParameter, isGuid } from '../../shared/validation';
import { employeeTypeOptions, summarizeUser } from './people';

const properties: INodeProperties[] = [
	...returnAllOrLimit,
	filtersCollection([
		{
			displayName: 'Group ID',
			name: 'groupId',
			type: 'string',
			default: '',
			placeholder: 'e.g. 2c0a8e1e-7d6c-4c8e-9a51-1f1f2b0c3d4e',
			description: 'Only members of this group',
		},
		{ ...searchFilter, description: 'Only users whose name or email contains this text' },
		{
			displayName: 'Status',
			name: 'status',
			type: 'options',
			default: 1,
			// EmployeeStatus values
			options: [
				{ name: 'Active', value: 1 },
				{ name: 'Disabled', value: 2 },
				{ name: 'Pending', value: 4, description: 'Invited, not joined yet' },
			],
			description: 'Only users with this status',
		},
		{
			displayName: 'Type',
			name: 'type',
			type: 'options',
			default: 'User',
			options: employeeTypeOptions,
			description: 'Only users of this type',
		},
	]),
	simplifyOutput,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['user'], operation: ['getMany'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const { filters, qs } = listingFilterValues.call(this, i);
	if (filters.status) qs.employeeStatus = filters.status;
	if (filters.type) qs.employeeType = filters.type;
	const groupId = typeof filters.groupId === 'string' ? filters.groupId.trim() : '';
	if (groupId) {
		if (!isGuid(groupId)) {
			throw invalidParameter.call(
				this,
				i,
				`The filter “Group ID” is not a valid group ID: “${groupId}”`,
				'A group ID is a GUID such as 2c0a8e1e-7d6c-4c8e-9a51-1f1f2b0c3d4e; Group → Get Many lists them.',
			);
		}
		qs.groupId = groupId;
	}
	return await listItems.call(
		this,
		i,
		{ path: 'people/filter', qs, pick: pickList },
		summarizeUser,
	);
}
