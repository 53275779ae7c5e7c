import { isRecord } from './json';

/** What is known about a failed call, stripped of request options (which carry the auth header). */
export interface Failure {
	status?: number;
	code?: string;
	headers: Record<string, string>;
	body?: unknown;
	serverMessage?: string;
	/** The message of an error that carried neither an answer nor a network code (n8n's own). */
	reason?: string;
}

function lowerCaseHeaders(headers: unknown): Record<string, string> {
	const result: Record<string, string> = {};
	if (!isRecord(headers)) return result;
	for (const [name, value] of Object.entries(headers)) {
		if (typeof value === 'string' || typeof value === 'number')
			result[name.toLowerCase()] = String(value);
	}
	return result;
}

/** DocSpace error text from the error envelope, a validation envelope or the chunk uploader. */
export function serverMessageOf(body: unknown): string | undefined {
	if (!isRecord(body)) return undefined;
	const { error, response, message } = body;
	if (isRecord(error) && typeof error.message === 'string') return error.message;
	if (typeof error === 'string') return error;
	if (isRecord(response) && isRecord(response.errors)) {
		return Object.entries(response.errors)
			.map(
				([field, texts]) => `${field}: ${Array.isArray(texts) ? texts.join(' ') : String(texts)}`,
			)
			.join('; ');
	}
	if (isRecord(response) && typeof response.title === 'string') return response.title;
	if (typeof message === 'string' && message) return message;
	return undefined;
}

// axios reports an answer that broke off mid-body as ERR_BAD_RESPONSE (“stream has been aborted”);
// n8n 2.x wraps that in a NodeApiError whose httpCode is the status line that did arrive (200).
const CUT_OFF_CODES = new Set(['ERR_BAD_RESPONSE', 'ERR_STREAM_PREMATURE_CLOSE']);
const CUT_OFF_MESSAGE = /stream has been aborted|premature close/i;
// n8n 2.x no longer passes on the token endpoint's EAUTH when a refresh fails; it says this instead.
const REFRESH_REFUSED_MESSAGE = /needs to be reconnected|could not be refreshed/i;

/** Whether any error in the cause chain matches. */
function inChain(error: unknown, test: (candidate: Record<string, unknown>) => boolean): boolean {
	const seen = new Set<unknown>();
	for (
		let current = error;
		(isRecord(current) || current instanceof Error) && !seen.has(current);

	) {
		seen.add(current);
		const candidate = current as unknown as Record<string, unknown>;
		if (test(candidate)) return true;
		current = candidate.cause;
	}
	return false;
}

/** Reads status, headers and body from whatever n8n's request helpers threw. */
export function failureOf(error: unknown): Failure {
	const failure = readFailure(error);
	const cutOff =
		(failure.code !== undefined && CUT_OFF_CODES.has(failure.code)) ||
		inChain(
			error,
			(candidate) =>
				(typeof candidate.code === 'string' && CUT_OFF_CODES.has(candidate.code)) ||
				(typeof candidate.message === 'string' && CUT_OFF_MESSAGE.test(candidate.message)),
		);
	if (cutOff && (failure.status === undefined || failure.status < 300)) {
		return { ...failure, status: undefined, code: 'TRUNCATED' };
	}
	if (
		failure.code === undefined &&
		inChain(
			error,
			(candidate) =>
				typeof candidate.message === 'string' && REFRESH_REFUSED_MESSAGE.test(candidate.message),
		)
	) {
		return { ...failure, code: 'EAUTH' };
	}
	return failure;
}

function readFailure(error: unknown): Failure {
	const seen = new Set<unknown>();
	let current: unknown = error;
	while (isRecord(current) || current instanceof Error) {
		if (seen.has(current)) break;
		seen.add(current);
		const candidate = current as unknown as Record<string, unknown>;
		const response = candidate.response;
		if (isRecord(response) && typeof response.status === 'number') {
			return {
				status: response.status,
				headers: lowerCaseHeaders(response.headers),
				body: response.data,
				serverMessage: serverMessageOf(response.data),
				code: typeof candidate.code === 'string' ? candidate.code : undefined,
			};
		}
		if (typeof candidate.code === 'string' && /^E[A-Z_]+$/.test(candidate.code)) {
			return { code: candidate.code, headers: {} };
		}
		// n8n's NodeApiError keeps only the status (or error code) and a JSON body of the response.
		const httpCode = candidate.httpCode;
		if (typeof httpCode === 'string' && /^E[A-Z_]+$/.test(httpCode))
			return { code: httpCode, headers: {} };
		const networkCode = Array.isArray(candidate.messages)
			? candidate.messages
					.map(
						(text) =>
							/\b(E(?:CONN[A-Z]+|NOTFOUND|AI_AGAIN|TIMEDOUT|PIPE|HOSTUNREACH|NETUNREACH))\b/.exec(
								String(text),
							)?.[1],
					)
					.find(Boolean)
			: undefined;
		if (networkCode && !httpCode) return { code: networkCode, headers: {} };
		if (typeof httpCode === 'string' && /^\d{3}$/.test(httpCode)) {
			const context = candidate.context;
			const body = isRecord(context) ? context.data : undefined;
			return { status: Number(httpCode), headers: {}, body, serverMessage: serverMessageOf(body) };
		}
		current = candidate.cause;
	}
	return {
		headers: {},
		reason: error instanceof Error && error.message ? error.message : undefined,
	};
}
