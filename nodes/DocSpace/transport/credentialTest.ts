/**
 * The nodes' credential test (`testedBy: 'docSpaceCredentialTest'`). n8n 1.x drops the response
 * before a credential's test `rules` are read, and neither version words a refused connection, so
 * the nodes ask the portal themselves and say what to check. OAuth2 is tested by n8n (connected or not).
 */
import type {
	IAuthenticateGeneric,
	ICredentialDataDecryptedObject,
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	IDataObject,
	INodeCredentialTestResult,
} from 'n8n-workflow';

import { DocSpaceApiKeyApi } from '../../../credentials/DocSpaceApiKeyApi.credentials';
import { DocSpaceBasicAuthApi } from '../../../credentials/DocSpaceBasicAuthApi.credentials';
import { DocSpacePersonalAccessTokenApi } from '../../../credentials/DocSpacePersonalAccessTokenApi.credentials';
import { parsePortalUrl } from './credentials';
import { connectionReason } from './errors';
import { failureOf, serverMessageOf } from './failure';

type TestedType = DocSpaceApiKeyApi | DocSpaceBasicAuthApi | DocSpacePersonalAccessTokenApi;

const testedTypes: Record<string, TestedType> = Object.fromEntries(
	[new DocSpaceApiKeyApi(), new DocSpaceBasicAuthApi(), new DocSpacePersonalAccessTokenApi()].map(
		(type) => [type.name, type],
	),
);

/** The credential types the nodes test (every one but OAuth2). */
export const testedCredentialTypes = Object.keys(testedTypes);

const NOT_A_PORTAL =
	'No DocSpace portal answers at this Base URL. Enter the portal address as you open it in the browser, e.g. https://yourportal.onlyoffice.com.';
const TIMEOUT_MS = 20000;

/** `={{$credentials.x}}` in an `authenticate` value, filled from the credential. */
function resolve(value: unknown, data: ICredentialDataDecryptedObject): string {
	const text = String(value ?? '');
	return (text.startsWith('=') ? text.slice(1) : text).replace(
		/\{\{\s*\$credentials\.(\w+)\s*\}\}/g,
		(_, key: string) => String(data[key] ?? ''),
	);
}

/** The request options the credential type's own `authenticate` block adds (headers, basic auth). */
function authenticated(
	authenticate: IAuthenticateGeneric,
	data: ICredentialDataDecryptedObject,
): IDataObject {
	const { headers = {}, auth } = authenticate.properties;
	const options: IDataObject = {
		headers: Object.fromEntries(
			Object.entries(headers).map(([name, value]) => [name, resolve(value, data)]),
		),
	};
	if (auth)
		options.auth = { user: resolve(auth.username, data), pass: resolve(auth.password, data) };
	return options;
}

interface Answer {
	statusCode: number;
	headers: Record<string, unknown>;
	body: unknown;
}

function verdict(answer: Answer, rejected: string): INodeCredentialTestResult {
	const type = String(answer.headers['content-type'] ?? '');
	const body =
		typeof answer.body === 'string' && type.includes('json') ? tryJson(answer.body) : answer.body;
	if (answer.statusCode === 401) return { status: 'Error', message: rejected };
	const isDocSpaceJson = typeof body === 'object' && body !== null && 'response' in body;
	if (answer.statusCode === 404 || !isDocSpaceJson) {
		return {
			status: 'Error',
			message: `${NOT_A_PORTAL} (HTTP ${answer.statusCode}${type ? `, ${type.split(';')[0]}` : ''})`,
		};
	}
	if (answer.statusCode >= 200 && answer.statusCode < 300)
		return { status: 'OK', message: 'Connection tested successfully' };
	const said = serverMessageOf(body);
	return {
		status: 'Error',
		message: `The DocSpace portal answered HTTP ${answer.statusCode}${said ? `: ${said}` : ''}`,
	};
}

function tryJson(text: string): unknown {
	try {
		return JSON.parse(text);
	} catch {
		return text;
	}
}

export async function docSpaceCredentialTest(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const type = testedTypes[credential.type];
	if (!type)
		return { status: 'Error', message: `No test for the credential type ${credential.type}` };
	const data = credential.data ?? {};
	const portal = parsePortalUrl(data.baseUrl);
	if (!('url' in portal)) return { status: 'Error', message: `${portal.problem}. ${portal.fix}.` };
	const root = `${portal.url}/api/2.0`;
	let answer: Answer;
	try {
		const { headers, ...auth } = authenticated(type.authenticate, data);
		// eslint-disable-next-line @n8n/community-nodes/no-deprecated-workflow-functions -- n8n's credential test context (1.x and 2.x) offers no other request helper
		answer = (await this.helpers.request({
			method: 'GET',
			uri: `${root}${type.probe.path}`,
			...auth,
			// Accept: web apps that answer every path with their HTML page (n8n itself, for one) answer 404 to it
			headers: { Accept: 'application/json', ...(headers as IDataObject) },
			timeout: TIMEOUT_MS,
			simple: false,
			resolveWithFullResponse: true,
		})) as Answer;
	} catch (error) {
		const { code } = failureOf(error);
		const where = new URL(root).origin;
		if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
			return {
				status: 'Error',
				message: `The host of ${where} could not be found. Check the Base URL: use the portal address as you open it in the browser.`,
			};
		}
		return {
			status: 'Error',
			message: `No portal could be reached at ${where}: ${code ? connectionReason(code) : 'the request failed'}. Check the Base URL and that the portal is online and reachable from n8n.`,
		};
	}
	return verdict(answer, type.probe.rejected);
}

export const credentialTest = { docSpaceCredentialTest };
