import type { INode } from 'n8n-workflow';

import { normalizePortalUrl } from '../../nodes/DocSpace/transport/credentials';
import { scrub, toNodeApiError } from '../../nodes/DocSpace/transport/errors';
import { failureOf, serverMessageOf } from '../../nodes/DocSpace/transport/failure';
import { requiredScope } from '../../nodes/DocSpace/transport/scopes';

const context = { getNode: () => ({ name: 'DocSpace' }) as INode };

describe('normalizePortalUrl', () => {
	test.each([
		['https://portal.example.com', 'https://portal.example.com'],
		['https://portal.example.com///', 'https://portal.example.com'],
		[' https://portal.example.com/api/2.0/ ', 'https://portal.example.com'],
		['http://127.0.0.1:8090/API/2.0', 'http://127.0.0.1:8090'],
		['https://example.com/docspace/', 'https://example.com/docspace'],
	])('%j → %j', (raw, expected) => {
		expect(normalizePortalUrl(raw, context)).toBe(expected);
	});

	test.each([
		['portal.example.com', /no http:\/\/ or https:\/\/ scheme/],
		['', /has no Base URL/],
		['https://', /not a valid URL/],
	])('%j is refused with a fix', (raw, message) => {
		expect(() => normalizePortalUrl(raw, context)).toThrow(message);
	});
});

describe('requiredScope', () => {
	test.each([
		['GET', 'files/rooms', 'rooms:read'],
		['PUT', 'files/rooms/5/share', 'rooms:write'],
		['GET', 'files/file/3', 'files:read'],
		['POST', 'files/folder/3', 'files:write'],
		['GET', 'people/@self', 'accounts.self:read'],
		['PUT', 'people/type/User', 'accounts:write'],
		['GET', 'group/abc', 'accounts:read'],
		['POST', 'settings/webhook', '*:write'],
		['GET', '/api/2.0/authentication', '*:read'],
	])('%s %s needs %s', (method, path, scope) => {
		expect(requiredScope(method, path)).toBe(scope);
	});
});

describe('reading failures', () => {
	test('the error envelope, validation envelope and chunk uploader messages', () => {
		expect(serverMessageOf({ error: { message: 'Folder not found' }, status: 1 })).toBe(
			'Folder not found',
		);
		expect(
			serverMessageOf({ response: { errors: { count: ['must be 1..100'] } }, status: 1 }),
		).toBe('count: must be 1..100');
		expect(serverMessageOf({ success: false, message: 'session expired' })).toBe('session expired');
		expect(serverMessageOf('<html>')).toBeUndefined();
	});

	test('status, headers and body come from the response, never the request options', () => {
		const axiosLike = Object.assign(new Error('Request failed'), {
			config: { headers: { Authorization: 'Bearer sk-secret' } },
			response: { status: 429, headers: { 'Retry-After': '3' }, data: '' },
		});
		const wrapped = Object.assign(new Error('wrapper'), { cause: axiosLike });
		const failure = failureOf(wrapped);
		expect(failure).toEqual({
			status: 429,
			headers: { 'retry-after': '3' },
			body: '',
			serverMessage: undefined,
			code: undefined,
		});
		expect(JSON.stringify(failure)).not.toContain('sk-secret');
	});

	test('connection errors keep only their code', () => {
		expect(
			failureOf(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })),
		).toEqual({
			code: 'ECONNREFUSED',
			headers: {},
		});
	});

	test('scrub removes every secret occurrence', () => {
		expect(scrub('key sk-1 and sk-1 and pw', ['sk-1', 'pw'])).toBe('key *** and *** and ***');
	});
});

describe('an error of n8n itself, before DocSpace answered', () => {
	test('is not reported as an answer of the portal, and keeps its own words without secrets', () => {
		const failure = failureOf(new Error('No bridge acquired for this context (key sk-secret)'));
		const error = toNodeApiError(failure, {
			node: { name: 'DocSpace' } as INode,
			method: 'GET',
			path: '/api/2.0/files/rooms',
			portalUrl: 'https://portal.example.com',
			authentication: 'apiKey',
			secrets: ['sk-secret'],
			attempts: 1,
		});
		expect(error.message).toBe(
			'The request to DocSpace failed before the portal answered: No bridge acquired for this context (key ***)',
		);
		expect(error.description).toContain('GET /api/2.0/files/rooms');
		expect(JSON.stringify({ ...error, message: error.message })).not.toContain('sk-secret');
	});
});
