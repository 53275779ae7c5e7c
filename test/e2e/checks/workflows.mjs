// d. The action node, per credential type: every case of cases.mjs as a workflow in n8n.
import { cases } from '../cases.mjs';
import { assert, check, skip } from '../lib/report.mjs';
import { assertRequestSeen, runCase } from '../lib/workflows.mjs';

export async function workflowChecks(ctx, secrets, oauthOk) {
	const auths = ['apiKey', 'basicAuth', 'personalAccessToken', ...(oauthOk ? ['oAuth2'] : [])];
	if (!oauthOk) skip('action-node workflows with OAuth2', 'the OAuth2 flow above failed');
	for (const c of cases) {
		for (const auth of auths) {
			await check(`workflow ${c.fixture} with ${auth}`, async () => {
				if (!ctx.credentials[auth]) throw new Error(`no ${auth} credential`);
				const { items, requests } = await runCase(ctx, c, auth);
				assertRequestSeen(requests, c.request(ctx.seed), auth, secrets);
				c.check(items, ctx.seed);
				return `${items.length} item(s)`;
			});
		}
	}
	if (oauthOk) {
		await check(
			'OAuth2: expired access token is refreshed by n8n and the workflow still runs',
			async () => {
				const emu = ctx.emu.emu;
				assert(
					typeof emu.oauth?.expireAccessTokens === 'function',
					'emulator has no oauth.expireAccessTokens()',
				);
				await emu.oauth.expireAccessTokens();
				const { items, requests } = await runCase(ctx, cases[0], 'oAuth2');
				const refresh = requests.filter((q) => q.method === 'POST' && q.path === '/oauth2/token');
				assert(refresh.length >= 1, 'n8n did not call /oauth2/token to refresh');
				assert(
					requests.some((q) => q.status === 401),
					'the old token was not rejected first (no 401 seen)',
				);
				const after = requests.filter((q) => q.path === cases[0].request(ctx.seed).path);
				assert(after.at(-1)?.status === 200, `the retried call ended with ${after.at(-1)?.status}`);
				cases[0].check(items, ctx.seed);
			},
		);
	}
}
