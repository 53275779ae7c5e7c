import type { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { scrub } from '../transport/errors';

/** The webhook secret as it may appear in an answer: raw, JSON-escaped, URL-encoded, base64, hex. */
function encodingsOf(secret: string): string[] {
	const bytes = Buffer.from(secret, 'utf8');
	const forms = [
		secret,
		JSON.stringify(secret).slice(1, -1),
		encodeURIComponent(secret),
		bytes.toString('base64'),
		bytes.toString('base64url'),
		bytes.toString('hex'),
		bytes.toString('hex').toUpperCase(),
	];
	// Longest first, so that no shorter form leaves part of a longer one behind.
	return [...new Set(forms)].sort((a, b) => b.length - a.length);
}

function clean(value: unknown, forms: string[], seen: Set<object>, depth: number): unknown {
	if (typeof value === 'string') return scrub(value, forms);
	if (typeof value !== 'object' || value === null || seen.has(value) || depth > 6) return value;
	seen.add(value);
	const record = value as Record<string, unknown>;
	// Own names, not keys: an Error's message, stack and cause are not enumerable (n8n 2.x keeps the
	// unexplained original as the cause).
	for (const key of Object.getOwnPropertyNames(record)) {
		const cleaned = clean(record[key], forms, seen, depth + 1);
		if (cleaned !== record[key]) record[key] = cleaned;
	}
	return value;
}

/**
 * The error without the webhook secret anywhere in it. DocSpace can echo the registration body
 * (which carries `secretKey`) in a 400 answer, and the transport only removes the credential's
 * own secrets.
 */
export function withoutSecret<E extends NodeApiError | NodeOperationError>(
	error: E,
	secret: string,
): E {
	const forms = encodingsOf(secret);
	const seen = new Set<object>();
	error.message = scrub(error.message, forms);
	if (typeof error.description === 'string') error.description = scrub(error.description, forms);
	if (error.stack) error.stack = scrub(error.stack, forms);
	clean(error, forms, seen, 0);
	return error;
}
