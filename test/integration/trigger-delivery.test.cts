/**
 * Deliveries to the DocSpace Trigger through n8n-core's real WebhookContext (test/harness/trigger.cts)
 * against the emulator: real signed deliveries, duplicates, forged deliveries, filtering by event
 * and target.
 */
import { createHmac } from 'node:crypto';

import { emitWebhookEvent } from '../emulator/index.cjs';
import { adminRequest } from '../harness/admin-api.cjs';
import { byId } from '../harness/docspace.cjs';
import type { TriggerHarness } from '../harness/trigger.cjs';
import {
	createFolderThroughApi,
	emulator,
	trigger,
	useTriggerEmulator,
} from './trigger.fixtures.cjs';

useTriggerEmulator();

function sign(body: string, secret: string, lower = false): string {
	const hex = createHmac('sha256', secret).update(body).digest('hex');
	return `sha256=${lower ? hex : hex.toUpperCase()}`;
}

async function post(harness: TriggerHarness, body: string, headers: Record<string, string> = {}) {
	const res = await fetch(harness.webhookUrl, {
		method: 'POST',
		headers: { 'content-type': 'application/json', ...headers },
		body,
	});
	return { status: res.status, text: await res.text() };
}

/** DocSpace's createOn format: UTC to the second. */
const createOnOf = (date: Date) => `${date.toISOString().slice(0, 19)}Z`;

function eventBody(
	id: number,
	trigger = 'file.created',
	triggerId = 128,
	payload: Record<string, unknown> = { id: 1001, title: 'a.docx' },
	createOn = createOnOf(new Date()),
) {
	return JSON.stringify({
		event: { id, createOn, createBy: emulator.state.seedIds.users.admin, trigger, triggerId },
		payload,
		webhook: { id: 1, name: 'x', url: 'y', triggers: [trigger] },
	});
}

