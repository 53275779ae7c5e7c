import type {
	IDataObject,
	IHttpRequestMethods,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
} from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import type { DocSpaceContext, ResolvedCredentials } from './credentials';
import { resolveCredentials } from './credentials';
import { checkLinkOrigins } from './linkOrigins';
import type { FailureContext } from './errors';
import { toNodeApiError, unknownOutcomeError } from './errors';
import type { Failure } from './failure';
import { failureOf, serverMessageOf } from './failure';
import { classify, retrySettings } from './retryPolicy';
import { isRecord } from './json';
import { USER_AGENT } from './userAgent';

export interface DocSpaceRequest<T = unknown> {
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
	/** For a write that is not idempotent: how to find its effect when the answer is lost. */
	outcome?: OutcomeCheck<T>;
}

export interface OutcomeCheck<T = unknown> {
	/** What the user should check when the outcome stays unknown, e.g. “whether the folder “X” exists in “Y””. */
	check: string;
	/**
	 * Looks for the effect (with its own, repeatable reads) and returns what the call would have
	 * returned, or undefined when the effect is not there.
	 */
	verify?: () => Promise<T | undefined>;
}

export interface DocSpaceResult<T = unknown> {
	data: T;
	count?: number;
	total?: number;
	statusCode: number;
	headers: Record<string, string>;
	/** Set when the answer was lost and the verifier found the effect. */
	verified?: boolean;
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
	request: DocSpaceRequest<T>,
): Promise<DocSpaceResult<T>> {
	const credentials = await resolveCredentials(this);
	checkLinkOrigins(this, credentials.portalUrl);
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
		// An API answer comes from the portal itself: a redirect is reported, not followed.
		...(encoding === 'json' ? { disableFollowRedirect: true } : {}),
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
			failure = answerFailure(response, encoding);
		} catch (error) {
			failure = failureOf(error);
		}
		if (!failure)
			return unwrap<T>(response as IN8nHttpFullResponse, encoding, () => failureContext(attempt));
		// A 4xx web page is another site; a proxy's 429 page is rate limiting (see retryPolicy.ts).
		if (
			failure.status !== undefined &&
			failure.status >= 400 &&
			failure.status < 500 &&
			failure.status !== 429 &&
			isHtml(failure.body, failure.headers)
		) {
			throw notDocSpace(failure, failureContext(attempt));
		}
		const verdict = classify(failure, attempt);
		const more = attempt < retrySettings.maxAttempts;
		if (verdict.kind === 'final') throw toNodeApiError(failure, failureContext(attempt));
		const mustWait = verdict.kind === 'unknown' && verdict.mustWait === true;
		if (verdict.kind === 'retry' || idempotent) {
			if (!more || mustWait) throw toNodeApiError(failure, failureContext(attempt));
			await sleep(verdict.delayMs);
			continue;
		}
		const check =
			request.outcome?.check ??
			`whether DocSpace carried out ${request.method} ${failureContext(0).path}`;
		let found: T | undefined;
		try {
			found = request.outcome?.verify ? await request.outcome.verify() : undefined;
		} catch {
			throw unknownOutcomeError(failure, failureContext(attempt), check, true);
		}
		if (found !== undefined) return { data: found, statusCode: 200, headers: {}, verified: true };
		// Not there, and the portal is done with the request: repeating it cannot do it twice.
		if (request.outcome?.verify && !verdict.stillRunning && !mustWait && more) {
			await sleep(verdict.delayMs);
			continue;
		}
		throw unknownOutcomeError(failure, failureContext(attempt), check, false);
	}
}

/** What is wrong with an answer n8n did not throw for, or undefined when it is usable. */
function answerFailure(
	response: IN8nHttpFullResponse,
	encoding: DocSpaceRequest['encoding'],
): Failure | undefined {
	if (response.statusCode >= 400 || (response.statusCode >= 300 && encoding === 'json'))
		return responseFailure(response);
	const headers = headersOf(response);
	const { body } = response;
	if (encoding === 'json' && typeof body === 'string' && body.trim() && !isHtml(body, headers)) {
		// A JSON answer that does not parse was cut off on the way.
		return { code: 'TRUNCATED', headers };
	}
	return undefined;
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
		const status =
			typeof body.statusCode === 'number' && body.statusCode >= 400 ? body.statusCode : 400;
		throw toNodeApiError(
			{ status, headers, body, serverMessage: serverMessageOf(body) },
			failureContext(),
		);
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

/** What a write declares about repeating it (see retryPolicy.ts). */
export type WriteOptions<T> = Pick<DocSpaceRequest<T>, 'idempotent' | 'outcome'>;

/** For writes that set a state (a title, a member list, an access level): repeating them is harmless. */
export const SETS_STATE: WriteOptions<never> = { idempotent: true };

/** A call whose answer is read as the JSON envelope. */
export type DocSpaceCall<T> = Omit<DocSpaceRequest<T>, 'encoding' | 'body'> & {
	body?: IDataObject | IDataObject[];
};

/** Calls DocSpace and returns the unwrapped `response` of its envelope. */
export async function docSpaceCall(
	this: DocSpaceContext,
	request: DocSpaceCall<IDataObject>,
): Promise<IDataObject> {
	const { data } = await docSpaceRequest.call(this, request);
	return isRecord(data) ? (data as IDataObject) : { value: data as IDataObject[keyof IDataObject] };
}

/** Like docSpaceCall, for endpoints whose `response` is a list. */
export async function docSpaceList(
	this: DocSpaceContext,
	request: DocSpaceCall<IDataObject[]>,
): Promise<IDataObject[]> {
	const { data } = await docSpaceRequest.call(this, request);
	if (Array.isArray(data)) return data as IDataObject[];
	return data === undefined || data === null ? [] : [data as IDataObject];
}

/** @deprecated Positional form still used by the webhook trigger; use docSpaceCall. */
export async function docSpaceApi(
	this: DocSpaceContext,
	method: IHttpRequestMethods,
	path: string,
	body?: IDataObject | IDataObject[],
): Promise<IDataObject> {
	return await docSpaceCall.call(this, { method, path, body });
}

/** @deprecated Positional form still used by the webhook trigger; use docSpaceList. */
export async function docSpaceApiList(
	this: DocSpaceContext,
	method: IHttpRequestMethods,
	path: string,
): Promise<IDataObject[]> {
	return await docSpaceList.call(this, { method, path });
}
