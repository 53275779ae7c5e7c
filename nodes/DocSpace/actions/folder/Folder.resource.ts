import type { INodeProperties } from 'n8n-workflow';

import type { OperationMap } from '../types';
import * as copy from './copy.operation';
import * as create from './create.operation';
import * as deleteFolder from './deleteFolder.operation';
import * as get from './get.operation';
import * as getContents from './getContents.operation';
import * as getHistory from './getHistory.operation';
import * as getLink from './getLink.operation';
import * as move from './move.operation';
import * as rename from './rename.operation';

export const operations: OperationMap = {
	copy,
	create,
	delete: deleteFolder,
	get,
	getContents,
	getHistory,
	getLink,
	move,
	rename,
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['folder'] } },
		options: [
			{
				name: 'Copy',
				value: 'copy',
				action: 'Copy a folder',
				description: 'Copy a folder with its contents into another folder or room',
			},
			{
				name: 'Create',
				value: 'create',
				action: 'Create a folder',
				description: 'Create a folder in a folder or room',
			},
			{
				name: 'Delete',
				value: 'delete',
				action: 'Delete a folder',
				description: 'Move a folder to the trash or delete it for good',
			},
			{ name: 'Get', value: 'get', action: 'Get a folder', description: 'Get a folder’s details' },
			{
				name: 'Get Contents',
				value: 'getContents',
				action: 'Get the contents of a folder',
				description: 'List the files and subfolders of a folder or room, one item per entry',
			},
			{
				name: 'Get History',
				value: 'getHistory',
				action: 'Get the history of a folder',
				description: 'List what was done in a folder and to its contents, one item per action',
			},
			{
				name: 'Get Link',
				value: 'getLink',
				action: 'Get the link of a folder',
				description: 'Get the folder’s primary external link, creating it if needed',
			},
			{
				name: 'Move',
				value: 'move',
				action: 'Move a folder',
				description: 'Move a folder with its contents into another folder or room',
			},
			{
				name: 'Rename',
				value: 'rename',
				action: 'Rename a folder',
				description: 'Give a folder a new name',
			},
		],
		default: 'getContents',
	},
	...copy.description,
	...create.description,
	...deleteFolder.description,
	...get.description,
	...getContents.description,
	...getHistory.description,
	...getLink.description,
	...move.description,
	...rename.description,
];
