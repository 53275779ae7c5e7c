/**
 * The DocSpace Trigger through n8n-core's real HookContext / WebhookContext (test/harness/trigger.ts)
 * against the emulator: registration lifecycle, real signed deliveries, forged deliveries.
 */
import { createHmac } from 'node:crypto';

import { LoadOptionsContext } from 'n8n-core';
import type { INodePropertyOptions, IWorkflowExecuteAdditionalData } from 'n8n-workflow';

import type { Emulator, WebhookSubscription } from '../emulator';
import { emitWebhookEvent, startEmulator } from '../emulator';
import { byId, credentialData } from '../harness/docspace';
import { TestCredentialsHelper } from '../harness/n8n';
import type { TriggerHarness, TriggerOptions } from '../harness/trigger';
import { startTrigger } from '../harness/trigger';

let emulator: Emulator;
const harnesses: TriggerHarness[] = [];

beforeAll(async () => {
	emulator = await startEmulator({ allowPrivateWebhookUrls: true, webhookRetryBaseMs: 20 });
});
afterAll(async () => await emulator.close());
beforeEach(() => emulator.clearRequests());
afterEach(async () => {
	await emulator.webhooks.idle();
	await Promise.all(harnesses.splice(0).map(async (h) => await h.close()));
	emulator.webhooks.subscriptions.clear();
	emulator.webhooks.deliveries.length = 0;
});

async function trigger(parameters: Record<string, unknown>, options: Partial<TriggerOptions> = {}): Promise<TriggerHarness> {
	const harness = await startTrigger({ emulator, parameters, ...options });
	harnesses.push(harness);
	return harness;
}

const subscriptions = (): WebhookSubscription[] => [...emulator.webhooks.subscriptions.values()];
const calls = (method: string, path: string) => emulator.requests.filter((r) => r.method === method && r.path === path);

function sign(body: string, secret: string, lower = false): string {
	const hex = createHmac('sha256', secret).update(body).digest('hex');
	return `sha256=${lower ? hex : hex.toUpperCase()}`;
}

