import { rmSync } from 'node:fs';

import { CALL_LOG } from './call-log';

export default async function globalSetup() {
	if (process.argv.some((arg) => arg.includes('contract'))) return;
	rmSync(CALL_LOG, { force: true });
	process.env.DOCSPACE_CALL_LOG = CALL_LOG;
}
