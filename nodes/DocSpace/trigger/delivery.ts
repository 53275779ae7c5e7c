import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import type { Target } from './config';
import { selectedEvents, selectedTarget } from './config';
import { isEventSelected } from './events';
import { withFormData } from './formData';
import type { TriggerStaticData } from './registration';
import { EVENT_ID_HEADER, SIGNATURE_HEADER, verifySignature } from './signature';
import { isRecord } from '../transport/json';

/** How many accepted event ids are remembered to drop DocSpace's repeated deliveries. */
export const RECENT_EVENT_IDS = 500;


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
	if (!Buffer.isBuffer(request.rawBody) && typeof request.readRawBody === 'function') await request.readRawBody();
	return Buffer.isBuffer(request.rawBody) ? request.rawBody : undefined;
}

/** Whether the delivery concerns the target: DocSpace names it, or it is the entity or its parent. */
function concernsTarget(body: IDataObject, target: Target): boolean {
	const webhook = isRecord(body.webhook) ? body.webhook : {};
	if (isRecord(webhook.target) && webhook.target.id !== undefined) {
		return String(webhook.target.id).toLowerCase() === target.id.toLowerCase();
	}
	const payload = isRecord(body.payload) ? body.payload : {};
	const ids = [payload.id, payload.parentId, payload.folderId, payload.roomId, payload.folderIdDisplay];
	return ids.some((id) => id !== undefined && id !== null && String(id).toLowerCase() === target.id.toLowerCase());
}

function remember(data: TriggerStaticData, eventId: string): void {
	const recent = Array.isArray(data.recentEventIds) ? data.recentEventIds : [];
	recent.push(eventId);
	data.recentEventIds = recent.slice(-RECENT_EVENT_IDS);
}

function refuse(context: IWebhookFunctions, status: number, message: string): IWebhookResponseData {
	const response = context.getResponseObject();
	response.status(status).send(message).end();
	return { noWebhookResponse: true };
}

/** Answers 200 without starting the workflow. */
function ignore(reason: string): IWebhookResponseData {
	return { webhookResponse: { received: true, ignored: reason } };
}

export async function receive(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	if (this.getWebhookName() === 'setup') {
		// DocSpace checks the URL with HEAD before it saves a subscription.
		this.getResponseObject().status(200).end();
		return { noWebhookResponse: true };
	}
	const data = this.getWorkflowStaticData('node') as TriggerStaticData;
	const request = this.getRequestObject();
	const headers = this.getHeaderData() as Record<string, unknown>;
	const rawBody = await rawBodyOf(request);
	if (!rawBody || !verifySignature(rawBody, headerValue(headers, SIGNATURE_HEADER), data.secret)) {
		return refuse(this, 401, 'Unauthorized');
	}
	let body: unknown;
	try {
		body = JSON.parse(rawBody.toString('utf8'));
	} catch {
		return refuse(this, 400, 'The body is not JSON');
	}
	if (!isRecord(body)) return refuse(this, 400, 'The body is not a DocSpace webhook event');
	const event = isRecord(body.event) ? body.event : {};
	const eventId = event.id ?? headerValue(headers, EVENT_ID_HEADER);
	const key = eventId === undefined || eventId === null || eventId === '' ? undefined : String(eventId);
	if (key !== undefined && (data.recentEventIds ?? []).includes(key)) return ignore('duplicate delivery');
	if (!isEventSelected(selectedEvents.call(this), event.trigger, event.triggerId)) return ignore('event not selected');
	const target = selectedTarget.call(this);
	if (target && !concernsTarget(body, target)) return ignore('event about another entity');
	if (key !== undefined) remember(data, key);

	const options = this.getNodeParameter('options', {}) as { includeRawBody?: boolean };
	const json: IDataObject = {
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
	return { workflowData: [[await withFormData.call(this, { json })]] };
}
