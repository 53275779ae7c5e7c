import { createHmac } from 'node:crypto';

import { signatureOf, verifySignature } from '../../../nodes/DocSpace/trigger/signature';

const secret = 'S3cret!with-Special#chars';
const body = Buffer.from(
	'{"event":{"id":7,"trigger":"file.created"},"payload":{"title":"Ünïcode.docx"}}',
	'utf8',
);
const hex = createHmac('sha256', secret).update(body).digest('hex');

describe('webhook signature', () => {
	it('is DocSpace’s format: sha256= and upper-case hex of HMAC-SHA256 over the raw bytes', () => {
		expect(signatureOf(body, secret)).toBe(`sha256=${hex.toUpperCase()}`);
	});

	it('accepts upper- and lower-case hex', () => {
		expect(verifySignature(body, `sha256=${hex.toUpperCase()}`, secret)).toBe(true);
		expect(verifySignature(body, `sha256=${hex}`, secret)).toBe(true);
	});

	it('refuses a missing header, another secret, a changed body, a re-serialised body and malformed values', () => {
		expect(verifySignature(body, undefined, secret)).toBe(false);
		expect(verifySignature(body, `sha256=${hex}`, undefined)).toBe(false);
		expect(verifySignature(body, signatureOf(body, 'another-secret'), secret)).toBe(false);
		expect(
			verifySignature(Buffer.from(body.toString().replace('7', '8')), `sha256=${hex}`, secret),
		).toBe(false);
		const spaced = Buffer.from(JSON.stringify(JSON.parse(body.toString()), null, 1));
		expect(verifySignature(spaced, `sha256=${hex}`, secret)).toBe(false);
		expect(verifySignature(body, hex, secret)).toBe(false);
		expect(verifySignature(body, `sha256=${hex.slice(0, 62)}`, secret)).toBe(false);
		expect(verifySignature(body, `sha256=${hex}00`, secret)).toBe(false);
		expect(verifySignature(body, `sha1=${hex}`, secret)).toBe(false);
		expect(verifySignature(body, `sha256=${'z'.repeat(64)}`, secret)).toBe(false);
	});
});
