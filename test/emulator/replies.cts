/**
 * What a route handler returns, and the helpers that build it. The server turns a Reply into
 * bytes (see `writeReply` in server.cts), adding the request-dependent parts of the envelope.
 */
import type { Readable } from 'node:stream';
import type { StoredContent } from './stored-content.cjs';

export type Headers = Record<string, string>;

export type Reply =
	/** Success envelope. */
	| {
			kind: 'envelope';
			payload: unknown;
			count?: number;
			total?: number;
			status: number;
			headers?: Headers;
	  }
	/** Error envelope. */
	| {
			kind: 'error';
			status: number;
			message: string;
			type: string;
			hresult: number;
			headers?: Headers;
	  }
	/** Model validation failure: ValidationProblemDetails wrapped as `response`, status 1, statusCode 400. */
	| { kind: 'validation'; errors: Record<string, string[]>; headers?: Headers }
	/** Anything else, sent as is; a StoredContent is streamed from its file. */
	| { kind: 'raw'; status: number; headers: Headers; body?: RawBody };

export type RawBody = string | Buffer | Readable | StoredContent;

const HRESULT_BY_STATUS: Record<number, number> = {
	400: -2147024809, // ArgumentException
	403: -2146233078, // SecurityException
};
const TYPE_BY_STATUS: Record<number, string> = {
	400: 'System.ArgumentException',
	401: 'System.Security.Authentication.AuthenticationException',
	402: 'ASC.Core.Tenants.TenantQuotaException',
	403: 'System.Security.SecurityException',
	404: 'ASC.Common.Web.ItemNotFoundException',
	415: 'System.NotSupportedException',
};

/**
 * Success envelope. `count` defaults to the list length, 1 for an object, 0 for null;
 * `total` is only written when given (DocSpace writes it for some listings only).
 */
export function ok(
	payload: unknown,
	extra: { total?: number; count?: number; status?: number; headers?: Headers } = {},
): Reply {
	return {
		kind: 'envelope',
		payload,
		count: extra.count,
		total: extra.total,
		status: extra.status ?? 200,
		headers: extra.headers,
	};
}

/** Error envelope `{error:{message,type,stack,hresult}, status:1, statusCode}`. */
export function fail(status: number, message: string, type?: string): Reply {
	return {
		kind: 'error',
		status,
		message,
		type: type ?? TYPE_BY_STATUS[status] ?? 'System.Exception',
		hresult: HRESULT_BY_STATUS[status] ?? -2146233088,
	};
}

/** 400 model validation envelope; `errors` maps a field name to its messages. */
export function validation(errors: Record<string, string[]>): Reply {
	return { kind: 'validation', errors };
}

/** No body at all (e.g. the framework's 401 challenge or 403 scope refusal). */
export function empty(status: number, headers: Headers = {}): Reply {
	return { kind: 'raw', status, headers };
}

export function raw(status: number, headers: Headers, body?: RawBody): Reply {
	return { kind: 'raw', status, headers, body };
}

/** Plain JSON without the DocSpace envelope (OAuth server, chunk uploader, ...). */
export function json(status: number, body: unknown, headers: Headers = {}): Reply {
	return raw(
		status,
		{ 'content-type': 'application/json; charset=utf-8', ...headers },
		JSON.stringify(body),
	);
}

export function redirect(location: string, status = 302): Reply {
	return { kind: 'raw', status, headers: { location } };
}

/**
 * Throw from a handler or a helper to answer with `reply` right away, e.g.
 * `throw new HttpError(fail(404, 'The required file was not found'))`.
 */
export class HttpError extends Error {
	constructor(readonly reply: Reply) {
		super(reply.kind === 'error' ? reply.message : `HTTP reply ${reply.kind}`);
	}
}

export function notFound(message: string): HttpError {
	return new HttpError(fail(404, message));
}

export function forbidden(message = 'Access denied'): HttpError {
	return new HttpError(fail(403, message));
}

export function badRequest(message: string): HttpError {
	return new HttpError(fail(400, message));
}
