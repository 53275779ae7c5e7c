import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { docSpacePaginate, pickList } from '../../transport/paginate';
import { docSpaceCall } from '../../transport/request';
import {
	fileLocator,
	optionsCollection,
	returnAllOrLimit,
	simplifyOutput,
	updateFieldsCollection,
} from '../common.descriptions';
import { listItems, simplifiedItems, toItems } from '../helpers';
import { FileShare, linkAccessOptions } from '../room/access';
import {
	LINK_TITLE_RULES,
	linkExpirationField,
	linkTitleField,
	summarizeLink,
} from '../room/shared';
import {
	dateParameter,
	invalidParameter,
	isGuid,
	locatorId,
	optionalText,
} from '../../shared/validation';
import { apiPath } from '../../transport/path';

/** Access levels a link to a single file can give. */
const FILE_LINK_ACCESS: number[] = [
	FileShare.Editing,
	FileShare.FillForms,
	FileShare.Review,
	FileShare.Comment,
	FileShare.Read,
];

const accessField: INodeProperties = {
	displayName: 'Access',
	name: 'access',
	type: 'options',
	options: linkAccessOptions.filter((option) => FILE_LINK_ACCESS.includes(Number(option.value))),
	default: 2,
	description: 'What people who open the link may do (Form Filler suits PDF forms)',
};

const linkSettings: INodeProperties[] = [
	{
		displayName: 'Deny Download',
		name: 'denyDownload',
		type: 'boolean',
		default: false,
		description:
			'Whether to stop people who open the link from downloading, printing or copying the file',
	},
	linkExpirationField,
	{
		displayName: 'Internal',
		name: 'internal',
		type: 'boolean',
		default: false,
		description: 'Whether only people signed in to the portal may open the link',
	},
	{
		displayName: 'Password',
		name: 'password',
		type: 'string',
		typeOptions: { password: true },
		default: '',
		description: 'Password people must enter to open the link; empty means none',
	},
	linkTitleField,
];

const forActions = (actions: string[]) => ({ show: { linkAction: actions } });

const properties: INodeProperties[] = [
	{ ...fileLocator, description: 'The file whose external links to manage' },
	{
		displayName: 'Action',
		name: 'linkAction',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Create', value: 'create', description: 'Create another external link to the file' },
			{ name: 'Delete', value: 'delete', description: 'Delete an external link' },
			{
				name: 'Get Many',
				value: 'getMany',
				description: 'List the file’s external links, one item per link',
			},
			{
				name: 'Update',
				value: 'update',
				description: 'Change the access or settings of an external link',
			},
		],
		default: 'create',
	},
	{
		displayName: 'Link ID',
		name: 'linkId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f',
		description:
			'ID of the link (the ID in the output of Get Link or of this operation’s Get Many)',
		displayOptions: forActions(['delete', 'update']),
	},
	{ ...accessField, displayOptions: forActions(['create']) },
	{
		...optionsCollection(linkSettings),
		name: 'linkOptions',
		displayOptions: forActions(['create']),
	},
	{
		...updateFieldsCollection([accessField, ...linkSettings]),
		displayOptions: forActions(['update']),
	},
	...returnAllOrLimit.map((property) => ({
		...property,
		displayOptions: { show: { ...property.displayOptions?.show, linkAction: ['getMany'] } },
	})),
	{ ...simplifyOutput, displayOptions: forActions(['create', 'getMany', 'update']) },
];

export const description = updateDisplayOptions(
	{ show: { resource: ['file'], operation: ['manageLinks'] } },
	properties,
);

/** The FileLinkRequest settings from the Options / Update Fields collection. */
function settingsOf(this: IExecuteFunctions, fields: IDataObject, i: number): IDataObject {
	const body: IDataObject = {};
	if (fields.access !== undefined) {
		const access = Number(fields.access);
		if (!FILE_LINK_ACCESS.includes(access)) {
			throw invalidParameter.call(
				this,
				i,
				`The parameter “Access” has a value file links do not offer: ${String(fields.access)}`,
				'Pick an access level from the list.',
			);
		}
		body.access = access;
	}
	if (fields.title !== undefined)
		body.title = optionalText.call(this, 'Title', fields.title, i, LINK_TITLE_RULES);
	if (fields.expirationDate !== undefined) {
		body.expirationDate =
			dateParameter
				.call(this, 'Expiration Date', fields.expirationDate, i, { future: true })
				?.toISOString() ?? '';
	}
	if (fields.password !== undefined) body.password = String(fields.password);
	if (fields.denyDownload !== undefined) body.denyDownload = fields.denyDownload === true;
	if (fields.internal !== undefined) body.internal = fields.internal === true;
	return body;
}

