/** Shortcuts for running the DocSpace nodes against an emulator in tests. */
import type { ICredentialDataDecryptedObject, INode, INodeExecutionData } from 'n8n-workflow';

import { DocSpace } from '../../nodes/DocSpace/DocSpace.node';
import type { AuthenticationMethod } from '../../nodes/DocSpace/transport/credentials';
import { credentialTypeOf } from '../../nodes/DocSpace/transport/credentials';
import type { Emulator } from '../emulator/index.cjs';
import type { RunResult } from './n8n.cjs';
import { runNode } from './n8n.cjs';

export const authenticationMethods: AuthenticationMethod[] = [
	'apiKey',
	'basicAuth',
	'oAuth2',
	'personalAccessToken',
];

/** Runs the OAuth2 authorization-code flow against the emulator and returns n8n-shaped token data. */
export async function oauthTokenData(
	emulator: Emulator,
	scope?: string,
): Promise<ICredentialDataDecryptedObject> {
	const { clientId, clientSecret } = emulator.secrets.oauthClient;
	const redirectUri = 'http://localhost:5678/rest/oauth2-credential/callback';
	const authorize = new URL(`${emulator.url}/oauth2/authorize`);
	authorize.search = new URLSearchParams({
		response_type: 'code',
		client_id: clientId,
		redirect_uri: redirectUri,
		state: 'test',
		...(scope ? { scope } : {}),
	}).toString();
	// the consent page's Allow button POSTs the same query back
	const approval = await fetch(authorize, {
		method: 'POST',
		redirect: 'manual',
		headers: { 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ decision: 'allow' }),
	});
	const code = new URL(approval.headers.get('location') ?? '').searchParams.get('code');
	if (!code) throw new Error(`authorize answered ${approval.status} without a code`);
	const token = await fetch(`${emulator.url}/oauth2/token`, {
		method: 'POST',
		headers: { 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({
			grant_type: 'authorization_code',
			code,
			redirect_uri: redirectUri,
			client_id: clientId,
			client_secret: clientSecret,
		}),
	});
	if (!token.ok) throw new Error(`token endpoint answered ${token.status}`);
	return (await token.json()) as ICredentialDataDecryptedObject;
}

/** Credential data of each type for the emulator's seed portal. */
export async function credentialData(
	emulator: Emulator,
	method: AuthenticationMethod,
	baseUrl = emulator.url,
): Promise<ICredentialDataDecryptedObject> {
	const { secrets } = emulator;
	switch (method) {
		case 'apiKey':
			return { baseUrl, apiKey: secrets.apiKey };
		case 'basicAuth':
			return { baseUrl, email: secrets.adminEmail, password: secrets.adminPassword };
		case 'personalAccessToken':
			return { baseUrl, token: secrets.personalAccessToken };
		case 'oAuth2':
			return {
				baseUrl,
				clientId: secrets.oauthClient.clientId,
				clientSecret: secrets.oauthClient.clientSecret,
				oauthTokenData: await oauthTokenData(emulator),
			};
	}
}

export interface DocSpaceRun {
	emulator: Emulator;
	parameters: Record<string, unknown>;
	authentication?: AuthenticationMethod;
	/** Replaces the credential data (e.g. a wrong secret). */
	credentials?: ICredentialDataDecryptedObject;
	input?: INodeExecutionData[];
	/** Node settings such as onError. */
	node?: Partial<INode>;
}

/** Runs the action node with one credential type against the emulator. */
export async function runDocSpace(run: DocSpaceRun): Promise<RunResult> {
	const authentication = run.authentication ?? 'apiKey';
	const data = run.credentials ?? (await credentialData(run.emulator, authentication));
	return await runNode({
		nodeType: new DocSpace(),
		parameters: { authentication, ...run.parameters },
		credentials: { [credentialTypeOf(authentication)]: data },
		input: run.input,
		node: run.node,
	});
}

/** A resource locator parameter value. */
export const byId = (value: string | number) => ({ __rl: true, mode: 'id', value: String(value) });
export const byUrl = (value: string) => ({ __rl: true, mode: 'url', value });
/** A value picked From List in the editor. */
export const fromList = (value: string | number) => ({
	__rl: true,
	mode: 'list',
	value: String(value),
});