describe('deliveries', () => {
	async function activeTrigger(parameters: Record<string, unknown>) {
		const harness = await trigger(parameters);
		await harness.activate();
		return harness;
	}

	it('a folder created through the API produces exactly one accepted delivery with the event', async () => {
		const harness = await activeTrigger({ events: ['folder.created'] });
		const created = await createFolderThroughApi('Webhook test folder');
		expect(created.status).toBe(200);
		const folder = ((await created.json()) as { response: { id: number } }).response;
		await emulator.webhooks.idle();

		expect(emulator.webhooks.deliveries).toHaveLength(1);
		expect(emulator.webhooks.deliveries[0]).toMatchObject({
			trigger: 'folder.created',
			status: 200,
			attempt: 1,
		});
		expect(harness.executions).toHaveLength(1);
		const [[[item]]] = harness.executions;
		expect(item.json).toMatchObject({
			event: {
				trigger: 'folder.created',
				triggerId: 32768,
				id: expect.any(Number),
				createBy: emulator.state.seedIds.users.admin,
			},
			payload: {
				id: folder.id,
				title: 'Webhook test folder',
				parentId: emulator.state.seedIds.myDocuments,
				fileEntryType: 1,
			},
			webhook: {
				id: harness.staticData.webhookId,
				url: harness.webhookUrl,
				triggers: ['folder.created'],
			},
		});
		expect(item.json.rawBody).toBeUndefined();
	});

	it('a file uploaded into a room through the API, with the room as target, produces one file.uploaded delivery', async () => {
		const roomId = emulator.state.seedIds.rooms.custom;
		const harness = await activeTrigger({
			events: ['file.uploaded'],
			targetType: 'room',
			roomId: byId(roomId),
		});
		const form = new FormData();
		form.append('file', new Blob([Buffer.from('hello webhook')]), 'Uploaded by test.txt');
		const uploaded = await fetch(`${emulator.url}/api/2.0/files/${roomId}/upload`, {
			method: 'POST',
			headers: { authorization: `Bearer ${emulator.secrets.apiKey}` },
			body: form,
		});
		expect(uploaded.status).toBe(200);
		await emulator.webhooks.idle();
		expect(emulator.webhooks.deliveries.map((d) => [d.trigger, d.status])).toEqual([
			['file.uploaded', 200],
		]);
		expect(harness.executions).toHaveLength(1);
		expect(harness.executions[0][0][0].json).toMatchObject({
			event: { trigger: 'file.uploaded', triggerId: 256 },
			payload: { title: 'Uploaded by test.txt', parentId: roomId, fileEntryType: 2 },
			webhook: { target: { id: String(roomId), type: 'room' } },
		});
	});

	it('a document created in a room (what the e2e suite does) reaches a file.created trigger once', async () => {
		const harness = await activeTrigger({ events: ['file.created'] });
		const created = await adminRequest(
			emulator,
			'POST',
			`files/${emulator.state.seedIds.rooms.collaboration}/file`,
			{ title: 'e2e-like.docx' },
		);
		expect(created.status).toBe(200);
		await emulator.webhooks.idle();
		expect(harness.executions).toHaveLength(1);
		expect(JSON.stringify(harness.executions[0])).toContain('e2e-like.docx');
	});

	it('an event that is not selected produces no delivery and no execution', async () => {
		const harness = await activeTrigger({ events: ['file.created'] });
		await createFolderThroughApi('Not selected');
		await emulator.webhooks.idle();
		expect(emulator.webhooks.deliveries).toHaveLength(0);
		expect(harness.executions).toHaveLength(0);
	});

	it('a target limits deliveries to that folder and what is inside it', async () => {
		const { projects, projects2025 } = emulator.state.seedIds.folders;
		const harness = await activeTrigger({
			events: ['folder.created'],
			targetType: 'folder',
			folderId: byId(projects),
		});
		const admin = emulator.state.seedIds.users.admin;
		const inside = emulator.state.createFolder({
			title: 'Inside',
			parentId: projects2025,
			createdBy: admin,
		});
		const outside = emulator.state.createFolder({
			title: 'Outside',
			parentId: emulator.state.seedIds.myDocuments,
			createdBy: admin,
		});
		await emitWebhookEvent(emulator.state, 'folder.created', inside);
		await emitWebhookEvent(emulator.state, 'folder.created', outside);
		expect(harness.executions).toHaveLength(1);
		expect(harness.executions[0][0][0].json).toMatchObject({
			payload: { title: 'Inside' },
			webhook: { target: { id: String(projects), type: 'folder' } },
		});
	});

	it('Include Raw Body adds the signed body as text', async () => {
		const harness = await activeTrigger({
			events: ['folder.created'],
			options: { includeRawBody: true },
		});
		const folder = emulator.state.createFolder({
			title: 'Raw',
			parentId: emulator.state.seedIds.myDocuments,
			createdBy: emulator.state.seedIds.users.admin,
		});
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
		await post(harness, body, {
			'x-docspace-signature-256': sign(body, harness.staticData.secret as string),
		});
		const recent = harness.staticData.recentEventIds as string[];
		expect(recent).toHaveLength(500);
		expect(recent[0]).toBe('1');
		expect(recent[499]).toBe('9999');
	});

	it('lower-case hex of the right HMAC is accepted', async () => {
		const harness = await activeTrigger({ events: ['file.created'] });
		const body = eventBody(77);
		const res = await post(harness, body, {
			'x-docspace-signature-256': sign(body, harness.staticData.secret as string, true),
		});
		expect(res.status).toBe(200);
		expect(harness.executions).toHaveLength(1);
	});

	it.each([
		['no signature header', (body: string) => ({ body, headers: {} })],
		[
			'another secret',
			(body: string) => ({
				body,
				headers: { 'x-docspace-signature-256': sign(body, 'Not-The-Secret-1!') },
			}),
		],
		[
			'a body changed after signing',
			(body: string, secret: string) => ({
				body: body.replace('a.docx', 'evil.docx'),
				headers: { 'x-docspace-signature-256': sign(body, secret) },
			}),
		],
		[
			'a signature over the re-serialised body',
			(body: string, secret: string) => {
				const spaced = JSON.stringify(JSON.parse(body), null, 2);
				return {
					body: spaced,
					headers: { 'x-docspace-signature-256': sign(JSON.stringify(JSON.parse(spaced)), secret) },
				};
			},
		],
		[
			'a malformed header',
			(body: string) => ({ body, headers: { 'x-docspace-signature-256': 'sha256=xyz' } }),
		],
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
		const res = await post(harness, body, {
			'x-docspace-signature-256': sign(body, harness.staticData.secret as string),
		});
		expect(res.status).toBe(200);
		expect(res.text).toMatch(/not selected/);
		expect(harness.executions).toHaveLength(0);
	});

	it('a signed delivery about another entity than the target is answered 200 without execution', async () => {
		const harness = await activeTrigger({
			events: ['file.created'],
			targetType: 'room',
			roomId: byId(emulator.state.seedIds.rooms.custom),
		});
		const secret = harness.staticData.secret as string;
		const other = eventBody(67, 'file.created', 128, { id: 5, parentId: 999999, title: 'x.docx' });
		const res = await post(harness, other, { 'x-docspace-signature-256': sign(other, secret) });
		expect(res.text).toMatch(/another entity/);
		const inRoom = eventBody(68, 'file.created', 128, {
			id: 6,
			parentId: emulator.state.seedIds.rooms.custom,
			title: 'y.docx',
		});
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
		expect(
			(await post(harness, body, { 'x-docspace-signature-256': sign(body, secret) })).status,
		).toBe(401);
	});
});
