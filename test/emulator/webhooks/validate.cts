/**
 * DocSpace's checks on a webhook subscription (WebhooksController.CheckWebhook):
 * the secret against the portal password policy, the URL scheme, the SSRF blacklist, and a HEAD
 * probe that must answer 2xx.
 */
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';

import { badRequest } from '../http.cjs';
import { send } from './client.cjs';
import type { PasswordPolicy, WebhookSettings } from './hub.cjs';

/** UNVERIFIED wording: DocSpace's PasswordSettingsManager text for a password that fails the policy. */
export function checkSecret(secret: string, policy: PasswordPolicy): void {
	const problems: string[] = [];
	if (secret.length < policy.minLength || secret.length > policy.maxLength) {
		problems.push(`from ${policy.minLength} to ${policy.maxLength} characters`);
	}
	if (!/^[\x21-\x7e]*$/.test(secret))
		problems.push('only printable ASCII characters without spaces');
	if (policy.upperCase && !/[A-Z]/.test(secret)) problems.push('an uppercase letter');
	if (policy.digits && !/[0-9]/.test(secret)) problems.push('a digit');
	if (policy.specSymbols && !/[^A-Za-z0-9]/.test(secret)) problems.push('a special character');
	if (problems.length > 0) throw badRequest(`The password must contain ${problems.join(', ')}`);
}

function v4Blocked(address: string): boolean {
	const [a, b] = address.split('.').map(Number);
	return (
		a === 0 ||
		a === 10 ||
		a === 127 ||
		(a === 100 && b >= 64 && b <= 127) ||
		(a === 169 && b === 254) ||
		(a === 172 && b >= 16 && b <= 31) ||
		(a === 192 && b === 168)
	);
}

function v6Blocked(address: string): boolean {
	const lower = address.toLowerCase();
	const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(lower);
	if (mapped) return v4Blocked(mapped[1]);
	const hexMapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(lower);
	if (hexMapped) {
		const hi = parseInt(hexMapped[1], 16);
		const lo = parseInt(hexMapped[2], 16);
		return v4Blocked(`${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`);
	}
	if (lower === '::' || lower === '::1') return true;
	const first = parseInt(lower.split(':')[0] || '0', 16);
	return (first & 0xfe00) === 0xfc00 || (first & 0xffc0) === 0xfe80;
}

/** Whether DocSpace's default `webhooks:blacklist` (plus `localhost`) covers the URL's host. */
export async function isBlockedHost(hostname: string): Promise<boolean> {
	const host = hostname.replace(/^\[|\]$/g, '');
	if (host === 'localhost' || host.endsWith('.localhost')) return true;
	const kind = isIP(host);
	if (kind === 4) return v4Blocked(host);
	if (kind === 6) return v6Blocked(host);
	try {
		const addresses = await lookup(host, { all: true });
		return addresses.some((a) => (a.family === 4 ? v4Blocked(a.address) : v6Blocked(a.address)));
	} catch {
		return false; // unresolvable: the HEAD probe fails instead
	}
}

/** Scheme, blacklist and HEAD probe. */
export async function checkWebhookUrl(
	uri: string,
	ssl: boolean,
	settings: WebhookSettings,
): Promise<void> {
	let url: URL;
	try {
		url = new URL(uri);
	} catch {
		throw badRequest('The webhook URL must be an absolute http or https URL');
	}
	if (url.protocol !== 'http:' && url.protocol !== 'https:') {
		throw badRequest('The webhook URL must be an absolute http or https URL');
	}
	if (ssl && url.protocol !== 'https:')
		throw badRequest('SSL verification needs an https webhook URL');
	// DocSpace throws a bare ArgumentException for a blacklisted address.
	if (!settings.allowPrivateUrls && (await isBlockedHost(url.hostname))) {
		throw badRequest('Value does not fall within the expected range.');
	}
	let status = 0;
	try {
		status = (
			await send({
				method: 'HEAD',
				url: uri,
				verifyTls: ssl,
				timeoutMs: Math.min(settings.timeoutMs, 10_000),
			})
		).status;
	} catch {
		status = 0;
	}
	if (status < 200 || status > 299) throw badRequest('Webhook URL not available');
}
