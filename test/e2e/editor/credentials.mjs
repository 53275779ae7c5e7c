// Editor checks: each of our credential types created through n8n's form as a person does. Save runs
// n8n's credential test; the form must show our advice for a wrong secret and success for the right
// one. OAuth2: the Redirect URL box, Connect, the consent page in the popup, the connected state,
// then a workflow that uses the credential.
import { cases } from '../cases.mjs';
import { CRED_TYPES } from '../lib/config.mjs';
import { assert } from '../lib/report.mjs';
import { assertRequestSeen, runCase } from '../lib/workflows.mjs';
import {
	chooseOption,
	closeDialog,
	DIALOG,
	fillParameter,
	openNewCredential,
	saveAndReadTest,
	textOf,
} from './forms.mjs';

/** What each secret-based form gets: the right values, a wrong secret, and words our advice for it must contain. */
function secretForms(base, secrets) {
	return [
		{
			auth: 'apiKey',
			right: { baseUrl: base, apiKey: secrets.apiKey },
			wrong: { apiKey: 'sk-wrong-key-0000' },
			advice: 'DocSpace did not accept this API key',
		},
		{
			auth: 'basicAuth',
			right: { baseUrl: base, email: secrets.adminEmail, password: secrets.adminPassword },
			wrong: { password: 'wrong-password' },
			advice: 'DocSpace did not accept this email and password',
		},
		{
			auth: 'personalAccessToken',
			right: { baseUrl: base, token: secrets.personalAccessToken },
			wrong: { token: 'wrong-token-0000' },
			advice: 'DocSpace did not accept this token',
		},
	];
}

const NOT_A_PORTAL = 'No DocSpace portal answers at this Base URL';
// nothing listens on port 9 of the loopback: the connection is refused
const CLOSED_PORT = 'http://127.0.0.1:9';
const UNREACHABLE = 'Check the Base URL';

/** Asserts a failed test whose message, as the form shows it, contains `advice`. */
function assertAdvice(result, advice, what) {
	assert(!result.ok, `${what}: the test passed ("${result.text}")`);
	assert(
		result.text.includes(advice),
		`${what}: the form shows "${result.text}", without "${advice}"`,
	);
	return `"${advice}…"`;
}

/** Runs `steps` with the credential form open; the form is closed afterwards even when a step fails. */
async function inForm(page, n8n, steps) {
	try {
		return await steps();
	} finally {
		await closeDialog(page).catch(async () => {
			await page.goto(new URL('home/credentials', `${n8n.base}/`).href);
			await page.waitFor(
				`[...document.querySelectorAll('button')].some((b) => b.offsetParent && b.innerText.trim() === 'Create credential')`,
				60000,
				'the credentials page',
			);
		});
	}
}

async function fillAll(page, values) {
	for (const [name, value] of Object.entries(values)) await fillParameter(page, name, value);
}

