import type { INodeProperties } from 'n8n-workflow';

import {
	fileLocator,
	folderLocator,
	groupLocator,
	roomLocator,
	userLocator,
} from '../shared/locators';
import { authenticationProperty } from '../shared/authentication.description';
import type { AuthenticationMethod } from '../transport/credentials';
import { formDataOptions } from './formData';
import { DEFAULT_MAX_EVENT_AGE_HOURS } from './freshness';

/** DocSpace refuses webhook management to OAuth tokens (their scopes do not cover settings/webhook). */
export const triggerAuthenticationMethods: AuthenticationMethod[] = [
	'apiKey',
	'basicAuth',
	'personalAccessToken',
];

const forTarget = (
	type: string,
	locator: INodeProperties,
	description: string,
): INodeProperties => ({
	...locator,
	description,
	displayOptions: { show: { targetType: [type] } },
});

export const triggerProperties: INodeProperties[] = [
	{
		displayName:
			'DocSpace does not let OAuth2 tokens manage webhooks, so this trigger offers no OAuth2. Use an API key (Developer Tools → API keys, full access) or one of the other methods.',
		name: 'oauthNotice',
		type: 'notice',
		default: '',
	},
	authenticationProperty(triggerAuthenticationMethods),
	{
		displayName: 'Event Names or IDs',
		name: 'events',
		type: 'multiOptions',
		typeOptions: {
			loadOptionsMethod: 'getWebhookEvents',
			loadOptionsDependsOn: ['authentication'],
		},
		required: true,
		default: [],
		description:
			'The DocSpace events that start the workflow. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	{
		displayName: 'Target',
		name: 'targetType',
		type: 'options',
		options: [
			{ name: 'File', value: 'file', description: 'Only events about one file' },
			{
				name: 'Folder',
				value: 'folder',
				description: 'Only events about one folder or what is in it',
			},
			{ name: 'Group', value: 'group', description: 'Only events about one group' },
			{ name: 'None', value: 'none', description: 'Events about anything the account can see' },
			{ name: 'Room', value: 'room', description: 'Only events about one room or what is in it' },
			{ name: 'User', value: 'user', description: 'Only events about one user' },
		],
		default: 'none',
		description: 'Whether to limit the events to one entity',
	},
	forTarget('room', roomLocator, 'The room the events must concern'),
	forTarget('folder', folderLocator, 'The folder the events must concern'),
	forTarget('file', fileLocator, 'The file the events must concern'),
	forTarget('user', userLocator, 'The user the events must concern'),
	forTarget('group', groupLocator, 'The group the events must concern'),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Include Raw Body',
				name: 'includeRawBody',
				type: 'boolean',
				default: false,
				description:
					'Whether to add the delivery’s body exactly as DocSpace signed it, as the string field rawBody',
			},
			{
				displayName: 'Max Event Age (Hours)',
				name: 'maxEventAgeHours',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: DEFAULT_MAX_EVENT_AGE_HOURS,
				description:
					'Deliveries of events created longer ago (by the signed event.createOn) are answered but start nothing. DocSpace’s own retries and a retry from its webhook log resend the original event and pass while it is younger. 0 accepts any age.',
			},
			{
				displayName: 'SSL Verification',
				name: 'sslVerification',
				type: 'boolean',
				default: true,
				description:
					'Whether DocSpace checks n8n’s TLS certificate when it delivers to an https webhook URL. Turn off only when n8n uses a self-signed or private-CA certificate. Has no effect on http URLs.',
			},
			...formDataOptions,
		],
	},
];
