import type { INodeProperties } from 'n8n-workflow';

import type { OperationMap } from '../types';
import * as changeType from './changeType.operation';
import * as deleteUser from './deleteUser.operation';
import * as disable from './disable.operation';
import * as enable from './enable.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as invite from './invite.operation';
import * as update from './update.operation';

export const operations: OperationMap = {
	changeType,
	delete: deleteUser,
	disable,
	enable,
	get,
	getMany,
	invite,
	update,
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['user'] } },
		options: [
			{
				name: 'Change Type',
				value: 'changeType',
				action: 'Change the type of a user',
				description: 'Make a user a DocSpace admin, room admin, user or guest',
			},
			{
				name: 'Delete',
				value: 'delete',
				action: 'Delete a user',
				description: 'Delete a user from the portal, disabling them first',
			},
			{
				name: 'Disable',
				value: 'disable',
				action: 'Disable a user',
				description: 'Block a user from signing in',
			},
			{
				name: 'Enable',
				value: 'enable',
				action: 'Enable a user',
				description: 'Let a disabled user sign in again',
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get a user',
				description: 'Get a user’s profile by ID or email, or your own',
			},
			{
				name: 'Get Many',
				value: 'getMany',
				action: 'Get many users',
				description: 'List or search the portal’s users, one item per user',
			},
			{
				name: 'Invite',
				value: 'invite',
				action: 'Invite a user',
				description: 'Invite someone to the portal by email with a user type',
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update a user',
				description: 'Change a user’s email, groups, name, location or comment',
			},
		],
		default: 'get',
	},
	...changeType.description,
	...deleteUser.description,
	...disable.description,
	...enable.description,
	...get.description,
	...getMany.description,
	...invite.description,
	...update.description,
];
