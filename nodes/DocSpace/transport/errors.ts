import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { AuthenticationMethod } from './credentials';
import { requiredScope } from './scopes';
import { retrySettings, waitTooLong } from './retryPolicy';
import type { Failure } from './failure';

export interface FailureContext {
	node: INode;
	method: string;
	path: string;
	portalUrl: string;
	authentication: AuthenticationMethod;
	secrets: string[];
	attempts: number;
	itemIndex?: number;
}

const credentialFix: Record<AuthenticationMethod, string> = {
	apiKey:
		'Check the API key in the credential: it may be mistyped, expired or deleted. Create a new one in DocSpace under Developer Tools → API keys.',
	basicAuth:
		'Check the email and password in the credential. Accounts with SSO or two-factor sign-in cannot use basic auth; use an API key.',
	oAuth2:
		'Reconnect the OAuth2 credential (Sign in again); the app may have been revoked in DocSpace under Developer Tools → OAuth 2.0.',
	personalAccessToken:
		'The personal access token was rejected; it may have expired. Request a new one with POST /api/2.0/authentication or use an API key.',
};

/** Replaces every secret (pass the forms of secretForms) with ***. */
export function scrub(text: string, secrets: string[]): string {
	return secrets.reduce((result, secret) => result.split(secret).join('***'), text);
}

/**
 * Replaces secrets in every string of an error (message, description, context, cause, …),
 * following nested objects once each.
 */
export function scrubDeep(value: unknown, secrets: string[], seen = new Set<unknown>()): void {
	if (secrets.length === 0 || typeof value !== 'object' || value === null || seen.has(value))
		return;
	seen.add(value);
	const target = value as Record<string, unknown>;
	const keys = new Set([
		...Object.keys(target),
		...(value instanceof Error ? ['message', 'stack', 'cause'] : []),
	]);
	for (const key of keys) {
		let current: unknown;
		try {
			current = target[key];
		} catch {
			continue;
		}
		if (typeof current === 'string') {
			const clean = scrub(current, secrets);
			if (clean !== current) {
				try {
					target[key] = clean;
				} catch {
					// a read-only property
				}
			}
		} else scrubDeep(current, secrets, seen);
	}
}

const CONNECTION_REASONS: Record<string, string> = {
	ECONNREFUSED: 'the connection was refused',
	ECONNRESET: 'the connection was reset',
	ETIMEDOUT: 'the connection timed out',
	ECONNABORTED: 'the connection timed out',
	EHOSTUNREACH: 'the host is unreachable',
	ENETUNREACH: 'the network is unreachable',
};

/** Words for a network error code, for messages that must not show the raw code. */
export const connectionReason = (code: string): string =>
	CONNECTION_REASONS[code] ?? 'the request failed';

