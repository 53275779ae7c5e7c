/**
 * Every method + path the nodes called during the test suite, and every query parameter they sent,
 * exists in DocSpace's official OpenAPI document. Runs after the other suites (npm run test:contract),
 * from the emulator's call log. The document's facts (methods, paths, parameter names) are vendored in
 * docspace-openapi.facts.json by scripts/extract-openapi-facts.mjs.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { CALL_LOG } from '../setup/call-log.cjs';

const FACTS = path.join(__dirname, 'docspace-openapi.facts.json');

/** Endpoints DocSpace serves but leaves out of its OpenAPI document. */
const UNDOCUMENTED = [
	{ method: 'POST', path: /^\/ChunkedUploader\.ashx$/ },
	{ method: 'GET', path: /^\/filehandler\.ashx$/ },
	{ method: 'PUT', path: /^\/api\/2\.0\/files\/[^/]+\/update$/ },
];

interface Operation {
	method: string;
	path: string;
	query: string[];
}

interface Call {
	method: string;
	path: string;
	query: string[];
}

function templateToRegex(template: string): RegExp {
	const pattern = template
		.split('/')
		.map((segment) =>
			/^\{[^}]+\}$/.test(segment) ? '[^/]+' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
		)
		.join('/');
	return new RegExp(`^${pattern}$`, 'i');
}

function readOperations(): Operation[] {
	if (!existsSync(FACTS)) {
		throw new Error(
			`${FACTS} is missing: run node scripts/extract-openapi-facts.mjs <openapi.json>`,
		);
	}
	return (JSON.parse(readFileSync(FACTS, 'utf8')) as { operations: Operation[] }).operations;
}

function readCalls(): Call[] {
	if (!existsSync(CALL_LOG)) return [];
	return (
		[...new Set(readFileSync(CALL_LOG, 'utf8').split('\n').filter(Boolean))]
			.map((line) => {
				const [method, callPath, names = ''] = line.split(' ');
				return {
					method,
					path: callPath.split('/').map(decodeURIComponent).join('/'),
					query: names.split(',').filter(Boolean),
				};
			})
			// Calls aimed at a deliberately wrong Base URL in error tests are not DocSpace calls.
			.filter((call) => call.path.startsWith('/api/2.0/') || /^\/\w+\.ashx$/.test(call.path))
	);
}

describe('calls made by the nodes exist in the DocSpace OpenAPI document', () => {
	const operations = readOperations().map((operation) => ({
		...operation,
		regex: templateToRegex(operation.path),
	}));
	const calls = readCalls();
	const matching = (call: { method: string; path: string }) =>
		operations.filter(
			(operation) => operation.method === call.method && operation.regex.test(call.path),
		);
	const undocumented = (call: Call) =>
		UNDOCUMENTED.some((allowed) => allowed.method === call.method && allowed.path.test(call.path));

	test('the vendored facts list holds the whole document', () => {
		expect(operations.length).toBeGreaterThan(500);
		expect(operations.every((operation) => Array.isArray(operation.query))).toBe(true);
	});

	test('the suite made calls to check (run it after the other tests: npm run test:contract)', () => {
		expect(calls.length).toBeGreaterThan(10);
	});

	test('each method + path is documented, or one of the known undocumented endpoints', () => {
		const unknown = calls.filter((call) => !undocumented(call) && !matching(call).length);
		expect(unknown).toEqual([]);
	});

	// DocSpace's ApiContext (common/ASC.Api.Core/Core/ApiContext.cs) reads startIndex and count of every
	// request, whether or not the operation lists them.
	const PAGING = ['startindex', 'count'];

	test('each query parameter sent is one the operation documents', () => {
		const unknown = calls
			.filter((call) => !undocumented(call))
			.flatMap((call) => {
				const documented = new Set([
					...PAGING,
					...matching(call).flatMap((operation) =>
						operation.query.map((name) => name.toLowerCase()),
					),
				]);
				// `type[0]=2&type[1]=5`: ASP.NET binds indexed names to the list parameter `type`.
				const listName = (name: string) => name.replace(/\[\d*\]$/, '').toLowerCase();
				return call.query
					.filter((name) => !documented.has(listName(name)))
					.map((name) => `${call.method} ${call.path} ?${name}`);
			});
		expect([...new Set(unknown)]).toEqual([]);
	});

	test('the matcher itself rejects what the document lacks', () => {
		const documented = (method: string, callPath: string) =>
			matching({ method, path: callPath }).length > 0;
		expect(documented('GET', '/api/2.0/files/file/12')).toBe(true);
		expect(documented('DELETE', '/api/2.0/files/file/12/nonsense')).toBe(false);
		expect(documented('PATCH', '/api/2.0/files/file/12')).toBe(false);
		const query = (method: string, callPath: string) =>
			matching({ method, path: callPath }).flatMap((operation) => operation.query);
		expect(query('GET', '/api/2.0/files/rooms')).toContain('filterValue');
		expect(query('GET', '/api/2.0/files/rooms')).not.toContain('nonsense');
	});
});
