/*
 * When a failed call is repeated. One rule decides it for every request:
 *
 * - Refused before processing: DocSpace's own rate limiter (see isPortalRateLimit) and answers
 *   that prove nothing was sent. Repeated for any method, after Retry-After or a backoff.
 * - Outcome unknown: the request was sent but the answer is lost or is not the portal's (connection
 *   reset, timeout, 502/503/504, another 429, a cut-off body). Repeated only when the request is
 *   idempotent. A write whose outcome is unknown is never repeated blindly: its verifier looks for
 *   the effect; when the effect is found the call counts as done; when it is not found and the
 *   portal (or a proxy) had already answered, it is repeated; otherwise (a timeout or 504, where the
 *   portal may still be working) it is reported as "outcome unknown".
 * - Anything else (4xx, 500, DNS failure, connection refused) is final.
 */
import type { Failure } from './failure';

/** Tuning of the policy; tests shorten the delays. */
export const retrySettings = {
	maxAttempts: 5,
	baseDelayMs: 500,
	maxDelayMs: 8_000,
	/** A Retry-After longer than this is not waited for. */
	maxRetryAfterSeconds: 60,
};

export type Verdict =
	| { kind: 'retry'; delayMs: number }
	/** `stillRunning`: the portal may still be working on it; `mustWait`: it asked for a longer wait than the policy allows. */
	| { kind: 'unknown'; delayMs: number; stillRunning: boolean; mustWait?: boolean }
	| { kind: 'final' };

const LOST_ANSWER_CODES = new Set([
	'ECONNRESET',
	'ECONNABORTED',
	'EPIPE',
	'ERR_STREAM_PREMATURE_CLOSE',
	'TRUNCATED',
]);
const TIMEOUT_CODES = new Set(['ETIMEDOUT', 'ESOCKETTIMEDOUT']);

export function backoff(attempt: number): number {
	const ceiling = Math.min(
		retrySettings.maxDelayMs,
		retrySettings.baseDelayMs * 2 ** (attempt - 1),
	);
	return Math.round(ceiling / 2 + (Math.random() * ceiling) / 2);
}

/** Retry-After in milliseconds (seconds or an HTTP date); undefined when absent or unreadable. */
export function retryAfterMs(value: string | undefined): number | undefined {
	if (value === undefined) return undefined;
	const seconds = Number(value);
	if (value.trim() !== '' && Number.isFinite(seconds)) return Math.max(0, seconds) * 1000;
	const date = Date.parse(value);
	return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

function isEmptyBody(body: unknown): boolean {
	return (
		body === undefined ||
		body === null ||
		(typeof body === 'string' && body.trim() === '') ||
		(Buffer.isBuffer(body) && body.length === 0)
	);
}

/**
 * DocSpace's rate limiter (RedisRateLimiting's OnRejected, a middleware that runs before any
 * controller) answers 429 with no body and sets X-RateLimit-* or Retry-After headers. A 429
 * with a body, or without those headers, may come from something that forwarded the request.
 */
export function isPortalRateLimit(failure: Failure): boolean {
	if (failure.status !== 429 || !isEmptyBody(failure.body)) return false;
	return Object.keys(failure.headers).some(
		(name) => name === 'retry-after' || name.startsWith('x-ratelimit-'),
	);
}

/** Whether the portal asked to wait longer than the policy waits. */
export function waitTooLong(failure: Failure): number | undefined {
	const wait = retryAfterMs(failure.headers['retry-after']);
	return wait !== undefined && wait > retrySettings.maxRetryAfterSeconds * 1000
		? Math.ceil(wait / 1000)
		: undefined;
}

export function classify(failure: Failure, attempt: number): Verdict {
	const { status, code } = failure;
	if (isPortalRateLimit(failure)) {
		if (waitTooLong(failure) !== undefined) return { kind: 'final' };
		const wait = retryAfterMs(failure.headers['retry-after']);
		return {
			kind: 'retry',
			delayMs: wait === undefined ? backoff(attempt) : wait + Math.round(Math.random() * 250),
		};
	}
	if (status === 429 || status === 502 || status === 503 || status === 504) {
		const wait = retryAfterMs(failure.headers['retry-after']);
		const mustWait = waitTooLong(failure) !== undefined;
		return {
			kind: 'unknown',
			delayMs: wait !== undefined && !mustWait ? wait : backoff(attempt),
			stillRunning: status === 504,
			mustWait,
		};
	}
	if (status === undefined && code && LOST_ANSWER_CODES.has(code))
		return { kind: 'unknown', delayMs: backoff(attempt), stillRunning: false };
	if (status === undefined && code && TIMEOUT_CODES.has(code))
		return { kind: 'unknown', delayMs: backoff(attempt), stillRunning: true };
	return { kind: 'final' };
}
