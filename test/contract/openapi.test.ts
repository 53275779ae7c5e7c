/**
 * Every method + path the nodes called during the test suite exists in DocSpace's official
 * OpenAPI document. Runs after the other suites (npm run test:contract), from the emulator's call log.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { CALL_LOG } from '../call-log';

const OPENAPI = path.resolve(__dirname, '../../../shared/docspace/openapi-3.7.0.json');

/** Endpoints DocSpace serves but leaves out of its OpenAPI document. */
const UNDOCUMENTED = [
	{ method: 'POST', path: /^\/ChunkedUploader\.ashx$/ },
	{ method: 'GET', path: /^\/filehandler\.ashx$/ },
	{ method: 'PUT', path: /^\/api\/2\.0\/files\/[^/]+\/update$/ },
];

interface Call {
	method: string;
	path: string;
}

function templateToRegex(template: string): RegExp {
	const pattern = template
		.split('/')
		.map((segment) => (/^\{[^}]+\}$/.test(segment) ? '[^/]+' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
		.join('/');
	return new RegExp(`^${pattern}$`, 'i');
}

const describeIfSpec = existsSync(OPENAPI) ? describe : describe.skip;
if (!existsSync(OPENAPI)) {
	console.log(`Contract test skipped: the OpenAPI document is not beside the checkout (${OPENAPI}).`);
}

describeIfSpec('calls made by the nodes exist in the DocSpace OpenAPI document', () => {
	const spec = existsSync(OPENAPI) ? (JSON.parse(readFileSync(OPENAPI, 'utf8')) as { paths: Record<string, Record<string, unknown>> }) : { paths: {} };
	const operations = Object.entries(spec.paths).flatMap(([template, methods]) =>
		Object.keys(methods).map((method) => ({ method: method.toUpperCase(), template, regex: templateToRegex(template) })),
	);
	const calls: Call[] = existsSync(CALL_LOG)
		? [...new Set(readFileSync(CALL_LOG, 'utf8').split('\n').filter(Boolean))]
				.map((line) => {
					const [method, callPath] = line.split(' ');
					return { method, path: callPath.split('/').map(decodeURIComponent).join('/') };
				})
				// Calls aimed at a deliberately wrong Base URL in error tests are not DocSpace calls.
				.filter((call) => call.path.startsWith('/api/2.0/') || /^\/\w+\.ashx$/.test(call.path))
		: [];

	test('the suite made calls to check (run it after the other tests: npm run test:contract)', () => {
		expect(calls.length).toBeGreaterThan(10);
	});

	test('each method + path is documented, or one of the known undocumented endpoints', () => {
		const unknown = calls.filter(
			(call) =>
				!UNDOCUMENTED.some((allowed) => allowed.method === call.method && allowed.path.test(call.path)) &&
				!operations.some((operation) => operation.method === call.method && operation.regex.test(call.path)),
		);
		expect(unknown).toEqual([]);
	});

	test('the matcher itself rejects what the document lacks', () => {
		const documented = (method: string, callPath: string) =>
			operations.some((operation) => operation.method === method && operation.regex.test(callPath));
		expect(documented('GET', '/api/2.0/files/file/12')).toBe(true);
		expect(documented('DELETE', '/api/2.0/files/file/12/nonsense')).toBe(false);
		expect(documented('PATCH', '/api/2.0/files/file/12')).toBe(false);
	});
});
