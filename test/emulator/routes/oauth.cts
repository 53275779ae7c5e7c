/**
 * OAuth 2.0 authorization server at the portal itself (self-hosted layout):
 * GET /oauth2/authorize (a consent page; its Allow button POSTs the same query back and is
 * answered with the redirect carrying the code), POST /oauth2/token (client_secret_post only; PKCE for
 * the public client), and the discovery documents.
 */
import {
	bodyField,
	defineRoute,
	json,
	queryParam,
	raw,
	redirect,
	type RouteContext,
	type Reply,
} from '../http.cjs';
import { OAUTH_SCOPES } from '../model.cjs';
import { createCode, issueTokens, s256 } from '../oauth.cjs';

const NO_STORE = { 'cache-control': 'no-store', pragma: 'no-cache' };

function oauthError(status: number, error: string, description: string): Reply {
	return json(status, { error, error_description: description }, NO_STORE);
}

function redirectWith(uri: string, params: Record<string, string | undefined>): Reply {
	const target = new URL(uri);
	for (const [k, v] of Object.entries(params)) if (v !== undefined) target.searchParams.set(k, v);
	return redirect(target.toString());
}

const escapeHtml = (text: string): string =>
	text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The authorize request's checks, shared by the consent page and its Allow/Deny answer. */
