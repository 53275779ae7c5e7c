/**
 * The emulator's public types (re-exported from index.cts).
 */
import type { FaultRule, Faults } from './faults.cjs';
import type { EmulatorState } from './state.cjs';
import type { WebhookHub } from './webhooks/hub.cjs';

export type { FaultRule, Faults };

export interface EmulatorOptions {
	/** 0 = a random free port (default). */
	port?: number;
	/** Default 127.0.0.1. */
	host?: string;
	/** Default 'default'. */
	seed?: 'default' | 'empty';
	/** Lifetime of OAuth access tokens, default 3600. */
	accessTokenTtlSeconds?: number;
	/** Accept webhook URLs on loopback/private networks (DocSpace refuses them); default false. */
	allowPrivateWebhookUrls?: boolean;
	/** First webhook retry delay in ms (doubling per retry), default 1000 as in DocSpace. */
	webhookRetryBaseMs?: number;
}

export interface RecordedRequest {
	method: string;
	/** Pathname only. */
	path: string;
	query: Record<string, string>;
	/** Lowercase names. */
	headers: Record<string, string>;
	/** Parsed JSON, urlencoded object, or raw string; multipart: `{ fields, files: [{name, filename, contentType, size}] }`. */
	body: unknown;
	rawBodyLength: number;
	/** Final status; 0 while in flight or when a fault reset the connection. */
	status: number;
	/** Set when a fault rule hit the request: before the handler ran, or after (its change is stored). */
	fault?: 'before' | 'after';
}

export interface SeedSecrets {
	adminEmail: string;
	adminPassword: string;
	/** Full access `sk-...` key of the admin. */
	apiKey: string;
	/** Admin key with permissions ['files:read']. */
	filesReadApiKey: string;
	/** A session token of the admin (`Authorization: <token>`). */
	personalAccessToken: string;
	oauthClient: { clientId: string; clientSecret: string };
	/** PKCE client, no secret. */
	oauthPublicClient: { clientId: string };
	/** A plain 'User' type member. */
	userEmail: string;
	userPassword: string;
}

export interface Emulator {
	/** e.g. http://127.0.0.1:43123 (no trailing slash). */
	url: string;
	/** The in-memory portal; tests may inspect and change it. */
	state: EmulatorState;
	secrets: SeedSecrets;
	/** Every request, in order. */
	requests: RecordedRequest[];
	clearRequests(): void;
	faults: Faults;
	oauth: {
		/** Makes every access token issued so far invalid (401), so a refresh is needed. */
		expireAccessTokens(): void;
	};
	/** Webhook subscriptions, delivery attempts (`deliveries`), settings and `idle()`. */
	webhooks: WebhookHub;
	close(): Promise<void>;
}
