import type { ICredentialTestFunctions, IHttpRequestOptions, INode } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { docSpaceCredentialTest } from '../../nodes/DocSpace/transport/credentialTest';
import { credentialTypeOf } from '../../nodes/DocSpace/transport/credentials';
import { credentialTypes, TestCredentialsHelper } from '../harness/n8n.cjs';

const node: INode = {
	id: 'n',
	name: 'DocSpace',
	type: 'x.docSpace',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};
const workflow = new Workflow({
	id: 'w',
	active: false,
	nodes: [node],
	connections: {},
	nodeTypes: {
		getByName: () => ({ description: { properties: [] } }) as never,
		getByNameAndVersion: () => ({ description: { properties: [] } }) as never,
		getKnownTypes: () => ({}),
	},
});

async function decrypted(type: string, data: Record<string, unknown>) {
	const helper = new TestCredentialsHelper({ [type]: data as never }, () => workflow);
	return await helper.getDecrypted({} as never, {} as never, type);
}

async function headerFor(type: string, data: Record<string, unknown>) {
	const helper = new TestCredentialsHelper({}, () => workflow);
	const options: IHttpRequestOptions = { url: 'https://portal.example.com/api/2.0/people/@self' };
	return await helper.authenticate(data as never, type, options, workflow, node);
}

describe('credential types', () => {
	test('names differ from the other DocSpace package and match the node’s authentication values', () => {
		for (const method of ['apiKey', 'basicAuth', 'oAuth2', 'personalAccessToken'] as const) {
			const type = credentialTypes[credentialTypeOf(method)];
			expect(type).toBeDefined();
			expect(type.name).not.toMatch(/^onlyofficeDocspace/);
			expect(type.icon).toEqual({
				light: 'file:../icons/docspace.svg',
				dark: 'file:../icons/docspace.dark.svg',
			});
		}
	});

	test('API key → Authorization: Bearer <key>', async () => {
		const options = await headerFor('docSpaceApiKeyApi', { apiKey: 'sk-abc' });
		expect(options.headers).toEqual({ Authorization: 'Bearer sk-abc' });
	});

	test('personal access token → raw Authorization header', async () => {
		const options = await headerFor('docSpacePersonalAccessTokenApi', { token: 'sessiontoken' });
		expect(options.headers).toEqual({ Authorization: 'sessiontoken' });
	});

	test('basic auth → HTTP basic with email and password', async () => {
		const options = await headerFor('docSpaceBasicAuthApi', { email: 'a@b.c', password: 'pw' });
		expect(options.auth).toEqual({ username: 'a@b.c', password: 'pw' });
	});

	test.each([
		['https://portal.example.com', 'https://portal.example.com/api/2.0'],
		['https://portal.example.com/', 'https://portal.example.com/api/2.0'],
		['  https://portal.example.com/api/2.0/ ', 'https://portal.example.com/api/2.0'],
		['https://example.com/docspace/API/2.0', 'https://example.com/docspace/api/2.0'],
	])(
		'the credential test asks the portal at the API root from Base URL %j',
		async (baseUrl, expected) => {
			const asked: Array<Record<string, unknown>> = [];
			const context = {
				helpers: {
					request: async (options: Record<string, unknown>) => {
						asked.push(options);
						return {
							statusCode: 200,
							headers: { 'content-type': 'application/json' },
							body: { response: {} },
						};
					},
				},
			} as unknown as ICredentialTestFunctions;
			const result = await docSpaceCredentialTest.call(context, {
				id: 'c',
				name: 'c',
				type: 'docSpaceApiKeyApi',
				data: { baseUrl, apiKey: 'sk-abc' },
			});
			expect(result.status).toBe('OK');
			expect(asked.map((o) => o.uri)).toEqual([`${expected}/keys/@self`]);
			expect((asked[0].headers as Record<string, string>).Authorization).toBe('Bearer sk-abc');
		},
	);

	test('the credential test says the host was not found, in words, for ENOTFOUND', async () => {
		const context = {
			helpers: {
				request: async () =>
					await Promise.reject(
						Object.assign(new Error('getaddrinfo ENOTFOUND nowhere.example'), {
							code: 'ENOTFOUND',
						}),
					),
			},
		} as unknown as ICredentialTestFunctions;
		const result = await docSpaceCredentialTest.call(context, {
			id: 'c',
			name: 'c',
			type: 'docSpaceApiKeyApi',
			data: { baseUrl: 'https://nowhere.example', apiKey: 'sk-abc' },
		});
		expect(result).toEqual({
			status: 'Error',
			message: expect.stringContaining('Check the Base URL'),
		});
		expect(result.message).toContain('could not be found');
	});
});

describe('OAuth2 credential', () => {
	test('cloud portals authorize at oauth.onlyoffice.com with the eight scopes, in the body', async () => {
		const data = await decrypted('docSpaceOAuth2Api', { baseUrl: 'https://acme.onlyoffice.com/' });
		expect(data.authUrl).toBe('https://oauth.onlyoffice.com/oauth2/authorize');
		expect(data.accessTokenUrl).toBe('https://oauth.onlyoffice.com/oauth2/token');
		expect(data.grantType).toBe('authorizationCode');
		expect(data.authentication).toBe('body');
		expect(String(data.scope).split(' ').sort()).toEqual([
			'accounts.self:read',
			'accounts.self:write',
			'accounts:read',
			'accounts:write',
			'files:read',
			'files:write',
			'rooms:read',
			'rooms:write',
		]);
	});

	test('a self-hosted portal is its own authorization server', async () => {
		const data = await decrypted('docSpaceOAuth2Api', {
			baseUrl: 'https://docs.example.org/api/2.0',
		});
		expect(data.authUrl).toBe('https://docs.example.org/oauth2/authorize');
		expect(data.accessTokenUrl).toBe('https://docs.example.org/oauth2/token');
	});

	test('the authorization server can be overridden, and PKCE is a grant type choice', async () => {
		const data = await decrypted('docSpaceOAuth2Api', {
			baseUrl: 'https://acme.onlyoffice.com',
			authServerUrl: 'https://auth.example.net/',
			grantType: 'pkce',
		});
		expect(data.authUrl).toBe('https://auth.example.net/oauth2/authorize');
		expect(data.grantType).toBe('pkce');
	});
});
