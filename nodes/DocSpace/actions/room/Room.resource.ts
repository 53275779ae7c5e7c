import type { INodeProperties } from 'n8n-workflow';

import type { OperationMap } from '../types';
import * as addTags from './addTags.operation';
import * as archive from './archive.operation';
import * as create from './create.operation';
import * as createFromTemplate from './createFromTemplate.operation';
import * as deleteRoom from './deleteRoom.operation';
import * as get from './get.operation';
import * as getLinks from './getLinks.operation';
import * as getMany from './getMany.operation';
import * as getManyTemplates from './getManyTemplates.operation';
import * as getMembers from './getMembers.operation';
import * as invite from './invite.operation';
import * as removeMember from './removeMember.operation';
import * as removeTags from './removeTags.operation';
import * as saveAsTemplate from './saveAsTemplate.operation';
import * as setLink from './setLink.operation';
import * as setTemplatePublic from './setTemplatePublic.operation';
import * as unarchive from './unarchive.operation';
import * as update from './update.operation';

export const operations: OperationMap = {
	addTags,
	archive,
	create,
	createFromTemplate,
	delete: deleteRoom,
	get,
	getLinks,
	getMany,
	getManyTemplates,
	getMembers,
	invite,
	removeMember,
	removeTags,
	saveAsTemplate,
	setLink,
	setTemplatePublic,
	unarchive,
	update,
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['room'] } },
		options: [
			{
				name: 'Add Tags',
				value: 'addTags',
				action: 'Add tags to a room',
				description: 'Attach tags to a room',
			},
			{
				name: 'Archive',
				value: 'archive',
				action: 'Archive a room',
				description: 'Move a room to the Archive, where it is read-only',
			},
			{
				name: 'Create',
				value: 'create',
				action: 'Create a room',
				description: 'Create a room of any type',
			},
			{
				name: 'Create From Template',
				value: 'createFromTemplate',
				action: 'Create a room from a template',
				description: 'Create a room with a template’s type, settings and content',
			},
			{
				name: 'Create or Update Link',
				value: 'setLink',
				action: 'Create or update a room link',
				description: 'Create an external or invitation link, or change one',
			},
			{
				name: 'Delete',
				value: 'delete',
				action: 'Delete a room',
				description: 'Delete a room and everything in it',
			},
			{ name: 'Get', value: 'get', action: 'Get a room', description: 'Get a room’s details' },
			{
				name: 'Get Links',
				value: 'getLinks',
				action: 'Get the links of a room',
				description: 'List a room’s external and invitation links',
			},
			{
				name: 'Get Many',
				value: 'getMany',
				action: 'Get many rooms',
				description: 'List or search rooms, one item per room',
			},
			{
				name: 'Get Many Templates',
				value: 'getManyTemplates',
				action: 'Get many room templates',
				description: 'List or search room templates, one item per template',
			},
			{
				name: 'Get Members',
				value: 'getMembers',
				action: 'Get the members of a room',
				description: 'List the users and groups with access to a room',
			},
			{
				name: 'Invite or Change Access',
				value: 'invite',
				action: 'Invite people to a room or change their access',
				description: 'Give users, groups or email addresses an access level in a room',
			},
			{
				name: 'Remove Member',
				value: 'removeMember',
				action: 'Remove a member from a room',
				description: 'Take a user’s or group’s access away',
			},
			{
				name: 'Remove Tags',
				value: 'removeTags',
				action: 'Remove tags from a room',
				description: 'Detach tags from a room',
			},
			{
				name: 'Save as Template',
				value: 'saveAsTemplate',
				action: 'Save a room as a template',
				description: 'Make a template from a room, its content and settings',
			},
			{
				name: 'Set Template Public',
				value: 'setTemplatePublic',
				action: 'Make a room template public or private',
				description: 'Let every portal user use a template, or only those it is shared with',
			},
			{
				name: 'Unarchive',
				value: 'unarchive',
				action: 'Unarchive a room',
				description: 'Move a room from the Archive back to Rooms',
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update a room',
				description: 'Change a room’s title, quota, tags or settings',
			},
		],
		default: 'get',
	},
	...addTags.description,
	...archive.description,
	...create.description,
	...createFromTemplate.description,
	...setLink.description,
	...deleteRoom.description,
	...get.description,
	...getLinks.description,
	...getMany.description,
	...getManyTemplates.description,
	...getMembers.description,
	...invite.description,
	...removeMember.description,
	...removeTags.description,
	...saveAsTemplate.description,
	...setTemplatePublic.description,
	...unarchive.description,
	...update.description,
];
