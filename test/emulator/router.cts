/**
 * The route table. Route modules call `defineRoute` at import time (see routes/index.cts).
 * Templates are full paths; `{name}` matches exactly one path segment. Literal segments are
 * compared case-insensitively (ASP.NET routing is) and win over `{params}`, so
 * `/api/2.0/files/@my` beats `/api/2.0/files/{folderId}`.
 */
import type { RouteContext } from './http.cjs';
import type { Reply } from './replies.cjs';

export interface RouteOptions {
	/** Like `[AllowAnonymous]`: no 401 without credentials; valid credentials still set `principal`. */
	anonymous?: boolean;
	/** Served by a separate service (the OAuth server): no DocSpace authentication or scopes at all. */
	bypassAuth?: boolean;
}

export type Handler = (ctx: RouteContext) => Reply | Promise<Reply>;

export interface Route {
	method: string;
	template: string;
	segments: Array<{ literal: string } | { param: string }>;
	handler: Handler;
	options: RouteOptions;
}

const routes: Route[] = [];

function splitPath(path: string): string[] {
	return path.split('/').filter((s) => s.length > 0);
}

export function defineRoute(
	method: string,
	template: string,
	handler: Handler,
	options: RouteOptions = {},
): void {
	const upper = method.toUpperCase();
	const segments = splitPath(template).map((s) => {
		const m = /^\{(\w+)\}$/.exec(s);
		return m ? { param: m[1] } : { literal: s.toLowerCase() };
	});
	const key = segments.map((s) => ('literal' in s ? s.literal : '{}')).join('/');
	const clash = routes.find(
		(r) =>
			r.method === upper &&
			r.segments.map((s) => ('literal' in s ? s.literal : '{}')).join('/') === key,
	);
	if (clash) throw new Error(`route ${upper} ${template} is already defined as ${clash.template}`);
	routes.push({ method: upper, template, segments, handler, options });
}

export interface RouteMatch {
	route: Route;
	params: Record<string, string>;
}

function matchSegments(route: Route, parts: string[]): Record<string, string> | undefined {
	if (route.segments.length !== parts.length) return undefined;
	const params: Record<string, string> = {};
	for (let i = 0; i < parts.length; i++) {
		const seg = route.segments[i];
		if ('literal' in seg) {
			if (seg.literal !== parts[i].toLowerCase()) return undefined;
		} else {
			params[seg.param] = parts[i];
		}
	}
	return params;
}

/** Literal beats param at the first segment where two candidate routes differ. */
function moreSpecific(a: Route, b: Route): number {
	for (let i = 0; i < a.segments.length; i++) {
		const la = 'literal' in a.segments[i];
		const lb = 'literal' in b.segments[i];
		if (la !== lb) return la ? -1 : 1;
	}
	return 0;
}

function decode(segment: string): string {
	try {
		return decodeURIComponent(segment);
	} catch {
		return segment;
	}
}

/**
 * The best route for a request. `methodMismatch` is true when the path exists for another
 * method only (the server answers 405 then). HEAD falls back to GET.
 */
export function matchRoute(
	method: string,
	pathname: string,
): { match?: RouteMatch; methodMismatch: boolean } {
	const parts = splitPath(pathname).map(decode);
	const upper = method.toUpperCase();
	const candidates: RouteMatch[] = [];
	let methodMismatch = false;
	for (const route of routes) {
		const params = matchSegments(route, parts);
		if (!params) continue;
		if (route.method === upper || (upper === 'HEAD' && route.method === 'GET'))
			candidates.push({ route, params });
		else methodMismatch = true;
	}
	candidates.sort(
		(x, y) =>
			moreSpecific(x.route, y.route) ||
			Number(y.route.method === upper) - Number(x.route.method === upper),
	);
	return { match: candidates[0], methodMismatch: candidates.length === 0 && methodMismatch };
}

/** For diagnostics and tests: every defined route as `METHOD template`. */
export function listRoutes(): string[] {
	return routes.map((r) => `${r.method} ${r.template}`);
}
