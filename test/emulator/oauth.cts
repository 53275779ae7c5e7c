/**
 * The OAuth 2.0 authorization server's token logic (codes, access and refresh tokens).
 * HTTP endpoints are in routes/oauth.cts. Defaults as DocSpace's identity service:
 * code 60 s, access token 60 min (configurable), refresh token 30 days.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { signJwt } from './jwt.cjs';
import type { OAuthClient, OAuthCode } from './model.cjs';
import type { EmulatorState } from './state.cjs';

export const CODE_TTL_MS = 60_000;
export const REFRESH_TTL_MS = 30 * 86400_000;

export interface TokenResponse {
	access_token: string;
	token_type: 'Bearer';
	expires_in: number;
	refresh_token: string;
	scope: string;
}

/** base64url(SHA-256(verifier)), the S256 code challenge. */
export function s256(verifier: string): string {
	return createHash('sha256').update(verifier).digest('base64url');
}

export function createCode(
	state: EmulatorState,
	input: {
		client: OAuthClient;
		userId: string;
		redirectUri: string;
		scopes: string[];
		codeChallenge?: string;
	},
): OAuthCode {
	const code: OAuthCode = {
		code: randomBytes(24).toString('base64url'),
		clientId: input.client.clientId,
		userId: input.userId,
		redirectUri: input.redirectUri,
		scopes: input.scopes,
		expiresAt: new Date(state.now().getTime() + CODE_TTL_MS),
		codeChallenge: input.codeChallenge,
		used: false,
	};
	state.oauth.codes.set(code.code, code);
	return code;
}

/** A signed access token, plus a refresh token (a new one, or `refreshToken` when reused). */
export function issueTokens(
	state: EmulatorState,
	grant: { clientId: string; userId: string; scopes: string[] },
	refreshToken?: string,
): TokenResponse {
	const now = state.now();
	const ttl = state.accessTokenTtlSeconds;
	const jti = randomUUID();
	const iat = Math.floor(now.getTime() / 1000);
	state.oauth.accessTokens.set(jti, {
		id: jti,
		...grant,
		expiresAt: new Date(now.getTime() + ttl * 1000),
		revoked: false,
	});
	const accessToken = signJwt(
		{
			iss: state.portalUrl,
			sub: grant.userId,
			aud: state.portalUrl,
			scope: grant.scopes.join(' '),
			client_id: grant.clientId,
			iat,
			nbf: iat,
			exp: iat + ttl,
			jti,
		},
		state.jwtSecret,
	);
	let refresh = refreshToken;
	if (!refresh) {
		refresh = randomBytes(32).toString('base64url');
		state.oauth.refreshTokens.set(refresh, {
			id: refresh,
			...grant,
			expiresAt: new Date(now.getTime() + REFRESH_TTL_MS),
			revoked: false,
		});
	}
	return {
		access_token: accessToken,
		token_type: 'Bearer',
		expires_in: ttl,
		refresh_token: refresh,
		scope: grant.scopes.join(' '),
	};
}

/** Invalidates every access token issued so far (refresh tokens stay valid). */
export function expireAccessTokens(state: EmulatorState): void {
	for (const token of state.oauth.accessTokens.values()) token.revoked = true;
}
