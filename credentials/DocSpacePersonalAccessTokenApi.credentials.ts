import type { IAuthenticateGeneric, Icon, ICredentialType, INodeProperties } from 'n8n-workflow';

import type { CredentialProbe } from './common';
import { baseUrlProperty } from './common';

export class DocSpacePersonalAccessTokenApi implements ICredentialType {
	name = 'docSpacePersonalAccessTokenApi';

	displayName = 'ONLYOFFICE DocSpace Personal Access Token API';

	icon: Icon = { light: 'file:../icons/docspace.svg', dark: 'file:../icons/docspace.dark.svg' };

	documentationUrl =
		'https://api.onlyoffice.com/docspace/api-backend/get-started/authentication/personal-access-tokens/';

	properties: INodeProperties[] = [
		baseUrlProperty,
		{
			displayName: 'Personal Access Token',
			name: 'token',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			hint: 'A DocSpace session token, returned by POST /api/2.0/authentication (field "token"). Meant for testing; prefer an API key for production workflows.',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				Authorization: '={{$credentials.token}}',
			},
		},
	};

	// Run by the nodes' credential test (testedBy), which words the failures n8n 1.x and 2.x show.
	probe: CredentialProbe = {
		path: '/people/@self',
		rejected:
			'DocSpace did not accept this token. Session tokens expire and end when you sign out: get a new one with POST /api/2.0/authentication, or use an API key instead.',
	};
}
