import type { Icon, ICredentialType, INodeProperties } from 'n8n-workflow';

import { baseUrlProperty } from './common';

const DEFAULT_SCOPES = [
	'accounts:read',
	'accounts:write',
	'accounts.self:read',
	'accounts.self:write',
	'files:read',
	'files:write',
	'rooms:read',
	'rooms:write',
].join(' ');

// DocSpace cloud portals authorize through oauth.onlyoffice.com; a self-hosted portal is its own
// authorization server. The Authorization Server URL field overrides the choice.
const authServerExpression =
	'(String($self.authServerUrl || "").trim() || (/^https?:\\/\\/[^/]+\\.onlyoffice\\.(com|eu|sg|io)(\\/|$)/i.test(String($self.baseUrl).trim()) ? "https://oauth.onlyoffice.com" : String($self.baseUrl).trim())).replace(/\\/+$/, "").replace(/\\/api\\/2\\.0$/i, "")';

export class DocSpaceOAuth2Api implements ICredentialType {
	name = 'docSpaceOAuth2Api';

	displayName = 'ONLYOFFICE DocSpace OAuth2 API';

	extends = ['oAuth2Api'];

	icon: Icon = { light: 'file:../icons/docspace.svg', dark: 'file:../icons/docspace.dark.svg' };

	documentationUrl =
		'https://api.onlyoffice.com/docspace/api-backend/get-started/authentication/oauth2/';

	properties: INodeProperties[] = [
		{
			...baseUrlProperty,
			hint: 'The address of your DocSpace portal. Register the app in DocSpace under Developer Tools → OAuth 2.0 with the OAuth Redirect URL shown at the top of this form, then copy its Client ID (and Client Secret) here.',
		},
		{
			displayName: 'Authorization Server URL',
			name: 'authServerUrl',
			type: 'string',
			default: '',
			placeholder: 'e.g. https://oauth.onlyoffice.com',
			hint: 'Leave empty to use https://oauth.onlyoffice.com for DocSpace cloud portals and the portal itself for self-hosted ones',
		},
		{
			// n8n's editor shows the OAuth Redirect URL and the Connect button only while this value is
			// literally "authorizationCode" or "pkce", so it must be a plain choice, not an expression.
			displayName: 'Grant Type',
			name: 'grantType',
			type: 'options',
			options: [
				{
					name: 'Authorization Code (App With a Client Secret)',
					value: 'authorizationCode',
				},
				{
					name: 'PKCE (Public Client, No Secret)',
					value: 'pkce',
				},
			],
			default: 'authorizationCode',
			hint: 'PKCE for an app registered in DocSpace with "Allow public client (PKCE)"',
		},
		{
			displayName: 'Client Secret',
			name: 'clientSecret',
			type: 'string',
			typeOptions: { password: true },
			displayOptions: { show: { grantType: ['authorizationCode'] } },
			required: true,
			default: '',
		},
		{
			displayName: 'Authorization URL',
			name: 'authUrl',
			type: 'hidden',
			default: `={{ ${authServerExpression} + "/oauth2/authorize" }}`,
		},
		{
			displayName: 'Access Token URL',
			name: 'accessTokenUrl',
			type: 'hidden',
			default: `={{ ${authServerExpression} + "/oauth2/token" }}`,
		},
		{
			displayName: 'Scope',
			name: 'scope',
			type: 'string',
			default: DEFAULT_SCOPES,
			hint: 'Space-separated DocSpace scopes; they must be enabled for the app in Developer Tools → OAuth 2.0',
		},
		{
			displayName: 'Auth URI Query Parameters',
			name: 'authQueryParameters',
			type: 'hidden',
			default: '',
		},
		{
			displayName: 'Send Additional Body Properties',
			name: 'sendAdditionalBodyProperties',
			type: 'hidden',
			default: false,
		},
		{
			displayName: 'Additional Body Properties',
			name: 'additionalBodyProperties',
			type: 'hidden',
			default: '',
		},
		{
			// DocSpace's token endpoint accepts client credentials in the body only (client_secret_post).
			displayName: 'Authentication',
			name: 'authentication',
			type: 'hidden',
			default: 'body',
		},
	];
}
