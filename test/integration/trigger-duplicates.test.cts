/**
 * Each DocSpace event starts the workflow once: duplicates after a restart of n8n, concurrent
 * copies, copies split over two webhook processes, DocSpace's own retries and a retry from its
 * webhook log; the freshness rule; the event id as a top-level field. The harness keeps static
 * data the way n8n does (a fresh copy per request, saved only when n8n would save it).
 */
import { createHmac } from 'node:crypto';

import type { TriggerHarness } from '../harness/trigger.cjs';
import {
	createFolderThroughApi,
	emulator,
	trigger,
	useTriggerEmulator,
} from './trigger.fixtures.cjs';

useTriggerEmulator();

const createOnOf = (date: Date) => `${date.toISOString().slice(0, 19)}Z`;
const hoursAgo = (hours: number) => createOnOf(new Date(Date.now() - hours * 3_600_000));

function body(event: Record<string, unknown>, webhook: Record<string, unknown> = {}): string {
	return JSON.stringify({
		event: {
			createOn: createOnOf(new Date()),
			createBy: emulator.state.seedIds.users.admin,
			trigger: 'file.created',
			triggerId: 128,
			...event,
		},
		payload: { id: 1001, title: 'a.docx' },
		webhook: { id: 1, name: 'x', url: 'y', triggers: ['file.created'], ...webhook },
	});
}

async function post(harness: TriggerHarness, text: string, headers: Record<string, string> = {}) {
	const signature = `sha256=${createHmac('sha256', harness.staticData.secret as string)
		.update(text)
		.digest('hex')
		.toUpperCase()}`;
	const res = await fetch(harness.webhookUrl, {
		method: 'POST',
		headers: {
			'content-type': 'application/json',
			'x-docspace-signature-256': signature,
			...headers,
		},
		body: text,
	});
	return { status: res.status, text: await res.text() };
}

async function active(parameters: Record<string, unknown> = {}, webhookProcesses = 1) {
	const harness = await trigger({ events: ['file.created'], ...parameters }, { webhookProcesses });
	await harness.activate();
	return harness;
}

