/**
 * The nodes' credential test against the emulator, in n8n-core's credential test context: the
 * message n8n's credential form shows for a right secret, a wrong one, a page that is no portal
 * and a closed port; and that n8n picks this test (testedBy) for every credential but OAuth2.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

import type { ICredentialDataDecryptedObject, ICredentialType } from 'n8n-workflow';

import { DocSpaceApiKeyApi } from '../../credentials/DocSpaceApiKeyApi.credentials';
import { DocSpaceBasicAuthApi } from '../../credentials/DocSpaceBasicAuthApi.credentials';
import { DocSpacePersonalAccessTokenApi } from '../../credentials/DocSpacePersonalAccessTokenApi.credentials';
import { DocSpace } from '../../nodes/DocSpace/DocSpace.node';
import { DocSpacePollTrigger } from '../../nodes/DocSpace/DocSpacePollTrigger.node';
import { DocSpaceTrigger } from '../../nodes/DocSpace/DocSpaceTrigger.node';
import type { AuthenticationMethod } from '../../nodes/DocSpace/transport/credentials';
import { credentialTypeOf } from '../../nodes/DocSpace/transport/credentials';
import type { Emulator } from '../emulator/index.cjs';
import { startEmulator } from '../emulator/index.cjs';
import { credentialTypes, testCredential } from '../harness/n8n.cjs';

let emulator: Emulator;
let htmlSite: http.Server;
let htmlUrl: string;
let closedUrl: string;
beforeAll(async () => {
	emulator = await startEmulator();
	// a web app that answers every path with its HTML page, as n8n's own editor does
	htmlSite = http.createServer((_, res) =>
		res
			.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
			.end('<!doctype html><title>App</title>'),
	);
	await new Promise<void>((resolve) => htmlSite.listen(0, '127.0.0.1', resolve));
	htmlUrl = `http://127.0.0.1:${(htmlSite.address() as AddressInfo).port}`;
	// a port that was just free: nothing listens there
	const probe = http.createServer();
	await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
	closedUrl = `http://127.0.0.1:${(probe.address() as AddressInfo).port}`;
	await new Promise((resolve) => probe.close(resolve));
});
afterAll(async () => {
	await emulator.close();
	await new Promise((resolve) => htmlSite.close(resolve));
});

interface Case {
	type: ICredentialType;
	right: ICredentialDataDecryptedObject;
	wrong: ICredentialDataDecryptedObject;
	advice: string;
	path: string;
}

const types = (): Case[] => [
	{
		type: new DocSpaceApiKeyApi(),
		right: { apiKey: emulator.secrets.apiKey },
		wrong: { apiKey: 'sk-not-a-real-key' },
		advice: 'DocSpace did not accept this API key',
		path: '/api/2.0/keys/@self',
	},
	{
		type: new DocSpaceBasicAuthApi(),
		right: { email: emulator.secrets.adminEmail, password: emulator.secrets.adminPassword },
		wrong: { email: emulator.secrets.adminEmail, password: 'wrong-password' },
		advice: 'DocSpace did not accept this email and password',
		path: '/api/2.0/people/@self',
	},
	{
		type: new DocSpacePersonalAccessTokenApi(),
		right: { token: emulator.secrets.personalAccessToken },
		wrong: { token: 'not-a-session' },
		advice: 'DocSpace did not accept this token',
		path: '/api/2.0/people/@self',
	},
];

const secretsOf = (data: ICredentialDataDecryptedObject) =>
	Object.entries(data)
		.filter(([key]) => key !== 'baseUrl' && key !== 'email')
		.map(([, v]) => String(v));

describe.each(['docSpaceApiKeyApi', 'docSpaceBasicAuthApi', 'docSpacePersonalAccessTokenApi'])(
	'%s credential test',
	(name) => {
		const pick = () => types().find((t) => t.type.name === name)!;

		test('the right secret: OK, after asking the portal with it', async () => {
			const { type, right, path } = pick();
			emulator.clearRequests();
			const result = await testCredential(type, { baseUrl: emulator.url, ...right });
			expect(result).toMatchObject({ status: 'OK' });
			expect(emulator.requests.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
				`GET ${path} 200`,
			]);
		});

		test('a wrong secret: our advice for this type, without the secret', async () => {
			const { type, wrong, advice } = pick();
			const result = await testCredential(type, { baseUrl: emulator.url, ...wrong });
			expect(result.status).toBe('Error');
			expect(result.message).toContain(advice);
			for (const secret of secretsOf(wrong)) expect(result.message).not.toContain(secret);
		});

		test('a Base URL that serves a web page: not a DocSpace portal', async () => {
			const { type, right } = pick();
			const result = await testCredential(type, { baseUrl: htmlUrl, ...right });
			expect(result.status).toBe('Error');
			expect(result.message).toContain('No DocSpace portal answers at this Base URL');
			for (const secret of secretsOf(right)) expect(result.message).not.toContain(secret);
		});

		test('a closed port: the portal could not be reached, check the Base URL', async () => {
			const { type, right } = pick();
			const result = await testCredential(type, { baseUrl: closedUrl, ...right });
			expect(result.status).toBe('Error');
			expect(result.message).toContain('the connection was refused');
			expect(result.message).toContain('Check the Base URL');
			expect(result.message).not.toMatch(/ECONNREFUSED/);
		});
	},
);

test('a portal path that is not the API (404 JSON) is no portal either', async () => {
	const result = await testCredential(new DocSpaceApiKeyApi(), {
		baseUrl: `${emulator.url}/nothing-here`,
		apiKey: emulator.secrets.apiKey,
	});
	expect(result.status).toBe('Error');
	expect(result.message).toContain('No DocSpace portal answers at this Base URL');
});

test('n8n tests every credential but OAuth2 with the nodes’ function: testedBy set, no `test` on the type to take precedence', () => {
	for (const node of [new DocSpace(), new DocSpaceTrigger(), new DocSpacePollTrigger()]) {
		const entries = node.description.credentials ?? [];
		const authentication = node.description.properties.find((p) => p.name === 'authentication');
		// one entry per Authentication value, shown for that value only
		expect(entries.map((e) => [e.name, e.displayOptions?.show?.authentication])).toEqual(
			(authentication?.options ?? []).map((o) => [
				'value' in o ? credentialTypeOf(o.value as AuthenticationMethod) : '',
				['value' in o ? o.value : ''],
			]),
		);
		for (const entry of entries) {
			expect(entry.testedBy).toBe(
				entry.name === 'docSpaceOAuth2Api' ? undefined : 'docSpaceCredentialTest',
			);
		}
		expect(typeof node.methods.credentialTest.docSpaceCredentialTest).toBe('function');
	}
	// n8n's credentials tester uses a credential type's own `test` before any node's testedBy
	for (const type of Object.values(credentialTypes)) expect(type.test).toBeUndefined();
});
