/**
 * The DocSpace Trigger's registration lifecycle through n8n-core's real HookContext
 * (test/harness/trigger.cts) against the emulator: activation, deactivation, repair of a changed
 * subscription, and activations that are refused.
 */
import { startEmulator } from '../emulator/index.cjs';
import { adminRequest } from '../harness/admin-api.cjs';
import { byId } from '../harness/docspace.cjs';
import type { TriggerHarness } from '../harness/trigger.cjs';
import { startTrigger } from '../harness/trigger.cjs';
import {
	calls,
	emulator,
	harnesses,
	subscriptions,
	trigger,
	useTriggerEmulator,
} from './trigger.fixtures.cjs';

useTriggerEmulator();

/** The visible text of an activation error. */
async function activationError(
	harness: TriggerHarness,
): Promise<{ message: string; description: string }> {
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
		expect(harness.webhookUrl).toMatch(
			/^http:\/\/127\.0\.0\.1:\d+\/webhook\/7d3c1e52-5b1a-4c0e-9a55-2f6d8c4b1a90\/webhook$/,
		);
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
		expect(harness.staticData).toMatchObject({
			webhookId: subscription.id,
			secret: subscription.secretKey,
			webhookUrl: harness.webhookUrl,
		});
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
		expect(
			calls('DELETE', `/api/2.0/settings/webhook/${String(harness.staticData.webhookId ?? '')}`),
		).toHaveLength(0);
		expect(emulator.requests.filter((r) => r.method === 'DELETE').map((r) => r.status)).toEqual([
			404,
		]);
		expect(harness.staticData.webhookId).toBeUndefined();
	});

	it('deactivation failing for another reason raises an error and keeps the id for the next try', async () => {
		const harness = await trigger({ events: ['file.created'] });
		await harness.activate();
		const id = harness.staticData.webhookId;
		emulator.faults.add({
			method: 'DELETE',
			path: `/api/2.0/settings/webhook/${String(id)}`,
			status: 403,
			body: '',
		});
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
		expect(harness.staticData).toMatchObject({
			webhookId: repaired.id,
			secret: repaired.secretKey,
		});
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
		expect(
			subscriptions()
				.map((s) => s.uri)
				.sort(),
		).toEqual([production.webhookUrl, test.webhookUrl].sort());
		await test.deactivate();
		expect(subscriptions()).toEqual([live]);
		expect(production.staticData).toMatchObject({ webhookId: live.id, secret: live.secretKey });
	});

	it('activating when a same-name subscription for this URL exists updates that one: still exactly one', async () => {
		const harness = await trigger({
			events: ['folder.created'],
			targetType: 'folder',
			folderId: byId(emulator.state.seedIds.folders.projects),
		});
		// Left over from an earlier activation whose static data was lost, with another secret.
		const stale = await adminRequest(emulator, 'POST', 'settings/webhook', {
			name: 'n8n: Trigger test',
			uri: harness.webhookUrl,
			secretKey: 'Old-Secret-123!',
			enabled: false,
			triggers: 1,
		});
		expect(stale.status).toBe(200);
		const staleId = ((await stale.json()) as { response: { id: number } }).response.id;
		emulator.clearRequests();

		await harness.activate();
		const [updated, ...others] = subscriptions();
		expect(others).toHaveLength(0);
		expect(updated.id).toBe(staleId);
		expect(updated).toMatchObject({
			triggers: 32768,
			enabled: true,
			targetId: String(emulator.state.seedIds.folders.projects),
		});
		expect(updated.secretKey).toBe(harness.staticData.secret);
		expect(calls('POST', '/api/2.0/settings/webhook').map((r) => r.status)).toEqual([400]);
		expect(calls('PUT', '/api/2.0/settings/webhook')).toHaveLength(1);
		expect(calls('PUT', '/api/2.0/settings/webhook')[0].body).toMatchObject({
			id: staleId,
			secretKey: harness.staticData.secret,
			enabled: true,
			triggers: 32768,
		});
	});

	it('All Events registers mask 0', async () => {
		const harness = await trigger({ events: ['*', 'file.created'] });
		await harness.activate();
		expect(subscriptions()[0].triggers).toBe(0);
	});

	it.each(['basicAuth', 'personalAccessToken'] as const)(
		'works with %s too',
		async (authentication) => {
			const harness = await trigger({ events: ['file.created'] }, { authentication });
			await harness.activate();
			expect(subscriptions()).toHaveLength(1);
			await harness.deactivate();
			expect(subscriptions()).toHaveLength(0);
		},
	);
});

describe('refused activations', () => {
	it('a loopback webhook URL, with the portal’s private-address rule on, fails with the WEBHOOK_URL guidance', async () => {
		const strict = await startEmulator();
		try {
			const harness = await startTrigger({
				emulator: strict,
				parameters: { events: ['file.created'] },
			});
			harnesses.push(harness);
			const error = await activationError(harness);
			expect(error.message).toMatch(
				/DocSpace refused the webhook URL http:\/\/127\.0\.0\.1:\d+\/webhook\/.+ \(a loopback address\)/,
			);
			expect(error.description).toMatch(/WEBHOOK_URL/);
			expect(error.description).toMatch(/tunnel/);
			expect([...strict.webhooks.subscriptions.values()]).toHaveLength(0);
			expect(
				strict.requests.filter((r) => r.path === '/api/2.0/settings/webhook').map((r) => r.status),
			).toEqual([400]);
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
		expect(error.message).toMatch(
			/webhook URL http:\/\/127\.0\.0\.1:\d+\/.+ is a loopback address/,
		);
		expect(error.description).toMatch(/WEBHOOK_URL/);
		expect(emulator.requests).toHaveLength(0);
	});

	it('a URL DocSpace cannot reach (HEAD probe fails) gets the same guidance', async () => {
		const harness = await trigger(
			{ events: ['file.created'] },
			{ webhookBaseUrl: 'http://127.0.0.1:9/webhook' },
		);
		const error = await activationError(harness);
		expect(error.message).toMatch(/Webhook URL not available/);
		expect(error.description).toMatch(/WEBHOOK_URL/);
		expect(subscriptions()).toHaveLength(0);
	});

	it('admin-only events with a plain user’s credential explain what to change', async () => {
		const harness = await trigger(
			{ events: ['user.created', 'file.created'] },
			{
				authentication: 'basicAuth',
				credentials: {
					baseUrl: emulator.url,
					email: emulator.secrets.userEmail,
					password: emulator.secrets.userPassword,
				},
			},
		);
		const error = await activationError(harness);
		expect(error.message).toMatch(/Trigger is not available/);
		expect(error.description).toMatch(/admins/);
		expect(subscriptions()).toHaveLength(0);
	});

	it('no events and a malformed target are refused before any request', async () => {
		expect((await activationError(await trigger({ events: [] }))).message).toBe(
			'The parameter “Events” is empty',
		);
		const badTarget = await trigger({
			events: ['file.created'],
			targetType: 'user',
			userId: byId('not-a-guid'),
		});
		expect((await activationError(badTarget)).message).toMatch(
			/The parameter “User” is not a valid user ID/,
		);
		expect(emulator.requests.filter((r) => r.method !== 'GET')).toHaveLength(0);
		expect(subscriptions()).toHaveLength(0);
	});
});