export async function credentialEditorChecks({
	ctx,
	page,
	popup,
	check,
	shot,
	credentialTypes,
	secrets,
}) {
	const { n8n } = ctx;
	const displayName = (auth) =>
		credentialTypes.find((t) => t.name === CRED_TYPES[auth])?.displayName ?? CRED_TYPES[auth];
	const opened = await check('editor: the credentials page opens', async () => {
		await page.goto(new URL('home/credentials', `${n8n.base}/`).href);
		await page.waitFor(
			`[...document.querySelectorAll('button')].some((b) => b.offsetParent && b.innerText.trim() === 'Create credential')`,
			60000,
			'the "Create credential" button',
		);
	});
	if (!opened) return;

	for (const form of secretForms(ctx.emu.base, secrets)) {
		const name = displayName(form.auth);
		await check(
			`editor: ${name} form: Save tests it; a wrong secret${form.auth === 'apiKey' ? ', a page that is no portal and a closed port' : ''} show our advice, the right one success`,
			async () => {
				const seen = [];
				return await inForm(page, n8n, async () => {
					await openNewCredential(page, name);
					if (form.auth === 'apiKey') {
						// n8n's own address: a web app, not a portal
						await fillAll(page, { ...form.right, baseUrl: n8n.base });
						seen.push(
							`not a portal → ${assertAdvice(await saveAndReadTest(page), NOT_A_PORTAL, `Base URL ${n8n.base} (not a portal)`)}`,
						);
						await fillAll(page, { ...form.right, baseUrl: CLOSED_PORT });
						const closed = await saveAndReadTest(page);
						await shot(page, '10-credential-apiKey-closed-port');
						seen.push(
							`closed port → ${assertAdvice(closed, UNREACHABLE, `Base URL ${CLOSED_PORT} (closed port)`)}`,
						);
					}
					await fillAll(page, { ...form.right, ...form.wrong });
					const wrong = await saveAndReadTest(page);
					await shot(page, `10-credential-${form.auth}-wrong-secret`);
					seen.push(`wrong → ${assertAdvice(wrong, form.advice, 'wrong secret')}`);
					const mark = ctx.emu.mark();
					await fillAll(page, form.right);
					const right = await saveAndReadTest(page);
					await shot(page, `11-credential-${form.auth}-tested`);
					assert(right.ok, `right secret: the form shows "${right.text}"`);
					assert(
						ctx.emu.since(mark).length > 0,
						'the emulator saw no request from the credential test',
					);
					seen.push(`right → "${right.text.replace(/ Retry$/, '')}"`);
					return seen.join('; ');
				});
			},
		);
	}

	const oauthForms = [
		{
			label: 'confidential client',
			values: {
				clientId: secrets.oauthClient.clientId,
				clientSecret: secrets.oauthClient.clientSecret,
			},
		},
		{
			label: 'PKCE',
			grantType: 'PKCE (Public Client, No Secret)',
			values: { clientId: secrets.oauthPublicClient.clientId },
		},
	];
	for (const form of oauthForms) {
		const name = displayName('oAuth2');
		const slug = form.grantType ? 'pkce' : 'code';
		await check(
			`editor: ${name} (${form.label}): Redirect URL shown, Connect → consent popup → connected; a workflow with it runs`,
			async () => {
				const { redirectBox, credentialName } = await inForm(page, n8n, async () => {
					await openNewCredential(page, name);
					const callback = `${n8n.base}/rest/oauth2-credential/callback`;
					const redirectBox = await textOf(page, `${DIALOG} [data-test-id="copy-input"]`);
					assert(
						redirectBox === callback,
						`the OAuth Redirect URL box shows "${redirectBox}", expected ${callback}`,
					);
					if (form.grantType) {
						await chooseOption(page, 'grantType', form.grantType);
						const secretShown = await page.eval(
							`!!document.querySelector('${DIALOG} [data-test-id="parameter-input-clientSecret"]')?.offsetParent`,
						);
						assert(!secretShown, 'the Client Secret field is still shown for PKCE');
					}
					await fillAll(page, { ...form.values, baseUrl: ctx.emu.base });
					await shot(page, `12-credential-oauth2-${slug}-form`);
					const connect = `[...document.querySelectorAll('${DIALOG} button')].find((b) => b.offsetParent && /^(Connect|Connect my account)$/.test(b.innerText.trim()))`;
					await page.waitFor(
						`!!${connect} && !${connect}.disabled`,
						10000,
						'an enabled Connect button',
					);
					const mark = ctx.emu.mark();
					await page.clickOn(connect);
					const consent = await popup('/oauth2/authorize');
					try {
						await consent.waitFor(
							`!!document.querySelector('#allow')`,
							15000,
							'the Allow button on the consent page',
						);
						await shot(consent, `13-oauth2-${slug}-consent-page`);
						await consent.click('#allow');
					} finally {
						consent.close();
					}
					await page
						.waitFor(
							`document.querySelector('${DIALOG}')?.innerText.includes('Account connected')`,
							30000,
							'"Account connected" in the form',
						)
						.catch(async (err) => {
							await shot(page, `14-credential-oauth2-${slug}-FAILED`);
							throw err;
						});
					await shot(page, `14-credential-oauth2-${slug}-connected`);
					const token = ctx.emu
						.since(mark)
						.filter((r) => r.method === 'POST' && r.path === '/oauth2/token');
					assert(
						token.some((r) => r.status === 200),
						`n8n got no token from the emulator (${token.map((r) => r.status).join(', ') || 'no token request'})`,
					);
					const credentialName = (
						await page.eval(
							`document.querySelector('[data-test-id="credential-name"]')?.innerText ?? ''`,
						)
					).trim();
					return { redirectBox, credentialName };
				});

				// then a workflow with it (created over the public API: the editor step under test is the connection)
				const stored = (await n8n.rest('GET', '/credentials')).filter(
					(c) => c.type === CRED_TYPES.oAuth2 && c.name === credentialName,
				);
				assert(stored.length === 1, `no single saved credential named "${credentialName}"`);
				const before = ctx.credentials.oAuth2;
				ctx.credentials.oAuth2 = stored[0];
				const { items, requests } = await runCase(ctx, cases[0], 'oAuth2').finally(() => {
					ctx.credentials.oAuth2 = before;
				});
				assertRequestSeen(requests, cases[0].request(ctx.seed), 'oAuth2', secrets);
				cases[0].check(items, ctx.seed);
				return `redirect URL ${redirectBox}; "${credentialName}" connected; workflow returned ${items.length} item(s)`;
			},
		);
	}
}
