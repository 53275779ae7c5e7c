import type { IDataObject, IHookFunctions } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { asNodeError } from '../transport/errors';
import { resolveCredentials } from '../transport/credentials';
import { docSpaceApi, docSpaceApiList } from '../transport/request';
import type { DesiredSubscription } from './config';
import { desiredSubscription } from './config';
import { forgetEvents } from './dedupe';
import { withoutSecret } from './redact';
import { generateSecret } from './secret';
import { nonPublicReason, PUBLIC_URL_FIX } from './url';
import { apiPath } from '../transport/path';

/** What the trigger keeps in the workflow's static data (per node). */
export interface TriggerStaticData extends IDataObject {
	webhookId?: number;
	secret?: string;
	webhookUrl?: string;
	/** A subscription of this node that no longer matches; removed once a new one exists. */
	replacedWebhookId?: number;
	/** Event ids already accepted, newest last. */
	recentEventIds?: string[];
}

export function staticDataOf(
	context: Pick<IHookFunctions, 'getWorkflowStaticData'>,
): TriggerStaticData {
	return context.getWorkflowStaticData('node') as TriggerStaticData;
}

/** A `WebhooksConfigDto` (GET settings/webhook wraps each in `{configs, status}`). */
type WebhookConfig = IDataObject & { id: number };

function configsOf(list: IDataObject[]): WebhookConfig[] {
	return list
		.map((entry) =>
			entry.configs && typeof entry.configs === 'object' ? (entry.configs as IDataObject) : entry,
		)
		.filter((config): config is WebhookConfig => Number.isSafeInteger(Number(config.id)))
		.map((config) => ({ ...config, id: Number(config.id) }));
}

async function listSubscriptions(this: IHookFunctions): Promise<WebhookConfig[]> {
	return configsOf(await docSpaceApiList.call(this, 'GET', 'settings/webhook'));
}

function matches(config: WebhookConfig, desired: DesiredSubscription): boolean {
	return (
		config.uri === desired.uri &&
		config.enabled === true &&
		Boolean(config.ssl) === desired.ssl &&
		Number(config.triggers ?? 0) === desired.triggers &&
		String(config.targetId ?? '') === (desired.target?.id ?? '')
	);
}

function httpCodeOf(error: unknown): string | undefined {
	return error instanceof NodeApiError ? (error.httpCode ?? undefined) : undefined;
}

/** DocSpace's own message of a failed call (kept by the transport), else the error message. */
function serverMessageOf(error: unknown): string {
	if (error instanceof NodeApiError) {
		const docSpaceMessage = error.errorResponse?.docSpaceMessage;
		if (typeof docSpaceMessage === 'string') return docSpaceMessage;
	}
	return error instanceof Error ? error.message : String(error);
}

const isDuplicate = (error: unknown) =>
	httpCodeOf(error) === '400' &&
	/same name and payload url already exists/i.test(serverMessageOf(error));

/**
 * DocSpace answers 400 "webhook URL not available" when its HEAD probe fails, and a bare
 * ArgumentException ("Value does not fall within the expected range.") when the URL's host is on
 * its blacklist of private networks.
 */
const isUrlRefused = (error: unknown) =>
	httpCodeOf(error) === '400' &&
	/\burl\b|\buri\b|expected range/i.test(serverMessageOf(error)) &&
	!/trigger is not available|already exists/i.test(serverMessageOf(error));

/** DocSpace's HEAD probe and its deliveries check n8n's certificate when `ssl` is set. */
const SSL_FIX =
	'DocSpace verifies n8n’s TLS certificate for this subscription. If n8n uses a self-signed or private-CA certificate, turn off the option SSL Verification (or give n8n a certificate from a public CA). Deliveries that fail for this reason show an SSL or certificate error in DocSpace under Developer Tools → Webhooks.';

/** The error to raise for a failed registration, with advice where DocSpace's answer is terse. */
function explained(
	this: IHookFunctions,
	error: unknown,
	desired: DesiredSubscription,
): NodeApiError | NodeOperationError {
	if (isUrlRefused(error)) {
		const reason = nonPublicReason(desired.uri);
		return new NodeOperationError(
			this.getNode(),
			`DocSpace refused the webhook URL ${desired.uri}${reason ? ` (${reason})` : ''}: ${serverMessageOf(error)}`,
			{ description: desired.ssl ? `${PUBLIC_URL_FIX} ${SSL_FIX}` : PUBLIC_URL_FIX },
		);
	}
	if (
		error instanceof NodeApiError &&
		httpCodeOf(error) === '400' &&
		/trigger/i.test(serverMessageOf(error))
	) {
		error.description =
			'Some selected events are only for DocSpace admins and room admins (e.g. User: Created, Group: *, Room: Created). Remove them or use a credential of an admin.';
	}
	if (error instanceof NodeApiError && httpCodeOf(error) === '403') {
		error.description =
			'Managing webhooks needs a DocSpace account that is not a guest and a credential with full access: an API key without scope limits, basic auth or a personal access token. If the portal limits Developer Tools to admins, use an admin’s credential.';
	}
	return asNodeError.call(this, error);
}

