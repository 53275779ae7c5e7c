/**
 * The extension API for route modules: `defineRoute`, the context a handler receives, reply
 * helpers and small readers for query and body values. Route modules import only from here
 * (plus state/model/dto helpers). See README.md "Adding routes".
 */
import type { Emulator } from './index.cjs';
import type { ApiKey, User } from './model.cjs';
import { HttpError, validation } from './replies.cjs';
import type { EmulatorState } from './state.cjs';

export { defineRoute, type Handler, type RouteOptions } from './router.cjs';
export {
	type Reply,
	type Headers,
	ok,
	fail,
	validation,
	empty,
	raw,
	json,
	redirect,
	HttpError,
	notFound,
	forbidden,
	badRequest,
} from './replies.cjs';

/** Who made the request, and with what. */
export interface Principal {
	user: User;
	scheme: 'basic' | 'session' | 'apiKey' | 'oauth';
	/** null = full access (Basic, session token, API key without permissions or with `*`). */
	scopes: string[] | null;
	apiKey?: ApiKey;
	sessionToken?: string;
	oauthClientId?: string;
}

export interface UploadedFile {
	name: string;
	filename: string;
	contentType: string;
	size: number;
	content: Buffer;
}

/** `ctx.body` of a multipart/form-data request. */
export interface MultipartBody {
	fields: Record<string, string>;
	files: UploadedFile[];
}

export interface RouteContext {
	method: string;
	/** Pathname only. */
	path: string;
	/** Values of the template's `{params}`, URL-decoded. */
	params: Record<string, string>;
	/** Last value per query key, keys as sent. Prefer the query* helpers below (case-insensitive). */
	query: Record<string, string>;
	searchParams: URLSearchParams;
	/** Parsed JSON, urlencoded object, MultipartBody, raw string, or undefined when there was none. */
	body: unknown;
	rawBody: Buffer;
	/** Lowercase names. */
	headers: Record<string, string>;
	/** Undefined only on anonymous routes called without (valid) credentials. */
	principal?: Principal;
	state: EmulatorState;
	emulator: Emulator;
	/** e.g. `http://127.0.0.1:43123`, no trailing slash. */
	portalUrl: string;
	/** The full request URL (used for the envelope's `links`). */
	url: string;
}

/** The authenticated user; throws 401 on anonymous routes called without credentials. */
export function currentUser(ctx: RouteContext): User {
	if (!ctx.principal) throw new HttpError({ kind: 'raw', status: 401, headers: {} });
	return ctx.principal.user;
}

function queryValues(ctx: RouteContext, name: string): string[] {
	const wanted = name.toLowerCase();
	const out: string[] = [];
	for (const [key, value] of ctx.searchParams) {
		const k = key.toLowerCase();
		const base = k.endsWith(']') && k.includes('[') ? k.slice(0, k.indexOf('[')) : k;
		const index = k.slice(base.length);
		if (base === wanted && (index === '' || /^\[\d*\]$/.test(index))) out.push(value);
	}
	return out;
}

/** A query value by case-insensitive name (ASP.NET binding is case-insensitive); last one wins. */
export function queryParam(ctx: RouteContext, name: string): string | undefined {
	const values = queryValues(ctx, name);
	return values.length > 0 ? values[values.length - 1] : undefined;
}

/** All values of a list parameter: `a=1&a=2`, `a[]=1`, `a[0]=1` or `a=1,2`. */
export function queryList(ctx: RouteContext, name: string): string[] {
	return queryValues(ctx, name)
		.flatMap((v) => v.split(','))
		.map((v) => v.trim())
		.filter((v) => v.length > 0);
}

/** An integer query value; a non-number or a value outside [min, max] is a 400 validation reply. */
export function queryInt(
	ctx: RouteContext,
	name: string,
	options: { min?: number; max?: number; fallback: number },
): number;
export function queryInt(
	ctx: RouteContext,
	name: string,
	options?: { min?: number; max?: number },
): number | undefined;
export function queryInt(
	ctx: RouteContext,
	name: string,
	options: { min?: number; max?: number; fallback?: number } = {},
): number | undefined {
	const text = queryParam(ctx, name);
	if (text === undefined || text === '') return options.fallback;
	if (!/^-?\d+$/.test(text.trim())) {
		throw new HttpError(validation({ [name]: [`The value '${text}' is not valid for ${name}.`] }));
	}
	const value = Number(text);
	const min = options.min ?? -2147483648;
	const max = options.max ?? 2147483647;
	if (value < min || value > max) {
		throw new HttpError(
			validation({ [name]: [`The field ${name} must be between ${min} and ${max}.`] }),
		);
	}
	return value;
}

/** A boolean query value (`true`/`false`, any case); anything else is a 400 validation reply. */
export function queryBool(ctx: RouteContext, name: string): boolean | undefined {
	const text = queryParam(ctx, name);
	if (text === undefined || text === '') return undefined;
	const lower = text.toLowerCase();
	if (lower === 'true' || lower === 'false') return lower === 'true';
	throw new HttpError(validation({ [name]: [`The value '${text}' is not valid for ${name}.`] }));
}

/** A body property by case-insensitive name (System.Text.Json binding is case-insensitive). */
export function bodyField(body: unknown, name: string): unknown {
	if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
	const wanted = name.toLowerCase();
	for (const [key, value] of Object.entries(body)) if (key.toLowerCase() === wanted) return value;
	return undefined;
}

/**
 * An enum query value given as a number or a member name (ASP.NET accepts both, any case).
 * Unknown values are a 400 validation reply.
 */
export function queryEnum(
	ctx: RouteContext,
	name: string,
	members: Record<string, number>,
): number | undefined {
	const text = queryParam(ctx, name);
	if (text === undefined || text === '') return undefined;
	return parseEnum(name, text, members);
}

/** Every value of a list parameter parsed as an enum (see queryEnum, queryList). */
export function queryEnumList(
	ctx: RouteContext,
	name: string,
	members: Record<string, number>,
): number[] {
	return queryList(ctx, name).map((text) => parseEnum(name, text, members));
}

function parseEnum(name: string, text: string, members: Record<string, number>): number {
	const values = Object.values(members);
	if (/^-?\d+$/.test(text.trim()) && values.includes(Number(text))) return Number(text);
	const key = Object.keys(members).find((k) => k.toLowerCase() === text.trim().toLowerCase());
	if (key !== undefined) return members[key];
	throw new HttpError(validation({ [name]: [`The value '${text}' is not valid for ${name}.`] }));
}
