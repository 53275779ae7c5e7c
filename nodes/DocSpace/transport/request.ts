import type {
	IDataObject,
	IHttpRequestMethods,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
} from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import type { DocSpaceContext, ResolvedCredentials } from './credentials';
import { resolveCredentials } from './credentials';
import type { Failure, FailureContext } from './errors';
import { failureOf, serverMessageOf, toNodeApiError } from './errors';
import { isRecord } from './json';
import { USER_AGENT } from './userAgent';

export interface DocSpaceRequest {
	method: IHttpRequestMethods;
	/** Relative to the portal's /api/2.0/, or an absolute URL on the portal itself. */
	path: string;
	qs?: IDataObject;
	body?: IHttpRequestOptions['body'];
	headers?: IDataObject;
	/** How to read the answer: the JSON envelope (default), raw bytes or a stream. */
	encoding?: 'json' | 'arraybuffer' | 'stream';
	/** Whether repeating the call is harmless when its effect is unknown; defaults to true for GET and HEAD. */
	idempotent?: boolean;
	itemIndex?: number;
	timeout?: number;
}

export interface DocSpaceResult<T = unknown> {
	data: T;
	count?: number;
	total?: number;
	statusCode: number;
	headers: Record<string, string>;
}

const MAX_ATTEMPTS = 5;
const MAX_BACKOFF_MS = 8_000;
const MAX_RETRY_AFTER_S = 60;
const UNKNOWN_EFFECT_CODES = new Set(['ECONNRESET', 'ETIMEDOUT', 'ECONNABORTED', 'EPIPE', 'ESOCKETTIMEDOUT']);

function backoff(attempt: number): number {
	const ceiling = Math.min(MAX_BACKOFF_MS, 500 * 2 ** (attempt - 1));
	return Math.round(ceiling / 2 + (Math.random() * ceiling) / 2);
}

