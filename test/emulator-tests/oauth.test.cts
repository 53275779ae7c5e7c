import { createHash, randomBytes } from 'node:crypto';
import { emulator as emu, useEmulator } from './emulator.fixture.cjs';
import { call } from '../emulator/client.cjs';

useEmulator({ accessTokenTtlSeconds: 120 });

const redirectUri = 'http://localhost:5678/rest/oauth2-credential/callback';

/** GET /oauth2/authorize; when it shows the consent page, presses its button (Allow by default). */
async function authorize(params: Record<string, string>, decision: 'allow' | 'deny' = 'allow') {
	const query = new URLSearchParams({
		response_type: 'code',
		redirect_uri: redirectUri,
		state: 'xyz',
		...params,
	});
	const page = await call(emu.url, `/oauth2/authorize?${query}`, { redirect: 'manual' });
	if (page.status !== 200) return page;
	const html = page.text;
	expect(page.headers.get('content-type')).toMatch(/^text\/html/);
	const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1].replace(/&#38;/g, '&');
	expect(html).toContain(`value="${decision}"`);
	return await call(emu.url, action ?? '', {
		method: 'POST',
		redirect: 'manual',
		headers: { 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ decision }),
	});
}

async function codeFor(params: Record<string, string>): Promise<string> {
	const answer = await authorize(params);
	expect(answer.status).toBe(302);
	const location = new URL(answer.headers.get('location') ?? '');
	expect(`${location.origin}${location.pathname}`).toBe(redirectUri);
	expect(location.searchParams.get('state')).toBe('xyz');
	return location.searchParams.get('code') ?? '';
}

