/**
 * Webhook subscriptions (WebhooksController): list, create, update, enable,
 * delete, and the trigger catalogue. Deliveries: ../webhooks/deliver.cts.
 */
import {
	badRequest,
	bodyField,
	currentUser,
	defineRoute,
	forbidden,
	notFound,
	ok,
	validation,
	HttpError,
	type RouteContext,
} from '../http.cjs';
import { apiDate } from '../dto/format.cjs';
import { employeeRef } from '../dto/people.cjs';
import type { User } from '../model.cjs';
import { TRIGGERS, flagsOf, isAvailableTo } from '../webhooks/catalogue.cjs';
import { webhookHub, type WebhookSubscription } from '../webhooks/hub.cjs';
import { retryFromLog } from '../webhooks/deliver.cjs';
import { checkSecret, checkWebhookUrl } from '../webhooks/validate.cjs';

function configDto(ctx: RouteContext, s: WebhookSubscription): Record<string, unknown> {
	return {
		id: s.id,
		name: s.name,
		uri: s.uri,
		enabled: s.enabled,
		ssl: s.ssl,
		triggers: s.triggers,
		targetId: s.targetId,
		createdBy: employeeRef(ctx, s.createdBy),
		createdOn: apiDate(s.createdOn),
		modifiedBy: s.modifiedBy ? employeeRef(ctx, s.modifiedBy) : null,
		modifiedOn: s.modifiedOn ? apiDate(s.modifiedOn) : null,
		lastFailureOn: s.lastFailureOn ? apiDate(s.lastFailureOn) : null,
		lastFailureContent: s.lastFailureContent ?? null,
		lastSuccessOn: s.lastSuccessOn ? apiDate(s.lastSuccessOn) : null,
	};
}

/** CheckAdminPermissionsAsync: true for admins; guests (and users when Developer Tools are limited) get 403. */
function isWebhookAdmin(ctx: RouteContext, user: User): boolean {
	if (ctx.state.isAdmin(user)) return true;
	if (user.type === 'Guest' || webhookHub(ctx.state).settings.limitedAccessForUsers)
		throw forbidden();
	return false;
}

interface ConfigInput {
	id?: number;
	name: string;
	uri: string;
	secretKey?: string;
	enabled: boolean;
	ssl: boolean;
	triggers: number;
	targetId: string | null;
}

function readInput(ctx: RouteContext, withId: boolean): ConfigInput {
	const errors: Record<string, string[]> = {};
	const text = (field: string, max: number, required: boolean): string | undefined => {
		const value = bodyField(ctx.body, field);
		if (value === undefined || value === null) {
			if (required) errors[field] = [`The ${field} field is required.`];
			return undefined;
		}
		if (typeof value !== 'string') {
			errors[field] = [`The JSON value could not be converted to System.String. Path: $.${field}`];
			return undefined;
		}
		if (value.length > max)
			errors[field] = [`The field ${field} must be a string with a maximum length of ${max}.`];
		if (required && value.length === 0) errors[field] = [`The ${field} field is required.`];
		return value;
	};
	const flag = (field: string): boolean => {
		const value = bodyField(ctx.body, field);
		if (value === undefined || value === null) return false; // DocSpace defaults enabled and ssl to false
		if (typeof value === 'boolean') return value;
		errors[field] = [`The JSON value could not be converted to System.Boolean. Path: $.${field}`];
		return false;
	};
	const name = text('name', 50, true);
	const uri = text('uri', Number.MAX_SAFE_INTEGER, true);
	const secretKey = text('secretKey', 50, false);
	const targetId = text('targetId', 255, false);
	const enabled = flag('enabled');
	const ssl = flag('ssl');
	const rawTriggers = bodyField(ctx.body, 'triggers');
	const triggers = rawTriggers === undefined || rawTriggers === null ? 0 : Number(rawTriggers);
	if (
		!Number.isSafeInteger(triggers) ||
		triggers < 0 ||
		(typeof rawTriggers === 'string' && !/^\d+$/.test(rawTriggers.trim()))
	) {
		errors.triggers = [
			'The JSON value could not be converted to ASC.Webhooks.Core.WebhookTrigger. Path: $.triggers',
		];
	}
	let id: number | undefined;
	if (withId) {
		const rawId = bodyField(ctx.body, 'id');
		id = Number(rawId);
		if (rawId === undefined || rawId === null || !Number.isInteger(id))
			errors.id = ['The id field is required.'];
	}
	if (Object.keys(errors).length > 0) throw new HttpError(validation(errors));
	return {
		id,
		name: name ?? '',
		uri: uri ?? '',
		secretKey,
		enabled,
		ssl,
		triggers,
		targetId: targetId ? targetId : null,
	};
}

function checkTriggers(user: User, triggers: number): void {
	if (flagsOf(triggers).some((t) => !isAvailableTo(t, user.type)))
		throw badRequest('Trigger is not available');
}

/** CheckWebhook: secret (mandatory on create), URL scheme, blacklist, HEAD probe. */
async function checkWebhook(
	ctx: RouteContext,
	input: ConfigInput,
	creation: boolean,
): Promise<void> {
	const { settings } = webhookHub(ctx.state);
	try {
		if (creation || input.secretKey) {
			if (!input.secretKey) throw badRequest("Value cannot be null. (Parameter 'secret')");
			checkSecret(input.secretKey, settings.passwordPolicy);
		}
		await checkWebhookUrl(input.uri, input.ssl, settings);
	} catch (error) {
		// Some portals (debug builds, proxies) put the request into the error text, secret included.
		if (
			error instanceof HttpError &&
			error.reply.kind === 'error' &&
			settings.echoRequestInErrors
		) {
			throw badRequest(`${error.reply.message} Request: ${JSON.stringify(ctx.body)}`);
		}
		throw error;
	}
}

