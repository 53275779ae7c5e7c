// End-to-end suite: real n8n (test/e2e/install.sh) with the packed package in its community-nodes
// folder, against the DocSpace emulator (started in this process). Run through test/e2e/run.sh
// (`npm run test:e2e`), which builds, packs, and enters a loopback-only network namespace.
// Prints one line per check and ends with "N passed, M failed".
// This file sets up the run and calls the check groups in order: checks/*.mjs, then editor.mjs.
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

import { seedValues } from './cases.mjs';
import { credentialChecks } from './checks/credentials.mjs';
import { exampleChecks } from './checks/examples.mjs';
import { packageChecks } from './checks/package.mjs';
import { triggerChecks } from './checks/trigger.mjs';
import { workflowChecks } from './checks/workflows.mjs';
import { editorChecks } from './editor.mjs';
import { EMU_PORT, N8N_PORT, NODE_TYPE, OWNER, PKG, ROOT, RUN_DIR, SHOTS_DIR, TRIGGER_TYPE, USER_FOLDER } from './lib/config.mjs';
import { makeEmulatorView } from './lib/emulator-view.mjs';
import { communityNodesDir, N8nClient, startN8n } from './lib/n8n.mjs';
import { onCleanup } from './lib/procs.mjs';
import { assert, check, crash, finish, setup, skip } from './lib/report.mjs';

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
	const { hasTrigger, declares, credentialTypes } = await packageChecks(ctx);

	// b. credentials + n8n's own credential test; c. OAuth2 through n8n's real authorization-code flow
	const oauthOk = await credentialChecks(ctx, secrets);

	// d. the action node, per credential type
	await workflowChecks(ctx, secrets, oauthOk);

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
	else {
		await triggerChecks(ctx, secrets);
		ctx.triggerReady = true;
	}

	// example workflows (the ones `npm start` imports) run as shipped, with the API-key credential
	await exampleChecks(ctx, secrets, triggerReason);

	// f. editor
	if (process.env.E2E_UI === '0') skip('editor checks in headless Chromium', 'E2E_UI=0');
	else {
		await editorChecks({
			ctx, n8n, check, skip, shotsDir: SHOTS_DIR, runDir: RUN_DIR, pkg: PKG,
			nodeType: NODE_TYPE, declaresTrigger: declares('DocSpaceTrigger'), credentialTypes, secrets,
		});
	}

	await finish();
}

main().catch(crash);
