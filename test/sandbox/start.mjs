// The local sandbox behind `npm start` (run through test/sandbox/start.sh): DocSpace emulator + real n8n
// with this package, ready to click through in the browser. Not inside a network namespace, so the
// browser can reach it; listens on 127.0.0.1 unless N8N_LISTEN_ADDRESS says otherwise.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

import { exampleFiles, readExample, withCredential } from '../e2e/lib/examples.mjs';
import { communityNodesDir, N8N_MAJOR, N8nClient, startN8n } from '../e2e/lib/n8n.mjs';
import { onCleanup, stopAll } from '../e2e/lib/procs.mjs';

const ROOT = resolve(import.meta.dirname, '../..');
const DEMO_DIR = process.env.DEMO_DIR || join(ROOT, '.e2e', 'demo');
const USER_FOLDER = join(DEMO_DIR, 'home');
const HOST = process.env.N8N_LISTEN_ADDRESS || '127.0.0.1';
const N8N_PORT = Number(process.env.N8N_PORT || 5678);
const EMU_PORT = Number(process.env.DOCSPACE_EMULATOR_PORT || 8090);
const PKG = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).name;
// A local sandbox on loopback: the demo login is meant to be printed and documented.
const LOGIN = {
	email: 'demo@example.com',
	password: 'Demo-Passw0rd',
	firstName: 'Demo',
	lastName: 'User',
};
const CREDENTIAL_NAME = 'DocSpace emulator (API key)';

const step = (msg) => console.log(`[start] ${msg}`);

async function main() {
	if (process.env.DEMO_RESET === '1') rmSync(USER_FOLDER, { recursive: true, force: true });
	// the package, installed like n8n installs community packages (replaced on every start)
	const dest = join(communityNodesDir(USER_FOLDER), PKG);
	rmSync(dest, { recursive: true, force: true });
	mkdirSync(dest, { recursive: true });
	execFileSync('tar', ['-xzf', process.env.DEMO_PACKAGE_TGZ, '-C', dest, '--strip-components=1']);
	step(`package installed into ${dest}`);

	const { startEmulator } = await import(pathToFileURL(join(ROOT, 'test/emulator/index.cts')).href);
	// private webhook URLs allowed: the trigger registers http://127.0.0.1:5678/... with the emulator
	const emu = await startEmulator({
		port: EMU_PORT,
		host: '127.0.0.1',
		seed: 'default',
		allowPrivateWebhookUrls: true,
	});
	onCleanup(() => emu.close());
	step(`DocSpace emulator at ${emu.url}`);

	step('starting n8n (first start migrates its database: up to a minute)...');
	const server = await startN8n({
		userFolder: USER_FOLDER,
		host: HOST,
		port: N8N_PORT,
		brokerPort: N8N_PORT + 1,
		logFile: join(DEMO_DIR, 'n8n.log'),
	});
	const base = HOST === '0.0.0.0' ? `http://127.0.0.1:${N8N_PORT}` : server.base;
	const n8n = new N8nClient(base);
	await n8n.setupOwner(LOGIN);

	// a ready credential for the emulator portal (re-pointed at it on every start)
	const data = { baseUrl: emu.url, apiKey: emu.secrets.apiKey };
	const existing = (await n8n.rest('GET', '/credentials')).find((c) => c.name === CREDENTIAL_NAME);
	const cred = existing
		? await n8n.rest('PATCH', `/credentials/${existing.id}`, {
				name: CREDENTIAL_NAME,
				type: 'docSpaceApiKeyApi',
				data,
			})
		: await n8n.rest('POST', '/credentials', {
				name: CREDENTIAL_NAME,
				type: 'docSpaceApiKeyApi',
				data,
			});

	// example workflows (examples/*.json), imported once with the credential picked (left alone afterwards: they are the user's now)
	const have = new Set((await n8n.rest('GET', '/workflows')).map((w) => w.name));
	const imported = [];
	for (const file of exampleFiles(ROOT)) {
		const wf = withCredential(readExample(file), { id: cred.id, name: CREDENTIAL_NAME });
		if (have.has(wf.name)) continue;
		const created = await n8n.rest('POST', '/workflows', wf);
		imported.push(created.name);
	}
	if (imported.length)
		step(`imported ${imported.length} example workflow(s): ${imported.join('; ')}`);

	console.log(`
  n8n editor:   ${base}/
  login:        ${LOGIN.email} / ${LOGIN.password}
  credential:   "${CREDENTIAL_NAME}" → the emulator at ${emu.url}
  emulator:     ${emu.url}  (seeded portal; admin ${emu.secrets.adminEmail} / ${emu.secrets.adminPassword},
                API key ${emu.secrets.apiKey.slice(0, 10)}…; the seed secrets are fixed; 'npm run emulator -- --port 0' prints them all)
  examples:     open "Workflows" in n8n; ${N8N_MAJOR >= 2 ? 'Publish "DocSpace: new file → notification"' : 'activate "DocSpace: new file → notification"'}, then run the others
  state:        ${USER_FOLDER} (kept between starts; DEMO_RESET=1 npm start starts afresh)
  logs:         ${join(DEMO_DIR, 'n8n.log')}

  Real portal:  in n8n, Credentials → Create credential → "ONLYOFFICE DocSpace API",
                Base URL https://yourportal.onlyoffice.com + an API key (DocSpace: Developer Tools → API keys),
                then pick that credential in the DocSpace nodes. (Triggers need n8n reachable from the portal:
                set WEBHOOK_URL to a public https URL.)

  Ctrl-C stops n8n and the emulator.
`);
	await new Promise(() => {}); // until Ctrl-C (procs.mjs stops everything)
}

main().catch(async (err) => {
	console.error(`[start] failed: ${err.stack ?? err.message}`);
	await stopAll();
	process.exit(1);
});
