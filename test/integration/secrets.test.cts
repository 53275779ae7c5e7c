/**
 * Sentinel secrets of every credential type through every error path, including proxies and
 * WAFs that echo the request: no secret, in any encoding, in outputs, messages, descriptions,
 * error context and cause, execution data or logs.
 */
import { inspect } from 'node:util';

import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import type { AuthenticationMethod } from '../../nodes/DocSpace/transport/credentials';
import { secretForms } from '../../nodes/DocSpace/transport/credentials';
import { startEmulator, type Emulator, type FaultRule } from '../emulator/index.cjs';
import { authenticationMethods, byId, credentialData, runDocSpace } from '../harness/docspace.cjs';
import { useShortRetries } from './faults.fixtures.cjs';

const SENTINEL = {
	apiKey: 'sk-SENTINELapikey7f3a9c1e5b',
	password: 'Sentinel/Pw+ "q&x=1é',
	token: 'SENTINEL-pat-token-4b8d2e6f',
};

useShortRetries();
let emulator: Emulator;
const logs: string[] = [];
const credentials: Partial<Record<AuthenticationMethod, ICredentialDataDecryptedObject>> = {};

beforeAll(async () => {
	emulator = await startEmulator();
	const { state } = emulator;
	const admin = state.seedIds.users.admin;
	(state.getUser(admin) as { password: string }).password = SENTINEL.password;
	state.createApiKey({ userId: admin, name: 'sentinel', key: SENTINEL.apiKey });
	state.createSession(admin, { token: SENTINEL.token });
	credentials.apiKey = { baseUrl: emulator.url, apiKey: SENTINEL.apiKey };
	credentials.basicAuth = {
		baseUrl: emulator.url,
		email: emulator.secrets.adminEmail,
		password: SENTINEL.password,
	};
	credentials.personalAccessToken = { baseUrl: emulator.url, token: SENTINEL.token };
	credentials.oAuth2 = await credentialData(emulator, 'oAuth2');
	for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
		jest
			.spyOn(console, method)
			.mockImplementation(
				(...args: unknown[]) => void logs.push(args.map((a) => inspect(a, { depth: 6 })).join(' ')),
			);
	}
	for (const stream of [process.stdout, process.stderr]) {
		const write = stream.write.bind(stream);
		jest.spyOn(stream, 'write').mockImplementation(((chunk: unknown, ...rest: unknown[]) => {
			logs.push(String(chunk));
			return (write as (...args: unknown[]) => boolean)(chunk, ...rest);
		}) as typeof stream.write);
	}
});
afterAll(async () => {
	jest.restoreAllMocks();
	await emulator.close();
});
beforeEach(() => emulator.faults.clear());

/** Every secret of the credential, in the forms an echo may carry them. */
function secretsOf(data: ICredentialDataDecryptedObject): string[] {
	const raw: unknown[] = [data.apiKey, data.password, data.token, data.clientSecret];
	const tokens = data.oauthTokenData as Record<string, unknown> | undefined;
	raw.push(tokens?.access_token, tokens?.refresh_token);
	if (data.email && data.password) raw.push(`${String(data.email)}:${String(data.password)}`);
	return raw
		.filter((v): v is string => typeof v === 'string' && v.length >= 4)
		.flatMap(secretForms);
}

const JSON_ECHO = { echo: true } as const;
const paths: Array<[string, FaultRule, Record<string, unknown>]> = [
	[
		'400 echo on a read',
		{ ...JSON_ECHO, method: 'GET', status: 400 },
		{ operation: 'get', folderId: byId('@my') },
	],
	[
		'403 echo on a write',
		{ ...JSON_ECHO, method: 'POST', status: 403 },
		{ operation: 'create', parentFolderId: byId('@my'), title: 'Echo 403' },
	],
	[
		'500 echo',
		{ ...JSON_ECHO, method: 'GET', status: 500 },
		{ operation: 'get', folderId: byId('@my') },
	],
	[
		'503 echo until the retries run out',
		{ ...JSON_ECHO, method: 'GET', status: 503, times: Infinity },
		{ operation: 'get', folderId: byId('@my') },
	],
	[
		'429 echo with a long Retry-After',
		{
			...JSON_ECHO,
			method: 'GET',
			status: 429,
			headers: { 'retry-after': '999' },
			times: Infinity,
		},
		{ operation: 'get', folderId: byId('@my') },
	],
	[
		'404 web page echo',
		{ ...JSON_ECHO, method: 'GET', status: 404, headers: { 'content-type': 'text/html' } },
		{ operation: 'get', folderId: byId('@my') },
	],
	[
		'402 echo',
		{ ...JSON_ECHO, method: 'POST', status: 402 },
		{ operation: 'create', parentFolderId: byId('@my'), title: 'Echo 402' },
	],
	[
		'502 echo after a delete was applied (outcome unknown)',
		{ ...JSON_ECHO, after: true, method: 'PUT', status: 502, times: Infinity },
		{ operation: 'delete', folderId: byId('={{ $json.id }}') },
	],
	[
		'connection reset',
		{ method: 'GET', reset: true, times: Infinity },
		{ operation: 'get', folderId: byId('@my') },
	],
	[
		'redirect to another origin',
		{ method: 'GET', status: 302, headers: { location: 'https://elsewhere.example/login' } },
		{ operation: 'get', folderId: byId('@my') },
	],
];

describe.each(authenticationMethods)('%s', (authentication) => {
	test.each(paths)('%s: no secret anywhere', async (_name, fault, parameters) => {
		const data = credentials[authentication] as ICredentialDataDecryptedObject;
		const secrets = secretsOf(data);
		expect(secrets.length).toBeGreaterThan(0);
		const victim = emulator.state.createFolder({
			title: `victim ${_name}`,
			parentId: emulator.state.seedIds.myDocuments,
			createdBy: emulator.state.seedIds.users.admin,
		});
		for (const onError of ['stopWorkflow', 'continueRegularOutput'] as const) {
			emulator.faults.clear();
			emulator.faults.add(fault);
			logs.length = 0;
			const result = await runDocSpace({
				emulator,
				authentication,
				credentials: data,
				parameters: { resource: 'folder', ...parameters },
				input: [{ json: { id: victim.id } }],
				node: { onError },
			});
			const error = result.error;
			if (onError === 'stopWorkflow') expect(error).toBeDefined();
			else expect(result.items[0]?.json.error).toBeDefined();
			const haystack = [
				JSON.stringify(result.items),
				error?.message,
				error?.description,
				JSON.stringify(error?.context),
				inspect(error?.cause, { depth: 8 }),
				inspect(error, { depth: 8 }),
				JSON.stringify(error),
				JSON.stringify(result.run.data),
				...logs,
			].join('\n');
			const hits = secrets.filter((secret) => haystack.includes(secret));
			expect(hits).toEqual([]);
			// The echo did carry the credential: the test would see a leak.
			if (fault.echo)
				expect(emulator.requests.some((r) => r.fault && JSON.stringify(r.headers).length > 0)).toBe(
					true,
				);
		}
	});
});
