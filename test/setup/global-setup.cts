import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';

import type * as CallLog from './call-log.cjs';

// Jest loads the global setup with Node's require, where its moduleNameMapper ('./x.cjs' is x.cts)
// does not apply: name the file.
const { CALL_LOG } = require('./call-log.cts') as typeof CallLog;

/** A fresh call log for each test run; the contract test run only reads it. */
export default async function globalSetup(globalConfig: { testPathPattern?: string }) {
	if (globalConfig.testPathPattern?.includes('contract')) return;
	rmSync(CALL_LOG, { force: true });
	mkdirSync(path.dirname(CALL_LOG), { recursive: true });
	process.env.DOCSPACE_CALL_LOG = CALL_LOG;
}