function explain(
	failure: Failure,
	context: FailureContext,
): { message: string; description: string } {
	const { status, code, serverMessage } = failure;
	const detail = serverMessage ? ` DocSpace said: “${serverMessage}”.` : '';
	if (code === 'EAUTH') {
		return {
			message: 'DocSpace did not renew the OAuth2 access token',
			description: `${credentialFix.oAuth2}${serverMessage ? ` The token endpoint said: “${serverMessage}”.` : ''}`,
		};
	}
	if (code === 'TRUNCATED') {
		return {
			message: 'The answer of the DocSpace portal was cut off',
			description: `The connection to ${context.portalUrl} broke while the answer arrived.${context.attempts > 1 ? ` Tried ${context.attempts} times.` : ''} Check the portal and any proxy in front of it.`,
		};
	}
	if (status !== undefined && status >= 300 && status < 400) {
		const location = failure.headers.location ?? '';
		let target = location;
		try {
			target = new URL(location, context.portalUrl).origin;
		} catch {
			// keep what the header says
		}
		const elsewhere = target && target !== new URL(context.portalUrl).origin;
		return {
			message: `The DocSpace portal answered with a redirect${elsewhere ? ` to ${target}` : ''} instead of data (HTTP ${status})`,
			description: elsewhere
				? `The answer of another address is not used as the portal’s. If the portal has moved (e.g. from http to https), set the Base URL in the credential to ${target}.`
				: 'Check the Base URL in the credential: use the portal address itself, without any path after it.',
		};
	}
	if (code && status === undefined) {
		if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
			return {
				message: `The DocSpace portal address ${context.portalUrl} could not be found`,
				description: 'Check the Base URL in the credential; the host name does not resolve.',
			};
		}
		// The message must not contain the raw code: n8n replaces messages that do with its own text.
		return {
			message: `The DocSpace portal at ${context.portalUrl} could not be reached: ${connectionReason(code)}`,
			description: `Check the Base URL in the credential and that the portal is online and reachable from n8n (${code}).${
				context.attempts > 1 ? ` Tried ${context.attempts} times.` : ''
			}`,
		};
	}
	switch (status) {
		case 400:
			return {
				message: `DocSpace refused the request as invalid${serverMessage ? `: ${serverMessage}` : ''}`,
				description: 'Check the values of the node’s parameters for this item.',
			};
		case 401:
			return {
				message: 'DocSpace did not accept the credentials',
				description: credentialFix[context.authentication],
			};
		case 402:
			return {
				message: `The DocSpace portal’s plan does not allow this${serverMessage ? `: ${serverMessage}` : ''}`,
				description: 'A quota or the paid plan limits this action; ask the portal owner.',
			};
		case 403: {
			const scope = requiredScope(context.method, context.path);
			const scopeHint =
				context.authentication === 'apiKey' || context.authentication === 'oAuth2'
					? ` If the ${context.authentication === 'apiKey' ? 'API key' : 'OAuth app'} is limited to certain scopes, it needs “${scope}”${
							scope.startsWith('*') ? ' (full access)' : ''
						} for this action.`
					: '';
			return {
				message: `DocSpace denied permission for this action${serverMessage ? `: ${serverMessage}` : ''}`,
				description: `The DocSpace account behind the credential lacks the right for ${context.method} ${context.path}.${scopeHint}`,
			};
		}
		case 404:
			return {
				message: `DocSpace could not find the requested item${serverMessage ? `: ${serverMessage}` : ''}`,
				description: `Check the ID or link used for ${context.path}: the item may have been deleted, moved to trash or not be shared with this account.`,
			};
		case 409:
			return {
				message: `DocSpace reported a conflict${serverMessage ? `: ${serverMessage}` : ''}`,
				description: 'Another operation is changing the same item; try again later.',
			};
		case 413:
			return {
				message: 'The file is larger than the DocSpace portal accepts',
				description: 'Ask the portal administrator to raise the upload limit.',
			};
		case 429: {
			const wait = waitTooLong(failure);
			const why =
				wait !== undefined
					? `The portal asks to wait ${wait} seconds before the next request, longer than the node waits (${retrySettings.maxRetryAfterSeconds} seconds).`
					: context.attempts > 1
						? `The portal answered “too many requests” ${context.attempts} times in a row.`
						: 'The portal answered “too many requests”.';
			return {
				message: 'DocSpace is rate limiting requests',
				description: `${why} Wait, or process fewer items at once (e.g. with a Loop Over Items node and a Wait).`,
			};
		}
		default:
			break;
	}
	if (status !== undefined && status >= 500) {
		return {
			message: `The DocSpace portal answered with a server error (HTTP ${status})${serverMessage ? `: ${serverMessage}` : ''}`,
			description: `The portal or a proxy in front of it failed.${
				context.attempts > 1 ? ` Tried ${context.attempts} times.` : ''
			} Try again later or check the portal’s status.`,
		};
	}
	if (status === undefined) {
		return {
			message: `The request to DocSpace failed before the portal answered${failure.reason ? `: ${failure.reason}` : ''}`,
			description: `n8n could not complete ${context.method} ${context.path}; nothing came back from ${context.portalUrl}. Run it again; if it keeps failing, check the credential and the Base URL.`,
		};
	}
	return {
		message: `DocSpace answered with HTTP ${status}.${detail}`,
		description: 'Check the node’s parameters and the credential.',
	};
}

