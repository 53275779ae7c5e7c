/**
 * ONLYOFFICE DocSpace emulator: a real HTTP server on 127.0.0.1 for tests, benchmarks and a
 * local sandbox. See README.md.
 */
import type { AddressInfo } from 'node:net';
import { FaultList } from './faults.cjs';
import { expireAccessTokens } from './oauth.cjs';
import './routes/index.cjs';
import { seedPortal } from './seed.cjs';
import { createEmulatorServer } from './server.cjs';
import { EmulatorState } from './state.cjs';
import type { Emulator, EmulatorOptions, RecordedRequest } from './types.cjs';
import { webhookHub } from './webhooks/hub.cjs';

export type {
	Emulator,
	EmulatorOptions,
	FaultRule,
	Faults,
	RecordedRequest,
	SeedSecrets,
} from './types.cjs';
export type { SeedIds } from './seed.cjs';
export type { Principal, RouteContext } from './http.cjs';
export { EmulatorState } from './state.cjs';
export { emitWebhookEvent, webhookHub } from './webhooks/index.cjs';
export type {
	WebhookDelivery,
	WebhookEntity,
	WebhookHub,
	WebhookSubscription,
} from './webhooks/index.cjs';

export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
	const host = options.host ?? '127.0.0.1';
	const state = new EmulatorState(options.accessTokenTtlSeconds ?? 3600);
	const secrets = seedPortal(state, options.seed ?? 'default');
	const webhooks = webhookHub(state);
	webhooks.settings.allowPrivateUrls = options.allowPrivateWebhookUrls ?? false;
	if (options.webhookRetryBaseMs !== undefined)
		webhooks.settings.retryBaseMs = options.webhookRetryBaseMs;
	const faults = new FaultList();
	const requests: RecordedRequest[] = [];
	let emulator: Emulator | undefined = undefined;
	const server = createEmulatorServer({
		state,
		faults,
		requests,
		emulator: () => {
			if (!emulator) throw new Error('the emulator is not ready yet');
			return emulator;
		},
	});
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port ?? 0, host, () => {
			server.off('error', reject);
			resolve();
		});
	});
	const { port } = server.address() as AddressInfo;
	const urlHost =
		host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
	state.portalUrl = `http://${urlHost}:${port}`;

	let closing: Promise<void> | undefined;
	emulator = {
		url: state.portalUrl,
		state,
		secrets,
		requests,
		clearRequests: () => {
			requests.length = 0;
		},
		faults,
		oauth: { expireAccessTokens: () => expireAccessTokens(state) },
		webhooks,
		close: () => {
			webhooks.close();
			closing ??= new Promise<void>((resolve) => {
				server.close(() => {
					// Stored file contents and open sessions' chunks live in a temp directory until the emulator stops.
					state.storage.remove();
					resolve();
				});
				server.closeAllConnections();
			});
			return closing;
		},
	};
	return emulator;
}
