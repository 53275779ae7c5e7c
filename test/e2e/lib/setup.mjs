// Setup steps the e2e drivers share (driver.mjs, queue/driver.mjs).
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

import { EMU_PORT, PKG, ROOT } from './config.mjs';
import { makeEmulatorView } from './emulator-view.mjs';
import { communityNodesDir } from './n8n.mjs';
import { onCleanup } from './procs.mjs';
import { assert } from './report.mjs';

/** Unpacks the packed package into the community-nodes folder, the way n8n installs community packages. */
export function installPackage(userFolder) {
	const tgz = process.env.E2E_PACKAGE_TGZ;
	assert(tgz, 'E2E_PACKAGE_TGZ is not set (run through test/e2e/run.sh)');
	const dest = join(communityNodesDir(userFolder), PKG);
	mkdirSync(dest, { recursive: true });
	execFileSync('tar', ['-xzf', tgz, '-C', dest, '--strip-components=1']);
}

/** The emulator, in this process (so the suite can inspect and steer it). */
export async function startEmulatorView(port = EMU_PORT) {
	const mod = await import(pathToFileURL(join(ROOT, 'test/emulator/index.cts')).href);
	const emu = await mod.startEmulator({
		port,
		host: '127.0.0.1',
		seed: 'default',
		allowPrivateWebhookUrls: true,
	});
	onCleanup(() => (emu.close ?? emu.stop)?.call(emu));
	return makeEmulatorView(emu, `http://127.0.0.1:${port}`);
}
