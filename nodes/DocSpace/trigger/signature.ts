import { createHmac, timingSafeEqual } from 'node:crypto';

/** The header DocSpace signs deliveries with: `sha256=<hex>`. */
export const SIGNATURE_HEADER = 'x-docspace-signature-256';
/** Not signed; repeats `event.id`. */
export const EVENT_ID_HEADER = 'x-docspace-event-id';

/** DocSpace's signature value: HMAC-SHA256 of the raw body bytes with the UTF-8 secret, upper-case hex. */
export function signatureOf(rawBody: Buffer | string, secret: string): string {
	return `sha256=${createHmac('sha256', Buffer.from(secret, 'utf8')).update(rawBody).digest('hex').toUpperCase()}`;
}

/**
 * Whether `header` is a valid signature of exactly these bytes. The hex is compared
 * case-insensitively (DocSpace sends upper case, some proxies and tools lower it) and in
 * constant time.
 */
export function verifySignature(
	rawBody: Buffer,
	header: unknown,
	secret: string | undefined,
): boolean {
	if (!secret || typeof header !== 'string') return false;
	const match = /^\s*sha256=([0-9a-fA-F]{64})\s*$/.exec(header);
	if (!match) return false;
	const expected = createHmac('sha256', Buffer.from(secret, 'utf8')).update(rawBody).digest();
	const received = Buffer.from(match[1], 'hex');
	return received.length === expected.length && timingSafeEqual(received, expected);
}
