import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { docSpaceCall } from '../../transport/request';
import { optionsCollection, simplifyOutput } from '../common.descriptions';
import { simplifiedItems } from '../helpers';
import {
	dateParameter,
	invalidParameter,
	isGuid,
	locatorId,
	optionalText,
} from '../../shared/validation';
import {
	LinkType,
	accessName,
	accessNames,
	linkAccessFor,
	linkAccessOptions,
	roomTypeName,
} from './access';
import {
	LINK_TITLE_RULES,
	linkExpirationField,
	linkTitleField,
	loadRoom,
	roomParameter,
	roomPath,
	summarizeLink,
} from './shared';

const externalOnly = { show: { '/linkType': [LinkType.External] } };

const properties: INodeProperties[] = [
	{ ...roomParameter, description: 'The room the link belongs to' },
	{
		displayName: 'Link Type',
		name: 'linkType',
		type: 'options',
		options: [
			{
				name: 'External',
				value: LinkType.External,
				description: 'Opens the room without an account (public, custom and form filling rooms)',
			},
			{
				name: 'Invitation',
				value: LinkType.Invitation,
				description: 'Makes whoever opens it a room member; a room has at most one',
			},
		],
		default: 1,
	},
	{
		displayName: 'Link ID',
		name: 'linkId',
		type: 'string',
		default: '',
		placeholder: 'e.g. 6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f',
		description:
			'ID of an existing link to change (see Get Links); leave empty to create a new link',
	},
	linkTitleField,
	{
		displayName: 'Access',
		name: 'access',
		type: 'options',
		options: linkAccessOptions,
		default: 2,
		description:
			'What people who open the link may do; the levels a room offers depend on its type and the link type',
	},
	optionsCollection([
		{
			displayName: 'Deny Download',
			name: 'denyDownload',
			type: 'boolean',
			default: false,
			displayOptions: externalOnly,
			description: 'Whether to stop people who open the link from downloading the files',
		},
		linkExpirationField,
		{
			displayName: 'Internal',
			name: 'internal',
			type: 'boolean',
			default: false,
			displayOptions: externalOnly,
			description: 'Whether only signed-in portal users may open the link',
		},
		{
			displayName: 'Maximum Uses',
			name: 'maxUseCount',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 10,
			displayOptions: { show: { '/linkType': [LinkType.Invitation] } },
			description: 'How many people may join the room with the link',
		},
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			displayOptions: externalOnly,
			description:
				'Password people must enter to open the link; it must meet the portal’s password rules',
		},
	]),
	simplifyOutput,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['room'], operation: ['setLink'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const roomId = locatorId.call(this, 'room', i);
	const linkType = Number(this.getNodeParameter('linkType', i, LinkType.External));
	const kind = linkType === LinkType.Invitation ? 'invitation' : 'external';
	const linkId = String(this.getNodeParameter('linkId', i, '')).trim();
	if (linkId && !isGuid(linkId)) {
		throw invalidParameter.call(
			this,
			i,
			`The parameter “Link ID” is not a link ID: “${linkId}”`,
			'Copy the link’s ID from Get Links, or leave it empty to create a new link.',
		);
	}
	const title = optionalText.call(
		this,
		'Title',
		this.getNodeParameter('title', i, ''),
		i,
		LINK_TITLE_RULES,
	);
	const access = Number(this.getNodeParameter('access', i));
	const options = this.getNodeParameter('options', i, {}) as IDataObject;
	const expirationDate = dateParameter
		.call(this, 'Expiration Date', options.expirationDate, i, { future: true })
		?.toISOString();
	const password = typeof options.password === 'string' ? options.password : '';

	const room = await loadRoom.call(this, roomId, i);
	const roomType = Number(room.roomType);
	const valid = linkAccessFor(roomType, linkType);
	if (valid.length === 0) {
		throw invalidParameter.call(
			this,
			i,
			`The parameter “Link Type” is “${kind}”, but a ${roomTypeName(roomType)} has no ${kind} links`,
			`“${String(room.title)}” is a ${roomTypeName(roomType)}. ${
				linkType === LinkType.External
					? 'External links exist in public, custom and form filling rooms.'
					: 'Invite people with the Invite or Change Access operation instead.'
			}`,
		);
	}
	if (!valid.includes(access)) {
		throw invalidParameter.call(
			this,
			i,
			`The parameter “Access” is “${accessName(access)}”, which ${kind} links of a ${roomTypeName(roomType)} do not offer`,
			`Valid access levels for ${kind} links in “${String(room.title)}”: ${accessNames(valid)}.`,
		);
	}

	const body: IDataObject = { linkType, access };
	if (linkId) body.linkId = linkId;
	if (title) body.title = title;
	if (expirationDate) body.expirationDate = expirationDate;
	if (linkType === LinkType.External) {
		if (password) body.password = password;
		if (options.denyDownload !== undefined) body.denyDownload = options.denyDownload === true;
		if (options.internal !== undefined) body.internal = options.internal === true;
	} else if (options.maxUseCount !== undefined) {
		body.maxUseCount = Number(options.maxUseCount);
	}

	const link = await docSpaceCall.call(this, {
		method: 'PUT',
		path: roomPath(roomId, '/links'),
		body,
		itemIndex: i,
	});
	if (!link.sharedLink) {
		throw new NodeOperationError(
			this.getNode(),
			`DocSpace did not ${linkId ? 'change' : 'create'} the ${kind} link in “${String(room.title)}”`,
			{
				itemIndex: i,
				description: linkId
					? 'Check the Link ID with Get Links; the link may have been deleted.'
					: 'The room may already have as many links of this kind as DocSpace allows (one invitation link; one primary and five more external links). Change an existing link by its Link ID instead.',
			},
		);
	}
	return simplifiedItems.call(this, i, link, summarizeLink);
}
