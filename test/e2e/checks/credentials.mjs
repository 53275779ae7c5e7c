// b. Credentials and n8n's own credential test over REST; c. OAuth2 through n8n's real authorization-code flow
// (the same steps through the editor's forms and the consent popup are in editor-credentials.mjs).
import { CRED_TYPES } from '../lib/config.mjs';
import { expectedAuthorization } from '../lib/emulator-view.mjs';
import { assert, check } from '../lib/report.mjs';

/** Creates one credential per type in n8n (ctx.credentials); returns whether the OAuth2 flow worked. */
export async function credentialChecks(ctx, secrets) {
	const { n8n } = ctx;
	const base = ctx.emu.base;
	const credData = {
		apiKey: { baseUrl: base, apiKey: secrets.apiKey },
		basicAuth: { baseUrl: base, email: secrets.adminEmail, password: secrets.adminPassword },
		personalAccessToken: { baseUrl: base, token: secrets.personalAccessToken },
		oAuth2: {
			baseUrl: base,
			clientId: secrets.oauthClient.clientId,
			clientSecret: secrets.oauthClient.clientSecret,
			grantType: 'authorizationCode',
		},
	};
	const wrongData = {
		apiKey: { ...credData.apiKey, apiKey: 'sk-wrong-key-0000' },
		basicAuth: { ...credData.basicAuth, password: 'wrong-password' },
		personalAccessToken: { ...credData.personalAccessToken, token: 'wrong-token-0000' },
	};
	for (const [auth, type] of Object.entries(CRED_TYPES)) {
		await check(`credential ${type} created in n8n`, async () => {
			const c = await n8n.rest('POST', '/credentials', {
				name: `E2E ${auth}`,
				type,
				data: credData[auth],
			});
			assert(c?.id, `no id in ${JSON.stringify(c).slice(0, 200)}`);
			ctx.credentials[auth] = { id: c.id, name: c.name };
		});
	}
	for (const auth of ['apiKey', 'basicAuth', 'personalAccessToken']) {
		const type = CRED_TYPES[auth];
		await check(`n8n credential test passes for ${type} with the right secret`, async () => {
			const mark = ctx.emu.mark();
			const { id, name } = ctx.credentials[auth] ?? {};
			assert(id, 'the credential was not created');
			const r = await n8n.rest('POST', '/credentials/test', {
				credentials: { id, name, type, data: credData[auth] },
			});
			assert(r?.status === 'OK', `n8n says ${JSON.stringify(r)}`);
			assert(
				ctx.emu
					.since(mark)
					.some((q) => expectedAuthorization(auth, secrets)(q.headers.authorization)),
				'the emulator saw no request with this credential',
			);
		});
		await check(`n8n credential test fails for ${type} with a wrong secret`, async () => {
			const { id, name } = ctx.credentials[auth] ?? {};
			assert(id, 'the credential was not created');
			const r = await n8n.rest('POST', '/credentials/test', {
				credentials: { id, name, type, data: wrongData[auth] },
			});
			assert(r?.status === 'Error', `expected status Error, n8n says ${JSON.stringify(r)}`);
		});
	}

	// c. OAuth2 through n8n's real authorization-code flow
	const oauthOk = await check(
		'OAuth2: n8n authorize URL → emulator consent → n8n callback stores tokens',
		async () => {
			const cred = ctx.credentials.oAuth2;
			assert(cred, 'no OAuth2 credential');
			const authUrl = await n8n.rest(
				'GET',
				`/oauth2-credential/auth?id=${encodeURIComponent(cred.id)}`,
			);
			assert(
				typeof authUrl === 'string' && authUrl.startsWith(`${base}/oauth2/authorize`),
				`authorize URL not on the emulator: ${authUrl}`,
			);
			const u = new URL(authUrl);
			assert(
				u.searchParams.get('client_id') === secrets.oauthClient.clientId,
				'authorize URL lacks the client_id',
			);
			assert(
				u.searchParams.get('redirect_uri') === `${n8n.base}/rest/oauth2-credential/callback`,
				`redirect_uri is ${u.searchParams.get('redirect_uri')}`,
			);
			const page = await fetch(authUrl, { redirect: 'manual' });
			assert(
				page.status === 200 && (await page.text()).includes('name="decision" value="allow"'),
				`emulator authorize -> ${page.status}, no consent page`,
			);
			// what the consent page's Allow button sends (the editor checks press the button itself)
			const consent = await fetch(authUrl, {
				method: 'POST',
				redirect: 'manual',
				body: new URLSearchParams({ decision: 'allow' }),
			});
			const back = consent.headers.get('location');
			assert(consent.status === 302 && back, `emulator authorize -> ${consent.status}`);
			const cb = new URL(back, base);
			assert(
				cb.origin === n8n.base &&
					cb.pathname === '/rest/oauth2-credential/callback' &&
					cb.searchParams.get('code'),
				`emulator redirected to ${back}`,
			);
			const mark = ctx.emu.mark();
			const r = await n8n.raw('GET', cb.pathname + cb.search);
			assert(r.status === 200, `n8n callback -> ${r.status} ${r.text.slice(0, 300)}`);
			assert(
				!/error/i.test(r.text) || /success/i.test(r.text),
				`n8n callback page reports an error: ${r.text.slice(0, 300)}`,
			);
			assert(
				ctx.emu.since(mark).some((q) => q.method === 'POST' && q.path === '/oauth2/token'),
				'n8n did not call the emulator token endpoint',
			);
			const stored = await n8n.rest('GET', `/credentials/${cred.id}?includeData=true`);
			assert(
				stored?.data?.oauthTokenData,
				`credential has no oauthTokenData: ${JSON.stringify(stored?.data ?? stored).slice(0, 200)}`,
			);
		},
	);
	return oauthOk;
}
