import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import type * as CallLog from './call-log.cjs';

// Jest loads the global setup with Node's require, where its moduleNameMapper ('./x.cjs' is x.cts)
// does not apply: name the file.
const { CALL_LOG } = require('./call-log.cts') as typeof CallLog;

/**
 * One throwaway n8n user folder for the run's test files (setup-env.js makes one per file only when
 * this did not run), and a fresh call log; the contract test run only reads the log.
 */
export default async function globalSetup(globalConfig: { testPathPattern?: string }) {
	if (!process.env.N8N_USER_FOLDER) {
		process.env.N8N_USER_FOLDER = mkdtempSync(path.join(tmpdir(), 'n8n-docspace-test-'));
		process.env.DOCSPACE_TEST_USER_FOLDER = process.env.N8N_USER_FOLDER;
	}
	if (globalConfig.testPathPattern?.includes('contract')) return;
	rmSync(CALL_LOG, { force: true });
	mkdirSync(path.dirname(CALL_LOG), { recursive: true });
	process.env.DOCSPACE_CALL_LOG = CALL_LOG;
}
