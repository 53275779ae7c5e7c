import type { INodeCredentialDescription, INodeProperties } from 'n8n-workflow';

import type { AuthenticationMethod } from '../transport/credentials';

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

/**
 * What a node's credential entry for `method` holds besides its name and test: required, shown
 * only for that method. The entries themselves are written out in each node (name and `testedBy`
 * as literals), as n8n's community lint reads them from the source.
 */
export function shownFor(
	method: AuthenticationMethod,
): Pick<INodeCredentialDescription, 'required' | 'displayOptions'> {
	return { required: true, displayOptions: { show: { authentication: [method] } } };
}
