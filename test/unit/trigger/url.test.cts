import { nonPublicReason } from '../../../nodes/DocSpace/trigger/url';

describe('nonPublicReason', () => {
	it.each([
		['http://localhost:5678/webhook/x/webhook', 'a loopback address'],
		['http://n8n.localhost/webhook', 'a loopback address'],
		['http://127.0.0.1:5678/webhook', 'a loopback address'],
		['http://127.10.20.30/', 'a loopback address'],
		['http://10.0.0.5/', 'a private network address'],
		['http://172.16.0.1/', 'a private network address'],
		['http://172.31.255.255/', 'a private network address'],
		['http://192.168.1.10:5678/', 'a private network address'],
		['http://169.254.169.254/latest', 'a link-local address'],
		['http://100.64.0.1/', 'a shared (carrier-grade NAT) address'],
		['http://0.0.0.0:5678/', 'an unspecified address'],
		['http://[::1]:5678/', 'a loopback address'],
		['http://[::]/', 'an unspecified address'],
		['http://[fc00::1]/', 'a private network address'],
		['http://[fd12:3456::1]/', 'a private network address'],
		['http://[fe80::1]/', 'a link-local address'],
		['http://[::ffff:127.0.0.1]/', 'a loopback address'],
		['http://[::ffff:10.1.2.3]/', 'a private network address'],
	])('%s is %s', (url, reason) => {
		expect(nonPublicReason(url)).toBe(reason);
	});

	it.each([
		'https://n8n.example.com/webhook/x/webhook',
		'http://172.32.0.1/',
		'http://172.15.0.1/',
		'http://8.8.8.8/',
		'http://[2001:db8::1]/',
		'http://192.169.0.1/',
		'not a url',
	])('%s is public (or not a URL)', (url) => {
		expect(nonPublicReason(url)).toBeUndefined();
	});
});
