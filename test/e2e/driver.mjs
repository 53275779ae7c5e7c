// End-to-end suite: real n8n (test/e2e/install.sh) with the packed package in its community-nodes
// folder, against the DocSpace emulator (started in this process). Run through test/e2e/run.sh
// (`npm run test:e2e`), which builds, packs, and enters a loopback-only network namespace.
// Prints one line per check and ends with "N passed, M failed".
import { execFileSync } from 'node:child_process';
import { createHmac, randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

import { cases, seedValues } from './cases.mjs';
import { editorChecks } from './editor.mjs';
import { exampleFiles, fillTemplate, loadWorkflow, manualToWebhook } from './lib/examples.mjs';
import { communityNodesDir, N8nClient, startN8n } from './lib/n8n.mjs';
import { onCleanup, sleep, stopAll, waitFor } from './lib/procs.mjs';

const HERE = import.meta.dirname;
const ROOT = resolve(HERE, '../..');
const E2E_DIR = process.env.E2E_DIR || join(ROOT, '.e2e');
const RUN_DIR = process.env.E2E_RUN_DIR || join(E2E_DIR, 'run');
const USER_FOLDER = join(RUN_DIR, 'home');
const SHOTS_DIR = join(E2E_DIR, `screenshots${process.env.E2E_N8N_FLAVOR ? `-${process.env.E2E_N8N_FLAVOR}` : ''}`); // E2E_N8N_FLAVOR=1x: screenshots-1x
const N8N_PORT = Number(process.env.E2E_N8N_PORT || 15678);
const EMU_PORT = Number(process.env.E2E_EMULATOR_PORT || 18090);

const PKG = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).name;
const NODE_TYPE = `${PKG}.docSpace`;
const TRIGGER_TYPE = `${PKG}.docSpaceTrigger`;
const CRED_TYPES = {
	apiKey: 'docSpaceApiKeyApi',
	basicAuth: 'docSpaceBasicAuthApi',
	oAuth2: 'docSpaceOAuth2Api',
	personalAccessToken: 'docSpacePersonalAccessTokenApi',
};
const OWNER = { email: 'e2e-owner@example.com', password: 'E2e-owner-Passw0rd!' };

// ---------------------------------------------------------------- reporting
let passed = 0;
let failed = 0;
const skipped = [];
const t0 = Date.now();

async function check(name, fn) {
	const t = Date.now();
	try {
		const note = await fn();
		passed++;
		console.log(`PASS ${name}${note ? ` — ${note}` : ''} (${Date.now() - t} ms)`);
		return true;
	} catch (err) {
		failed++;
		console.log(`FAIL ${name}: ${err.message}`);
		if (process.env.E2E_VERBOSE && err.stack) console.log(err.stack);
		return false;
	}
}

function skip(name, reason) {
	skipped.push(name);
	console.log(`SKIP ${name}: ${reason}`);
}

/** A step everything after it needs: on failure report it and end the run. */
async function setup(name, fn) {
	const t = Date.now();
	try {
		const r = await fn();
		console.log(`---- ${name} (${Date.now() - t} ms)`);
		return r;
	} catch (err) {
		failed++;
		console.log(`FAIL ${name}: ${err.message}`);
		return finish();
	}
}

async function finish() {
	await stopAll();
	console.log(`logs: ${RUN_DIR}; total ${((Date.now() - t0) / 1000).toFixed(1)} s`);
	if (skipped.length) console.log(`${skipped.length} skipped (see the SKIP lines): ${skipped.join('; ')}`);
	console.log(`${passed} passed, ${failed} failed`);
	process.exit(failed ? 1 : 0);
}

const assert = (cond, msg) => {
	if (!cond) throw new Error(msg);
};

