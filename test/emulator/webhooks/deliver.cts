/**
 * Signed deliveries: for every enabled subscription that wants the event, POST
 * `{event, payload, webhook}` with `x-docspace-signature-256: sha256=<UPPERCASE hex>` over the
 * exact body bytes, retry non-2xx answers with exponential backoff, and delete the subscription
 * on 410 Gone. Deliveries run in the background, after the API call that caused them answered.
 */
import { createHmac } from 'node:crypto';

import { canRead } from '../access.cjs';
import type { FileEntry, Folder, Group, User } from '../model.cjs';
import type { EmulatorState } from '../state.cjs';
import { isAvailableTo, maskIncludes, flagsOf, triggerByName } from './catalogue.cjs';
import { send } from './client.cjs';
import type { WebhookHub, WebhookSubscription } from './hub.cjs';
import { webhookHub } from './hub.cjs';

/** A raw payload for events without an emulator entity (e.g. form.submit). */
export interface RawWebhookEntity {
	payload: Record<string, unknown>;
	/** Matched against a subscription's targetId. */
	id?: string | number;
	/** Folder/room ids the entity lives in, also matched against targetId. */
	ancestors?: Array<string | number>;
}

export type WebhookEntity = FileEntry | Folder | User | Group | RawWebhookEntity;

export interface EmitOptions {
	/** Who made the change (`event.createBy`); defaults to the entity's last modifier or creator. */
	actorId?: string;
}

type Kind = 'file' | 'folder' | 'room' | 'user' | 'group' | 'raw';

function kindOf(state: EmulatorState, entity: WebhookEntity): Kind {
	if ('kind' in entity)
		return entity.kind === 'file' ? 'file' : state.isRoom(entity) ? 'room' : 'folder';
	if ('email' in entity) return 'user';
	if ('memberIds' in entity) return 'group';
	return 'raw';
}

/** DocSpace serialises payloads with WhenWritingDefault: 0, false, '' and null are left out. */
function withoutDefaults(value: Record<string, unknown>): Record<string, unknown> {
	return Object.fromEntries(
		Object.entries(value).filter(
			([, v]) => v !== undefined && v !== null && v !== 0 && v !== false && v !== '',
		),
	);
}

const iso = (date: Date) => date.toISOString();

/** The internal entity DocSpace puts into `payload` (not the REST DTO). */
export function payloadOf(state: EmulatorState, entity: WebhookEntity): Record<string, unknown> {
	if ('kind' in entity) {
		const root = state.rootOf(entity);
		const common = {
			id: entity.id,
			title: entity.title,
			rootId: root?.id,
			rootFolderType: root?.folderType,
			createBy: entity.createdBy,
			createOn: iso(entity.created),
			modifiedBy: entity.updatedBy,
			modifiedOn: iso(entity.updated),
		};
		if (entity.kind === 'file') {
			return withoutDefaults({
				...common,
				parentId: entity.folderId,
				folderIdDisplay: entity.folderId,
				fileEntryType: 2,
				version: entity.version,
				versionGroup: entity.versionGroup,
				contentLength: entity.contentSize,
				comment: entity.comment,
			});
		}
		const children = state.childrenOf(entity.id);
		return withoutDefaults({
			...common,
			parentId: entity.parentId,
			folderIdDisplay: entity.parentId,
			fileEntryType: 1,
			folderType: entity.folderType,
			filesCount: children.files.length,
			foldersCount: children.folders.length,
		});
	}
	if ('email' in entity) {
		return withoutDefaults({
			id: entity.id,
			userName: entity.userName,
			firstName: entity.firstName,
			lastName: entity.lastName,
			email: entity.email,
			status: entity.status,
			activationStatus: entity.activationStatus,
			createDate: iso(entity.created),
		});
	}
	if ('memberIds' in entity) return withoutDefaults({ id: entity.id, name: entity.name });
	return entity.payload;
}

