/**
 * The emulator's webhook subscriptions (routes/webhooks.cts) and deliveries (webhooks/).
 */
import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { emulator as emu, jsonAuth as admin, useEmulator } from './emulator.fixture.cjs';
import { basic, call } from '../emulator/client.cjs';
import { emitWebhookEvent, startEmulator } from '../emulator/index.cjs';

/** A receiver that answers HEAD 200 and POSTs with the statuses queued in `answers` (then 200). */
class Receiver {
	readonly posts: Array<{ headers: IncomingMessage['headers']; body: string }> = [];
	answers: number[] = [];
	headStatus = 200;
	private server?: Server;
	url = '';

	async start(): Promise<this> {
		this.server = createServer((req, res) => {
			const chunks: Buffer[] = [];
			req.on('data', (c: Buffer) => chunks.push(c));
			req.on('end', () => {
				if (req.method === 'HEAD') {
					res.statusCode = this.headStatus;
					res.end();
					return;
				}
				this.posts.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
				res.statusCode = this.answers.shift() ?? 200;
				res.end('ok');
			});
		});
		await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
		this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hook`;
		return this;
	}

	async close(): Promise<void> {
		await new Promise<void>((resolve) => {
			this.server?.close(() => resolve());
			this.server?.closeAllConnections();
		});
	}
}

let receiver: Receiver;
let user: Record<string, string>;
const SECRET = 'Good-Secret-42!';

useEmulator({ allowPrivateWebhookUrls: true, webhookRetryBaseMs: 10 });
beforeAll(async () => {
	receiver = await new Receiver().start();
	user = {
		authorization: basic(emu.secrets.userEmail, emu.secrets.userPassword),
		'content-type': 'application/json',
	};
});
afterAll(async () => await receiver.close());
afterEach(async () => {
	await emu.webhooks.idle();
	emu.webhooks.subscriptions.clear();
	emu.webhooks.deliveries.length = 0;
	receiver.posts.length = 0;
	receiver.answers = [];
	receiver.headStatus = 200;
});

const create = (body: Record<string, unknown>, headers = admin) =>
	call(emu.url, '/api/2.0/settings/webhook', {
		method: 'POST',
		headers,
		body: JSON.stringify(body),
	});
const valid = () => ({
	name: 'hook',
	uri: receiver.url,
	secretKey: SECRET,
	enabled: true,
	triggers: 128,
});

describe('subscriptions', () => {
	it('creates, lists ({configs, status}), updates and deletes; the secret is never returned', async () => {
		const created = await create({ ...valid(), targetId: '42' });
		expect(created.status).toBe(200);
		const config = created.json.response;
		expect(config).toMatchObject({
			id: expect.any(Number),
			name: 'hook',
			uri: receiver.url,
			enabled: true,
			ssl: false,
			triggers: 128,
			targetId: '42',
		});
		expect(JSON.stringify(created.json)).not.toContain(SECRET);
		expect(config.createdBy).toMatchObject({ id: emu.state.seedIds.users.admin });

		const list = await call(emu.url, '/api/2.0/settings/webhook', { headers: admin });
		expect(list.json.response).toEqual([
			{ configs: expect.objectContaining({ id: config.id }), status: 0 },
		]);

		const updated = await call(emu.url, '/api/2.0/settings/webhook', {
			method: 'PUT',
			headers: admin,
			body: JSON.stringify({
				id: config.id,
				name: 'hook',
				uri: receiver.url,
				enabled: false,
				triggers: 2 ** 34,
			}),
		});
		expect(updated.json.response).toMatchObject({ enabled: false, triggers: 2 ** 34 });
		expect('targetId' in updated.json.response).toBe(false); // null is left out, as DocSpace does
		expect(emu.webhooks.subscriptions.get(config.id)?.secretKey).toBe(SECRET); // empty secret keeps the old one

		const removed = await call(emu.url, `/api/2.0/settings/webhook/${config.id}`, {
			method: 'DELETE',
			headers: admin,
		});
		expect(removed.json.response).toMatchObject({ id: config.id });
		expect(emu.webhooks.subscriptions.size).toBe(0);
		expect(
			(
				await call(emu.url, `/api/2.0/settings/webhook/${config.id}`, {
					method: 'DELETE',
					headers: admin,
				})
			).status,
		).toBe(404);
		expect(
			(await call(emu.url, '/api/2.0/settings/webhook/abc', { method: 'DELETE', headers: admin }))
				.status,
		).toBe(404);
	});

	it('enabled and ssl default to false', async () => {
		const created = await create({ name: 'defaults', uri: receiver.url, secretKey: SECRET });
		expect(created.json.response).toMatchObject({ enabled: false, ssl: false, triggers: 0 });
	});

	it.each([
		['a short secret', { secretKey: 'Ab1!' }, /password/],
		['a secret without a digit', { secretKey: 'Abcdefgh!' }, /digit/],
		['a secret without an upper-case letter', { secretKey: 'abcdefg1!' }, /uppercase/],
		['a secret without a special character', { secretKey: 'Abcdefg12' }, /special/],
		['a secret with a space', { secretKey: 'Abc def1!' }, /printable/],
		['a 31-character secret', { secretKey: `Aa1!${'x'.repeat(27)}` }, /8 to 30/],
		['no secret', { secretKey: undefined }, /secret/],
		['an ftp URL', { uri: 'ftp://example.com/x' }, /http or https/],
		['ssl with http', { ssl: true }, /https/],
		[
			'a URL whose HEAD probe fails',
			{ uri: 'http://127.0.0.1:9/nothing' },
			/Webhook URL not available/,
		],
	])('refuses %s with 400', async (_label, change, message) => {
		const res = await create({ ...valid(), ...change });
		expect(res.status).toBe(400);
		expect(res.json.error.message).toMatch(message);
		expect(emu.webhooks.subscriptions.size).toBe(0);
	});

	it('refuses a HEAD answer other than 2xx', async () => {
		receiver.headStatus = 404;
		expect((await create(valid())).json.error.message).toBe('Webhook URL not available');
	});

	it('refuses a second subscription with the same name and URL', async () => {
		expect((await create(valid())).status).toBe(200);
		const again = await create(valid());
		expect(again.status).toBe(400);
		expect(again.json.error.message).toBe(
			'Webhook with the same name and payload URL already exists',
		);
		expect((await create({ ...valid(), name: 'other' })).status).toBe(200);
	});

	it('validates the model (name required, lengths, triggers a number)', async () => {
		const res = await create({
			uri: receiver.url,
			secretKey: SECRET,
			name: 'x'.repeat(51),
			triggers: 'lots',
		});
		expect(res.status).toBe(400);
		expect(Object.keys(res.json.response.errors).sort()).toEqual(['name', 'triggers']);
		expect((await create({ ...valid(), name: undefined })).json.response.errors.name).toBeDefined();
	});

	it('refuses loopback and private URLs unless allowPrivateWebhookUrls is set', async () => {
		const strict = await startEmulator({ seed: 'empty' });
		try {
			const headers = {
				authorization: `Bearer ${strict.secrets.apiKey}`,
				'content-type': 'application/json',
			};
			for (const uri of [
				receiver.url,
				'http://localhost:1/x',
				'http://10.1.2.3/x',
				'http://[::1]:1/x',
				'http://169.254.169.254/x',
			]) {
				const res = await call(strict.url, '/api/2.0/settings/webhook', {
					method: 'POST',
					headers,
					body: JSON.stringify({ ...valid(), uri }),
				});
				expect(res.status).toBe(400);
				expect(res.json.error.message).toBe('Value does not fall within the expected range.');
			}
			expect(strict.webhooks.subscriptions.size).toBe(0);
		} finally {
			await strict.close();
		}
	});

	it('a plain user may not use admin-only triggers, sees and manages only their own subscriptions', async () => {
		const adminHook = (await create(valid())).json.response;
		const refused = await create({ ...valid(), name: 'u', triggers: 1 + 128 }, user);
		expect(refused.status).toBe(400);
		expect(refused.json.error.message).toBe('Trigger is not available');
		const own = await create({ ...valid(), name: 'mine', triggers: 4 + 128 }, user);
		expect(own.status).toBe(200);
		const list = await call(emu.url, '/api/2.0/settings/webhook', { headers: user });
		expect(list.json.response.map((e: { configs: { id: number } }) => e.configs.id)).toEqual([
			own.json.response.id,
		]);
		expect(
			(
				await call(emu.url, `/api/2.0/settings/webhook/${adminHook.id}`, {
					method: 'DELETE',
					headers: user,
				})
			).status,
		).toBe(403);
	});

	it('needs a credential with full access (a files-only API key gets 403)', async () => {
		const res = await create(valid(), {
			authorization: `Bearer ${emu.secrets.filesReadApiKey}`,
			'content-type': 'application/json',
		});
		expect(res.status).toBe(403);
	});

	it('lists the trigger catalogue with availability for the caller', async () => {
		const forAdmin = (await call(emu.url, '/api/2.0/settings/webhook/triggers', { headers: admin }))
			.json.response;
		expect(forAdmin[0]).toEqual({ name: '*', id: 0, available: true });
		expect(forAdmin).toHaveLength(37);
		expect(forAdmin.find((t: { name: string }) => t.name === 'folder.downloaded')).toEqual({
			name: 'folder.downloaded',
			id: 2 ** 35,
			available: true,
		});
		const forUser = (await call(emu.url, '/api/2.0/settings/webhook/triggers', { headers: user }))
			.json.response;
		expect(
			forUser
				.filter((t: { available: boolean }) => !t.available)
				.map((t: { name: string }) => t.name)
				.sort(),
		).toEqual(
			[
				'agent.created',
				'group.created',
				'group.deleted',
				'group.updated',
				'room.copied',
				'room.created',
				'user.created',
				'user.invited',
			].sort(),
		);
	});
});

describe('deliveries', () => {
	const folder = () =>
		emu.state.createFolder({
			title: 'Delivered',
			parentId: emu.state.seedIds.myDocuments,
			createdBy: emu.state.seedIds.users.admin,
		});

	it('POSTs the signed event (upper-case hex over the exact bytes) with the event headers', async () => {
		const { id } = (await create({ ...valid(), triggers: 32768 })).json.response;
		const entry = folder();
		await emitWebhookEvent(emu.state, 'folder.created', entry);
		expect(receiver.posts).toHaveLength(1);
		const [{ headers, body }] = receiver.posts;
		const hex = createHmac('sha256', SECRET).update(body).digest('hex').toUpperCase();
		expect(headers['x-docspace-signature-256']).toBe(`sha256=${hex}`);
		expect(headers['content-type']).toBe('application/json; charset=utf-8');
		const parsed = JSON.parse(body);
		expect(parsed).toEqual({
			event: {
				id: expect.any(Number),
				createOn: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
				createBy: emu.state.seedIds.users.admin,
				trigger: 'folder.created',
				triggerId: 32768,
			},
			payload: expect.objectContaining({
				id: entry.id,
				title: 'Delivered',
				parentId: emu.state.seedIds.myDocuments,
				fileEntryType: 1,
			}),
			webhook: { id, name: 'hook', url: receiver.url, triggers: ['folder.created'] },
		});
		expect(headers['x-docspace-event-id']).toBe(String(parsed.event.id));
		expect(headers['x-docspace-event-timestamp']).toBe(parsed.event.createOn);
		expect(emu.webhooks.subscriptions.get(id)?.lastSuccessOn).toBeInstanceOf(Date);
	});

	it('skips disabled subscriptions, other triggers and other targets; All (0) gets everything', async () => {
		await create({ ...valid(), name: 'off', enabled: false, triggers: 0 });
		await create({ ...valid(), name: 'files', triggers: 128 });
		await create({
			...valid(),
			name: 'elsewhere',
			triggers: 0,
			targetId: String(emu.state.seedIds.folders.projects),
		});
		const all = (await create({ ...valid(), name: 'all', triggers: 0 })).json.response;
		await emitWebhookEvent(emu.state, 'folder.created', folder());
		expect(receiver.posts.map((p) => JSON.parse(p.body).webhook.id)).toEqual([all.id]);
		expect(JSON.parse(receiver.posts[0].body).webhook.triggers).toEqual(['*']);
	});

	it('retries non-2xx answers with the same event id and createOn, each attempt signed, then stops', async () => {
		await create({ ...valid(), triggers: 32768 });
		receiver.answers = [500, 503, 404];
		await emitWebhookEvent(emu.state, 'folder.created', folder());
		expect(emu.webhooks.deliveries.map((d) => [d.attempt, d.status])).toEqual([
			[1, 500],
			[2, 503],
			[3, 404],
			[4, 200],
		]);
		const bodies = receiver.posts.map(
			(p) =>
				JSON.parse(p.body) as {
					event: Record<string, unknown>;
					payload: unknown;
					webhook: Record<string, unknown>;
				},
		);
		expect(new Set(bodies.map((b) => JSON.stringify([b.event, b.payload]))).size).toBe(1);
		expect(new Set(receiver.posts.map((p) => p.headers['x-docspace-event-id'])).size).toBe(1);
		expect(new Set(receiver.posts.map((p) => p.headers['x-docspace-event-timestamp']))).toEqual(
			new Set([bodies[0].event.createOn]),
		);
		// WebhookSender: a retry carries retryCount/retryOn and the last failure, so its bytes (and signature) differ.
		expect(bodies.map((b) => b.webhook.retryCount)).toEqual([undefined, 1, 2, 3]);
		expect(bodies[0].webhook.lastFailureOn).toBeUndefined();
		expect(bodies[1].webhook).toMatchObject({
			lastFailureOn: expect.any(String),
			retryOn: expect.any(String),
		});
		expect(new Set(receiver.posts.map((p) => p.headers['x-docspace-signature-256'])).size).toBe(4);
		for (const post of receiver.posts) {
			expect(post.headers['x-docspace-signature-256']).toBe(
				`sha256=${createHmac('sha256', SECRET).update(post.body).digest('hex').toUpperCase()}`,
			);
		}
	});

	it('a retry from the webhook log resends the logged event with a new id and the original createOn', async () => {
		await create({ ...valid(), triggers: 32768 });
		await emitWebhookEvent(emu.state, 'folder.created', folder());
		const [first] = emu.webhooks.deliveries;
		const res = await call(emu.url, `/api/2.0/settings/webhook/${first.eventId}/retry`, {
			method: 'PUT',
			headers: admin,
		});
		expect(res.status).toBe(200);
		await emu.webhooks.idle();
		expect(receiver.posts).toHaveLength(2);
		const [original, retried] = receiver.posts.map(
			(p) => JSON.parse(p.body) as { event: Record<string, unknown>; payload: unknown },
		);
		expect(retried.event.id).not.toBe(original.event.id);
		expect(retried.event.id).toBe((res.json as { response: { id: number } }).response.id);
		expect(retried.event.createOn).toBe(original.event.createOn);
		expect(retried.payload).toEqual(original.payload);
		expect(
			(
				await call(emu.url, '/api/2.0/settings/webhook/999999/retry', {
					method: 'PUT',
					headers: admin,
				})
			).status,
		).toBe(404);
	});

	it('gives up after 5 retries', async () => {
		await create({ ...valid(), triggers: 32768 });
		receiver.answers = Array(10).fill(500);
		await emitWebhookEvent(emu.state, 'folder.created', folder());
		expect(emu.webhooks.deliveries).toHaveLength(6);
		expect(emu.webhooks.subscriptions.size).toBe(1);
		const [subscription] = emu.webhooks.subscriptions.values();
		expect(subscription.lastStatus).toBe(500);
		expect(subscription.lastFailureOn).toBeInstanceOf(Date);
	});

	it('deletes the subscription when the receiver answers 410 Gone', async () => {
		await create({ ...valid(), triggers: 32768 });
		receiver.answers = [410];
		await emitWebhookEvent(emu.state, 'folder.created', folder());
		expect(emu.webhooks.deliveries).toHaveLength(1);
		expect(emu.webhooks.subscriptions.size).toBe(0);
	});

	it('changes made through the API emit their events', async () => {
		await create({ ...valid(), name: 'everything', triggers: 0 });
		const api = (method: string, path: string, body: unknown) =>
			call(emu.url, `/api/2.0/${path}`, { method, headers: admin, body: JSON.stringify(body) });
		expect((await api('POST', 'group', { groupName: 'Webhook group' })).status).toBe(200);
		expect((await api('POST', 'files/rooms', { title: 'Webhook room', roomType: 2 })).status).toBe(
			200,
		);
		const folder = (
			await api('POST', `files/folder/${emu.state.seedIds.myDocuments}`, {
				title: 'Webhook folder',
			})
		).json.response;
		expect(
			(await api('PUT', `files/folder/${folder.id}`, { title: 'Renamed folder' })).status,
		).toBe(200);
		expect(
			(
				await api('POST', 'people/invite', {
					invitations: [{ email: 'hooked@example.com', type: 'User' }],
				})
			).status,
		).toBe(200);
		await emu.webhooks.idle();
		// Deliveries run in parallel, so their order is not guaranteed (as in DocSpace).
		expect(receiver.posts.map((p) => JSON.parse(p.body).event.trigger).sort()).toEqual(
			['group.created', 'room.created', 'folder.created', 'folder.updated', 'user.invited'].sort(),
		);
	});

	it('moving out of the Trash is a restore', async () => {
		await create({ ...valid(), name: 'files', triggers: 0 });
		const api = async (method: string, path: string, body: unknown) => {
			const started = await call(emu.url, `/api/2.0/${path}`, {
				method,
				headers: admin,
				body: JSON.stringify(body),
			});
			const [op] = started.json.response;
			await call(emu.url, `/api/2.0/files/fileops?id=${op.id}`, { headers: admin }); // runs it
		};
		const file = emu.state.createFile({
			title: 'Restore me.txt',
			folderId: emu.state.seedIds.myDocuments,
			createdBy: emu.state.seedIds.users.admin,
		});
		await api('PUT', 'files/fileops/delete', { fileIds: [file.id], returnSingleOperation: true });
		await api('PUT', 'files/fileops/move', {
			fileIds: [file.id],
			destFolderId: emu.state.seedIds.myDocuments,
			returnSingleOperation: true,
		});
		await emu.webhooks.idle();
		expect(receiver.posts.map((p) => JSON.parse(p.body).event.trigger).sort()).toEqual([
			'file.restored',
			'file.trashed',
		]);
	});

	it('delivers only what the subscription’s creator may see', async () => {
		await create({ ...valid(), name: 'user', triggers: 32768 }, user);
		await emitWebhookEvent(emu.state, 'folder.created', folder()); // in the admin's My documents
		expect(receiver.posts).toHaveLength(0);
	});
});