// ---------------------------------------------------------------- emulator access
function normalizeRequest(r) {
	const url = new URL(r.url ?? r.path ?? '/', 'http://emulator');
	const headers = {};
	for (const [k, v] of Object.entries(r.headers ?? {})) headers[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
	return { method: String(r.method).toUpperCase(), path: url.pathname, query: r.query ?? Object.fromEntries(url.searchParams), headers, status: r.status ?? r.statusCode, body: r.body, raw: r };
}

function makeEmulatorView(emu, base) {
	const list = () => (typeof emu.requests === 'function' ? emu.requests() : emu.requests).map(normalizeRequest);
	const mark = () => list().length;
	const since = (m) => list().slice(m);
	/** DocSpace REST call with the emulator's API key; returns the envelope's `response`. */
	async function docspace(method, path, body, auth = `Bearer ${emu.secrets.apiKey}`) {
		const res = await fetch(`${base}${path}`, {
			method,
			headers: { authorization: auth, accept: 'application/json', ...(body ? { 'content-type': 'application/json' } : {}) },
			body: body ? JSON.stringify(body) : undefined,
		});
		const text = await res.text();
		if (!res.ok) throw new Error(`emulator ${method} ${path} -> ${res.status} ${text.slice(0, 200)}`);
		const json = text ? JSON.parse(text) : {};
		return json.response ?? json;
	}
	return { emu, base, list, mark, since, docspace };
}

function expectedAuthorization(method, secrets) {
	switch (method) {
		case 'apiKey':
			return (h) => h === `Bearer ${secrets.apiKey}`;
		case 'basicAuth': {
			const v = `Basic ${Buffer.from(`${secrets.adminEmail}:${secrets.adminPassword}`).toString('base64')}`;
			return (h) => h === v;
		}
		case 'personalAccessToken':
			return (h) => h === secrets.personalAccessToken;
		case 'oAuth2':
			return (h) => typeof h === 'string' && /^Bearer [\w-]+\.[\w-]+\.[\w-]+$/.test(h); // a JWT access token
	}
	throw new Error(`unknown authentication ${method}`);
}

// ---------------------------------------------------------------- workflows
/** Webhook (responds with all items of the last node) → the fixture's nodes in a chain. */
function buildWebhookWorkflow(fixture, { name, path, auth, credential, vars }) {
	const nodes = [
		{
			id: randomUUID(),
			name: 'Webhook',
			type: 'n8n-nodes-base.webhook',
			typeVersion: 2,
			position: [0, 0],
			webhookId: randomUUID(),
			parameters: { httpMethod: 'POST', path, responseMode: 'lastNode', responseData: 'allEntries', options: {} },
		},
	];
	for (const [i, n] of fixture.nodes.entries()) {
		const node = { id: randomUUID(), position: [240 * (i + 1), 0], ...fillTemplate(n, vars) };
		if (node.type === NODE_TYPE || node.type === TRIGGER_TYPE) {
			node.parameters = { authentication: auth, ...node.parameters };
			node.credentials = { [CRED_TYPES[auth]]: { id: credential.id, name: credential.name } };
		}
		nodes.push(node);
	}
	const connections = {};
	for (let i = 0; i < nodes.length - 1; i++) connections[nodes[i].name] = { main: [[{ node: nodes[i + 1].name, type: 'main', index: 0 }]] };
	return { name, nodes, connections, settings: { executionOrder: 'v1' } };
}

async function createAndActivate(n8n, workflow) {
	const wf = await n8n.api('POST', '/workflows', workflow);
	await n8n.api('POST', `/workflows/${wf.id}/activate`);
	return wf;
}

/** POST to a production webhook, waiting out n8n's asynchronous activation (404 until registered). */
async function callWebhook(base, path, body = {}) {
	let last;
	await waitFor(
		async () => {
			const res = await fetch(`${base}/webhook/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
			last = { status: res.status, text: await res.text() };
			return res.status !== 404;
		},
		{ timeoutMs: 20000, intervalMs: 250, message: `webhook /webhook/${path} to be registered` },
	);
	return last;
}

async function lastExecutionError(n8n, workflowId) {
	try {
		const r = await n8n.api('GET', `/executions?workflowId=${workflowId}&includeData=true&limit=1`);
		const e = r.data?.[0]?.data?.resultData?.error;
		return e ? `${e.message}${e.description ? ` (${e.description})` : ''}` : 'no error recorded';
	} catch (err) {
		return `could not read the execution: ${err.message}`;
	}
}

/** Run one fixture with one credential; returns { items, requests }. */
async function runCase(ctx, c, auth) {
	const fixture = JSON.parse(readFileSync(join(HERE, 'workflows', c.fixture), 'utf8'));
	const path = `e2e-${c.fixture.replace(/\.json$/, '')}-${auth}-${ctx.runs++}`.toLowerCase();
	const wf = buildWebhookWorkflow(fixture, { name: `${fixture.name} [${auth}]`, path, auth, credential: ctx.credentials[auth], vars: ctx.seed });
	const created = await createAndActivate(ctx.n8n, wf);
	const ours = wf.nodes.find((n) => n.type === NODE_TYPE);
	ctx.editorWorkflow ??= ours && { id: created.id, nodeId: ours.id, nodeName: ours.name };
	const mark = ctx.emu.mark();
	const res = await callWebhook(ctx.n8n.base, path);
	const requests = ctx.emu.since(mark);
	if (res.status !== 200) throw new Error(`workflow failed: HTTP ${res.status}: ${await lastExecutionError(ctx.n8n, created.id)}`);
	let items = JSON.parse(res.text);
	if (!Array.isArray(items)) items = [items];
	return { items, requests, workflowId: created.id };
}

function assertRequestSeen(requests, expected, auth, secrets) {
	const okAuth = expectedAuthorization(auth, secrets);
	const hits = requests.filter((r) => r.method === expected.method && r.path === expected.path);
	assert(hits.length, `emulator did not receive ${expected.method} ${expected.path}; got ${requests.map((r) => `${r.method} ${r.path}`).join(', ') || 'nothing'}`);
	assert(hits.some((r) => okAuth(r.headers.authorization)), `${expected.method} ${expected.path} arrived without the ${auth} Authorization header (saw ${JSON.stringify(hits.map((r) => (r.headers.authorization ?? '').slice(0, 12) + '…'))})`);
	return hits;
}

// ---------------------------------------------------------------- main
async function main() {
	console.log(`e2e: n8n ${process.env.E2E_N8N_VERSION ?? ''} + ${PKG}; ${process.env.E2E_IN_NS ? 'inside a loopback-only network namespace' : 'WITHOUT network isolation (unshare unavailable or E2E_SANDBOX=0)'}`);
	rmSync(RUN_DIR + '/home', { recursive: true, force: true });
	mkdirSync(RUN_DIR, { recursive: true });

	// 1. install the packed package the way n8n installs community packages
	await setup('package installed into the community-nodes folder', () => {
		const tgz = process.env.E2E_PACKAGE_TGZ;
		assert(tgz, 'E2E_PACKAGE_TGZ is not set (run through test/e2e/run.sh)');
		const dest = join(communityNodesDir(USER_FOLDER), PKG);
		mkdirSync(dest, { recursive: true });
		execFileSync('tar', ['-xzf', tgz, '-C', dest, '--strip-components=1']);
	});

	// 2. the emulator, in this process (so the suite can inspect and steer it)
	const ctx = { runs: 0, credentials: {} };
	ctx.emu = await setup(`DocSpace emulator on 127.0.0.1:${EMU_PORT}`, async () => {
		const mod = await import(pathToFileURL(join(ROOT, 'test/emulator/index.ts')).href);
		const emu = await mod.startEmulator({ port: EMU_PORT, host: '127.0.0.1', seed: 'default', allowPrivateWebhookUrls: true });
		onCleanup(() => (emu.close ?? emu.stop)?.call(emu));
		return makeEmulatorView(emu, `http://127.0.0.1:${EMU_PORT}`);
	});
	const secrets = ctx.emu.emu.secrets;
	ctx.seed = await setup('seed data looked up on the emulator', () => seedValues(ctx.emu.docspace));

	// 3. n8n
	const server = await setup(`n8n started on 127.0.0.1:${N8N_PORT}`, () =>
		startN8n({ userFolder: USER_FOLDER, port: N8N_PORT, brokerPort: N8N_PORT + 1, logFile: join(RUN_DIR, 'n8n.log') }),
	);
	console.log(`     n8n ready after ${(server.readyMs / 1000).toFixed(1)} s (log: ${join(RUN_DIR, 'n8n.log')})`);
	const n8n = (ctx.n8n = new N8nClient(server.base));
	await setup('owner account + public API key', async () => {
		await n8n.setupOwner(OWNER);
		await n8n.createApiKey();
	});

	// a. the package is loaded
	let nodeTypes = [];
	// the node types the packed package declares (dist/nodes/X/Name.node.js -> <pkg>.<name>)
	const declared = JSON.parse(readFileSync(join(communityNodesDir(USER_FOLDER), PKG, 'package.json'), 'utf8')).n8n?.nodes ?? [];
	const declares = (file) => declared.some((p) => p.endsWith(`/${file}.node.js`));
	await check('n8n loads the package: /types/nodes.json lists the DocSpace action node', async () => {
		const r = await n8n.raw('GET', '/types/nodes.json');
		assert(r.status === 200, `/types/nodes.json -> ${r.status}`);
		nodeTypes = r.json;
		const ours = nodeTypes.filter((t) => t.name.startsWith(`${PKG}.`));
		assert(ours.some((t) => t.name === NODE_TYPE), `missing ${NODE_TYPE} (n8n knows ${ours.map((t) => t.name).join(', ') || `nothing from ${PKG}`})`);
		return `${nodeTypes.length} node types, ours: ${ours.map((t) => t.name.slice(PKG.length + 1)).join(', ')}`;
	});
	if (!declares('DocSpaceTrigger')) skip('n8n loads the package: /types/nodes.json lists the DocSpace Trigger node', 'the package does not declare DocSpaceTrigger.node.js in package.json "n8n.nodes" yet');
	else {
		await check('n8n loads the package: /types/nodes.json lists the DocSpace Trigger node', async () => {
			assert(nodeTypes.some((t) => t.name === TRIGGER_TYPE), `missing ${TRIGGER_TYPE} although package.json declares it`);
		});
	}
	let credentialTypes = [];
	await check('n8n loads the package: /types/credentials.json lists the four credential types', async () => {
		const r = await n8n.raw('GET', '/types/credentials.json');
		assert(r.status === 200, `/types/credentials.json -> ${r.status}`);
		credentialTypes = r.json;
		const names = new Set(r.json.map((t) => t.name));
		const missing = Object.values(CRED_TYPES).filter((t) => !names.has(t));
		assert(!missing.length, `missing ${missing.join(', ')}`);
	});
	const hasTrigger = nodeTypes.some((t) => t.name === TRIGGER_TYPE);
	ctx.nodeDisplayName = (type) => nodeTypes.find((t) => t.name === type)?.displayName ?? type;

	// b. credentials + n8n's own credential test
	const base = ctx.emu.base;
	const credData = {
		apiKey: { baseUrl: base, apiKey: secrets.apiKey },
		basicAuth: { baseUrl: base, email: secrets.adminEmail, password: secrets.adminPassword },
		personalAccessToken: { baseUrl: base, token: secrets.personalAccessToken },
		oAuth2: { baseUrl: base, clientId: secrets.oauthClient.clientId, clientSecret: secrets.oauthClient.clientSecret, usePkce: false },
	};
	const wrongData = {
		apiKey: { ...credData.apiKey, apiKey: 'sk-wrong-key-0000' },
		basicAuth: { ...credData.basicAuth, password: 'wrong-password' },
		personalAccessToken: { ...credData.personalAccessToken, token: 'wrong-token-0000' },
	};
	for (const [auth, type] of Object.entries(CRED_TYPES)) {
		await check(`credential ${type} created in n8n`, async () => {
			const c = await n8n.rest('POST', '/credentials', { name: `E2E ${auth}`, type, data: credData[auth] });
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
			const r = await n8n.rest('POST', '/credentials/test', { credentials: { id, name, type, data: credData[auth] } });
			assert(r?.status === 'OK', `n8n says ${JSON.stringify(r)}`);
			assert(ctx.emu.since(mark).some((q) => expectedAuthorization(auth, secrets)(q.headers.authorization)), 'the emulator saw no request with this credential');
		});
		await check(`n8n credential test fails for ${type} with a wrong secret`, async () => {
			const { id, name } = ctx.credentials[auth] ?? {};
			assert(id, 'the credential was not created');
			const r = await n8n.rest('POST', '/credentials/test', { credentials: { id, name, type, data: wrongData[auth] } });
			assert(r?.status === 'Error', `expected status Error, n8n says ${JSON.stringify(r)}`);
		});
	}

	// c. OAuth2 through n8n's real authorization-code flow
	const oauthOk = await check('OAuth2: n8n authorize URL → emulator consent → n8n callback stores tokens', async () => {
		const cred = ctx.credentials.oAuth2;
		assert(cred, 'no OAuth2 credential');
		const authUrl = await n8n.rest('GET', `/oauth2-credential/auth?id=${encodeURIComponent(cred.id)}`);
		assert(typeof authUrl === 'string' && authUrl.startsWith(`${base}/oauth2/authorize`), `authorize URL not on the emulator: ${authUrl}`);
		const u = new URL(authUrl);
		assert(u.searchParams.get('client_id') === secrets.oauthClient.clientId, 'authorize URL lacks the client_id');
		assert(u.searchParams.get('redirect_uri') === `${n8n.base}/rest/oauth2-credential/callback`, `redirect_uri is ${u.searchParams.get('redirect_uri')}`);
		const consent = await fetch(authUrl, { redirect: 'manual' });
		const back = consent.headers.get('location');
		assert(consent.status === 302 && back, `emulator authorize -> ${consent.status}`);
		const cb = new URL(back, base);
		assert(cb.origin === n8n.base && cb.pathname === '/rest/oauth2-credential/callback' && cb.searchParams.get('code'), `emulator redirected to ${back}`);
		const mark = ctx.emu.mark();
		const r = await n8n.raw('GET', cb.pathname + cb.search);
		assert(r.status === 200, `n8n callback -> ${r.status} ${r.text.slice(0, 300)}`);
		assert(!/error/i.test(r.text) || /success/i.test(r.text), `n8n callback page reports an error: ${r.text.slice(0, 300)}`);
		assert(ctx.emu.since(mark).some((q) => q.method === 'POST' && q.path === '/oauth2/token'), 'n8n did not call the emulator token endpoint');
		const stored = await n8n.rest('GET', `/credentials/${cred.id}?includeData=true`);
		assert(stored?.data?.oauthTokenData, `credential has no oauthTokenData: ${JSON.stringify(stored?.data ?? stored).slice(0, 200)}`);
	});

	// d. the action node, per credential type
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
		await check('OAuth2: expired access token is refreshed by n8n and the workflow still runs', async () => {
			const emu = ctx.emu.emu;
			assert(typeof emu.oauth?.expireAccessTokens === 'function', 'emulator has no oauth.expireAccessTokens()');
			await emu.oauth.expireAccessTokens();
			const { items, requests } = await runCase(ctx, cases[0], 'oAuth2');
			const refresh = requests.filter((q) => q.method === 'POST' && q.path === '/oauth2/token');
			assert(refresh.length >= 1, 'n8n did not call /oauth2/token to refresh');
			assert(requests.some((q) => q.status === 401), 'the old token was not rejected first (no 401 seen)');
			const after = requests.filter((q) => q.path === cases[0].request(ctx.seed).path);
			assert(after.at(-1)?.status === 200, `the retried call ended with ${after.at(-1)?.status}`);
			cases[0].check(items, ctx.seed);
		});
	}

	// e. trigger
	const triggerReason = !hasTrigger
		? `${TRIGGER_TYPE} is not in the package yet`
		: process.env.E2E_TRIGGER === '0'
			? 'E2E_TRIGGER=0'
			: await ctx.emu
					.docspace('GET', '/api/2.0/settings/webhook')
					.then(() => null)
					.catch((err) => `the emulator does not serve webhooks yet (${err.message})`);
	if (triggerReason) skip('trigger lifecycle (subscribe, signed delivery, forged delivery, unsubscribe)', triggerReason);
	else await triggerChecks(ctx, secrets);

	// example workflows (the ones `npm start` imports) run as shipped, with the API-key credential
	await exampleChecks(ctx, secrets, triggerReason);

	// f. editor
	if (process.env.E2E_UI === '0') skip('editor checks in headless Chromium', 'E2E_UI=0');
	else {
		await editorChecks({
			ctx, n8n, check, skip, shotsDir: SHOTS_DIR, runDir: RUN_DIR, pkg: PKG,
			nodeType: NODE_TYPE, triggerType: TRIGGER_TYPE, declaresTrigger: declares('DocSpaceTrigger'),
			credTypes: CRED_TYPES, credentialTypes,
		});
	}

	await finish();
}

async function triggerChecks(ctx, secrets) {
	const { n8n, emu } = ctx;
	const fixture = JSON.parse(readFileSync(join(HERE, 'workflows', 'trigger-file-created.json'), 'utf8'));
	let wfId;
	let hookUrl;
	let subscription;
	const subscribed = await check('trigger: activation via the public API subscribes n8n\'s production URL on the emulator', async () => {
		const cred = ctx.credentials.apiKey;
		const trigger = fillTemplate(fixture.nodes[0], ctx.seed);
		const node = {
			id: randomUUID(),
			position: [0, 0],
			webhookId: randomUUID(),
			...trigger,
			parameters: { authentication: 'apiKey', ...trigger.parameters },
			credentials: { [CRED_TYPES.apiKey]: { id: cred.id, name: cred.name } },
		};
		hookUrl = `${n8n.base}/webhook/${node.webhookId}/webhook`;
		const wf = await createAndActivate(n8n, { name: fixture.name, nodes: [node], connections: {}, settings: { executionOrder: 'v1' } });
		wfId = wf.id;
		subscription = await waitFor(
			async () => (await emu.docspace('GET', '/api/2.0/settings/webhook')).map((h) => h.configs ?? h).find((h) => h.uri === hookUrl),
			{ timeoutMs: 30000, message: `a webhook subscription for ${hookUrl}` },
		);
		assert(emu.list().some((q) => q.method === 'POST' && q.path === '/api/2.0/settings/webhook'), 'no POST /api/2.0/settings/webhook recorded');
		return `subscription ${subscription.id}`;
	});
	if (!subscribed) return;
	const executions = async () => (await n8n.api('GET', `/executions?workflowId=${wfId}&includeData=true`)).data ?? [];
	await check('trigger: a change on the emulator delivers a signed event that starts exactly one execution', async () => {
		const title = `e2e-trigger-${Date.now()}.docx`;
		await emu.docspace('POST', `/api/2.0/files/${ctx.seed.roomId}/file`, { title });
		await waitFor(async () => (await executions()).length >= 1, { timeoutMs: 30000, message: 'an execution of the trigger workflow' }).catch((err) => {
			const hub = emu.emu.webhooks;
			const subs = hub ? [...hub.subscriptions.values()].map((h) => `#${h.id} triggers=${h.triggers} enabled=${h.enabled} target=${h.targetId}`) : [];
			const tries = hub ? hub.deliveries.map((d) => `${d.trigger} #${d.eventId} try ${d.attempt} -> ${d.status}${d.error ? ` ${d.error}` : ''} ${d.responseBody?.slice(0, 80) ?? ''}`) : [];
			throw new Error(`${err.message}; subscriptions: ${subs.join(', ') || 'none'}; deliveries: ${tries.join(' | ') || 'none'}`);
		});
		await sleep(2000); // retries or duplicates would show up here
		const list = await executions();
		assert(list.length === 1, `expected exactly 1 execution, found ${list.length}`);
		assert(JSON.stringify(list[0].data ?? {}).includes(title), 'the execution does not contain the new file');
	});
	await check('trigger: a forged delivery (bad signature) gets 401 and starts no execution', async () => {
		const before = (await executions()).length;
		const body = JSON.stringify({ event: { id: 999999, trigger: 'file.created', triggerId: 128 }, payload: { id: 1, title: 'forged.docx' } });
		const sig = createHmac('sha256', 'not-the-secret').update(body).digest('hex').toUpperCase();
		const res = await fetch(hookUrl, { method: 'POST', headers: { 'content-type': 'application/json', 'x-docspace-signature-256': `sha256=${sig}` }, body });
		assert(res.status === 401, `forged delivery -> HTTP ${res.status}`);
		await sleep(1500);
		const after = (await executions()).length;
		assert(after === before, `forged delivery started an execution (${before} before, ${after} after)`);
	});
	await check('trigger: deactivation removes the subscription from the emulator', async () => {
		await n8n.api('POST', `/workflows/${wfId}/deactivate`);
		await waitFor(async () => !(await emu.docspace('GET', '/api/2.0/settings/webhook')).map((h) => h.configs ?? h).some((h) => h.uri === hookUrl), {
			timeoutMs: 20000,
			message: 'the subscription to disappear',
		});
	});
}

async function exampleChecks(ctx, secrets, triggerReason) {
	const { n8n, emu } = ctx;
	const cred = ctx.credentials.apiKey;
	if (!cred) return skip('example workflows', 'no API-key credential');
	const vars = { credentialId: cred.id, credentialName: cred.name, ...ctx.seed };
	const files = exampleFiles(ROOT);
	const examples = files.map((f) => ({ file: f, wf: loadWorkflow(f, vars) }));
	const isTriggered = (wf) => wf.nodes.some((n) => n.type === TRIGGER_TYPE);
	const triggered = [];
	for (const ex of examples.filter((e) => isTriggered(e.wf))) {
		if (triggerReason) {
			skip(`example "${ex.wf.name}"`, triggerReason);
			continue;
		}
		await check(`example "${ex.wf.name}" activates`, async () => {
			const created = await createAndActivate(n8n, ex.wf);
			ex.id = created.id;
			const node = ex.wf.nodes.find((n) => n.type === TRIGGER_TYPE);
			const url = `${n8n.base}/webhook/${node.webhookId}/webhook`;
			await waitFor(async () => (await emu.docspace('GET', '/api/2.0/settings/webhook')).map((h) => h.configs ?? h).some((h) => h.uri === url), {
				timeoutMs: 30000,
				message: `the example's webhook subscription (${url})`,
			});
			triggered.push(ex);
		});
	}
	for (const ex of examples.filter((e) => !isTriggered(e.wf))) {
		await check(`example "${ex.wf.name}" runs`, async () => {
			const path = `e2e-example-${ctx.runs++}`;
			const created = await createAndActivate(n8n, manualToWebhook(ex.wf, path));
			const mark = emu.mark();
			const res = await callWebhook(n8n.base, path);
			const requests = emu.since(mark).filter((q) => q.path.startsWith('/api/2.0/'));
			if (res.status !== 200) throw new Error(`HTTP ${res.status}: ${await lastExecutionError(n8n, created.id)}`);
			const items = [JSON.parse(res.text)].flat();
			assert(items.length, 'the last node returned no items');
			assert(requests.length, 'the emulator received no API call');
			const okAuth = expectedAuthorization('apiKey', secrets);
			assert(requests.every((q) => okAuth(q.headers.authorization)), 'an API call lacked the API key');
			return `${requests.map((q) => `${q.method} ${q.path}`).join(', ')}`;
		});
	}
	for (const ex of triggered) {
		await check(`example "${ex.wf.name}" fired for the changes the other examples made`, async () => {
			const list = await waitFor(async () => {
				const r = (await n8n.api('GET', `/executions?workflowId=${ex.id}&includeData=true`)).data ?? [];
				return r.length ? r : null;
			}, { timeoutMs: 20000, message: 'an execution of the example' });
			const last = list[0];
			assert(last.status === 'success', `execution ${last.id} ended ${last.status}`);
			return `${list.length} execution(s)`;
		});
		await n8n.api('POST', `/workflows/${ex.id}/deactivate`).catch(() => {});
	}
}

main().catch(async (err) => {
	failed++;
	console.log(`FAIL unexpected error: ${err.stack ?? err.message}`);
	await finish();
});