/** Ids a subscription's targetId may name for this entity, with the target type each stands for. */
function targetsOf(
	state: EmulatorState,
	entity: WebhookEntity,
	kind: Kind,
): Array<{ id: string; type: string }> {
	if ('kind' in entity) {
		const own = { id: String(entity.id), type: kind };
		const parentId = entity.kind === 'file' ? entity.folderId : entity.parentId;
		const ancestors = parentId ? state.pathOf(parentId) : [];
		return [
			own,
			...ancestors.map((f) => ({ id: String(f.id), type: state.isRoom(f) ? 'room' : 'folder' })),
		];
	}
	if (kind === 'user' || kind === 'group')
		return [{ id: String((entity as User | Group).id).toLowerCase(), type: kind }];
	const raw = entity as RawWebhookEntity;
	return [raw.id, ...(raw.ancestors ?? [])]
		.filter((v) => v !== undefined)
		.map((v) => ({ id: String(v), type: 'file' }));
}

/** DocSpace only delivers what the subscription's creator may see (IWebhookAccessChecker). */
function creatorMaySee(
	state: EmulatorState,
	creator: User,
	entity: WebhookEntity,
	actorId: string | undefined,
): boolean {
	if (!('kind' in entity)) return true;
	const current = entity.kind === 'file' ? state.getFile(entity.id) : state.getFolder(entity.id);
	if (current === entity && state.rootOf(entity)) return canRead(state, creator, entity);
	// Already removed from the portal: admins and the one who removed it.
	return state.isAdmin(creator) || creator.id === actorId;
}

function actorOf(entity: WebhookEntity, options: EmitOptions, state: EmulatorState): string {
	if (options.actorId) return options.actorId;
	if ('kind' in entity) return entity.updatedBy;
	if ('email' in entity && entity.createdBy) return entity.createdBy;
	return state.owner().id;
}

function signature(body: Buffer, secret: string): string {
	return `sha256=${createHmac('sha256', Buffer.from(secret, 'utf8')).update(body).digest('hex').toUpperCase()}`;
}

/**
 * What one attempt sends (WebhookSender.Send): `event.id` is the log entry's id; a retry
 * (attempt > 1) adds `retryCount`, `retryOn` and the last failure to `webhook`, so its body and
 * signature differ from the first attempt's. A first attempt has none of them.
 */
function attemptBody(
	base: Record<string, unknown>,
	subscription: WebhookSubscription,
	attempt: number,
	now: Date,
): Buffer {
	const body = JSON.parse(JSON.stringify(base)) as {
		event: Record<string, unknown>;
		webhook: Record<string, unknown>;
	};
	for (const field of [
		'lastFailureOn',
		'lastFailureContent',
		'lastSuccessOn',
		'retryCount',
		'retryOn',
	])
		delete body.webhook[field];
	if (attempt > 1) {
		Object.assign(body.webhook, {
			...(subscription.lastFailureOn ? { lastFailureOn: iso(subscription.lastFailureOn) } : {}),
			...(subscription.lastFailureContent
				? { lastFailureContent: subscription.lastFailureContent }
				: {}),
			...(subscription.lastSuccessOn ? { lastSuccessOn: iso(subscription.lastSuccessOn) } : {}),
			retryCount: attempt - 1,
			retryOn: `${now.toISOString().slice(0, 19)}Z`,
		});
	}
	return Buffer.from(JSON.stringify(body), 'utf8');
}

