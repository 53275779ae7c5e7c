import type { INodeProperties } from 'n8n-workflow';

import type { OperationMap } from '../types';
import * as addMembers from './addMembers.operation';
import * as create from './create.operation';
import * as deleteGroup from './deleteGroup.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as removeMembers from './removeMembers.operation';
import * as update from './update.operation';

export const operations: OperationMap = {
	addMembers,
	create,
	delete: deleteGroup,
	get,
	getMany,
	removeMembers,
	update,
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['group'] } },
		options: [
			{
				name: 'Add Members',
				value: 'addMembers',
				action: 'Add members to a group',
				description: 'Add users to a group',
			},
			{
				name: 'Create',
				value: 'create',
				action: 'Create a group',
				description: 'Create a group of users',
			},
			{
				name: 'Delete',
				value: 'delete',
				action: 'Delete a group',
				description: 'Delete a group; its members stay on the portal',
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get a group',
				description: 'Get a group with its manager and members',
			},
			{
				name: 'Get Many',
				value: 'getMany',
				action: 'Get many groups',
				description: 'List or search the portal’s groups, one item per group',
			},
			{
				name: 'Remove Members',
				value: 'removeMembers',
				action: 'Remove members from a group',
				description: 'Remove users from a group',
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update a group',
				description: 'Rename a group or change its manager',
			},
		],
		default: 'get',
	},
	...addMembers.description,
	...create.description,
	...deleteGroup.description,
	...get.description,
	...getMany.description,
	...removeMembers.description,
	...update.description,
];
