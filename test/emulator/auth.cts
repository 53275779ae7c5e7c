/**
 * Picks the authentication scheme exactly as DocSpace's `MultiAuthSchemes` policy does
 * and validates the credential against the state.
 *
 * - no Authorization header            → session token from cookie `asc_auth_key`
 * - `Basic base64(email:password)`     → Basic (full access)
 * - `Bearer <parseable JWT>`           → OAuth access token (no fall-through when invalid)
 * - `Bearer sk-...`                    → API key (scopes from its permissions)
 * - anything else                      → session token: cookie `asc_auth_key`, else the header
 *                                        value with a `Bearer ` prefix stripped
 */
import type { Principal } from './http.cjs';
import { decodeJwt, verifyJwt, type DecodedJwt } from './jwt.cjs';
import type { User } from './model.cjs';
import type { EmulatorState } from './state.cjs';

export interface AuthResult {
	/** Undefined when no credential was presented or it was invalid. */
	principal?: Principal;
	/** A Basic attempt: DocSpace's Basic handler always adds `WWW-Authenticate: Basic`. */
	basicAttempt: boolean;
}

export function authenticate(state: EmulatorState, headers: Record<string, string>): AuthResult {
	const header = headers.authorization;
	if (header === undefined || header.trim() === '')
		return { principal: sessionPrincipal(state, cookieToken(headers)), basicAttempt: false };
	if (/^basic /i.test(header))
		return { principal: basicPrincipal(state, header.slice(6).trim()), basicAttempt: true };
	if (/^bearer /i.test(header)) {
		const token = header.slice(7).trim();
		const jwt = decodeJwt(token);
		if (jwt) return { principal: oauthPrincipal(state, jwt), basicAttempt: false };
		if (token.startsWith('sk-'))
			return { principal: apiKeyPrincipal(state, token), basicAttempt: false };
		return {
			principal: sessionPrincipal(state, cookieToken(headers) ?? token),
			basicAttempt: false,
		};
	}
	return {
		principal: sessionPrincipal(state, cookieToken(headers) ?? header.trim()),
		basicAttempt: false,
	};
}

function active(user: User | undefined): User | undefined {
	return user && user.status === 1 ? user : undefined;
}

function cookieToken(headers: Record<string, string>): string | undefined {
	for (const pair of (headers.cookie ?? '').split(';')) {
		const eq = pair.indexOf('=');
		if (eq > 0 && pair.slice(0, eq).trim() === 'asc_auth_key')
			return decodeURIComponent(pair.slice(eq + 1).trim());
	}
	return undefined;
}

function sessionPrincipal(state: EmulatorState, token: string | undefined): Principal | undefined {
	if (!token) return undefined;
	const session = state.sessions.get(token);
	if (!session || (session.expiresAt && session.expiresAt <= state.now())) return undefined;
	const user = active(state.getUser(session.userId));
	return user && { user, scheme: 'session', scopes: null, sessionToken: token };
}

function basicPrincipal(state: EmulatorState, encoded: string): Principal | undefined {
	const text = Buffer.from(encoded, 'base64').toString('utf8');
	const colon = text.indexOf(':');
	if (colon < 0) return undefined;
	const user = active(state.findUserByEmail(text.slice(0, colon)));
	return user && user.password === text.slice(colon + 1)
		? { user, scheme: 'basic', scopes: null }
		: undefined;
}

function apiKeyPrincipal(state: EmulatorState, token: string): Principal | undefined {
	const apiKey = state.findApiKey(token);
	if (!apiKey || !apiKey.isActive || (apiKey.expiresAt && apiKey.expiresAt <= state.now()))
		return undefined;
	const user = active(state.getUser(apiKey.userId));
	if (!user) return undefined;
	apiKey.lastUsed = state.now();
	const full = apiKey.permissions.length === 0 || apiKey.permissions.includes('*');
	return { user, scheme: 'apiKey', scopes: full ? null : [...apiKey.permissions], apiKey };
}

function oauthPrincipal(state: EmulatorState, jwt: DecodedJwt): Principal | undefined {
	if (!verifyJwt(jwt, state.jwtSecret)) return undefined;
	const { sub, aud, exp, jti, scope, client_id: clientId } = jwt.payload;
	const audiences = Array.isArray(aud) ? aud : [aud];
	if (!audiences.includes(state.portalUrl)) return undefined;
	if (typeof exp !== 'number' || exp * 1000 <= state.now().getTime()) return undefined;
	const record = typeof jti === 'string' ? state.oauth.accessTokens.get(jti) : undefined;
	if (!record || record.revoked) return undefined;
	const user = active(typeof sub === 'string' ? state.getUser(sub) : undefined);
	if (!user) return undefined;
	const scopes = typeof scope === 'string' ? scope.split(' ').filter(Boolean) : [];
	return {
		user,
		scheme: 'oauth',
		scopes,
		oauthClientId: typeof clientId === 'string' ? clientId : undefined,
	};
}
