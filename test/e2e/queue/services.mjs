// PostgreSQL and Redis for queue mode, from Debian's packages (run.sh installs them when missing),
// started on loopback with throw-away data and stopped with the run.
import { execFileSync } from 'node:child_process';
import { chownSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { onCleanup, startProcess, stopProcess, waitFor } from '../lib/procs.mjs';

/** The newest PostgreSQL server binaries Debian installed. */
function postgresBin() {
	const root = '/usr/lib/postgresql';
	const versions = readdirSync(root)
		.filter((v) => /^\d+$/.test(v))
		.sort((a, b) => Number(b) - Number(a));
	if (!versions.length) throw new Error(`no PostgreSQL under ${root} (apt-get install postgresql)`);
	return join(root, versions[0], 'bin');
}

/** PostgreSQL refuses to run as root: as root, run it as Debian's `postgres` user. */
function asServerUser(cmd, args) {
	if (process.getuid?.() !== 0) return [cmd, args];
	return ['runuser', ['-u', 'postgres', '--', cmd, ...args]];
}

function serverUid() {
	return Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
}

/** A fresh cluster on 127.0.0.1:`port` with database `n8n`, user `n8n` (trust auth, loopback only). */
export async function startPostgres({ port, logFile }) {
	const bin = postgresBin();
	const dir = mkdtempSync(join(tmpdir(), 'docspace-queue-pg-'));
	if (process.getuid?.() === 0) chownSync(dir, serverUid(), 0);
	onCleanup(() => rmSync(dir, { recursive: true, force: true }));
	const data = join(dir, 'data');
	const [initCmd, initArgs] = asServerUser(join(bin, 'initdb'), [
		'-D',
		data,
		'-U',
		'n8n',
		'--auth=trust',
		'-E',
		'UTF8',
		'--no-sync',
	]);
	execFileSync(initCmd, initArgs, { stdio: 'ignore' });
	// Durability is irrelevant for a test run; these make it fast on a slow disk.
	const settings = [
		'-p',
		String(port),
		'-k',
		dir,
		'-c',
		'listen_addresses=127.0.0.1',
		'-c',
		'fsync=off',
		'-c',
		'synchronous_commit=off',
		'-c',
		'full_page_writes=off',
		'-c',
		'max_connections=200',
	];
	const [cmd, args] = asServerUser(join(bin, 'postgres'), ['-D', data, ...settings]);
	const proc = startProcess('postgres', cmd, args, { logFile });
	onCleanup(() => stopProcess(proc, 5000));
	await waitFor(
		() => {
			execFileSync(join(bin, 'pg_isready'), ['-h', '127.0.0.1', '-p', String(port)], {
				stdio: 'ignore',
			});
			return true;
		},
		{ timeoutMs: 30000, intervalMs: 250, message: `PostgreSQL on 127.0.0.1:${port}` },
	);
	execFileSync(join(bin, 'createdb'), ['-h', '127.0.0.1', '-p', String(port), '-U', 'n8n', 'n8n'], {
		stdio: 'ignore',
	});
	return { proc, port, database: 'n8n', user: 'n8n' };
}

/** Redis on 127.0.0.1:`port`, nothing saved to disk. */
export async function startRedis({ port, logFile }) {
	const proc = startProcess(
		'redis',
		'redis-server',
		['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
		{ logFile },
	);
	onCleanup(() => stopProcess(proc, 5000));
	await waitFor(() => proc.tail.some((line) => /Ready to accept connections/.test(line)), {
		timeoutMs: 20000,
		intervalMs: 200,
		message: `Redis on 127.0.0.1:${port}`,
	});
	return { proc, port };
}
