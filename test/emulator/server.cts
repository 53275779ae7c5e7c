/**
 * The HTTP pipeline: record → faults before → route → authenticate → scopes → handler → faults after → write.
 */
import {
	createServer,
	type IncomingHttpHeaders,
	type IncomingMessage,
	type Server,
	type ServerResponse,
} from 'node:http';
import { randomUUID } from 'node:crypto';
import { pipeline } from 'node:stream';
import { authenticate } from './auth.cjs';
import { logNodeCall } from './call-log.cjs';
import { parseBody, readRawBody, type ParsedBody } from './body.cjs';
import type { FaultList, FaultRule } from './faults.cjs';
import type { Principal, RouteContext } from './http.cjs';
import {
	empty,
	fail,
	HttpError,
	raw,
	validation,
	type Headers,
	type RawBody,
	type Reply,
} from './replies.cjs';
import { matchRoute } from './router.cjs';
import { scopeAllows } from './scopes.cjs';
import type { EmulatorState } from './state.cjs';
import { StoredContent } from './stored-content.cjs';
import type { Emulator, RecordedRequest } from './types.cjs';
import { wanDelayMs } from './wan.cjs';

export interface ServerDeps {
	state: EmulatorState;
	faults: FaultList;
	requests: RecordedRequest[];
	/** The Emulator object (set once the server listens), handed to handlers as `ctx.emulator`. */
	emulator: () => Emulator;
}

const HTML_PAGE = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>ONLYOFFICE DocSpace emulator</title></head>
<body><h1>ONLYOFFICE DocSpace emulator</h1>
<p>This is a local DocSpace emulator for tests, not a real portal. Its REST API is under <code>/api/2.0/</code>.</p>
</body></html>
`;

export function createEmulatorServer(deps: ServerDeps): Server {
	return createServer((req, res) => {
		handle(deps, req, res).catch(() => {
			if (!res.headersSent) {
				res.statusCode = 500;
				res.end();
			} else {
				res.destroy();
			}
		});
	});
}

function flattenHeaders(headers: IncomingHttpHeaders): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [name, value] of Object.entries(headers)) {
		if (value !== undefined)
			out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
	}
	return out;
}

function sleep(ms: number): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

async function handle(deps: ServerDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
	const method = (req.method ?? 'GET').toUpperCase();
	const url = new URL(req.url ?? '/', deps.state.portalUrl || 'http://127.0.0.1');
	const headers = flattenHeaders(req.headers);
	const rawBody = await readRawBody(req);
	const parsed = parseBody(rawBody, headers['content-type']);
	const record: RecordedRequest = {
		method,
		path: url.pathname,
		query: Object.fromEntries(url.searchParams),
		headers,
		body: parsed.recorded,
		rawBodyLength: rawBody.length,
		status: 0,
	};
	deps.requests.push(record);
	logNodeCall(method, url.pathname, headers['user-agent'], url.searchParams);

	const fault = deps.faults.take(method, url.pathname);
	if (fault && (fault.status !== undefined || fault.reset || fault.truncate))
		record.fault = fault.after ? 'after' : 'before';
	if (fault?.delayMs) await sleep(fault.delayMs);
	const uplink = wanDelayMs(deps.state, rawBody.length, true);
	if (uplink > 0) await sleep(uplink);
	if (fault?.reset && !fault.after) {
		req.socket.destroy();
		return;
	}
	const href = `http://${headers.host ?? url.host}${url.pathname}${url.search}`;
	const replaced = fault?.status !== undefined && !fault.after;
	const reply = replaced
		? faultReply(fault, headers, rawBody)
		: await dispatch(deps, { method, url, headers, rawBody, parsed, href });
	record.status = reply.kind === 'validation' ? 400 : reply.status;
	if (!fault?.after) return await send(deps, res, render(reply, href, method));
	// The handler ran and its change is stored; only the answer is lost or replaced.
	if (fault.reset) {
		record.status = 0;
		req.socket.destroy();
		return;
	}
	if (fault.status !== undefined) {
		record.status = fault.status;
		return await send(deps, res, render(faultReply(fault, headers, rawBody), href, method));
	}
	const rendered = render(reply, href, method);
	if (fault.truncate) return await truncate(res, rendered, fault.truncate);
	await send(deps, res, rendered);
}