/** Drops settings that mean "none" (DocSpace resets whatever a link request leaves out). */
function compact(body: IDataObject): IDataObject {
	const result: IDataObject = {};
	for (const [key, value] of Object.entries(body))
		if (value !== undefined && value !== '') result[key] = value;
	return result;
}

const linksPath = (fileId: string) => apiPath`files/file/${fileId}/links`;

async function findLink(
	this: IExecuteFunctions,
	fileId: string,
	linkId: string,
	i: number,
): Promise<IDataObject> {
	const links = await docSpacePaginate.call(this, {
		path: linksPath(fileId),
		itemIndex: i,
		pick: pickList,
	});
	const found = links.find(
		(share) =>
			String(((share.sharedLink ?? {}) as IDataObject).id ?? '').toLowerCase() ===
			linkId.toLowerCase(),
	);
	if (!found) {
		throw invalidParameter.call(
			this,
			i,
			`The file has no external link with the ID “${linkId}” (parameter “Link ID”)`,
			'Use the Get Many action to see the file’s links and their IDs; the link may have been deleted.',
		);
	}
	return found;
}

function linkIdOf(this: IExecuteFunctions, i: number): string {
	const linkId = String(this.getNodeParameter('linkId', i, '') ?? '').trim();
	if (!isGuid(linkId)) {
		throw invalidParameter.call(
			this,
			i,
			linkId
				? `The parameter “Link ID” is not a link ID: “${linkId}”`
				: 'The parameter “Link ID” is empty',
			'Copy the link’s ID (a GUID) from the output of Get Link or of the Get Many action.',
		);
	}
	return linkId;
}

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const fileId = locatorId.call(this, 'file', i);
	const action = String(this.getNodeParameter('linkAction', i));

	if (action === 'getMany') {
		return await listItems.call(
			this,
			i,
			{ path: linksPath(fileId), pick: pickList },
			summarizeLink,
		);
	}

	let body: IDataObject;
	if (action === 'create') {
		const options = this.getNodeParameter('linkOptions', i, {}) as IDataObject;
		body = compact(
			settingsOf.call(
				this,
				{ ...options, access: this.getNodeParameter('access', i, FileShare.Read) },
				i,
			),
		);
	} else {
		const linkId = linkIdOf.call(this, i);
		if (action === 'delete') {
			await findLink.call(this, fileId, linkId, i);
			await docSpaceCall.call(this, {
				method: 'PUT',
				path: linksPath(fileId),
				body: { linkId, access: FileShare.None },
				itemIndex: i,
			});
			return toItems.call(this, { deleted: true, id: linkId });
		}
		const fields = this.getNodeParameter('updateFields', i, {}) as IDataObject;
		if (Object.keys(fields).length === 0) {
			throw invalidParameter.call(
				this,
				i,
				'No fields to update were given',
				'Add at least one field under “Update Fields”.',
			);
		}
		const changes = settingsOf.call(this, fields, i);
		const current = await findLink.call(this, fileId, linkId, i);
		const link = (current.sharedLink ?? {}) as IDataObject;
		if (link.isExpired === true && changes.expirationDate === undefined) {
			throw invalidParameter.call(
				this,
				i,
				'The link has expired; changing it would make it work again without an end date',
				'Add “Expiration Date” under “Update Fields” with a new date (or an empty value for a link that never expires).',
			);
		}
		// DocSpace resets every setting the request leaves out, so send the current ones too.
		body = compact({
			linkId,
			access: current.access,
			title: link.title,
			expirationDate: link.expirationDate,
			password: link.password,
			denyDownload: link.denyDownload === true,
			internal: link.internal === true,
			primary: link.primary === true,
			...changes,
		});
	}
	const share = await docSpaceCall.call(this, {
		method: 'PUT',
		path: linksPath(fileId),
		body,
		itemIndex: i,
	});
	if (!share.sharedLink) {
		throw new NodeOperationError(
			this.getNode(),
			`DocSpace did not ${action === 'create' ? 'create' : 'change'} the link`,
			{
				itemIndex: i,
				description:
					'The file may already have as many external links as DocSpace allows, or the account may not share this file.',
			},
		);
	}
	return simplifiedItems.call(this, i, share, summarizeLink);
}
