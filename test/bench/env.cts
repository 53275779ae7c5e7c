/**
 * Environment for a benchmark child process; imported before n8n-core so that its settings,
 * logging and filesystem binary mode pick these up.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

process.env.N8N_USER_FOLDER ??= mkdtempSync(path.join(tmpdir(), 'n8n-docspace-bench-'));
process.env.N8N_ENCRYPTION_KEY ??= 'bench-encryption-key';
process.env.N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS = 'false';
process.env.N8N_LOG_LEVEL = 'silent';
process.env.N8N_BINARY_DATA_STORAGE_PATH = mkdtempSync(
	path.join(tmpdir(), 'n8n-docspace-bench-binary-'),
);
process.env.NO_PROXY = '127.0.0.1,localhost';
process.env.no_proxy = '127.0.0.1,localhost';
