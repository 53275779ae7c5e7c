import type { INodeProperties } from 'n8n-workflow';

import type { OperationMap } from '../types';
import * as createFromFile from './createFromFile.operation';
import * as getFillResult from './getFillResult.operation';
import * as getRoles from './getRoles.operation';
import * as getSubmissions from './getSubmissions.operation';
import * as manageFilling from './manageFilling.operation';
import * as setRoleMapping from './setRoleMapping.operation';
import * as startFilling from './startFilling.operation';
import * as uploadForm from './uploadForm.operation';

export const operations: OperationMap = {
	createFromFile,
	getFillResult,
	getRoles,
	getSubmissions,
	manageFilling,
	setRoleMapping,
	startFilling,
	uploadForm,
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['form'] } },
		options: [
			{
				name: 'Create From File',
				value: 'createFromFile',
				action: 'Create a form from a file',
				description:
					'Copy a PDF form kept in DocSpace into a form room, check it is a form, and start filling',
			},
			{
				name: 'Get Fill Result',
				value: 'getFillResult',
				action: 'Get the result of a filling session',
				description:
					'Get the completed and original form, the form number and the manager of one filling session',
			},
			{
				name: 'Get Roles',
				value: 'getRoles',
				action: 'Get the roles of a form',
				description: 'List who fills which role and how far filling got',
			},
			{
				name: 'Get Submissions',
				value: 'getSubmissions',
				action: 'Get the submissions of a form',
				description: 'One item per completed copy, with the field values as keys',
			},
			{
				name: 'Manage Filling',
				value: 'manageFilling',
				action: 'Stop resume restart or edit form filling',
				description: 'Stop, resume, restart or end the filling of a form',
			},
			{
				name: 'Set Role Mapping',
				value: 'setRoleMapping',
				action: 'Assign the roles of a form',
				description: 'Give each role of a form to a room member and start filling',
			},
			{
				name: 'Start Filling',
				value: 'startFilling',
				action: 'Start filling a form',
				description: 'Open a PDF form for filling',
			},
			{
				name: 'Upload Form',
				value: 'uploadForm',
				action: 'Upload a PDF form into a room',
				description: 'Upload a PDF form into a form room, check it is a form, and start filling',
			},
		],
		default: 'getSubmissions',
	},
	...createFromFile.description,
	...getFillResult.description,
	...getRoles.description,
	...getSubmissions.description,
	...manageFilling.description,
	...setRoleMapping.description,
	...startFilling.description,
	...uploadForm.description,
];