export function toNodeApiError(failure: Failure, context: FailureContext): NodeApiError {
	const { message, description } = explain(failure, context);
	const safeMessage = scrub(message, context.secrets);
	const safeDescription = scrub(description, context.secrets);
	const errorResponse: JsonObject = {
		message: safeMessage,
		method: context.method,
		path: context.path,
		...(failure.status !== undefined ? { httpCode: String(failure.status) } : {}),
		...(failure.code ? { networkError: failure.code } : {}),
		...(failure.serverMessage
			? { docSpaceMessage: scrub(failure.serverMessage, context.secrets) }
			: {}),
	};
	return new NodeApiError(context.node, errorResponse, {
		message: safeMessage,
		description: safeDescription,
		httpCode: failure.status !== undefined ? String(failure.status) : undefined,
		itemIndex: context.itemIndex,
	});
}

function lostAnswer(failure: Failure): string {
	if (failure.status !== undefined)
		return `the answer was HTTP ${failure.status} from the portal or a proxy in front of it`;
	if (failure.code === 'TRUNCATED') return 'the answer was cut off';
	if (failure.code === 'ETIMEDOUT' || failure.code === 'ESOCKETTIMEDOUT')
		return 'no answer came in time';
	return 'the connection broke before the answer arrived';
}

/**
 * A write that was sent but whose effect is unknown (see retryPolicy.ts): it was not repeated,
 * and the message says what to check. `context.outcomeUnknown` marks it.
 */
export function unknownOutcomeError(
	failure: Failure,
	context: FailureContext,
	check: string,
	verifyFailed: boolean,
): NodeApiError {
	const description = `The request was sent, but ${lostAnswer(failure)}. It was not repeated, because DocSpace may already have carried it out${
		verifyFailed ? ', and looking for its effect failed too' : ''
	}.`;
	return outcomeUnknown(context.node, {
		check: scrub(check, context.secrets),
		description: scrub(description, context.secrets),
		itemIndex: context.itemIndex,
		httpCode: failure.status !== undefined ? String(failure.status) : undefined,
	});
}

/** “The outcome is unknown: check … before running again”, marked with `context.outcomeUnknown`. */
export function outcomeUnknown(
	node: INode,
	details: { check: string; description: string; itemIndex?: number; httpCode?: string },
): NodeApiError {
	const message = `The outcome is unknown: check ${details.check} before running again`;
	const error = new NodeApiError(
		node,
		{ message, outcomeUnknown: true },
		{
			message,
			description: details.description,
			itemIndex: details.itemIndex,
			...(details.httpCode ? { httpCode: details.httpCode } : {}),
		},
	);
	error.context.outcomeUnknown = true;
	return error;
}

/**
 * A read that follows a write DocSpace accepted failed: the change may well be done, so the item
 * must not read as failed with nothing changed. DocSpace's own refusals (not NodeApiError) pass.
 */
export function lostFollowUp(
	this: NodeContext,
	error: unknown,
	itemIndex: number,
	check: string,
): NodeApiError | NodeOperationError {
	if (!(error instanceof NodeApiError) || error.context.outcomeUnknown === true)
		return asNodeError.call(this, error, itemIndex);
	return outcomeUnknown(this.getNode(), {
		check,
		description: `DocSpace accepted the request, but reading what it did failed: ${error.message}`,
		itemIndex,
		httpCode: error.httpCode ?? undefined,
	});
}

/** What error helpers need of n8n's execute, hook and webhook contexts. */
export interface NodeContext {
	getNode(): INode;
}

/** A caught value as a node error: n8n's own errors pass unchanged, anything else is wrapped. */
export function asNodeError(
	this: NodeContext,
	error: unknown,
	itemIndex?: number,
): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	return new NodeOperationError(this.getNode(), error instanceof Error ? error : String(error), {
		itemIndex,
	});
}

export function isNotFound(error: unknown): boolean {
	return error instanceof NodeApiError && error.httpCode === '404';
}