function retryAfterMs(value: string | undefined): number | undefined {
	if (value === undefined) return undefined;
	const seconds = Number(value);
	if (Number.isFinite(seconds)) return Math.max(0, seconds) * 1000;
	const date = Date.parse(value);
	return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

/** How long to wait before another attempt, or undefined when the failure is final. */
function retryDelay(failure: Failure, attempt: number, idempotent: boolean): number | undefined {
	const { status, code } = failure;
	// 429 and 503 mean the request was turned away before it was processed: safe for any method.
	if (status === 429 || status === 503) {
		const wait = retryAfterMs(failure.headers['retry-after']);
		if (wait === undefined) return backoff(attempt);
		return wait > MAX_RETRY_AFTER_S * 1000 ? undefined : wait + Math.round(Math.random() * 250);
	}
	if (!idempotent) return undefined;
	if (status === 502 || status === 504) return backoff(attempt);
	if (status === undefined && code && UNKNOWN_EFFECT_CODES.has(code)) return backoff(attempt);
	return undefined;
}

function isHtml(body: unknown, headers: Record<string, string>): boolean {
	if ((headers['content-type'] ?? '').includes('text/html')) return true;
	return typeof body === 'string' && body.trimStart().startsWith('<');
}

function headersOf(response: IN8nHttpFullResponse): Record<string, string> {
	const result: Record<string, string> = {};
	for (const [name, value] of Object.entries(response.headers ?? {})) {
		if (value !== undefined) result[name.toLowerCase()] = String(value);
	}
	return result;
}


export function resolveUrl(credentials: ResolvedCredentials, path: string): string {
	if (/^https?:\/\//i.test(path)) return path;
	return `${credentials.portalUrl}/api/2.0/${path.replace(/^\/+/, '')}`;
}

/** The one way this package talks to DocSpace. */
export async function docSpaceRequest<T = unknown>(
	this: DocSpaceContext,
	request: DocSpaceRequest,
): Promise<DocSpaceResult<T>> {
	const credentials = await resolveCredentials(this);
	const url = resolveUrl(credentials, request.path);
	const encoding = request.encoding ?? 'json';
	const idempotent = request.idempotent ?? ['GET', 'HEAD'].includes(request.method);
	const failureContext = (attempts: number) => ({
		node: this.getNode(),
		method: request.method,
		path: request.path.startsWith('http') ? new URL(request.path).pathname : request.path,
		portalUrl: credentials.portalUrl,
		authentication: credentials.method,
		secrets: credentials.secrets,
		attempts,
		itemIndex: request.itemIndex,
	});

	if (new URL(url).origin !== new URL(credentials.portalUrl).origin) {
		// Never send the credential's header to a host other than the portal.
		throw toNodeApiError(
			{ headers: {}, serverMessage: `refused to send credentials to ${new URL(url).origin}` },
			failureContext(0),
		);
	}

	const options: IHttpRequestOptions = {
		method: request.method,
		url,
		qs: request.qs,
		body: request.body,
		headers: {
			Accept: encoding === 'json' ? 'application/json' : '*/*',
			'User-Agent': USER_AGENT,
			...request.headers,
		},
		returnFullResponse: true,
		// Downloads may redirect to pre-signed storage URLs: the credential stays with the portal.
		sendCredentialsOnCrossOriginRedirect: false,
		timeout: request.timeout ?? 120_000,
		...(encoding === 'json' ? { json: true } : { encoding }),
	};

	// OAuth2 tokens are refreshed by n8n only when a 401 is thrown, so only the other credential
	// types read error statuses from the response (which keeps headers such as Retry-After).
	if (credentials.method !== 'oAuth2') options.ignoreHttpStatusErrors = true;

	for (let attempt = 1; ; attempt++) {
		let response: IN8nHttpFullResponse | undefined;
		let failure: Failure | undefined;
		try {
			response = (await this.helpers.httpRequestWithAuthentication.call(
				this,
				credentials.type,
				options,
			)) as IN8nHttpFullResponse;
			if (response.statusCode >= 400) failure = responseFailure(response);
		} catch (error) {
			failure = failureOf(error);
		}
		if (failure) {
			if (failure.status !== undefined && failure.status < 500 && isHtml(failure.body, failure.headers)) {
				throw notDocSpace(failure, failureContext(attempt));
			}
			const delay = attempt < MAX_ATTEMPTS ? retryDelay(failure, attempt, idempotent) : undefined;
			if (delay === undefined) throw toNodeApiError(failure, failureContext(attempt));
			await sleep(delay);
			continue;
		}
		return unwrap<T>(response as IN8nHttpFullResponse, encoding, () => failureContext(attempt));
	}
}

function responseFailure(response: IN8nHttpFullResponse): Failure {
	const headers = headersOf(response);
	let body: unknown = response.body;
	if (Buffer.isBuffer(body)) body = body.toString('utf8');
	if (typeof body === 'string' && (headers['content-type'] ?? '').includes('json')) {
		try {
			body = JSON.parse(body);
		} catch {
			// keep the text
		}
	}
	return { status: response.statusCode, headers, body, serverMessage: serverMessageOf(body) };
}

function unwrap<T>(
	response: IN8nHttpFullResponse,
	encoding: DocSpaceRequest['encoding'],
	failureContext: () => FailureContext,
): DocSpaceResult<T> {
	const headers = headersOf(response);
	const body: unknown = response.body;
	if (encoding !== 'json') return { data: body as T, statusCode: response.statusCode, headers };
	if (isHtml(body, headers)) {
		throw notDocSpace({ status: response.statusCode, headers, body }, failureContext());
	}
	if (isRecord(body) && (body.status === 1 || 'error' in body || body.success === false)) {
		const status = typeof body.statusCode === 'number' && body.statusCode >= 400 ? body.statusCode : 400;
		throw toNodeApiError({ status, headers, body, serverMessage: serverMessageOf(body) }, failureContext());
	}
	if (isRecord(body) && 'response' in body) {
		return {
			data: body.response as T,
			count: typeof body.count === 'number' ? body.count : undefined,
			total: typeof body.total === 'number' ? body.total : undefined,
			statusCode: response.statusCode,
			headers,
		};
	}
	// Answers outside the envelope (e.g. the chunk uploader's {success, data}).
	return { data: body as T, statusCode: response.statusCode, headers };
}

function notDocSpace(failure: Failure, context: FailureContext) {
	const error = toNodeApiError(failure, context);
	error.message = `The Base URL ${context.portalUrl} answered with a web page, not the DocSpace API`;
	error.description =
		'Check the Base URL in the credential: use the portal address itself, e.g. https://yourportal.onlyoffice.com, without any path after it.';
	return error;
}

/** Calls DocSpace and returns the unwrapped `response` of its envelope. */
export async function docSpaceApi(
	this: DocSpaceContext,
	method: IHttpRequestMethods,
	path: string,
	body?: IDataObject | IDataObject[],
	qs?: IDataObject,
	itemIndex?: number,
): Promise<IDataObject> {
	const { data } = await docSpaceRequest.call(this, { method, path, body, qs, itemIndex });
	return isRecord(data) ? (data as IDataObject) : { value: data as IDataObject[keyof IDataObject] };
}

/** Like docSpaceApi, for endpoints whose `response` is a list. */
export async function docSpaceApiList(
	this: DocSpaceContext,
	method: IHttpRequestMethods,
	path: string,
	body?: IDataObject | IDataObject[],
	qs?: IDataObject,
	itemIndex?: number,
): Promise<IDataObject[]> {
	const { data } = await docSpaceRequest.call(this, { method, path, body, qs, itemIndex });
	if (Array.isArray(data)) return data as IDataObject[];
	return data === undefined || data === null ? [] : [data as IDataObject];
}
