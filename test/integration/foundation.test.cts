import http from 'node:http';
import type { AddressInfo } from 'node:net';

import { DocSpaceApiKeyApi } from '../../credentials/DocSpaceApiKeyApi.credentials';
import { DocSpaceBasicAuthApi } from '../../credentials/DocSpaceBasicAuthApi.credentials';
import { DocSpacePersonalAccessTokenApi } from '../../credentials/DocSpacePersonalAccessTokenApi.credentials';
import type { Emulator } from '../emulator/index.cjs';
import { useEmulator } from '../harness/emulator.cjs';
import { authenticationMethods, byId, credentialData, runDocSpace } from '../harness/docspace.cjs';
import { testCredential } from '../harness/n8n.cjs';
import { expectAtItem, expectErrorItemAt } from '../harness/items.cjs';

let emulator: Emulator;
useEmulator((started) => (emulator = started));

const getContents = (folderId: string | number, extra: Record<string, unknown> = {}) => ({
	resource: 'folder',
	operation: 'getContents',
	folderId: byId(folderId),
	...extra,
});

/** Everything an n8n user could see of an error. */
function visibleText(error: unknown): string {
	const e = error as Record<string, unknown>;
	return JSON.stringify({
		message: e.message,
		description: e.description,
		context: e.context,
		errorResponse: e.errorResponse,
		cause: e.cause,
		messages: e.messages,
	});
}

function expectNoSecret(error: unknown, secret: string) {
	expect(secret.length).toBeGreaterThan(3);
	expect(visibleText(error)).not.toContain(secret);
}

describe('each credential type runs Folder → Get Contents with the documented header', () => {
	test.each(authenticationMethods)('%s', async (authentication) => {
		const credentials = await credentialData(emulator, authentication);
		emulator.clearRequests();
		const { status, error, items } = await runDocSpace({
			emulator,
			authentication,
			credentials,
			parameters: getContents(emulator.state.seedIds.myDocuments, { returnAll: true }),
		});
		expect(error).toBeUndefined();
		expect(status).toBe('success');
		expect(items.length).toBeGreaterThan(0);
		const seen = emulator.requests.filter((r) => r.path.startsWith('/api/2.0/files/'));
		expect(seen).toHaveLength(1);
		const expected = {
			apiKey: () => `Bearer ${emulator.secrets.apiKey}`,
			basicAuth: () =>
				`Basic ${Buffer.from(`${emulator.secrets.adminEmail}:${emulator.secrets.adminPassword}`).toString('base64')}`,
			personalAccessToken: () => emulator.secrets.personalAccessToken,
			oAuth2: () =>
				`Bearer ${String((credentials.oauthTokenData as Record<string, unknown>).access_token)}`,
		}[authentication]();
		expect(seen[0].headers.authorization).toBe(expected);
	});
});

describe('credential test requests', () => {
	test('API key: good passes, bad fails, a files:read key passes', async () => {
		const type = new DocSpaceApiKeyApi();
		expect(
			(await testCredential(type, { baseUrl: emulator.url, apiKey: emulator.secrets.apiKey }))
				.error,
		).toBeUndefined();
		expect(
			(
				await testCredential(type, {
					baseUrl: `${emulator.url}/api/2.0/`,
					apiKey: emulator.secrets.filesReadApiKey,
				})
			).error,
		).toBeUndefined();
		expect(
			(await testCredential(type, { baseUrl: emulator.url, apiKey: 'sk-not-a-real-key' })).error,
		).toBeDefined();
		const tested = emulator.requests.map((r) => r.path);
		expect(tested).toContain('/api/2.0/keys/@self');
	});

	test('basic auth: good passes, bad fails', async () => {
		const type = new DocSpaceBasicAuthApi();
		const good = {
			baseUrl: `${emulator.url}/`,
			email: emulator.secrets.adminEmail,
			password: emulator.secrets.adminPassword,
		};
		expect((await testCredential(type, good)).error).toBeUndefined();
		expect(
			(await testCredential(type, { ...good, password: 'wrong-password' })).error,
		).toBeDefined();
	});

	test('personal access token: good passes, bad fails', async () => {
		const type = new DocSpacePersonalAccessTokenApi();
		expect(
			(
				await testCredential(type, {
					baseUrl: emulator.url,
					token: emulator.secrets.personalAccessToken,
				})
			).error,
		).toBeUndefined();
		expect(
			(await testCredential(type, { baseUrl: emulator.url, token: 'not-a-session' })).error,
		).toBeDefined();
	});
});