const token = (form: Record<string, string>) =>
	call(emu.url, '/oauth2/token', {
		method: 'POST',
		headers: { 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams(form),
	});

/** Redeems an authorization code at the token endpoint, with the client's own fields. */
const redeem = (code: string, client: Record<string, string>) =>
	token({ grant_type: 'authorization_code', code, redirect_uri: redirectUri, ...client });

const me = (accessToken: string) =>
	call(emu.url, '/api/2.0/people/@self', { headers: { authorization: `Bearer ${accessToken}` } });

describe('OAuth2 server', () => {
	it('runs the code flow with client_secret_post and issues a JWT for the portal', async () => {
		const { clientId, clientSecret } = emu.secrets.oauthClient;
		const code = await codeFor({ client_id: clientId });
		const answer = await redeem(code, { client_id: clientId, client_secret: clientSecret });
		expect(answer.status).toBe(200);
		expect(answer.json).toMatchObject({
			token_type: 'Bearer',
			expires_in: 120,
			refresh_token: expect.any(String),
		});
		expect(answer.json.scope.split(' ')).toHaveLength(8);
		const claims = JSON.parse(
			Buffer.from(answer.json.access_token.split('.')[1], 'base64url').toString(),
		);
		expect(claims).toMatchObject({
			sub: emu.state.seedIds.users.admin,
			aud: emu.url,
			client_id: clientId,
		});
		expect(claims.exp - claims.iat).toBe(120);
		expect((await me(answer.json.access_token)).status).toBe(200);

		// single use code
		const again = await redeem(code, { client_id: clientId, client_secret: clientSecret });
		expect([again.status, again.json.error]).toEqual([400, 'invalid_grant']);
	});

	it('asks the user on a consent page; Deny sends access_denied back', async () => {
		const { clientId } = emu.secrets.oauthClient;
		const query = new URLSearchParams({
			response_type: 'code',
			client_id: clientId,
			redirect_uri: redirectUri,
			state: 'xyz',
			scope: 'files:read rooms:read',
		});
		const codes = emu.state.oauth.codes.size;
		const page = await call(emu.url, `/oauth2/authorize?${query}`, { redirect: 'manual' });
		expect(page.status).toBe(200);
		expect(page.text).toContain('n8n (confidential)');
		expect(page.text).toContain('<code>files:read</code>');
		expect(page.text).toContain('<code>rooms:read</code>');
		expect(page.text).not.toContain('<code>files:write</code>');
		expect(emu.state.oauth.codes.size).toBe(codes); // nothing granted by showing the page
		const denied = await authorize({ client_id: clientId }, 'deny');
		const location = new URL(denied.headers.get('location') ?? '');
		expect([
			denied.status,
			location.searchParams.get('error'),
			location.searchParams.get('state'),
		]).toEqual([302, 'access_denied', 'xyz']);
		expect(location.searchParams.get('code')).toBeNull();
	});

	it('refuses bad clients and unknown ones', async () => {
		const { clientId } = emu.secrets.oauthClient;
		const code = await codeFor({ client_id: clientId });
		const wrong = await redeem(code, { client_id: clientId, client_secret: 'nope' });
		expect([wrong.status, wrong.json.error]).toEqual([401, 'invalid_client']);
		expect((await authorize({ client_id: 'unknown' })).status).toBe(400);
	});

	it('limits the token to the requested scopes', async () => {
		const { clientId, clientSecret } = emu.secrets.oauthClient;
		const code = await codeFor({ client_id: clientId, scope: 'files:read' });
		const answer = await redeem(code, { client_id: clientId, client_secret: clientSecret });
		expect(answer.json.scope).toBe('files:read');
		const headers = { authorization: `Bearer ${answer.json.access_token}` };
		expect((await me(answer.json.access_token)).status).toBe(403);
		expect((await call(emu.url, '/api/2.0/files/@my', { headers })).status).toBe(200);
		// [AllowAnonymous] skips authorization for OAuth tokens (only API keys are filtered)
		expect((await call(emu.url, '/api/2.0/authentication', { headers })).json.response).toBe(true);
	});

	it('checks PKCE for the public client', async () => {
		const { clientId } = emu.secrets.oauthPublicClient;
		expect((await authorize({ client_id: clientId })).headers.get('location')).toContain(
			'error=invalid_request',
		);
		const verifier = randomBytes(32).toString('base64url');
		const challenge = createHash('sha256').update(verifier).digest('base64url');
		const pkce = { client_id: clientId, code_challenge: challenge, code_challenge_method: 'S256' };
		const bad = await redeem(await codeFor(pkce), { client_id: clientId, code_verifier: 'x' });
		expect([bad.status, bad.json.error]).toEqual([400, 'invalid_grant']);
		const good = await redeem(await codeFor(pkce), {
			client_id: clientId,
			code_verifier: verifier,
		});
		expect(good.status).toBe(200);
		expect((await me(good.json.access_token)).status).toBe(200);
	});

	it('refreshes after expireAccessTokens() and after the TTL', async () => {
		const { clientId, clientSecret } = emu.secrets.oauthClient;
		const code = await codeFor({ client_id: clientId });
		const first = await redeem(code, { client_id: clientId, client_secret: clientSecret });
		emu.oauth.expireAccessTokens();
		const expired = await me(first.json.access_token);
		expect([expired.status, expired.text]).toEqual([401, '']);

		const refreshed = await token({
			grant_type: 'refresh_token',
			refresh_token: first.json.refresh_token,
			client_id: clientId,
			client_secret: clientSecret,
		});
		expect(refreshed.status).toBe(200);
		expect((await me(refreshed.json.access_token)).status).toBe(200);

		emu.state.advanceClock(121_000);
		expect((await me(refreshed.json.access_token)).status).toBe(401);
		emu.state.advanceClock(-121_000);

		const bad = await token({
			grant_type: 'refresh_token',
			refresh_token: 'nope',
			client_id: clientId,
			client_secret: clientSecret,
		});
		expect([bad.status, bad.json.error]).toEqual([400, 'invalid_grant']);
	});

	it('publishes the authorization server metadata', async () => {
		const meta = await call(emu.url, '/.well-known/oauth-authorization-server');
		expect(meta.json).toMatchObject({
			issuer: emu.url,
			authorization_endpoint: `${emu.url}/oauth2/authorize`,
			token_endpoint: `${emu.url}/oauth2/token`,
			token_endpoint_auth_methods_supported: ['client_secret_post'],
			code_challenge_methods_supported: ['S256'],
		});
	});
});
