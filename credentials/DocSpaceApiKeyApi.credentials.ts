import type { IAuthenticateGeneric, Icon, ICredentialType, INodeProperties } from 'n8n-workflow';

import type { CredentialProbe } from './common';
import { baseUrlProperty } from './common';

export class DocSpaceApiKeyApi implements ICredentialType {
	name = 'docSpaceApiKeyApi';

	displayName = 'ONLYOFFICE DocSpace API';

	icon: Icon = { light: 'file:../icons/docspace.svg', dark: 'file:../icons/docspace.dark.svg' };

	documentationUrl =
		'https://api.onlyoffice.com/docspace/api-backend/get-started/authentication/api-keys/';

	properties: INodeProperties[] = [
		baseUrlProperty,
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			placeholder: 'e.g. sk-0123456789abcdef',
			hint: 'In DocSpace open Developer Tools → API keys → Create new secret key, then copy the key (it starts with sk- and is shown only once)',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				Authorization: '=Bearer {{$credentials.apiKey}}',
			},
		},
	};

	// keys/@self needs no permission scope, so a key limited to e.g. files:read passes too.
	// Run by the nodes' credential test (testedBy), which words the failures n8n 1.x and 2.x show.
	probe: CredentialProbe = {
		path: '/keys/@self',
		rejected:
			'DocSpace did not accept this API key. Check that it was copied whole (it starts with sk-) and that it is still listed, not expired, in DocSpace under Developer Tools → API keys, on the portal of this Base URL.',
	};
}
