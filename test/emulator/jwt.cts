/**
 * Minimal HS256 JWT (RFC 7519) signing and verification with node:crypto.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export interface DecodedJwt {
	header: Record<string, unknown>;
	payload: Record<string, unknown>;
	signingInput: string;
	signature: Buffer;
}

function encodeJson(value: unknown): string {
	return Buffer.from(JSON.stringify(value)).toString('base64url');
}

function hmac(secret: Buffer, input: string): Buffer {
	return createHmac('sha256', secret).update(input).digest();
}

export function signJwt(payload: Record<string, unknown>, secret: Buffer): string {
	const signingInput = `${encodeJson({ alg: 'HS256', typ: 'JWT' })}.${encodeJson(payload)}`;
	return `${signingInput}.${hmac(secret, signingInput).toString('base64url')}`;
}

/** Parses without verifying; undefined when the text is not a JWT at all. */
export function decodeJwt(token: string): DecodedJwt | undefined {
	const parts = token.split('.');
	if (parts.length !== 3 || parts.some((p) => !/^[A-Za-z0-9_-]*$/.test(p)) || parts[0] === '')
		return undefined;
	try {
		const header: unknown = JSON.parse(Buffer.from(parts[0], 'base64url').toString('utf8'));
		const payload: unknown = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
		if (
			typeof header !== 'object' ||
			header === null ||
			typeof payload !== 'object' ||
			payload === null
		)
			return undefined;
		if (typeof (header as Record<string, unknown>).alg !== 'string') return undefined;
		return {
			header: header as Record<string, unknown>,
			payload: payload as Record<string, unknown>,
			signingInput: `${parts[0]}.${parts[1]}`,
			signature: Buffer.from(parts[2], 'base64url'),
		};
	} catch {
		return undefined;
	}
}

/** The payload when the token is an HS256 JWT signed with `secret`; expiry is not checked here. */
export function verifyJwt(decoded: DecodedJwt, secret: Buffer): boolean {
	if (decoded.header.alg !== 'HS256') return false;
	const expected = hmac(secret, decoded.signingInput);
	return (
		expected.length === decoded.signature.length && timingSafeEqual(expected, decoded.signature)
	);
}