function findOwned(ctx: RouteContext, id: number, user: User): WebhookSubscription {
	const subscription = webhookHub(ctx.state).subscriptions.get(id);
	if (!subscription) throw notFound('The webhook was not found');
	if (!isWebhookAdmin(ctx, user) && subscription.createdBy !== user.id) throw forbidden();
	return subscription;
}

defineRoute('GET', '/api/2.0/settings/webhook', (ctx) => {
	const user = currentUser(ctx);
	const all = isWebhookAdmin(ctx, user);
	const list = [...webhookHub(ctx.state).subscriptions.values()]
		.filter((s) => all || s.createdBy === user.id)
		.map((s) => ({ configs: configDto(ctx, s), status: s.lastStatus }));
	return ok(list);
});

defineRoute('POST', '/api/2.0/settings/webhook', async (ctx) => {
	const user = currentUser(ctx);
	isWebhookAdmin(ctx, user);
	const input = readInput(ctx, false);
	checkTriggers(user, input.triggers);
	await checkWebhook(ctx, input, true);
	const hub = webhookHub(ctx.state);
	if ([...hub.subscriptions.values()].some((s) => s.name === input.name && s.uri === input.uri)) {
		throw badRequest('Webhook with the same name and payload URL already exists');
	}
	const subscription: WebhookSubscription = {
		id: hub.newSubscriptionId(),
		name: input.name,
		uri: input.uri,
		secretKey: input.secretKey ?? '',
		enabled: input.enabled,
		ssl: input.ssl,
		triggers: input.triggers,
		targetId: input.targetId,
		createdBy: user.id,
		createdOn: ctx.state.now(),
		lastStatus: 0,
	};
	hub.subscriptions.set(subscription.id, subscription);
	return ok(configDto(ctx, subscription));
});

defineRoute('PUT', '/api/2.0/settings/webhook', async (ctx) => {
	const user = currentUser(ctx);
	const input = readInput(ctx, true);
	await checkWebhook(ctx, input, false);
	const subscription = findOwned(ctx, input.id as number, user);
	checkTriggers(user, input.triggers);
	Object.assign(subscription, {
		name: input.name,
		uri: input.uri,
		enabled: input.enabled,
		ssl: input.ssl,
		triggers: input.triggers,
		targetId: input.targetId,
		modifiedBy: user.id,
		modifiedOn: ctx.state.now(),
	});
	if (input.secretKey) subscription.secretKey = input.secretKey; // empty keeps the old secret
	return ok(configDto(ctx, subscription));
});

defineRoute('PUT', '/api/2.0/settings/webhook/enable', async (ctx) => {
	const user = currentUser(ctx);
	const input = readInput(ctx, true);
	const subscription = findOwned(ctx, input.id as number, user);
	if (input.enabled) {
		await checkWebhookUrl(subscription.uri, subscription.ssl, webhookHub(ctx.state).settings);
	}
	subscription.enabled = input.enabled;
	subscription.modifiedBy = user.id;
	subscription.modifiedOn = ctx.state.now();
	return ok(configDto(ctx, subscription));
});

defineRoute('DELETE', '/api/2.0/settings/webhook/{id}', (ctx) => {
	const user = currentUser(ctx);
	const id = /^-?\d+$/.test(ctx.params.id) ? Number(ctx.params.id) : NaN;
	// The route has an {id:int} constraint: anything else matches no route.
	if (!Number.isInteger(id))
		throw notFound(`The requested resource was not found: DELETE ${ctx.path}`);
	const subscription = findOwned(ctx, id, user);
	webhookHub(ctx.state).subscriptions.delete(id);
	return ok(configDto(ctx, subscription));
});

defineRoute('PUT', '/api/2.0/settings/webhook/{id}/retry', (ctx) => {
	const user = currentUser(ctx);
	isWebhookAdmin(ctx, user);
	const logId = /^\d+$/.test(ctx.params.id) ? Number(ctx.params.id) : NaN;
	if (!Number.isInteger(logId))
		throw notFound(`The requested resource was not found: PUT ${ctx.path}`);
	const logged = webhookHub(ctx.state).deliveries.find((d) => d.eventId === logId);
	if (logged) findOwned(ctx, logged.subscriptionId, user);
	const id = retryFromLog(ctx.state, logId);
	if (id === undefined || !logged) throw notFound('The webhook log entry was not found');
	return ok({
		id,
		configName: webhookHub(ctx.state).subscriptions.get(logged.subscriptionId)?.name,
		trigger: logged.trigger,
		creationTime: apiDate(ctx.state.now()),
		method: 'POST',
		route: logged.url,
		status: 0,
	});
});

defineRoute('GET', '/api/2.0/settings/webhook/triggers', (ctx) => {
	const user = currentUser(ctx);
	return ok(
		TRIGGERS.map((t) => ({ name: t.name, id: t.id, available: isAvailableTo(t, user.type) })),
	);
});
