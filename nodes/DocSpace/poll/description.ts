import type { INodeProperties } from 'n8n-workflow';

import { fileLocator, folderLocator, roomLocator } from '../shared/locators';
import { authenticationProperty } from '../shared/authentication.description';
import { authenticationMethods } from '../transport/credentials';

/** Polling needs no webhook rights, so every credential type works, OAuth2 included. */
export const pollAuthenticationMethods = [...authenticationMethods];

const IN_FOLDER = ['file.created', 'file.updated', 'folder.created'];

export const pollProperties: INodeProperties[] = [
	authenticationProperty(pollAuthenticationMethods),
	{
		displayName: 'Event',
		name: 'event',
		type: 'options',
		options: [
			{
				name: 'File Updated',
				value: 'file.updated',
				description: 'A file in the folder or room got new content or was changed',
			},
			{
				name: 'New File',
				value: 'file.created',
				description: 'A file was created or uploaded in the folder or room',
			},
			{
				name: 'New Folder',
				value: 'folder.created',
				description: 'A folder was created in the folder or room',
			},
			{
				name: 'New Form Submission',
				value: 'form.submit',
				description: 'Someone completed and submitted a form',
			},
			{
				name: 'New Room',
				value: 'room.created',
				description: 'A room the account can see was created',
			},
			{
				name: 'New User',
				value: 'user.created',
				description: 'A user joined or was invited to the portal',
			},
			{
				name: 'Room Archived',
				value: 'room.archived',
				description: 'A room the account can see was moved to the archive',
			},
			{
				name: 'User Updated',
				value: 'user.updated',
				description: 'A user’s profile, type or status changed (needs an admin account)',
			},
		],
		default: 'file.created',
		description: 'What starts the workflow',
	},
	{
		displayName: 'Watch',
		name: 'location',
		type: 'options',
		options: [
			{ name: 'Room', value: 'room' },
			{ name: 'Folder', value: 'folder' },
		],
		default: 'room',
		description: 'Whether to watch a room or a folder',
		displayOptions: { show: { event: IN_FOLDER } },
	},
	{
		...roomLocator,
		description: 'The room to watch',
		displayOptions: { show: { event: IN_FOLDER, location: ['room'] } },
	},
	{
		...folderLocator,
		description: 'The folder to watch',
		displayOptions: { show: { event: IN_FOLDER, location: ['folder'] } },
	},
	{
		displayName: 'Watch',
		name: 'formSource',
		type: 'options',
		options: [
			{ name: 'Form', value: 'form', description: 'One PDF form' },
			{
				name: 'Form Filling Room',
				value: 'room',
				description: 'Every form being filled in the room, including forms added later',
			},
		],
		default: 'form',
		description: 'Whether to watch one form or all forms of a Form Filling room',
		displayOptions: { show: { event: ['form.submit'] } },
	},
	{
		...fileLocator,
		displayName: 'Form',
		description: 'The PDF form whose submissions to watch',
		displayOptions: { show: { event: ['form.submit'], formSource: ['form'] } },
	},
	{
		...roomLocator,
		displayName: 'Form Filling Room',
		description: 'The Form Filling room whose forms to watch',
		displayOptions: { show: { event: ['form.submit'], formSource: ['room'] } },
	},
	{
		displayName: 'Include Subfolders',
		name: 'includeSubfolders',
		type: 'boolean',
		default: false,
		description: 'Whether to watch the folders inside it too, at any depth',
		displayOptions: { show: { event: IN_FOLDER } },
	},
];