function authorizeRequest(
	ctx: RouteContext,
): { reply: Reply } | { approve: (allow: boolean) => Reply; page: () => Reply } {
	const client = ctx.state.oauth.clients.get(queryParam(ctx, 'client_id') ?? '');
	if (!client)
		return { reply: oauthError(400, 'invalid_request', 'OAuth 2.0 Parameter: client_id') };
	const redirectUri = queryParam(ctx, 'redirect_uri') ?? '';
	if (
		!/^https?:\/\//i.test(redirectUri) ||
		(client.redirectUris.length > 0 && !client.redirectUris.includes(redirectUri))
	) {
		return { reply: oauthError(400, 'invalid_request', 'OAuth 2.0 Parameter: redirect_uri') };
	}
	const state = queryParam(ctx, 'state');
	const fail = (error: string, description: string) => ({
		reply: redirectWith(redirectUri, { error, error_description: description, state }),
	});
	if (queryParam(ctx, 'response_type') !== 'code')
		return fail('unsupported_response_type', 'OAuth 2.0 Parameter: response_type');

	const requested = (queryParam(ctx, 'scope') ?? '').split(/[\s+]+/).filter(Boolean);
	if (requested.some((s) => s !== 'openid' && !client.scopes.includes(s)))
		return fail('invalid_scope', 'OAuth 2.0 Parameter: scope');
	const scopes = requested.length > 0 ? requested : [...client.scopes];

	const challenge = queryParam(ctx, 'code_challenge');
	const method = queryParam(ctx, 'code_challenge_method');
	if (challenge && method !== undefined && method !== 'S256')
		return fail('invalid_request', 'OAuth 2.0 Parameter: code_challenge_method');
	if (client.clientSecret === null && !challenge)
		return fail('invalid_request', 'OAuth 2.0 Parameter: code_challenge');

	// DocSpace asks the signed-in user; the emulator's "signed-in user" is this one.
	const userId = ctx.state.oauth.approveAsUserId ?? ctx.state.owner().id;
	const email = ctx.state.users.get(userId)?.email ?? userId;
	return {
		approve: (allow) => {
			if (!allow)
				return redirectWith(redirectUri, {
					error: 'access_denied',
					error_description: 'The user denied access',
					state,
				});
			const code = createCode(ctx.state, {
				client,
				userId,
				redirectUri,
				scopes,
				codeChallenge: challenge,
			});
			return redirectWith(redirectUri, { code: code.code, state });
		},
		page: () => {
			const action = `/oauth2/authorize?${ctx.searchParams.toString()}`;
			const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Authorize ${escapeHtml(client.name)}</title>
<style>body{font-family:sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem}li{margin:.2rem 0}button{font-size:1rem;padding:.5rem 1.2rem;margin-right:.5rem}</style></head>
<body><h1>${escapeHtml(client.name)} wants to access your DocSpace</h1>
<p>Signed in as <strong>${escapeHtml(email)}</strong> on ${escapeHtml(ctx.portalUrl)}.</p>
<p>The app asks for:</p><ul>${scopes.map((s) => `<li><code>${escapeHtml(s)}</code></li>`).join('')}</ul>
<form method="post" action="${escapeHtml(action)}">
<button type="submit" name="decision" value="allow" id="allow">Allow</button>
<button type="submit" name="decision" value="deny" id="deny">Deny</button>
</form></body></html>`;
			return raw(200, { 'content-type': 'text/html; charset=utf-8', ...NO_STORE }, html);
		},
	};
}

function consentPage(ctx: RouteContext): Reply {
	const request = authorizeRequest(ctx);
	return 'reply' in request ? request.reply : request.page();
}

function consentAnswer(ctx: RouteContext): Reply {
	const request = authorizeRequest(ctx);
	return 'reply' in request
		? request.reply
		: request.approve(bodyField(ctx.body, 'decision') === 'allow');
}

function token(ctx: RouteContext): Reply {
	if (
		!(ctx.headers['content-type'] ?? '')
			.toLowerCase()
			.startsWith('application/x-www-form-urlencoded')
	) {
		return oauthError(
			400,
			'invalid_request',
			'The token request must be application/x-www-form-urlencoded',
		);
	}
	const field = (name: string): string => {
		const v = bodyField(ctx.body, name);
		return typeof v === 'string' ? v : '';
	};
	// client_secret_post only: an Authorization header (client_secret_basic) is ignored.
	const client = ctx.state.oauth.clients.get(field('client_id'));
	if (!client) return oauthError(401, 'invalid_client', 'Client authentication failed: client_id');
	if (client.clientSecret !== null && field('client_secret') !== client.clientSecret) {
		return oauthError(401, 'invalid_client', 'Client authentication failed: client_secret');
	}
	const now = ctx.state.now();
	const grantType = field('grant_type');

	if (grantType === 'authorization_code') {
		const code = ctx.state.oauth.codes.get(field('code'));
		if (!code || code.used || code.expiresAt <= now || code.clientId !== client.clientId) {
			return oauthError(400, 'invalid_grant', 'OAuth 2.0 Parameter: code');
		}
		code.used = true;
		if (field('redirect_uri') !== code.redirectUri)
			return oauthError(400, 'invalid_grant', 'OAuth 2.0 Parameter: redirect_uri');
		if (code.codeChallenge !== undefined && s256(field('code_verifier')) !== code.codeChallenge) {
			return oauthError(400, 'invalid_grant', 'OAuth 2.0 Parameter: code_verifier');
		}
		return json(
			200,
			issueTokens(ctx.state, {
				clientId: client.clientId,
				userId: code.userId,
				scopes: code.scopes,
			}),
			NO_STORE,
		);
	}

	if (grantType === 'refresh_token') {
		const refresh = ctx.state.oauth.refreshTokens.get(field('refresh_token'));
		if (
			!refresh ||
			refresh.revoked ||
			refresh.expiresAt <= now ||
			refresh.clientId !== client.clientId
		) {
			return oauthError(400, 'invalid_grant', 'OAuth 2.0 Parameter: refresh_token');
		}
		const requested = field('scope').split(' ').filter(Boolean);
		if (requested.some((s) => !refresh.scopes.includes(s)))
			return oauthError(400, 'invalid_scope', 'OAuth 2.0 Parameter: scope');
		const scopes = requested.length > 0 ? requested : refresh.scopes;
		return json(
			200,
			issueTokens(
				ctx.state,
				{ clientId: client.clientId, userId: refresh.userId, scopes },
				refresh.id,
			),
			NO_STORE,
		);
	}

	return oauthError(400, 'unsupported_grant_type', 'OAuth 2.0 Parameter: grant_type');
}

function metadata(ctx: RouteContext): Reply {
	const base = ctx.portalUrl;
	return json(200, {
		issuer: base,
		authorization_endpoint: `${base}/oauth2/authorize`,
		token_endpoint: `${base}/oauth2/token`,
		token_endpoint_auth_methods_supported: ['client_secret_post'],
		grant_types_supported: ['authorization_code', 'refresh_token'],
		response_types_supported: ['code'],
		code_challenge_methods_supported: ['S256'],
		scopes_supported: [...OAUTH_SCOPES, 'openid'],
	});
}

const standalone = { anonymous: true, bypassAuth: true };
defineRoute('GET', '/oauth2/authorize', consentPage, standalone);
defineRoute('POST', '/oauth2/authorize', consentAnswer, standalone);
defineRoute('POST', '/oauth2/token', token, standalone);
defineRoute('GET', '/.well-known/oauth-authorization-server', metadata, standalone);
defineRoute('GET', '/.well-known/openid-configuration', metadata, standalone);
