import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { resourceProperty, resources } from './actions/resources';
import { router } from './actions/router';
import { listSearch, loadOptions } from './methods';
import { authenticationProperty, shownFor } from './shared/authentication.description';
import { credentialTest } from './transport/credentialTest';

export class DocSpace implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'ONLYOFFICE DocSpace',
		name: 'docSpace',
		icon: { light: 'file:../../icons/docspace.svg', dark: 'file:../../icons/docspace.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description:
			'Work with files, folders, rooms, PDF forms, users and groups of an ONLYOFFICE DocSpace portal',
		defaults: { name: 'ONLYOFFICE DocSpace' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
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
		properties: [
			authenticationProperty(['apiKey', 'basicAuth', 'oAuth2', 'personalAccessToken']),
			resourceProperty,
			...Object.values(resources).flatMap((resource) => resource.description),
		],
	};

	methods = { listSearch, loadOptions, credentialTest };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
