/**
 * The webhook side of one emulated portal: subscriptions, the delivery log and settings.
 * One hub per EmulatorState (kept beside it, so state.cts stays untouched).
 */
import type { EmulatorState } from '../state.cjs';
import { getOrCreate } from '../get-or-create.cjs';

export interface WebhookSubscription {
	id: number;
	name: string;
	uri: string;
	/** Never returned by the API. */
	secretKey: string;
	enabled: boolean;
	ssl: boolean;
	/** Flags mask, 0 = all. */
	triggers: number;
	targetId: string | null;
	createdBy: string;
	createdOn: Date;
	modifiedBy?: string;
	modifiedOn?: Date;
	lastFailureOn?: Date;
	lastFailureContent?: string;
	lastSuccessOn?: Date;
	/** HTTP status of the last delivery attempt (0 = not sent or no answer). */
	lastStatus: number;
}

/** One delivery attempt, as the emulator sent it. */
export interface WebhookDelivery {
	subscriptionId: number;
	/** `event.id` (the same on every attempt of one delivery). */
	eventId: number;
	trigger: string;
	url: string;
	/** 1 for the first try. */
	attempt: number;
	/** HTTP status, 0 when the request failed without an answer. */
	status: number;
	error?: string;
	requestHeaders: Record<string, string>;
	/** The exact bytes that were signed, as UTF-8 text. */
	requestBody: string;
	responseBody?: string;
	at: Date;
}

export interface PasswordPolicy {
	minLength: number;
	maxLength: number;
	upperCase: boolean;
	digits: boolean;
	specSymbols: boolean;
}

export interface WebhookSettings {
	/** Accept loopback/private/link-local webhook URLs (DocSpace refuses them by default). */
	allowPrivateUrls: boolean;
	/** First retry delay; DocSpace uses 1 s, doubling (1, 2, 4, 8, 16 s). */
	retryBaseMs: number;
	/** Retries after the first attempt (DocSpace `webhooks:repeatcount`, default 5). */
	maxRetries: number;
	/** Per-attempt timeout. */
	timeoutMs: number;
	/** The portal password policy, which webhook secrets must meet. */
	passwordPolicy: PasswordPolicy;
	/** TenantDevToolsAccessSettings.LimitedAccessForUsers: only admins may manage webhooks. */
	limitedAccessForUsers: boolean;
	/** Put the request body (with its secretKey) into the text of a refused create/update, as some portals do. */
	echoRequestInErrors: boolean;
}

export class WebhookHub {
	readonly subscriptions = new Map<number, WebhookSubscription>();
	/** Every attempt, in order. */
	readonly deliveries: WebhookDelivery[] = [];
	readonly settings: WebhookSettings = {
		allowPrivateUrls: false,
		retryBaseMs: 1000,
		maxRetries: 5,
		timeoutMs: 30_000,
		passwordPolicy: {
			minLength: 8,
			maxLength: 30,
			upperCase: true,
			digits: true,
			specSymbols: true,
		},
		limitedAccessForUsers: false,
		echoRequestInErrors: false,
	};
	private nextSubscriptionId = 1;
	private nextEventId = 1;
	private readonly inFlight = new Set<Promise<void>>();
	private readonly timers = new Set<NodeJS.Timeout>();
	closed = false;

	newSubscriptionId(): number {
		return this.nextSubscriptionId++;
	}

	newEventId(): number {
		return this.nextEventId++;
	}

	/** Runs a delivery in the background and keeps track of it for `idle()`. */
	track(work: Promise<void>): void {
		const tracked = work.finally(() => this.inFlight.delete(tracked));
		this.inFlight.add(tracked);
	}

	/** Waits `ms` unless the emulator closes meanwhile (then resolves false). */
	wait(ms: number): Promise<boolean> {
		if (this.closed) return Promise.resolve(false);
		return new Promise((resolve) => {
			const timer = setTimeout(() => {
				this.timers.delete(timer);
				resolve(!this.closed);
			}, ms);
			timer.unref();
			this.timers.add(timer);
		});
	}

	/** Resolves once every delivery started so far (retries included) has finished. */
	async idle(): Promise<void> {
		while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
	}

	close(): void {
		this.closed = true;
		for (const timer of this.timers) clearTimeout(timer);
		this.timers.clear();
	}
}

const hubs = new WeakMap<EmulatorState, WebhookHub>();

export function webhookHub(state: EmulatorState): WebhookHub {
	return getOrCreate(hubs, state, () => new WebhookHub());
}