async function post(harness: TriggerHarness, body: string, headers: Record<string, string> = {}) {
	const res = await fetch(harness.webhookUrl, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
	return { status: res.status, text: await res.text() };
}

function eventBody(id: number, trigger = 'file.created', triggerId = 128, payload: Record<string, unknown> = { id: 1001, title: 'a.docx' }) {
	return JSON.stringify({ event: { id, createOn: '2026-01-02T03:04:05Z', createBy: emulator.state.seedIds.users.admin, trigger, triggerId }, payload, webhook: { id: 1, name: 'x', url: 'y', triggers: [trigger] } });
}

/** The visible text of an activation error. */
async function activationError(harness: TriggerHarness): Promise<{ message: string; description: string }> {
	try {
		await harness.activate();
	} catch (error) {
		const e = error as { message: string; description?: string | null };
		return { message: e.message, description: e.description ?? '' };
	}
	throw new Error('activation did not fail');
}

describe('activation and deactivation', () => {
	it('activation creates exactly one subscription with the URL, bitmask, target and a policy-proof secret', async () => {
		const roomId = emulator.state.seedIds.rooms.custom;
		const harness = await trigger({
			events: ['file.uploaded', 'folder.created', 'agent.updated'],
			targetType: 'room',
			roomId: byId(roomId),
		});
		await harness.activate();

		const [subscription, ...others] = subscriptions();
		expect(others).toHaveLength(0);
		expect(subscription).toMatchObject({
			uri: harness.webhookUrl,
			triggers: 256 + 32768 + 2 ** 32,
			targetId: String(roomId),
			enabled: true,
			ssl: false,
			name: 'n8n: Trigger test',
		});
		expect(harness.webhookUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/webhook\/7d3c1e52-5b1a-4c0e-9a55-2f6d8c4b1a90\/webhook$/);
		const [create] = calls('POST', '/api/2.0/settings/webhook');
		expect(create.body).toEqual({
			name: 'n8n: Trigger test',
			uri: harness.webhookUrl,
			secretKey: expect.stringMatching(/^[\x21-\x7e]{30}$/),
			enabled: true,
			ssl: false,
			triggers: 256 + 32768 + 2 ** 32,
			targetId: String(roomId),
		});
		expect(harness.staticData).toMatchObject({ webhookId: subscription.id, secret: subscription.secretKey, webhookUrl: harness.webhookUrl });
		// DocSpace probed the URL with HEAD: the setup webhook answered 200 and started nothing.
		const probe = harness.received.find((r) => r.method === 'HEAD');
		expect(probe).toMatchObject({ status: 200, executed: false });
		expect(harness.executions).toHaveLength(0);
	});

	it('a second activation with nothing changed keeps the subscription (checkExists → true)', async () => {
		const harness = await trigger({ events: ['file.created'] });
		await harness.activate();
		const [first] = subscriptions();
		emulator.clearRequests();
		await harness.activate();
		expect(subscriptions()).toEqual([first]);
		expect(calls('POST', '/api/2.0/settings/webhook')).toHaveLength(0);
		expect(calls('GET', '/api/2.0/settings/webhook')).toHaveLength(1);
	});

	it('deactivation deletes the subscription and forgets the secret', async () => {
		const harness = await trigger({ events: ['file.created'] });
		await harness.activate();
		const id = harness.staticData.webhookId;
		await expect(harness.deactivate()).resolves.toBe(true);
		expect(subscriptions()).toHaveLength(0);
		expect(calls('DELETE', `/api/2.0/settings/webhook/${String(id)}`)).toHaveLength(1);
		expect(harness.staticData.webhookId).toBeUndefined();
		expect(harness.staticData.secret).toBeUndefined();
	});

	it('deactivation when the subscription is already gone on the portal is not an error', async () => {
		const harness = await trigger({ events: ['file.created'] });
		await harness.activate();
		emulator.webhooks.subscriptions.clear();
		await expect(harness.deactivate()).resolves.toBe(true);
		expect(calls('DELETE', `/api/2.0/settings/webhook/${String(harness.staticData.webhookId ?? '')}`)).toHaveLength(0);
		expect(emulator.requests.filter((r) => r.method === 'DELETE').map((r) => r.status)).toEqual([404]);
		expect(harness.staticData.webhookId).toBeUndefined();
	});

	it('deactivation failing for another reason raises an error and keeps the id for the next try', async () => {
		const harness = await trigger({ events: ['file.created'] });
		await harness.activate();
		const id = harness.staticData.webhookId;
		emulator.faults.add({ method: 'DELETE', path: `/api/2.0/settings/webhook/${String(id)}`, status: 403, body: '' });
		await expect(harness.deactivate()).rejects.toThrow(/denied permission/);
		expect(harness.staticData.webhookId).toBe(id);
		expect(subscriptions()).toHaveLength(1);
		emulator.faults.clear();
	});

	it('activating again after the subscription was deleted on the portal repairs it: still exactly one', async () => {
		const harness = await trigger({ events: ['folder.created'] });
		await harness.activate();
		const oldId = harness.staticData.webhookId as number;
		emulator.webhooks.subscriptions.delete(oldId);
		await harness.activate();
		const [repaired, ...others] = subscriptions();
		expect(others).toHaveLength(0);
		expect(repaired.id).not.toBe(oldId);
		expect(repaired).toMatchObject({ uri: harness.webhookUrl, triggers: 32768, enabled: true });
		expect(harness.staticData).toMatchObject({ webhookId: repaired.id, secret: repaired.secretKey });
	});

	it('a subscription changed on the portal (events, disabled) is repaired in place', async () => {
		const harness = await trigger({ events: ['folder.created', 'file.created'] });
		await harness.activate();
		const [subscription] = subscriptions();
		const oldSecret = subscription.secretKey;
		subscription.triggers = 1;
		subscription.enabled = false;
		await harness.activate();
		const [repaired, ...others] = subscriptions();
		expect(others).toHaveLength(0);
		expect(repaired.id).toBe(subscription.id);
		expect(repaired).toMatchObject({ triggers: 32768 + 128, enabled: true });
		expect(repaired.secretKey).not.toBe(oldSecret);
		expect(harness.staticData.secret).toBe(repaired.secretKey);
		expect(calls('PUT', '/api/2.0/settings/webhook')).toHaveLength(1);
	});

	it('a subscription that points to an old URL is replaced and removed', async () => {
		const harness = await trigger({ events: ['file.created'] });
		await harness.activate();
		const [old] = subscriptions();
		old.uri = `${harness.webhookUrl}-old`;
		await harness.activate();
		const [current, ...others] = subscriptions();
		expect(others).toHaveLength(0);
		expect(current.id).not.toBe(old.id);
		expect(current.uri).toBe(harness.webhookUrl);
		expect(calls('DELETE', `/api/2.0/settings/webhook/${old.id}`)).toHaveLength(1);
	});

	it('listening for a test event while the workflow is active leaves the production subscription alone', async () => {
		const production = await trigger({ events: ['file.created'] });
		await production.activate();
		const [live] = subscriptions();
		// n8n runs the test with its own webhook URL and a copy of the production static data.
		const test = await trigger({ events: ['file.created'] }, { mode: 'manual' });
		Object.assign(test.staticData, JSON.parse(JSON.stringify(production.staticData)));
		await test.activate('manual');
		expect(subscriptions().map((s) => s.uri).sort()).toEqual([production.webhookUrl, test.webhookUrl].sort());
		await test.deactivate();
		expect(subscriptions()).toEqual([live]);
		expect(production.staticData).toMatchObject({ webhookId: live.id, secret: live.secretKey });
	});

	it('activating when a same-name subscription for this URL exists updates that one: still exactly one', async () => {
		const harness = await trigger({ events: ['folder.created'], targetType: 'folder', folderId: byId(emulator.state.seedIds.folders.projects) });
		// Left over from an earlier activation whose static data was lost, with another secret.
		const stale = await fetch(`${emulator.url}/api/2.0/settings/webhook`, {
			method: 'POST',
			headers: { authorization: `Bearer ${emulator.secrets.apiKey}`, 'content-type': 'application/json' },
			body: JSON.stringify({ name: 'n8n: Trigger test', uri: harness.webhookUrl, secretKey: 'Old-Secret-123!', enabled: false, triggers: 1 }),
		});
		expect(stale.status).toBe(200);
		const staleId = ((await stale.json()) as { response: { id: number } }).response.id;
		emulator.clearRequests();

		await harness.activate();
		const [updated, ...others] = subscriptions();
		expect(others).toHaveLength(0);
		expect(updated.id).toBe(staleId);
		expect(updated).toMatchObject({ triggers: 32768, enabled: true, targetId: String(emulator.state.seedIds.folders.projects) });
		expect(updated.secretKey).toBe(harness.staticData.secret);
		expect(calls('POST', '/api/2.0/settings/webhook').map((r) => r.status)).toEqual([400]);
		expect(calls('PUT', '/api/2.0/settings/webhook')).toHaveLength(1);
		expect(calls('PUT', '/api/2.0/settings/webhook')[0].body).toMatchObject({ id: staleId, secretKey: harness.staticData.secret, enabled: true, triggers: 32768 });
	});

	it('All Events registers mask 0', async () => {
		const harness = await trigger({ events: ['*', 'file.created'] });
		await harness.activate();
		expect(subscriptions()[0].triggers).toBe(0);
	});

	it.each(['basicAuth', 'personalAccessToken'] as const)('works with %s too', async (authentication) => {
		const harness = await trigger({ events: ['file.created'] }, { authentication });
		await harness.activate();
		expect(subscriptions()).toHaveLength(1);
		await harness.deactivate();
		expect(subscriptions()).toHaveLength(0);
	});
});

describe('refused activations', () => {
	it('a loopback webhook URL, with the portal’s private-address rule on, fails with the WEBHOOK_URL guidance', async () => {
		const strict = await startEmulator();
		try {
			const harness = await startTrigger({ emulator: strict, parameters: { events: ['file.created'] } });
			harnesses.push(harness);
			const error = await activationError(harness);
			expect(error.message).toMatch(/DocSpace refused the webhook URL http:\/\/127\.0\.0\.1:\d+\/webhook\/.+ \(a loopback address\)/);
			expect(error.description).toMatch(/WEBHOOK_URL/);
			expect(error.description).toMatch(/tunnel/);
			expect([...strict.webhooks.subscriptions.values()]).toHaveLength(0);
			expect(strict.requests.filter((r) => r.path === '/api/2.0/settings/webhook').map((r) => r.status)).toEqual([400]);
		} finally {
			await strict.close();
		}
	});

	it('a loopback webhook URL for a public portal is refused before anything is sent', async () => {
		const harness = await trigger(
			{ events: ['file.created'] },
			{ credentials: { baseUrl: 'https://portal.example.com', apiKey: emulator.secrets.apiKey } },
		);
		const error = await activationError(harness);
		expect(error.message).toMatch(/webhook URL http:\/\/127\.0\.0\.1:\d+\/.+ is a loopback address/);
		expect(error.description).toMatch(/WEBHOOK_URL/);
		expect(emulator.requests).toHaveLength(0);
	});

	it('a URL DocSpace cannot reach (HEAD probe fails) gets the same guidance', async () => {
		const harness = await trigger({ events: ['file.created'] }, { webhookBaseUrl: 'http://127.0.0.1:9/webhook' });
		const error = await activationError(harness);
		expect(error.message).toMatch(/Webhook URL not available/);
		expect(error.description).toMatch(/WEBHOOK_URL/);
		expect(subscriptions()).toHaveLength(0);
	});

	it('admin-only events with a plain user’s credential explain what to change', async () => {
		const harness = await trigger(
			{ events: ['user.created', 'file.created'] },
			{ authentication: 'basicAuth', credentials: { baseUrl: emulator.url, email: emulator.secrets.userEmail, password: emulator.secrets.userPassword } },
		);
		const error = await activationError(harness);
		expect(error.message).toMatch(/Trigger is not available/);
		expect(error.description).toMatch(/admins/);
		expect(subscriptions()).toHaveLength(0);
	});

	it('no events and a malformed target are refused before any request', async () => {
		expect((await activationError(await trigger({ events: [] }))).message).toBe('The parameter “Events” is empty');
		const badTarget = await trigger({ events: ['file.created'], targetType: 'user', userId: byId('not-a-guid') });
		expect((await activationError(badTarget)).message).toMatch(/The parameter “User” is not a valid user ID/);
		expect(emulator.requests.filter((r) => r.method !== 'GET')).toHaveLength(0);
		expect(subscriptions()).toHaveLength(0);
	});
});

describe('deliveries', () => {
	async function activeTrigger(parameters: Record<string, unknown>) {
		const harness = await trigger(parameters);
		await harness.activate();
		return harness;
	}

	it('a folder created through the API produces exactly one accepted delivery with the event', async () => {
		const harness = await activeTrigger({ events: ['folder.created'] });
		const created = await fetch(`${emulator.url}/api/2.0/files/folder/${emulator.state.seedIds.myDocuments}`, {
			method: 'POST',
			headers: { authorization: `Bearer ${emulator.secrets.apiKey}`, 'content-type': 'application/json' },
			body: JSON.stringify({ title: 'Webhook test folder' }),
		});
		expect(created.status).toBe(200);
		const folder = ((await created.json()) as { response: { id: number } }).response;
		await emulator.webhooks.idle();

		expect(emulator.webhooks.deliveries).toHaveLength(1);
		expect(emulator.webhooks.deliveries[0]).toMatchObject({ trigger: 'folder.created', status: 200, attempt: 1 });
		expect(harness.executions).toHaveLength(1);
		const [[[item]]] = harness.executions;
		expect(item.json).toMatchObject({
			event: { trigger: 'folder.created', triggerId: 32768, id: expect.any(Number), createBy: emulator.state.seedIds.users.admin },
			payload: { id: folder.id, title: 'Webhook test folder', parentId: emulator.state.seedIds.myDocuments, fileEntryType: 1 },
			webhook: { id: harness.staticData.webhookId, url: harness.webhookUrl, triggers: ['folder.created'] },
		});
		expect(item.json.rawBody).toBeUndefined();
	});

	it('a file uploaded into a room through the API, with the room as target, produces one file.uploaded delivery', async () => {
		const roomId = emulator.state.seedIds.rooms.custom;
		const harness = await activeTrigger({ events: ['file.uploaded'], targetType: 'room', roomId: byId(roomId) });
		const form = new FormData();
		form.append('file', new Blob([Buffer.from('hello webhook')]), 'Uploaded by test.txt');
		const uploaded = await fetch(`${emulator.url}/api/2.0/files/${roomId}/upload`, {
			method: 'POST',
			headers: { authorization: `Bearer ${emulator.secrets.apiKey}` },
			body: form,
		});
		expect(uploaded.status).toBe(200);
		await emulator.webhooks.idle();
		expect(emulator.webhooks.deliveries.map((d) => [d.trigger, d.status])).toEqual([['file.uploaded', 200]]);
		expect(harness.executions).toHaveLength(1);
		expect(harness.executions[0][0][0].json).toMatchObject({
			event: { trigger: 'file.uploaded', triggerId: 256 },
			payload: { title: 'Uploaded by test.txt', parentId: roomId, fileEntryType: 2 },
			webhook: { target: { id: String(roomId), type: 'room' } },
		});
	});

	it('a document created in a room (what the e2e suite does) reaches a file.created trigger once', async () => {
		const harness = await activeTrigger({ events: ['file.created'] });
		const created = await fetch(`${emulator.url}/api/2.0/files/${emulator.state.seedIds.rooms.collaboration}/file`, {
			method: 'POST',
			headers: { authorization: `Bearer ${emulator.secrets.apiKey}`, 'content-type': 'application/json' },
			body: JSON.stringify({ title: 'e2e-like.docx' }),
		});
		expect(created.status).toBe(200);
		await emulator.webhooks.idle();
		expect(harness.executions).toHaveLength(1);
		expect(JSON.stringify(harness.executions[0])).toContain('e2e-like.docx');
	});

	it('an event that is not selected produces no delivery and no execution', async () => {
		const harness = await activeTrigger({ events: ['file.created'] });
		await fetch(`${emulator.url}/api/2.0/files/folder/${emulator.state.seedIds.myDocuments}`, {
			method: 'POST',
			headers: { authorization: `Bearer ${emulator.secrets.apiKey}`, 'content-type': 'application/json' },
			body: JSON.stringify({ title: 'Not selected' }),
		});
		await emulator.webhooks.idle();
		expect(emulator.webhooks.deliveries).toHaveLength(0);
		expect(harness.executions).toHaveLength(0);
	});

	it('a target limits deliveries to that folder and what is inside it', async () => {
		const { projects, projects2025 } = emulator.state.seedIds.folders;
		const harness = await activeTrigger({ events: ['folder.created'], targetType: 'folder', folderId: byId(projects) });
		const admin = emulator.state.seedIds.users.admin;
		const inside = emulator.state.createFolder({ title: 'Inside', parentId: projects2025, createdBy: admin });
		const outside = emulator.state.createFolder({ title: 'Outside', parentId: emulator.state.seedIds.myDocuments, createdBy: admin });
		await emitWebhookEvent(emulator.state, 'folder.created', inside);
		await emitWebhookEvent(emulator.state, 'folder.created', outside);
		expect(harness.executions).toHaveLength(1);
		expect(harness.executions[0][0][0].json).toMatchObject({
			payload: { title: 'Inside' },
			webhook: { target: { id: String(projects), type: 'folder' } },
		});
	});

	it('Include Raw Body adds the signed body as text', async () => {
		const harness = await activeTrigger({ events: ['folder.created'], options: { includeRawBody: true } });
		const folder = emulator.state.createFolder({ title: 'Raw', parentId: emulator.state.seedIds.myDocuments, createdBy: emulator.state.seedIds.users.admin });
		await emitWebhookEvent(emulator.state, 'folder.created', folder);
		const [[[item]]] = harness.executions;
		expect(item.json.rawBody).toBe(emulator.webhooks.deliveries[0].requestBody);
	});

	it('the same event delivered twice starts one execution', async () => {
		const harness = await activeTrigger({ events: ['file.created'] });
		const secret = harness.staticData.secret as string;
		const body = eventBody(4242);
		const first = await post(harness, body, { 'x-docspace-signature-256': sign(body, secret) });
		const second = await post(harness, body, { 'x-docspace-signature-256': sign(body, secret) });
		expect(first.status).toBe(200);
		expect(second.status).toBe(200);
		expect(second.text).toMatch(/duplicate/);
		expect(harness.executions).toHaveLength(1);
		expect(harness.staticData.recentEventIds).toEqual(['4242']);
	});

	it('remembers at most 500 event ids', async () => {
		const harness = await activeTrigger({ events: ['file.created'] });
		harness.staticData.recentEventIds = Array.from({ length: 500 }, (_, i) => String(i));
		const body = eventBody(9999);
		await post(harness, body, { 'x-docspace-signature-256': sign(body, harness.staticData.secret as string) });
		const recent = harness.staticData.recentEventIds as string[];
		expect(recent).toHaveLength(500);
		expect(recent[0]).toBe('1');
		expect(recent[499]).toBe('9999');
	});

	it('lower-case hex of the right HMAC is accepted', async () => {
		const harness = await activeTrigger({ events: ['file.created'] });
		const body = eventBody(77);
		const res = await post(harness, body, { 'x-docspace-signature-256': sign(body, harness.staticData.secret as string, true) });
		expect(res.status).toBe(200);
		expect(harness.executions).toHaveLength(1);
	});

	it.each([
		['no signature header', (body: string) => ({ body, headers: {} })],
		['another secret', (body: string) => ({ body, headers: { 'x-docspace-signature-256': sign(body, 'Not-The-Secret-1!') } })],
		[
			'a body changed after signing',
			(body: string, secret: string) => ({ body: body.replace('a.docx', 'evil.docx'), headers: { 'x-docspace-signature-256': sign(body, secret) } }),
		],
		[
			'a signature over the re-serialised body',
			(body: string, secret: string) => {
				const spaced = JSON.stringify(JSON.parse(body), null, 2);
				return { body: spaced, headers: { 'x-docspace-signature-256': sign(JSON.stringify(JSON.parse(spaced)), secret) } };
			},
		],
		['a malformed header', (body: string) => ({ body, headers: { 'x-docspace-signature-256': 'sha256=xyz' } })],
	])('a forged delivery (%s) gets 401 and no output', async (_label, forge) => {
		const harness = await activeTrigger({ events: ['file.created'] });
		const forged = forge(eventBody(55), harness.staticData.secret as string);
		const res = await post(harness, forged.body, forged.headers);
		expect(res.status).toBe(401);
		expect(harness.executions).toHaveLength(0);
		expect(harness.staticData.recentEventIds).toBeUndefined();
	});

	it('a signed delivery of an event that is not selected is answered 200 without execution', async () => {
		const harness = await activeTrigger({ events: ['file.created'] });
		const body = eventBody(66, 'folder.deleted', 262144);
		const res = await post(harness, body, { 'x-docspace-signature-256': sign(body, harness.staticData.secret as string) });
		expect(res.status).toBe(200);
		expect(res.text).toMatch(/not selected/);
		expect(harness.executions).toHaveLength(0);
	});

	it('a signed delivery about another entity than the target is answered 200 without execution', async () => {
		const harness = await activeTrigger({ events: ['file.created'], targetType: 'room', roomId: byId(emulator.state.seedIds.rooms.custom) });
		const secret = harness.staticData.secret as string;
		const other = eventBody(67, 'file.created', 128, { id: 5, parentId: 999999, title: 'x.docx' });
		const res = await post(harness, other, { 'x-docspace-signature-256': sign(other, secret) });
		expect(res.text).toMatch(/another entity/);
		const inRoom = eventBody(68, 'file.created', 128, { id: 6, parentId: emulator.state.seedIds.rooms.custom, title: 'y.docx' });
		await post(harness, inRoom, { 'x-docspace-signature-256': sign(inRoom, secret) });
		expect(harness.executions).toHaveLength(1);
	});

	it('HEAD is answered 200 and starts nothing', async () => {
		const harness = await activeTrigger({ events: ['file.created'] });
		const res = await fetch(harness.webhookUrl, { method: 'HEAD' });
		expect(res.status).toBe(200);
		expect(harness.executions).toHaveLength(0);
	});

	it('a delivery after deactivation has no secret to match and gets 401', async () => {
		const harness = await activeTrigger({ events: ['file.created'] });
		const secret = harness.staticData.secret as string;
		await harness.deactivate();
		const body = eventBody(88);
		expect((await post(harness, body, { 'x-docspace-signature-256': sign(body, secret) })).status).toBe(401);
	});
});

describe('event list (loadOptions)', () => {
	async function loadEvents(authentication: 'apiKey' | 'basicAuth', credentials: Record<string, unknown>): Promise<INodePropertyOptions[]> {
		const harness = await trigger({ events: [] }, { authentication, credentials: credentials as never });
		const type = authentication === 'apiKey' ? 'docSpaceApiKeyApi' : 'docSpaceBasicAuthApi';
		const additionalData = {
			credentialsHelper: new TestCredentialsHelper({ [type]: credentials as never }, () => harness.workflow),
			variables: {},
		} as unknown as IWorkflowExecuteAdditionalData;
		const context = new LoadOptionsContext(harness.workflow, harness.node, additionalData, 'events');
		const method = harness.nodeType.methods.loadOptions.getWebhookEvents;
		return await method.call(context);
	}

	it('lists what the portal offers an admin, All Events first', async () => {
		const options = await loadEvents('apiKey', await credentialData(emulator, 'apiKey'));
		expect(options[0]).toMatchObject({ name: 'All Events', value: '*' });
		expect(options.map((o) => o.value)).toEqual(expect.arrayContaining(['user.created', 'file.uploaded', 'folder.downloaded']));
		expect(options).toHaveLength(37);
		expect(calls('GET', '/api/2.0/settings/webhook/triggers')).toHaveLength(1);
	});

	it('leaves out what a plain user may not use', async () => {
		const options = await loadEvents('basicAuth', { baseUrl: emulator.url, email: emulator.secrets.userEmail, password: emulator.secrets.userPassword });
		const values = options.map((o) => o.value);
		expect(values).toContain('file.created');
		expect(values).not.toContain('user.created');
		expect(values).not.toContain('room.created');
		expect(options).toHaveLength(37 - 8);
	});

	it('falls back to the full static list when the portal cannot be asked', async () => {
		const options = await loadEvents('apiKey', { baseUrl: emulator.url, apiKey: 'sk-wrong' });
		expect(options).toHaveLength(37);
		expect(options.find((o) => o.value === 'agent.deleted')?.name).toBe('AI Agent: Deleted');
	});
});

describe('node description', () => {
	it('offers API key, basic auth and personal access token, not OAuth2, and says why', async () => {
		const harness = await trigger({ events: ['file.created'] });
		const { description } = harness.nodeType;
		const authentication = description.properties.find((p) => p.name === 'authentication');
		expect(authentication?.options?.map((o) => (o as INodePropertyOptions).value)).toEqual(['apiKey', 'basicAuth', 'personalAccessToken']);
		expect(description.credentials?.map((c) => c.name)).toEqual(['docSpaceApiKeyApi', 'docSpaceBasicAuthApi', 'docSpacePersonalAccessTokenApi']);
		const notice = description.properties.find((p) => p.type === 'notice');
		expect(notice?.displayName).toMatch(/OAuth2/);
		expect(notice?.displayName).toMatch(/API key/);
		expect(description).toMatchObject({ name: 'docSpaceTrigger', displayName: 'ONLYOFFICE DocSpace Trigger', inputs: [], group: ['trigger'] });
		expect(description.usableAsTool).toBeUndefined();
		expect(description.webhooks?.map((w) => [w.name, w.httpMethod, w.path, w.responseMode])).toEqual([
			['setup', 'HEAD', 'webhook', 'onReceived'],
			['default', 'POST', 'webhook', 'onReceived'],
		]);
	});
});