describe('errors say what to check and never show the secret', () => {
	test('wrong API key', async () => {
		const secret = 'sk-wrong-secret-value-123456';
		const { error } = await runDocSpace({
			emulator,
			credentials: { baseUrl: emulator.url, apiKey: secret },
			parameters: getContents('@my'),
		});
		expect(error?.name).toBe('NodeApiError');
		expect(error?.httpCode).toBe('401');
		expect(error?.message).toMatch(/did not accept the credentials/);
		expect(error?.description).toMatch(/API key/);
		expectNoSecret(error, secret);
	});

	test('wrong password (basic auth)', async () => {
		const secret = 'Wrong-Password-987';
		const { error } = await runDocSpace({
			emulator,
			authentication: 'basicAuth',
			credentials: { baseUrl: emulator.url, email: emulator.secrets.adminEmail, password: secret },
			parameters: getContents('@my'),
		});
		expect(error?.httpCode).toBe('401');
		expect(error?.description).toMatch(/email and password/);
		expectNoSecret(error, secret);
		expectNoSecret(
			error,
			Buffer.from(`${emulator.secrets.adminEmail}:${secret}`).toString('base64'),
		);
	});

	test('connection refused', async () => {
		const closed = http.createServer();
		await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
		const port = (closed.address() as AddressInfo).port;
		await new Promise((resolve) => closed.close(resolve));
		const { error } = await runDocSpace({
			emulator,
			credentials: { baseUrl: `http://127.0.0.1:${port}`, apiKey: emulator.secrets.apiKey },
			parameters: getContents('@my'),
		});
		expect(error?.name).toBe('NodeApiError');
		expect(error?.message).toMatch(/could not be reached: the connection was refused/);
		expect(error?.description).toMatch(/ECONNREFUSED/);
		expect(error?.description).toMatch(/Base URL/);
		expectNoSecret(error, emulator.secrets.apiKey);
	});

	test('a web page instead of the API', async () => {
		const { error } = await runDocSpace({
			emulator,
			credentials: { baseUrl: `${emulator.url}/some/site`, apiKey: emulator.secrets.apiKey },
			parameters: getContents('@my'),
		});
		expect(error?.name).toBe('NodeApiError');
		expect(error?.message).toMatch(/answered with a web page, not the DocSpace API/);
		expect(error?.description).toMatch(/Base URL/);
		expectNoSecret(error, emulator.secrets.apiKey);
	});

	test('a Base URL without a scheme', async () => {
		const { error } = await runDocSpace({
			emulator,
			credentials: { baseUrl: 'yourportal.onlyoffice.com', apiKey: emulator.secrets.apiKey },
			parameters: getContents('@my'),
		});
		expect(error?.message).toMatch(/has no http:\/\/ or https:\/\/ scheme/);
		expect(emulator.requests).toHaveLength(0);
	});

	test('403: the API key lacks the scope', async () => {
		const { error } = await runDocSpace({
			emulator,
			credentials: { baseUrl: emulator.url, apiKey: emulator.secrets.filesReadApiKey },
			parameters: {
				resource: 'room',
				operation: 'get',
				roomId: byId(emulator.state.seedIds.rooms.custom),
			},
		});
		expect(error?.httpCode).toBe('403');
		expect(error?.message).toMatch(/denied permission/);
		expect(error?.description).toMatch(/“rooms:read”/);
		expectNoSecret(error, emulator.secrets.filesReadApiKey);
	});

	test('404: unknown file', async () => {
		const { error } = await runDocSpace({
			emulator,
			parameters: { resource: 'file', operation: 'get', fileId: byId(987654321) },
		});
		expect(error?.httpCode).toBe('404');
		expect(error?.message).toMatch(/could not find/);
		expectAtItem(error, 0);
		expect(error?.description).toMatch(/files\/file\/987654321/);
	});

	test('429 storm: retried with Retry-After, then a clear error', async () => {
		emulator.faults.add({
			path: /\/api\/2\.0\/files\//,
			status: 429,
			headers: { 'Retry-After': '0' },
			times: 50,
		});
		const { error } = await runDocSpace({ emulator, parameters: getContents('@my') });
		expect(error?.httpCode).toBe('429');
		expect(error?.message).toMatch(/rate limiting/);
		expect(error?.description).toMatch(/5 times/);
		expect(emulator.requests.filter((r) => r.path.startsWith('/api/2.0/files/'))).toHaveLength(5);
	});

	test('a passing 503 and a connection reset are retried transparently', async () => {
		emulator.faults.add({
			path: /\/api\/2\.0\/files\//,
			status: 503,
			headers: { 'Retry-After': '0' },
		});
		emulator.faults.add({ path: /\/api\/2\.0\/files\//, reset: true });
		const { error, items } = await runDocSpace({
			emulator,
			parameters: getContents('@my', { returnAll: true }),
		});
		expect(error).toBeUndefined();
		expect(items.length).toBeGreaterThan(0);
		expect(emulator.requests.filter((r) => r.path.startsWith('/api/2.0/files/'))).toHaveLength(3);
	});

	test('continue on fail gives an error item paired to its input', async () => {
		const { items, status } = await runDocSpace({
			emulator,
			node: { onError: 'continueRegularOutput' },
			parameters: {
				resource: 'file',
				operation: 'get',
				fileId: '={{ { __rl: true, mode: "id", value: String($json.id) } }}',
			},
			input: [{ json: { id: 987654321 } }, { json: { id: emulator.state.seedIds.files.docx } }],
		});
		expect(status).toBe('success');
		expect(items).toHaveLength(2);
		expect(items[0].json.error).toMatch(/could not find/);
		expectErrorItemAt(items[0], 0);
		expect(items[0].pairedItem).toEqual({ item: 0 });
		expect(items[1].json.id).toBe(emulator.state.seedIds.files.docx);
		expect(items[1].pairedItem).toEqual({ item: 1 });
	});
});

describe('paging', () => {
	test('Return All gets 250 entries in 3 requests', async () => {
		const { items, error } = await runDocSpace({
			emulator,
			parameters: getContents(emulator.state.seedIds.bigFolder, { returnAll: true }),
		});
		expect(error).toBeUndefined();
		expect(items).toHaveLength(250);
		expect(
			new Set(items.map((i) => `${String(i.json.fileEntryType)}:${String(i.json.id)}`)).size,
		).toBe(250);
		const pages = emulator.requests.filter(
			(r) => r.path === `/api/2.0/files/${emulator.state.seedIds.bigFolder}`,
		);
		// Pages after the first are asked at once, so they may arrive in any order.
		const asked = pages.map((r) => [r.query.startIndex, r.query.count]);
		expect(asked.sort(([a], [b]) => Number(a) - Number(b))).toEqual([
			['0', '100'],
			['100', '100'],
			['200', '100'],
		]);
		expect(items.every((i) => i.pairedItem && (i.pairedItem as { item: number }).item === 0)).toBe(
			true,
		);
	});

	test('pages after the first are asked at once and kept in listing order when answered out of order', async () => {
		const folder = emulator.state.seedIds.bigFolder;
		const path = `/api/2.0/files/${folder}`;
		const listing = async () => {
			const { items } = await runDocSpace({
				emulator,
				parameters: getContents(folder, { returnAll: true }),
			});
			return items.map((i) => `${String(i.json.fileEntryType)}:${String(i.json.id)}`);
		};
		const inOrder = await listing();
		// The first page passes; the second is held back 400 ms, so the third is answered first.
		emulator.faults.add({ method: 'GET', path, delayMs: 0 });
		emulator.faults.add({ method: 'GET', path, delayMs: 400 });
		emulator.clearRequests();
		let thirdWhileSecondOpen = false;
		const watch = setInterval(() => {
			const pages = emulator.requests.filter((r) => r.path === path);
			const second = pages.find((r) => r.query.startIndex === '100');
			const third = pages.find((r) => r.query.startIndex === '200');
			if (second?.status === 0 && third && third.status !== 0) thirdWhileSecondOpen = true;
		}, 5);
		const outOfOrder = await listing().finally(() => clearInterval(watch));
		expect(thirdWhileSecondOpen).toBe(true);
		expect(outOfOrder).toEqual(inOrder);
		expect(new Set(inOrder).size).toBe(250);
	});

	test.each([1, 7, 100, 101, 249])('Limit %i returns exactly that many', async (limit) => {
		emulator.clearRequests();
		const { items } = await runDocSpace({
			emulator,
			parameters: getContents(emulator.state.seedIds.bigFolder, { returnAll: false, limit }),
		});
		expect(items).toHaveLength(limit);
		expect(emulator.requests.filter((r) => r.path.startsWith('/api/2.0/files/'))).toHaveLength(
			Math.ceil(limit / 100),
		);
	});
});
