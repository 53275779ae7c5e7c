import type { INodeProperties } from 'n8n-workflow';

import * as file from './file/File.resource';
import * as folder from './folder/Folder.resource';
import type { OperationMap } from './types';

export const resources: Record<string, { operations: OperationMap; description: INodeProperties[] }> = {
	file,
	folder,
};

export const resourceProperty: INodeProperties = {
	displayName: 'Resource',
	name: 'resource',
	type: 'options',
	noDataExpression: true,
	options: [
		{ name: 'File', value: 'file' },
		{ name: 'Folder', value: 'folder' },
	],
	default: 'file',
};