/** Refuses a loopback/private webhook URL before DocSpace does, unless the portal itself is local. */
async function checkWebhookUrl(this: IHookFunctions, uri: string): Promise<void> {
	const reason = nonPublicReason(uri);
	if (!reason) return;
	const { portalUrl } = await resolveCredentials(this);
	// A portal on a local or private network (a test portal, or a self-hosted one whose admin
	// changed the blacklist) decides for itself; its refusal is explained the same way.
	if (nonPublicReason(portalUrl)) return;
	throw new NodeOperationError(
		this.getNode(),
		`The webhook URL ${uri} is ${reason}, which DocSpace cannot deliver to`,
		{
			description: PUBLIC_URL_FIX,
		},
	);
}

function requestBody(desired: DesiredSubscription, secret: string): IDataObject {
	return {
		name: desired.name,
		uri: desired.uri,
		secretKey: secret,
		enabled: true,
		ssl: desired.ssl,
		triggers: desired.triggers,
		...(desired.target ? { targetId: desired.target.id } : {}),
	};
}

async function deleteSubscription(this: IHookFunctions, id: number): Promise<void> {
	try {
		await docSpaceApi.call(this, 'DELETE', apiPath`settings/webhook/${id}`);
	} catch (error) {
		// Already gone on the portal: nothing left to remove.
		if (httpCodeOf(error) !== '404') throw asNodeError.call(this, error);
	}
}

export async function checkExists(this: IHookFunctions): Promise<boolean> {
	const data = staticDataOf(this);
	if (data.webhookId === undefined) return false;
	const desired = await desiredSubscription.call(this);
	const existing = (await listSubscriptions.call(this)).find(
		(config) => config.id === data.webhookId,
	);
	if (existing && data.secret && matches(existing, desired)) return true;
	// Stale: deleted on the portal, or changed there or in the node. `create` repairs it and
	// removes the old one, except while testing: n8n then runs this node with a copy of the
	// production static data, whose subscription must stay.
	if (existing && this.getMode() !== 'manual') data.replacedWebhookId = data.webhookId;
	delete data.webhookId;
	delete data.secret;
	delete data.webhookUrl;
	return false;
}

export async function create(this: IHookFunctions): Promise<boolean> {
	const data = staticDataOf(this);
	const desired = await desiredSubscription.call(this);
	await checkWebhookUrl.call(this, desired.uri);
	const secret = generateSecret();
	const body = requestBody(desired, secret);
	let config: IDataObject;
	try {
		config = await docSpaceApi.call(this, 'POST', 'settings/webhook', body);
	} catch (error) {
		if (!isDuplicate(error)) throw withoutSecret(explained.call(this, error, desired), secret);
		// A subscription of this node survived (e.g. the workflow's static data was reset): reuse it.
		const same = (await listSubscriptions.call(this)).find(
			(c) => c.name === desired.name && c.uri === desired.uri,
		);
		if (!same) throw withoutSecret(asNodeError.call(this, error), secret);
		try {
			config = await docSpaceApi.call(this, 'PUT', 'settings/webhook', { id: same.id, ...body });
		} catch (updateError) {
			throw withoutSecret(explained.call(this, updateError, desired), secret);
		}
	}
	const id = Number(config.id);
	if (!Number.isSafeInteger(id)) {
		throw new NodeOperationError(
			this.getNode(),
			'DocSpace did not return the id of the new webhook subscription',
		);
	}
	data.webhookId = id;
	data.secret = secret;
	data.webhookUrl = desired.uri;
	// Any other subscription of this node (same URL, or the one it replaces) would deliver twice.
	const leftovers = (await listSubscriptions.call(this)).filter(
		(c) => c.id !== id && (c.uri === desired.uri || c.id === data.replacedWebhookId),
	);
	for (const leftover of leftovers) await deleteSubscription.call(this, leftover.id);
	delete data.replacedWebhookId;
	return true;
}

export async function remove(this: IHookFunctions): Promise<boolean> {
	const data = staticDataOf(this);
	if (data.webhookId !== undefined) await deleteSubscription.call(this, data.webhookId);
	delete data.webhookId;
	delete data.secret;
	delete data.webhookUrl;
	delete data.replacedWebhookId;
	delete data.recentEventIds;
	forgetEvents(this);
	return true;
}
