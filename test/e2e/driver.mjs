// End-to-end suite: real n8n (test/e2e/install.sh) with the packed package in its community-nodes
// folder, against the DocSpace emulator (started in this process). Run through test/e2e/run.sh
// (`npm run test:e2e`), which builds, packs, and enters a loopback-only network namespace.
// Prints one line per check and ends with "N passed, M failed".
// This file sets up the run and calls the check groups in order: checks/*.mjs, then editor.mjs.
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

import { seedValues } from './cases.mjs';
import { credentialChecks } from './checks/credentials.mjs';
import { exampleChecks } from './checks/examples.mjs';
import { packageChecks } from './checks/package.mjs';
import { pickerChecks } from './checks/pickers.mjs';
import { triggerChecks } from './checks/trigger.mjs';
import { workflowChecks } from './checks/workflows.mjs';
import { editorChecks } from './editor.mjs';
import {
	EMU_PORT,
	N8N_PORT,
	NODE_TYPE,
	OWNER,
	PKG,
	RUN_DIR,
	SHOTS_DIR,
	TRIGGER_TYPE,
	USER_FOLDER,
} from './lib/config.mjs';
import { N8nClient, startN8n } from './lib/n8n.mjs';
import { check, crash, finish, setup, skip } from './lib/report.mjs';
import { installPackage, startEmulatorView } from './lib/setup.mjs';

async function main() {
	console.log(
		`e2e: n8n ${process.env.E2E_N8N_VERSION ?? ''} + ${PKG}; ${process.env.E2E_IN_NS ? 'inside a loopback-only network namespace' : 'WITHOUT network isolation (unshare unavailable or E2E_SANDBOX=0)'}`,
	);
	rmSync(RUN_DIR + '/home', { recursive: true, force: true });
	mkdirSync(RUN_DIR, { recursive: true });

	// 1. install the packed package the way n8n installs community packages
	await setup('package installed into the community-nodes folder', () =>
		installPackage(USER_FOLDER),
	);

	// 2. the emulator, in this process (so the suite can inspect and steer it)
	const ctx = { runs: 0, credentials: {} };
	ctx.emu = await setup(`DocSpace emulator on 127.0.0.1:${EMU_PORT}`, () => startEmulatorView());
	const secrets = ctx.emu.emu.secrets;
	ctx.seed = await setup('seed data looked up on the emulator', () => seedValues(ctx.emu.docspace));

	// 3. n8n
	const n8nOptions = (log) => ({
		userFolder: USER_FOLDER,
		port: N8N_PORT,
		brokerPort: N8N_PORT + 1,
		logFile: join(RUN_DIR, log),
	});
	let server = await setup(`n8n started on 127.0.0.1:${N8N_PORT}`, () =>
		startN8n(n8nOptions('n8n.log')),
	);
	// the same n8n (database, user folder, port) stopped and started again
	ctx.restartN8n = async () => {
		await server.stop();
		server = await startN8n(n8nOptions(`n8n-restart-${Date.now()}.log`));
		return server;
	};
	console.log(
		`     n8n ready after ${(server.readyMs / 1000).toFixed(1)} s (log: ${join(RUN_DIR, 'n8n.log')})`,
	);
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
	await (await import('./checks/transfer.mjs')).transferChecks(ctx); // g. transfers: sha256 through real n8n

	// g. the node's editor lists, through n8n's dynamic-node-parameters endpoints
	await pickerChecks(ctx);

	// e. trigger
	const triggerReason = !hasTrigger
		? `${TRIGGER_TYPE} is not in the package yet`
		: process.env.E2E_TRIGGER === '0'
			? 'E2E_TRIGGER=0'
			: await ctx.emu
					.docspace('GET', '/api/2.0/settings/webhook')
					.then(() => null)
					.catch((err) => `the emulator does not serve webhooks yet (${err.message})`);
	if (triggerReason)
		skip(
			'trigger lifecycle (subscribe, signed delivery, forged delivery, unsubscribe)',
			triggerReason,
		);
	else {
		await triggerChecks(ctx, secrets);
		ctx.triggerReady = true;
	}

	// example workflows (the ones `npm start` imports) run as shipped, with the API-key credential
	await exampleChecks(ctx, secrets, triggerReason);
	await (await import('./checks/forms.mjs')).formChecks(ctx, triggerReason);

	// f. editor
	if (process.env.E2E_UI === '0') skip('editor checks in headless Chromium', 'E2E_UI=0');
	else {
		await editorChecks({
			ctx,
			n8n,
			check,
			skip,
			shotsDir: SHOTS_DIR,
			runDir: RUN_DIR,
			pkg: PKG,
			nodeType: NODE_TYPE,
			declaresTrigger: declares('DocSpaceTrigger'),
			credentialTypes,
			secrets,
		});
	}

	await (await import('./checks/poll.mjs')).pollChecks(ctx, server); // g. poll trigger (restarts n8n, so it runs last)
	await finish();
}

main().catch(crash);
