/**
 * Environment for a benchmark child process; imported before n8n-core so that its settings,
 * logging and filesystem binary mode pick these up.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const created: string[] = [];
function temporaryFolder(prefix: string): string {
	const folder = mkdtempSync(path.join(tmpdir(), prefix));
	created.push(folder);
	return folder;
}
// A scenario leaves whole files in them (a download's 200 MiB): a run of many would fill the disk.
process.on('exit', () => {
	for (const folder of created) rmSync(folder, { recursive: true, force: true });
});

process.env.N8N_USER_FOLDER ??= temporaryFolder('n8n-docspace-bench-');
process.env.N8N_ENCRYPTION_KEY ??= 'bench-encryption-key';
process.env.N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS = 'false';
process.env.N8N_LOG_LEVEL = 'silent';
process.env.N8N_BINARY_DATA_STORAGE_PATH = temporaryFolder('n8n-docspace-bench-binary-');
process.env.NO_PROXY = '127.0.0.1,localhost';
process.env.no_proxy = '127.0.0.1,localhost';
