import { createHash } from 'node:crypto';
import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import type { Target } from './config';
import { selectedEvents, selectedTarget } from './config';
import type { EventMemory } from './dedupe';
import { eventMemory } from './dedupe';
import { isEventSelected } from './events';
import { withFormData } from './formData';
import { DEFAULT_MAX_EVENT_AGE_HOURS, staleReason } from './freshness';
import type { TriggerStaticData } from './registration';
import { SIGNATURE_HEADER, verifySignature } from './signature';
import { isRecord } from '../transport/json';

export { RECENT_EVENT_IDS } from './dedupe';

/** The trigger's Options collection. */
export interface DeliveryOptions {
	includeRawBody?: boolean;
	maxEventAgeHours?: number;
}

/** A delivery whose signature matched, parsed. */
export interface Delivery {
	rawBody: Buffer;
	body: IDataObject;
	event: IDataObject;
	/** What duplicates are recognised by: the signed `event.id`, else a hash of the signed bytes. */
	eventId: string;
}

function headerValue(headers: Record<string, unknown>, name: string): string | undefined {
	const value = headers[name];
	if (Array.isArray(value)) return typeof value[0] === 'string' ? value[0] : undefined;
	return typeof value === 'string' ? value : undefined;
}

/** The exact bytes DocSpace signed; n8n keeps them as `rawBody` on the request. */
async function rawBodyOf(request: {
	rawBody?: unknown;
	readRawBody?: () => Promise<void>;
}): Promise<Buffer | undefined> {
	if (!Buffer.isBuffer(request.rawBody) && typeof request.readRawBody === 'function')
		await request.readRawBody();
	return Buffer.isBuffer(request.rawBody) ? request.rawBody : undefined;
}

/** Whether the delivery concerns the target: DocSpace names it, or it is the entity or its parent. */
function concernsTarget(body: IDataObject, target: Target): boolean {
	const webhook = isRecord(body.webhook) ? body.webhook : {};
	if (isRecord(webhook.target) && webhook.target.id !== undefined) {
		return String(webhook.target.id).toLowerCase() === target.id.toLowerCase();
	}
	const payload = isRecord(body.payload) ? body.payload : {};
	const ids = [
		payload.id,
		payload.parentId,
		payload.folderId,
		payload.roomId,
		payload.folderIdDisplay,
	];
	return ids.some(
		(id) => id !== undefined && id !== null && String(id).toLowerCase() === target.id.toLowerCase(),
	);
}

/** The id of the event; the unsigned `x-docspace-event-id` header is never used. */
function eventIdOf(event: IDataObject, rawBody: Buffer): string {
	const id = event.id;
	if (typeof id === 'number' || (typeof id === 'string' && id !== '')) return String(id);
	return `sha256:${createHash('sha256').update(rawBody).digest('hex')}`;
}

function refuse(context: IWebhookFunctions, status: number, message: string): IWebhookResponseData {
	context.getResponseObject().status(status).send(message).end();
	return { noWebhookResponse: true };
}

/** Answers 200 without starting the workflow. */
function ignore(reason: string): IWebhookResponseData {
	return { webhookResponse: { received: true, ignored: reason } };
}

/** The signed delivery, or the answer that refuses it. */
async function verifiedDelivery(
	context: IWebhookFunctions,
	secret: string | undefined,
): Promise<Delivery | IWebhookResponseData> {
	const headers = context.getHeaderData() as Record<string, unknown>;
	const rawBody = await rawBodyOf(context.getRequestObject());
	if (!rawBody || !verifySignature(rawBody, headerValue(headers, SIGNATURE_HEADER), secret)) {
		return refuse(context, 401, 'Unauthorized');
	}
	let body: unknown;
	try {
		body = JSON.parse(rawBody.toString('utf8'));
	} catch {
		return refuse(context, 400, 'The body is not JSON');
	}
	if (!isRecord(body)) return refuse(context, 400, 'The body is not a DocSpace webhook event');
	const event = isRecord(body.event) ? body.event : {};
	return { rawBody, body, event, eventId: eventIdOf(event, rawBody) };
}

/** Why a signed delivery starts nothing, or undefined to accept it. */
function ignoredBecause(
	context: IWebhookFunctions,
	delivery: Delivery,
	memory: EventMemory,
	options: DeliveryOptions,
): string | undefined {
	if (memory.has(delivery.eventId)) return 'duplicate delivery';
	const stale = staleReason(
		delivery.event,
		options.maxEventAgeHours ?? DEFAULT_MAX_EVENT_AGE_HOURS,
	);
	if (stale) return stale;
	const { event, body } = delivery;
	if (!isEventSelected(selectedEvents.call(context), event.trigger, event.triggerId))
		return 'event not selected';
	const target = selectedTarget.call(context);
	if (target && !concernsTarget(body, target)) return 'event about another entity';
	return undefined;
}

/** The item the workflow starts with. */
function outputOf(
	{ body, event, eventId, rawBody }: Delivery,
	options: DeliveryOptions,
): IDataObject {
	return {
		// Top level, for n8n's Remove Duplicates node ("Remove Items Processed in Previous Executions").
		eventId,
		event: {
			trigger: event.trigger,
			id: event.id,
			createOn: event.createOn,
			createBy: event.createBy,
			triggerId: event.triggerId,
		},
		payload: body.payload,
		webhook: body.webhook,
		...(options.includeRawBody ? { rawBody: rawBody.toString('utf8') } : {}),
	};
}

export async function receive(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	if (this.getWebhookName() === 'setup') {
		// DocSpace checks the URL with HEAD before it saves a subscription.
		this.getResponseObject().status(200).end();
		return { noWebhookResponse: true };
	}
	const data = this.getWorkflowStaticData('node') as TriggerStaticData;
	const delivery = await verifiedDelivery(this, data.secret);
	if (!('eventId' in delivery)) return delivery;
	const options = this.getNodeParameter('options', {}) as DeliveryOptions;
	// From here to the claim nothing awaits: a concurrent copy in this process sees the claim.
	const memory = eventMemory(this, data);
	const reason = ignoredBecause(this, delivery, memory, options);
	if (reason) return ignore(reason);
	memory.claim(delivery.eventId);
	// Answering here, not through n8n, makes n8n save the static data before it starts the
	// execution (see dedupe.ts).
	this.getResponseObject().status(200).json({ received: true, eventId: delivery.eventId });
	return {
		noWebhookResponse: true,
		workflowData: [[await withFormData.call(this, { json: outputOf(delivery, options) })]],
	};
}
