import type { INodeProperties } from 'n8n-workflow';

import type { OperationMap } from '../types';
import * as get from './get.operation';

export const operations: OperationMap = { get };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['file'] } },
		options: [
			{ name: 'Get', value: 'get', action: 'Get a file', description: 'Get a file’s details' },
		],
		default: 'get',
	},
	...get.description,
];
