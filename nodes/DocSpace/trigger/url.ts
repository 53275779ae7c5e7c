/**
 * Address checks for the webhook URL. DocSpace refuses webhook URLs on loopback, private and
 * link-local networks (its SSRF blacklist, config `webhooks:blacklist`), and it must reach the
 * URL itself: it probes it with HEAD before saving the subscription.
 */

function ipv4Octets(host: string): number[] | undefined {
	if (!/^\d{1,3}(\.\d{1,3}){3}$/.test(host)) return undefined;
	const octets = host.split('.').map(Number);
	return octets.every((o) => o <= 255) ? octets : undefined;
}

function ipv4Reason(octets: number[]): string | undefined {
	const [a, b] = octets;
	if (a === 127) return 'a loopback address';
	if (a === 0) return 'an unspecified address';
	if (a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168))
		return 'a private network address';
	if (a === 100 && b >= 64 && b <= 127) return 'a shared (carrier-grade NAT) address';
	if (a === 169 && b === 254) return 'a link-local address';
	return undefined;
}

/** The eight 16-bit groups of an IPv6 literal, or undefined. */
function ipv6Groups(host: string): number[] | undefined {
	if (!host.includes(':')) return undefined;
	let text = host.toLowerCase();
	const v4 = /(\d{1,3}(?:\.\d{1,3}){3})$/.exec(text);
	if (v4) {
		const octets = ipv4Octets(v4[1]);
		if (!octets) return undefined;
		text = `${text.slice(0, -v4[1].length)}${((octets[0] << 8) | octets[1]).toString(16)}:${((octets[2] << 8) | octets[3]).toString(16)}`;
	}
	const halves = text.split('::');
	if (halves.length > 2) return undefined;
	const parse = (part: string) => (part ? part.split(':') : []);
	const head = parse(halves[0]);
	const tail = halves.length === 2 ? parse(halves[1]) : [];
	const missing = 8 - head.length - tail.length;
	if (halves.length === 1 ? missing !== 0 : missing < 1) return undefined;
	const groups = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...tail];
	if (!groups.every((g) => /^[0-9a-f]{1,4}$/.test(g))) return undefined;
	return groups.map((g) => parseInt(g, 16));
}

function ipv6Reason(groups: number[]): string | undefined {
	const zeroPrefix = groups.slice(0, 5).every((g) => g === 0);
	if (zeroPrefix && groups[5] === 0xffff) {
		return ipv4Reason([groups[6] >> 8, groups[6] & 0xff, groups[7] >> 8, groups[7] & 0xff]);
	}
	if (zeroPrefix && groups[5] === 0 && groups[6] === 0 && groups[7] === 1)
		return 'a loopback address';
	if (groups.every((g) => g === 0)) return 'an unspecified address';
	if ((groups[0] & 0xfe00) === 0xfc00) return 'a private network address';
	if ((groups[0] & 0xffc0) === 0xfe80) return 'a link-local address';
	return undefined;
}

/** Why DocSpace would refuse a URL on this host, or undefined for a public host. */
export function nonPublicReason(url: string): string | undefined {
	let host: string;
	try {
		host = new URL(url).hostname.toLowerCase();
	} catch {
		return undefined;
	}
	host = host.replace(/^\[|\]$/g, '').replace(/\.$/, '');
	if (host === 'localhost' || host.endsWith('.localhost')) return 'a loopback address';
	const v4 = ipv4Octets(host);
	if (v4) return ipv4Reason(v4);
	const v6 = ipv6Groups(host);
	return v6 ? ipv6Reason(v6) : undefined;
}

/** The fix for a webhook URL that DocSpace cannot reach or refuses. */
export const PUBLIC_URL_FIX =
	'DocSpace only delivers to public URLs. Set n8n’s WEBHOOK_URL environment variable to the public address n8n is reachable at (e.g. https://n8n.example.com/), or expose n8n through a tunnel (e.g. cloudflared or ngrok) and set WEBHOOK_URL to the tunnel’s https address, then restart n8n and activate the workflow again.';