describe('duplicate deliveries', () => {
	it('a redelivery after n8n restarted starts nothing: the id was saved before the execution started', async () => {
		const harness = await active();
		const delivery = body({ id: 4242 });
		expect(await post(harness, delivery)).toEqual({
			status: 200,
			text: JSON.stringify({ received: true, eventId: '4242' }),
		});
		expect(harness.staticData.recentEventIds).toEqual(['4242']);
		harness.restart();
		const again = await post(harness, delivery);
		expect(again.status).toBe(200);
		expect(again.text).toMatch(/duplicate/);
		expect(harness.executions).toHaveLength(1);
		expect(harness.executions[0][0][0].json.eventId).toBe('4242');
	});

	it('20 copies of one delivery at the same moment start one execution', async () => {
		const harness = await active();
		const delivery = body({ id: 777 });
		const answers = await Promise.all(
			Array.from({ length: 20 }, async () => await post(harness, delivery)),
		);
		expect(answers.map((a) => a.status)).toEqual(Array(20).fill(200));
		expect(answers.filter((a) => /duplicate/.test(a.text))).toHaveLength(19);
		expect(harness.executions).toHaveLength(1);
	});

	it('two webhook processes: copies that reach the other process later start nothing', async () => {
		const harness = await active({}, 2);
		// 9 deliveries, then their copies: requests alternate, so each copy reaches the other process.
		for (let id = 1; id <= 9; id++) await post(harness, body({ id }));
		for (let id = 1; id <= 9; id++)
			expect((await post(harness, body({ id }))).text).toMatch(/duplicate/);
		expect(harness.executions).toHaveLength(9);
		expect(harness.received.filter((r) => r.method === 'POST')).toHaveLength(18);
	});

	it('a DocSpace retry (other bytes: retryCount, retryOn; same signed event id) of an accepted delivery starts nothing', async () => {
		const harness = await active();
		await post(harness, body({ id: 31 }));
		const retry = await post(
			harness,
			body(
				{ id: 31 },
				{ retryCount: 1, retryOn: createOnOf(new Date()), lastFailureOn: createOnOf(new Date()) },
			),
		);
		expect(retry.text).toMatch(/duplicate/);
		expect(harness.executions).toHaveLength(1);
	});

	it('the unsigned x-docspace-event-id header decides nothing', async () => {
		const harness = await active();
		await post(harness, body({ id: 500 }), { 'x-docspace-event-id': '1' });
		await post(harness, body({ id: 501 }), { 'x-docspace-event-id': '1' });
		await post(harness, body({ id: 502 }), { 'x-docspace-event-id': '2' });
		await post(harness, body({ id: 502 }), { 'x-docspace-event-id': '3' });
		expect(harness.executions.map((e) => e[0][0].json.eventId)).toEqual(['500', '501', '502']);
	});

	it('an event without an id is recognised by its signed bytes', async () => {
		const harness = await active();
		const delivery = body({ id: undefined, trigger: 'file.created' });
		await post(harness, delivery);
		expect((await post(harness, delivery)).text).toMatch(/duplicate/);
		expect(harness.executions).toHaveLength(1);
		expect(harness.executions[0][0][0].json.eventId).toMatch(/^sha256:[0-9a-f]{64}$/);
	});

	it('an event DocSpace retried after a failed answer, and one retried from its webhook log, each run once', async () => {
		const harness = await active({ events: ['folder.created'] });
		harness.failNextPosts(2);
		const created = await createFolderThroughApi('Retried folder');
		expect(created.status).toBe(200);
		await emulator.webhooks.idle();
		expect(emulator.webhooks.deliveries.map((d) => d.status)).toEqual([500, 500, 200]);
		expect(harness.executions).toHaveLength(1);
		const [first] = emulator.webhooks.deliveries;
		const retried = await fetch(`${emulator.url}/api/2.0/settings/webhook/${first.eventId}/retry`, {
			method: 'PUT',
			headers: { authorization: `Bearer ${emulator.secrets.apiKey}` },
		});
		expect(retried.status).toBe(200);
		await emulator.webhooks.idle();
		expect(harness.executions).toHaveLength(2);
		const [original, again] = harness.executions.map(
			(e) => e[0][0].json as { event: { id: number; createOn: string } },
		);
		expect(again.event.id).not.toBe(original.event.id);
		expect(again.event.createOn).toBe(original.event.createOn);
	});
});

describe('freshness (Max Event Age, from the signed event.createOn)', () => {
	it('an event older than the limit is answered 200 and starts nothing; a younger one starts', async () => {
		const harness = await active();
		const old = await post(harness, body({ id: 1, createOn: hoursAgo(169) }));
		expect(old.status).toBe(200);
		expect(old.text).toMatch(/older than 168 hours/);
		await post(harness, body({ id: 2, createOn: hoursAgo(167) }));
		expect(harness.executions.map((e) => e[0][0].json.eventId)).toEqual(['2']);
	});

	it('the unsigned x-docspace-event-timestamp header is ignored', async () => {
		const harness = await active();
		await post(harness, body({ id: 3, createOn: hoursAgo(200) }), {
			'x-docspace-event-timestamp': createOnOf(new Date()),
		});
		await post(harness, body({ id: 4 }), { 'x-docspace-event-timestamp': hoursAgo(200) });
		expect(harness.executions.map((e) => e[0][0].json.eventId)).toEqual(['4']);
	});

	it('a custom limit applies, and 0 accepts any age', async () => {
		const oneHour = await active({ options: { maxEventAgeHours: 1 } });
		await post(oneHour, body({ id: 5, createOn: hoursAgo(2) }));
		expect(oneHour.executions).toHaveLength(0);
		const any = await active({ options: { maxEventAgeHours: 0 } });
		await post(any, body({ id: 6, createOn: hoursAgo(24 * 365) }));
		expect(any.executions).toHaveLength(1);
	});
});
