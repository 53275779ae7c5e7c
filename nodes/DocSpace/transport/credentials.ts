import type {
	ICredentialDataDecryptedObject,
	IExecuteFunctions,
	IHookFunctions,
	ILoadOptionsFunctions,
	IPollFunctions,
	IWebhookFunctions,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

export type DocSpaceContext =
	| IExecuteFunctions
	| ILoadOptionsFunctions
	| IHookFunctions
	| IPollFunctions
	| IWebhookFunctions;

export const authenticationMethods = [
	'apiKey',
	'basicAuth',
	'oAuth2',
	'personalAccessToken',
] as const;

export type AuthenticationMethod = (typeof authenticationMethods)[number];

/** The credential type behind each value of the nodes' Authentication parameter. */
export function credentialTypeOf(method: AuthenticationMethod): string {
	const suffix = {
		apiKey: 'ApiKey',
		basicAuth: 'BasicAuth',
		oAuth2: 'OAuth2',
		personalAccessToken: 'PersonalAccessToken',
	};
	return `docSpace${suffix[method]}Api`;
}

function isAuthenticationMethod(value: unknown): value is AuthenticationMethod {
	return typeof value === 'string' && (authenticationMethods as readonly string[]).includes(value);
}

export interface ResolvedCredentials {
	method: AuthenticationMethod;
	type: string;
	/** Portal origin without a trailing slash, e.g. https://portal.onlyoffice.com */
	portalUrl: string;
	/** Secret values that must never appear in messages. */
	secrets: string[];
}

function readAuthentication(context: DocSpaceContext): unknown {
	if ('getInputData' in context) return context.getNodeParameter('authentication', 0);
	return (context as IHookFunctions).getNodeParameter('authentication');
}

const BASE_URL_FIX =
	'Enter the full portal address in the credential, e.g. https://yourportal.onlyoffice.com';

/** The portal origin (and path) from what a user pasted into the Base URL field, or what is wrong with it. */
export function parsePortalUrl(raw: unknown): { url: string } | { problem: string; fix: string } {
	const value = typeof raw === 'string' ? raw.trim() : '';
	if (!value) return { problem: 'The credential has no Base URL', fix: BASE_URL_FIX };
	if (!/^https?:\/\//i.test(value))
		return {
			problem: `The Base URL "${value}" has no http:// or https:// scheme`,
			fix: BASE_URL_FIX,
		};
	let url: URL;
	try {
		url = new URL(value);
	} catch {
		return { problem: `The Base URL "${value}" is not a valid URL`, fix: BASE_URL_FIX };
	}
	const path = url.pathname.replace(/\/+$/, '').replace(/\/api\/2\.0$/i, '');
	return { url: `${url.origin}${path}` };
}

/** Turns what a user pasted into the Base URL field into the portal origin. */
export function normalizePortalUrl(
	raw: unknown,
	context: Pick<DocSpaceContext, 'getNode'>,
): string {
	const parsed = parsePortalUrl(raw);
	if ('url' in parsed) return parsed.url;
	throw new NodeOperationError(context.getNode(), parsed.problem, { description: parsed.fix });
}

/** A secret as it may appear in an echoed request: raw, URL-encoded, form-encoded, JSON-escaped, base64. */
export function secretForms(secret: string): string[] {
	const json = JSON.stringify(secret).slice(1, -1);
	const url = encodeURIComponent(secret);
	const base64 = Buffer.from(secret, 'utf8').toString('base64');
	const forms = [
		secret,
		url,
		url.replace(/%20/g, '+'),
		json,
		json.replace(/\//g, '\\/'),
		base64,
		base64.replace(/=+$/, ''),
	];
	// Longest first, so that a form containing another is replaced whole.
	return [...new Set(forms)].filter((form) => form.length >= 4).sort((a, b) => b.length - a.length);
}

function secretsOf(credentials: ICredentialDataDecryptedObject): string[] {
	const values: unknown[] = [credentials.apiKey, credentials.password, credentials.token];
	if (typeof credentials.email === 'string' && typeof credentials.password === 'string') {
		// What the Basic header carries: base64(email:password).
		values.push(`${credentials.email}:${credentials.password}`);
	}
	const tokenData = credentials.oauthTokenData;
	if (tokenData && typeof tokenData === 'object') {
		const { access_token: accessToken, refresh_token: refreshToken } = tokenData as Record<
			string,
			unknown
		>;
		values.push(accessToken, refreshToken, credentials.clientSecret);
	}
	const secrets = values.filter((v): v is string => typeof v === 'string' && v.length >= 4);
	return [...new Set(secrets.flatMap(secretForms))].sort((a, b) => b.length - a.length);
}

const secretsByContext = new WeakMap<object, string[]>();

/** The secret forms of every credential read through this context, to scrub errors with. */
export function secretsSeenBy(context: object): string[] {
	return secretsByContext.get(context) ?? [];
}

export async function resolveCredentials(context: DocSpaceContext): Promise<ResolvedCredentials> {
	const method = readAuthentication(context);
	if (!isAuthenticationMethod(method)) {
		throw new NodeOperationError(
			context.getNode(),
			`Unknown authentication method "${String(method)}"`,
			{ description: 'Choose an authentication method in the node’s Authentication parameter' },
		);
	}
	const type = credentialTypeOf(method);
	const credentials = await context.getCredentials(type);
	const secrets = secretsOf(credentials);
	const known = secretsSeenBy(context);
	if (secrets.some((secret) => !known.includes(secret)))
		secretsByContext.set(
			context,
			[...new Set([...known, ...secrets])].sort((a, b) => b.length - a.length),
		);
	return {
		method,
		type,
		portalUrl: normalizePortalUrl(credentials.baseUrl, context),
		secrets,
	};
}
