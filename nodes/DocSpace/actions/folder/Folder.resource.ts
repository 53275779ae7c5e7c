import type { INodeProperties } from 'n8n-workflow';

import type { OperationMap } from '../types';
import * as getContents from './getContents.operation';

export const operations: OperationMap = { getContents };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['folder'] } },
		options: [
			{
				name: 'Get Contents',
				value: 'getContents',
				action: 'Get the contents of a folder',
				description: 'List the files and subfolders of a folder or room, one item per entry',
			},
		],
		default: 'getContents',
	},
	...getContents.description,
];
