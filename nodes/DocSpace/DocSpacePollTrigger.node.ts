import type {
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { listSearch } from './methods';
import { pollProperties } from './poll/description';
import { poll } from './poll/run';
import { shownFor } from './shared/authentication.description';
import { credentialTest } from './transport/credentialTest';

export class DocSpacePollTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'ONLYOFFICE DocSpace Poll Trigger',
		name: 'docSpacePollTrigger',
		icon: { light: 'file:../../icons/docspace.svg', dark: 'file:../../icons/docspace.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{ $parameter["event"] }}',
		description:
			'Starts the workflow when DocSpace has new or changed files, folders, rooms or users, by asking it at regular intervals',
		defaults: { name: 'ONLYOFFICE DocSpace Poll Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{ name: 'docSpaceApiKeyApi', testedBy: 'docSpaceCredentialTest', ...shownFor('apiKey') },
			{
				name: 'docSpaceBasicAuthApi',
				testedBy: 'docSpaceCredentialTest',
				...shownFor('basicAuth'),
			},
			// n8n tests OAuth2 credentials itself: connected or not
			{ name: 'docSpaceOAuth2Api', ...shownFor('oAuth2') },
			{
				name: 'docSpacePersonalAccessTokenApi',
				testedBy: 'docSpaceCredentialTest',
				...shownFor('personalAccessToken'),
			},
		],
		properties: pollProperties,
	};

	methods = { listSearch, credentialTest };

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		return await poll.call(this);
	}
}
