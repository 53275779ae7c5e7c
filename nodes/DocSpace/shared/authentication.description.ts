import type { INodeCredentialDescription, INodeProperties } from 'n8n-workflow';

import type { AuthenticationMethod } from '../transport/credentials';
import { credentialTypeOf } from '../transport/credentials';

const labels: Record<AuthenticationMethod, string> = {
	apiKey: 'API Key',
	basicAuth: 'Basic Auth',
	oAuth2: 'OAuth2',
	personalAccessToken: 'Personal Access Token',
};

/** The Authentication parameter shared by both nodes. */
export function authenticationProperty(methods: AuthenticationMethod[]): INodeProperties {
	return {
		displayName: 'Authentication',
		name: 'authentication',
		type: 'options',
		options: methods.map((method) => ({ name: labels[method], value: method })),
		default: 'apiKey',
	};
}

/** One credential entry per authentication method, shown only for that method. */
export function credentialsFor(methods: AuthenticationMethod[]): INodeCredentialDescription[] {
	return methods.map((method) => ({
		name: credentialTypeOf(method),
		required: true,
		displayOptions: { show: { authentication: [method] } },
	}));
}
