import type { INodeProperties } from 'n8n-workflow';

import * as file from './file/File.resource';
import * as folder from './folder/Folder.resource';
import * as form from './form/Form.resource';
import * as group from './group/Group.resource';
import * as room from './room/Room.resource';
import type { OperationMap } from './types';
import * as user from './user/User.resource';

export const resources: Record<
	string,
	{ operations: OperationMap; description: INodeProperties[] }
> = {
	file,
	folder,
	form,
	group,
	room,
	user,
};

export const resourceProperty: INodeProperties = {
	displayName: 'Resource',
	name: 'resource',
	type: 'options',
	noDataExpression: true,
	options: [
		{ name: 'File', value: 'file' },
		{ name: 'Folder', value: 'folder' },
		{ name: 'Form', value: 'form' },
		{ name: 'Group', value: 'group' },
		{ name: 'Room', value: 'room' },
		{ name: 'User', value: 'user' },
	],
	default: 'file',
};
