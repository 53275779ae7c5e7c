import type { IAuthenticateGeneric, Icon, ICredentialType, INodeProperties } from 'n8n-workflow';

import type { CredentialProbe } from './common';
import { baseUrlProperty } from './common';

export class DocSpaceBasicAuthApi implements ICredentialType {
	name = 'docSpaceBasicAuthApi';

	displayName = 'ONLYOFFICE DocSpace Basic Auth API';

	icon: Icon = { light: 'file:../icons/docspace.svg', dark: 'file:../icons/docspace.dark.svg' };

	documentationUrl =
		'https://api.onlyoffice.com/docspace/api-backend/get-started/authentication/basic-authentication/';

	properties: INodeProperties[] = [
		baseUrlProperty,
		{
			displayName: 'Email',
			name: 'email',
			type: 'string',
			placeholder: 'e.g. name@example.com',
			required: true,
			default: '',
			hint: 'The email address you sign in to DocSpace with',
		},
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			hint: 'Your DocSpace password. Accounts that sign in only through SSO or with two-factor authentication should use an API key instead.',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			auth: {
				username: '={{$credentials.email}}',
				password: '={{$credentials.password}}',
			},
		},
	};

	// Run by the nodes' credential test (testedBy), which words the failures n8n 1.x and 2.x show.
	probe: CredentialProbe = {
		path: '/people/@self',
		rejected:
			'DocSpace did not accept this email and password. Check both by signing in to the portal in a browser; accounts that sign in through SSO or with two-factor authentication cannot use a password here: use an API key instead.',
	};
}