async function deliver(
	hub: WebhookHub,
	subscription: WebhookSubscription,
	trigger: string,
	eventId: number,
	base: Record<string, unknown>,
): Promise<void> {
	if (!(await hub.wait(0))) return;
	const attempts = 1 + hub.settings.maxRetries;
	const createOn = String((base.event as Record<string, unknown>).createOn);
	for (let attempt = 1; attempt <= attempts; attempt++) {
		if (hub.subscriptions.get(subscription.id) !== subscription) return; // deleted meanwhile
		const body = attemptBody(base, subscription, attempt, new Date());
		const headers = {
			'content-type': 'application/json; charset=utf-8',
			accept: '*/*',
			'x-docspace-signature-256': signature(body, subscription.secretKey),
			'x-docspace-event-id': String(eventId),
			'x-docspace-event-timestamp': createOn,
		};
		let status = 0;
		let responseBody: string | undefined;
		let error: string | undefined;
		try {
			const answer = await send({
				method: 'POST',
				url: subscription.uri,
				headers,
				body,
				verifyTls: subscription.ssl,
				timeoutMs: hub.settings.timeoutMs,
			});
			status = answer.status;
			responseBody = answer.body;
		} catch (e) {
			error = e instanceof Error ? e.message : String(e);
		}
		const at = new Date();
		hub.deliveries.push({
			subscriptionId: subscription.id,
			eventId,
			trigger,
			url: subscription.uri,
			attempt,
			status,
			error,
			requestHeaders: { ...headers },
			requestBody: body.toString('utf8'),
			responseBody,
			at,
		});
		subscription.lastStatus = status;
		if (status >= 200 && status <= 299) {
			subscription.lastSuccessOn = at;
			return;
		}
		subscription.lastFailureOn = at;
		subscription.lastFailureContent = error ?? responseBody ?? `HTTP ${status}`;
		if (status === 410) {
			hub.subscriptions.delete(subscription.id);
			return;
		}
		if (attempt < attempts && !(await hub.wait(hub.settings.retryBaseMs * 2 ** (attempt - 1))))
			return;
	}
}

/**
 * A retry from the webhook log (`PUT settings/webhook/{id}/retry`, WebhookPublisher.RetryPublishAsync):
 * a new log entry with the logged payload, so the event gets a new `id` but keeps its `createOn`.
 * Returns the new log id, or undefined when the log has no such entry or its subscription is gone.
 */
export function retryFromLog(state: EmulatorState, logId: number): number | undefined {
	const hub = webhookHub(state);
	const logged = [...hub.deliveries].reverse().find((d) => d.eventId === logId);
	const subscription = logged ? hub.subscriptions.get(logged.subscriptionId) : undefined;
	if (!logged || !subscription) return undefined;
	const base = JSON.parse(logged.requestBody) as { event: Record<string, unknown> };
	const eventId = hub.newEventId();
	base.event.id = eventId;
	hub.track(deliver(hub, subscription, logged.trigger, eventId, base).catch(() => undefined));
	return eventId;
}

/**
 * Sends `trigger` about `entity` to every matching enabled subscription. Returns at once;
 * the promise settles when these deliveries (and their retries) are done. Also awaitable for
 * all deliveries through `webhookHub(state).idle()` / `emulator.webhooks.idle()`.
 */
export function emitWebhookEvent(
	state: EmulatorState,
	trigger: string,
	entity: WebhookEntity,
	options: EmitOptions = {},
): Promise<void> {
	const info = triggerByName(trigger);
	if (!info || info.id === 0) throw new Error(`unknown webhook trigger ${trigger}`);
	const hub = webhookHub(state);
	const kind = kindOf(state, entity);
	const actorId = actorOf(entity, options, state);
	const targets = targetsOf(state, entity, kind);
	const payload = payloadOf(state, entity);
	const work: Array<Promise<void>> = [];
	for (const subscription of hub.subscriptions.values()) {
		if (!subscription.enabled || !maskIncludes(subscription.triggers, info)) continue;
		const creator = state.getUser(subscription.createdBy);
		if (!creator || creator.status !== 1 || !isAvailableTo(info, creator.type)) continue;
		const target = subscription.targetId
			? targets.find((t) => t.id === subscription.targetId?.toLowerCase())
			: undefined;
		if (subscription.targetId && !target) continue;
		if (!creatorMaySee(state, creator, entity, actorId)) continue;

		const eventId = hub.newEventId();
		const createOn = `${state.now().toISOString().slice(0, 19)}Z`;
		const webhook = {
			id: subscription.id,
			name: subscription.name,
			url: subscription.uri,
			triggers:
				subscription.triggers === 0 ? ['*'] : flagsOf(subscription.triggers).map((t) => t.name),
			...(target ? { target: { id: subscription.targetId, type: target.type } } : {}),
		};
		const base = {
			event: { id: eventId, createOn, createBy: actorId, trigger, triggerId: info.id },
			payload,
			webhook,
		};
		const delivery = deliver(hub, subscription, trigger, eventId, base).catch(() => undefined);
		hub.track(delivery);
		work.push(delivery);
	}
	return Promise.all(work).then(() => undefined);
}
