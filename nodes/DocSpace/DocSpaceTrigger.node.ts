import type {
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { listSearch } from './methods';
import { shownFor } from './shared/authentication.description';
import { credentialTest } from './transport/credentialTest';
import { receive } from './trigger/delivery';
import { triggerProperties } from './trigger/description';
import { getWebhookEvents } from './trigger/loadOptions';
import { checkExists, create, remove } from './trigger/registration';

export class DocSpaceTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'ONLYOFFICE DocSpace Trigger',
		name: 'docSpaceTrigger',
		icon: { light: 'file:../../icons/docspace.svg', dark: 'file:../../icons/docspace.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{ ($parameter["events"] || []).join(", ") }}',
		description:
			'Starts the workflow when files, folders, rooms, users or groups change in ONLYOFFICE DocSpace',
		defaults: { name: 'ONLYOFFICE DocSpace Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{ name: 'docSpaceApiKeyApi', testedBy: 'docSpaceCredentialTest', ...shownFor('apiKey') },
			{
				name: 'docSpaceBasicAuthApi',
				testedBy: 'docSpaceCredentialTest',
				...shownFor('basicAuth'),
			},
			{
				name: 'docSpacePersonalAccessTokenApi',
				testedBy: 'docSpaceCredentialTest',
				...shownFor('personalAccessToken'),
			},
		],
		webhooks: [
			// DocSpace probes the URL with HEAD before it saves a subscription; listed first so that
			// n8n registers it before `create` runs.
			{ name: 'setup', httpMethod: 'HEAD', responseMode: 'onReceived', path: 'webhook' },
			{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' },
		],
		properties: triggerProperties,
	};

	methods = { listSearch, loadOptions: { getWebhookEvents }, credentialTest };

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return await checkExists.call(this);
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return await create.call(this);
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return await remove.call(this);
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await receive.call(this);
	}
}
