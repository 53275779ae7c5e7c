import { secretForms } from '../../nodes/DocSpace/transport/credentials';
import { scrub, scrubDeep } from '../../nodes/DocSpace/transport/errors';
import { failureOf } from '../../nodes/DocSpace/transport/failure';
import {
	classify,
	isPortalRateLimit,
	retrySettings,
} from '../../nodes/DocSpace/transport/retryPolicy';

describe('classify', () => {
	test.each([
		[
			'DocSpace limiter (no body, rate-limit headers)',
			{ status: 429, headers: { 'x-ratelimit-remaining': '0', 'retry-after': '2' } },
			'retry',
		],
		[
			'DocSpace limiter without Retry-After',
			{ status: 429, headers: { 'x-ratelimit-reset': '1' }, body: '' },
			'retry',
		],
		[
			'a proxy 429 page',
			{ status: 429, headers: { 'retry-after': '1' }, body: '<html>Too Many Requests</html>' },
			'unknown',
		],
		['a 429 without any header', { status: 429, headers: {} }, 'unknown'],
		['503', { status: 503, headers: {} }, 'unknown'],
		['502', { status: 502, headers: {} }, 'unknown'],
		['504', { status: 504, headers: {} }, 'unknown'],
		['reset', { code: 'ECONNRESET', headers: {} }, 'unknown'],
		['cut-off answer', { code: 'TRUNCATED', headers: {} }, 'unknown'],
		['timeout', { code: 'ETIMEDOUT', headers: {} }, 'unknown'],
		['connection refused', { code: 'ECONNREFUSED', headers: {} }, 'final'],
		['500', { status: 500, headers: {} }, 'final'],
		['400', { status: 400, headers: {} }, 'final'],
		['401', { status: 401, headers: {} }, 'final'],
	])('%s → %s', (_name, failure, kind) => {
		expect(classify(failure, 1).kind).toBe(kind);
	});

	test('the portal may still be working after a timeout or a 504, not after a reset or a 503', () => {
		expect(classify({ code: 'ETIMEDOUT', headers: {} }, 1)).toMatchObject({ stillRunning: true });
		expect(classify({ status: 504, headers: {} }, 1)).toMatchObject({ stillRunning: true });
		expect(classify({ code: 'ECONNRESET', headers: {} }, 1)).toMatchObject({ stillRunning: false });
		expect(classify({ status: 503, headers: {} }, 1)).toMatchObject({ stillRunning: false });
	});

	test('a Retry-After beyond the limit is not waited for', () => {
		const limiter = {
			status: 429,
			headers: { 'retry-after': String(retrySettings.maxRetryAfterSeconds + 1) },
		};
		expect(isPortalRateLimit(limiter)).toBe(true);
		expect(classify(limiter, 1).kind).toBe('final');
		expect(classify({ status: 503, headers: { 'retry-after': '3600' } }, 1)).toMatchObject({
			kind: 'unknown',
			mustWait: true,
		});
		expect(classify({ status: 429, headers: { 'retry-after': '2' } }, 1)).toMatchObject({
			kind: 'retry',
			delayMs: expect.any(Number),
		});
		expect(
			(classify({ status: 429, headers: { 'retry-after': '2' } }, 1) as { delayMs: number })
				.delayMs,
		).toBeGreaterThanOrEqual(2000);
	});
});

describe('secrets in every form', () => {
	const secret = 'p@ss/w+rd "x"';
	test('raw, URL-encoded, form-encoded, JSON-escaped and base64 forms are scrubbed', () => {
		const forms = secretForms(secret);
		const text = [
			secret,
			encodeURIComponent(secret),
			encodeURIComponent(secret).replace(/%20/g, '+'),
			JSON.stringify(secret),
			Buffer.from(secret).toString('base64'),
		].join(' | ');
		const clean = scrub(text, forms);
		for (const form of forms) expect(clean).not.toContain(form);
		expect(clean.split('***').length - 1).toBeGreaterThanOrEqual(5);
	});

	test('scrubDeep reaches context, cause and nested bodies', () => {
		const cause = new Error(`upstream said ${secret}`);
		const error = Object.assign(new Error(`failed: ${secret}`), {
			description: `d ${secret}`,
			context: { data: { echo: [secret] } },
			cause,
		});
		scrubDeep(error, secretForms(secret));
		expect(
			JSON.stringify({
				m: error.message,
				d: error.description,
				c: error.context,
				cause: cause.message,
				stack: error.stack,
			}),
		).not.toContain(secret);
	});
});

test('an answer broken off mid-body reads as cut off, not as unreachable', () => {
	expect(
		failureOf({ httpCode: 'ERR_BAD_RESPONSE', messages: ['stream has been aborted'] }),
	).toMatchObject({ code: 'TRUNCATED' });
	expect(failureOf({ code: 'EAUTH', message: 'invalid_grant' })).toMatchObject({ code: 'EAUTH' });
});
