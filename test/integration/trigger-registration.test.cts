/**
 * Registration details of the DocSpace Trigger: DocSpace's SSL verification flag against an n8n
 * with a self-signed certificate, and the webhook secret kept out of errors when the portal
 * echoes the registration body.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { emulator, subscriptions, trigger, useTriggerEmulator } from './trigger.fixtures.cjs';

useTriggerEmulator();

let tls: { key: string; cert: string };

beforeAll(() => {
	const dir = mkdtempSync(join(tmpdir(), 'docspace-tls-'));
	try {
		execFileSync(
			'openssl',
			[
				'req',
				'-x509',
				'-newkey',
				'rsa:2048',
				'-nodes',
				'-days',
				'1',
				'-subj',
				'/CN=127.0.0.1',
				'-keyout',
				join(dir, 'key.pem'),
				'-out',
				join(dir, 'cert.pem'),
			],
			{ stdio: 'ignore' },
		);
		tls = {
			key: readFileSync(join(dir, 'key.pem'), 'utf8'),
			cert: readFileSync(join(dir, 'cert.pem'), 'utf8'),
		};
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
});

async function activationError(
	activate: () => Promise<void>,
): Promise<Error & { description?: string }> {
	try {
		await activate();
	} catch (error) {
		return error as Error & { description?: string };
	}
	throw new Error('activation did not fail');
}

describe('SSL Verification (DocSpace’s ssl flag)', () => {
	it('on by default for an https URL: DocSpace refuses n8n’s self-signed certificate, and the error says what to change', async () => {
		const harness = await trigger({ events: ['folder.created'] }, { tls });
		const error = await activationError(async () => await harness.activate());
		expect(error.message).toMatch(/Webhook URL not available/);
		expect(error.description).toMatch(/SSL Verification/);
		expect(error.description).toMatch(/self-signed/);
		expect(
			emulator.requests.find((r) => r.method === 'POST' && r.path === '/api/2.0/settings/webhook')
				?.body,
		).toMatchObject({ ssl: true });
		expect(subscriptions()).toHaveLength(0);
	});

	it('off: the subscription has ssl false and deliveries reach n8n over https with its self-signed certificate', async () => {
		const harness = await trigger(
			{ events: ['folder.created'], options: { sslVerification: false } },
			{ tls },
		);
		await harness.activate();
		expect(harness.webhookUrl).toMatch(/^https:/);
		expect(subscriptions()).toEqual([
			expect.objectContaining({ uri: harness.webhookUrl, ssl: false }),
		]);
		const folder = emulator.state.createFolder({
			title: 'Over TLS',
			parentId: emulator.state.seedIds.myDocuments,
			createdBy: emulator.state.seedIds.users.admin,
		});
		const { emitWebhookEvent } = await import('../emulator/index.cjs');
		await emitWebhookEvent(emulator.state, 'folder.created', folder);
		expect(emulator.webhooks.deliveries.map((d) => d.status)).toEqual([200]);
		expect(harness.executions).toHaveLength(1);
		await harness.activate();
		expect(subscriptions()).toHaveLength(1); // unchanged settings keep the subscription
	});

	it('an http URL never asks for SSL verification (DocSpace refuses ssl:true without https)', async () => {
		const harness = await trigger({
			events: ['folder.created'],
			options: { sslVerification: true },
		});
		await harness.activate();
		expect(subscriptions()).toEqual([expect.objectContaining({ ssl: false })]);
	});
});

describe('the webhook secret in errors', () => {
	afterEach(() => {
		emulator.webhooks.settings.echoRequestInErrors = false;
	});

	it('a refused registration whose answer echoes the request shows no trace of the secret, in any encoding', async () => {
		emulator.webhooks.settings.echoRequestInErrors = true;
		const harness = await trigger(
			{ events: ['file.created'] },
			{ webhookBaseUrl: 'http://127.0.0.1:9/webhook' },
		);
		const error = await activationError(async () => await harness.activate());
		const sent = emulator.requests.find(
			(r) => r.method === 'POST' && r.path === '/api/2.0/settings/webhook',
		);
		const secret = (sent?.body as { secretKey?: string } | undefined)?.secretKey;
		expect(typeof secret).toBe('string');
		expect(
			emulator.requests.filter((r) => r.path === '/api/2.0/settings/webhook').map((r) => r.status),
		).toEqual([400]);
		// The portal's echo reached the error, with the secret masked.
		expect(error.message).toMatch(/Request: .*"secretKey":"\*\*\*"/);
		const everything = [
			error.message,
			error.description ?? '',
			error.stack ?? '',
			JSON.stringify(error),
			JSON.stringify(
				Object.getOwnPropertyNames(error).map(
					(k) => (error as unknown as Record<string, unknown>)[k],
				),
			),
		].join('\n');
		const bytes = Buffer.from(secret as string, 'utf8');
		for (const form of [
			secret as string,
			JSON.stringify(secret).slice(1, -1),
			encodeURIComponent(secret as string),
			bytes.toString('base64'),
			bytes.toString('base64url'),
			bytes.toString('hex'),
		]) {
			expect(everything).not.toContain(form);
		}
		expect(everything.toLowerCase()).not.toContain(bytes.toString('hex'));
	});
});