/** Writes an answer, after the time its body takes on the simulated wide-area link (if any). */
async function send(deps: ServerDeps, res: ServerResponse, rendered: Rendered): Promise<void> {
	const { body } = rendered;
	const downlink = wanDelayMs(
		deps.state,
		body instanceof StoredContent
			? body.size
			: typeof body === 'string' || Buffer.isBuffer(body)
				? body.length
				: 0,
		false,
	);
	if (downlink > 0) await sleep(downlink);
	await writeReply(res, rendered);
}

/** The answer of a fault rule; an echo repeats the request's headers and body as some proxies do. */
function faultReply(fault: FaultRule, headers: Record<string, string>, rawBody: Buffer): Reply {
	if (!fault.echo) return raw(fault.status ?? 502, fault.headers ?? {}, fault.body);
	const body = rawBody.toString('utf8');
	const echoed = JSON.stringify({
		error: { message: `Request rejected: ${JSON.stringify(headers)} ${body}` },
		request: { headers, body },
	});
	return raw(fault.status ?? 502, { 'content-type': 'application/json', ...fault.headers }, echoed);
}

/** Sends the headers and half the body of an answer (or its first `bytes`), then drops the connection. */
async function truncate(
	res: ServerResponse,
	rendered: Rendered,
	bytes: true | number,
): Promise<void> {
	const { body } = rendered;
	const stored = body instanceof StoredContent ? body : undefined;
	const buffer =
		typeof body === 'string' ? Buffer.from(body) : Buffer.isBuffer(body) ? body : Buffer.alloc(0);
	const length = stored ? stored.size : buffer.length;
	const sent = bytes === true ? Math.floor(length / 2) : Math.min(bytes, length);
	res.statusCode = rendered.status;
	for (const [name, value] of Object.entries(rendered.headers)) res.setHeader(name, value);
	res.setHeader('content-length', String(length));
	if (!stored || sent === 0) {
		res.write(buffer.subarray(0, sent), () => res.destroy());
		return;
	}
	// The last piece goes with a callback: destroying before it is flushed would drop it.
	let held: Buffer | undefined;
	for await (const chunk of stored.stream(sent)) {
		if (held && !res.write(held)) await drainedOrClosed(res);
		if (res.destroyed) return;
		held = chunk as Buffer;
	}
	if (held) res.write(held, () => res.destroy());
}

function drainedOrClosed(res: ServerResponse): Promise<void> {
	return new Promise((resolve) => {
		const done = () => {
			res.off('drain', done);
			res.off('close', done);
			resolve();
		};
		res.on('drain', done);
		res.on('close', done);
	});
}

interface Incoming {
	method: string;
	url: URL;
	headers: Record<string, string>;
	rawBody: Buffer;
	parsed: ParsedBody;
	href: string;
}

function withHeaders(reply: Reply, extra: Headers): Reply {
	return Object.keys(extra).length === 0
		? reply
		: { ...reply, headers: { ...extra, ...reply.headers } };
}

