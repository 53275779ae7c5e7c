/**
 * Shared setup of the DocSpace Trigger tests (trigger-lifecycle, trigger-delivery,
 * trigger-description): one emulator per test file that accepts loopback webhook URLs, the
 * trigger harnesses a test started (closed after each test) and the helpers those tests use.
 * Call `useTriggerEmulator()` at the top of a test file; `emulator` is a live binding set in its
 * `beforeAll`.
 */
import type { Emulator, WebhookSubscription } from '../emulator/index.cjs';
import { startEmulator } from '../emulator/index.cjs';
import { adminRequest } from '../harness/admin-api.cjs';
import type { TriggerHarness, TriggerOptions } from '../harness/trigger.cjs';
import { startTrigger } from '../harness/trigger.cjs';

export let emulator: Emulator;
export const harnesses: TriggerHarness[] = [];

export function useTriggerEmulator(): void {
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
}

export async function trigger(
	parameters: Record<string, unknown>,
	options: Partial<TriggerOptions> = {},
): Promise<TriggerHarness> {
	const harness = await startTrigger({ emulator, parameters, ...options });
	harnesses.push(harness);
	return harness;
}

export const subscriptions = (): WebhookSubscription[] => [
	...emulator.webhooks.subscriptions.values(),
];
export const calls = (method: string, path: string) =>
	emulator.requests.filter((r) => r.method === method && r.path === path);

/** Creates a folder in My documents through the emulator's API, so DocSpace sends its webhook. */
export const createFolderThroughApi = async (title: string) =>
	await adminRequest(emulator, 'POST', `files/folder/${emulator.state.seedIds.myDocuments}`, {
		title,
	});