async function dispatch(deps: ServerDeps, req: Incoming): Promise<Reply> {
	const path = req.url.pathname;
	const isApi = /^\/api\//i.test(path);
	const { match, methodMismatch } = matchRoute(req.method, path);
	if (!match) {
		if (methodMismatch) return empty(405);
		return isApi
			? fail(404, `The requested resource was not found: ${req.method} ${path}`)
			: raw(200, { 'content-type': 'text/html; charset=utf-8' }, HTML_PAGE);
	}
	const { options } = match.route;
	let principal: Principal | undefined;
	const extra: Headers = {};
	if (!options.bypassAuth) {
		const auth = authenticate(deps.state, req.headers);
		if (auth.basicAttempt) extra['www-authenticate'] = 'Basic';
		principal = auth.principal;
		if (!principal && !options.anonymous) return empty(401, extra);
		// [AllowAnonymous] skips authorization, but DocSpace's ApiKeyScopesFilter still checks API keys.
		if (
			principal &&
			(!options.anonymous || principal.scheme === 'apiKey') &&
			!scopeAllows(principal.scopes, req.method, path)
		) {
			return empty(403, extra);
		}
	}
	if (req.parsed.error && isApi) return withHeaders(validation({ $: [req.parsed.error] }), extra);

	const ctx: RouteContext = {
		method: req.method,
		path,
		params: match.params,
		query: Object.fromEntries(req.url.searchParams),
		searchParams: req.url.searchParams,
		body: req.parsed.value,
		rawBody: req.rawBody,
		headers: req.headers,
		principal,
		state: deps.state,
		emulator: deps.emulator(),
		portalUrl: deps.state.portalUrl,
		url: req.href,
	};
	try {
		return withHeaders(await match.route.handler(ctx), extra);
	} catch (e) {
		if (e instanceof HttpError) return withHeaders(e.reply, extra);
		return withHeaders(
			fail(500, e instanceof Error ? e.message : String(e), 'System.Exception'),
			extra,
		);
	}
}

/** DocSpace omits null properties (WhenWritingNull); the envelope's own `response` stays. */
function toJson(envelope: Record<string, unknown>): string {
	return JSON.stringify(envelope, function (this: unknown, key: string, value: unknown) {
		return value === null && this !== envelope && !Array.isArray(this) ? undefined : value;
	});
}

const JSON_TYPE = 'application/json; charset=utf-8';

interface Rendered {
	status: number;
	headers: Headers;
	body: RawBody | undefined;
}

function render(reply: Reply, href: string, method: string): Rendered {
	const links = [{ href, action: method }];
	let status: number;
	let headers: Headers;
	let body: RawBody | undefined;
	switch (reply.kind) {
		case 'envelope': {
			const { payload } = reply;
			const count =
				reply.count ??
				(Array.isArray(payload)
					? payload.length
					: payload === null || payload === undefined
						? 0
						: 1);
			status = reply.status;
			headers = { 'content-type': JSON_TYPE, ...reply.headers };
			body = toJson({
				response: payload ?? null,
				count,
				total: reply.total,
				links,
				status: 0,
				statusCode: status,
			});
			break;
		}
		case 'error': {
			status = reply.status;
			headers = { 'content-type': JSON_TYPE, ...reply.headers };
			// AuthenticationException is written without stack details.
			const error =
				status === 401
					? { message: reply.message }
					: { message: reply.message, type: reply.type, stack: '', hresult: reply.hresult };
			body = toJson({ error, status: 1, statusCode: status });
			break;
		}
		case 'validation': {
			status = 400;
			headers = { 'content-type': JSON_TYPE, ...reply.headers };
			const problem = {
				type: 'https://tools.ietf.org/html/rfc9110#section-15.5.1',
				title: 'One or more validation errors occurred.',
				status: 400,
				errors: reply.errors,
				traceId: `00-${randomUUID().replace(/-/g, '')}-${randomUUID().replace(/-/g, '').slice(0, 16)}-00`,
			};
			body = toJson({ response: problem, count: 1, links, status: 1, statusCode: 400 });
			break;
		}
		default:
			status = reply.status;
			headers = reply.headers;
			body = reply.body;
	}
	return { status, headers, body };
}

function writeReply(res: ServerResponse, { status, headers, body }: Rendered): Promise<void> {
	res.statusCode = status;
	for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
	return new Promise((resolve) => {
		res.on('finish', () => resolve());
		res.on('close', () => resolve());
		if (typeof body === 'string' || Buffer.isBuffer(body) || body === undefined) {
			res.end(body);
		} else {
			// pipeline closes the file (or source stream) when the client goes away mid-transfer.
			pipeline(body instanceof StoredContent ? body.stream() : body, res, () => undefined);
		}
	});
}
