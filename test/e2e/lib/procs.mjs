// Child processes of the e2e suite: every process started here is tracked and killed (whole
// process group, TERM then KILL) on exit, on an uncaught error and on Ctrl-C / SIGTERM.
import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';

const children = new Set();
const cleanups = [];
let stopping = null;

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Spawn `cmd` in its own process group; stdout+stderr go to `logFile`. */
export function startProcess(name, cmd, args, { env = process.env, cwd, logFile } = {}) {
	const child = spawn(cmd, args, { env, cwd, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
	const out = logFile ? createWriteStream(logFile) : null;
	const tail = [];
	const onData = (chunk) => {
		if (out?.writable) out.write(chunk);
		for (const line of chunk.toString().split('\n')) {
			if (line) tail.push(line);
		}
		while (tail.length > 60) tail.shift();
	};
	child.stdout.on('data', onData);
	child.stderr.on('data', onData);
	const entry = { name, child, tail, logFile, exited: null };
	entry.exited = new Promise((resolve) =>
		child.on('exit', (code, signal) => resolve({ code, signal })),
	);
	child.on('error', (err) => tail.push(`spawn error: ${err.message}`));
	entry.exited.then(() => children.delete(entry));
	// 'close', not 'exit': a killed n8n worker's task runner (same group) may still write to the pipes.
	child.on('close', () => out?.end());
	children.add(entry);
	return entry;
}

/** Stop one process group: SIGTERM, then SIGKILL after `graceMs`. */
export async function stopProcess(entry, graceMs = 10000) {
	if (!entry || entry.child.exitCode !== null || entry.child.signalCode !== null) return;
	const group = -entry.child.pid;
	try {
		process.kill(group, 'SIGTERM');
	} catch {
		return;
	}
	const done = await Promise.race([
		entry.exited.then(() => true),
		sleep(graceMs).then(() => false),
	]);
	try {
		process.kill(group, 'SIGKILL'); // also reaps grandchildren left in the group (task runner)
	} catch {}
	if (!done) await entry.exited;
}

/** Register an async cleanup (servers etc.); runs before child processes are killed. */
export function onCleanup(fn) {
	cleanups.push(fn);
}

export async function stopAll() {
	if (stopping) return stopping;
	stopping = (async () => {
		for (const fn of cleanups.reverse()) {
			try {
				await fn();
			} catch {}
		}
		await Promise.all([...children].map((c) => stopProcess(c)));
	})();
	return stopping;
}

function killAllSync() {
	for (const c of children) {
		try {
			process.kill(-c.child.pid, 'SIGKILL');
		} catch {}
	}
}

let signalled = false;
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
	process.on(sig, async () => {
		if (signalled) {
			killAllSync();
			process.exit(130);
		}
		signalled = true;
		console.log(`\n${sig}: stopping everything started by this run...`);
		await stopAll();
		process.exit(130);
	});
}
process.on('exit', killAllSync);

/** Poll `fn` until it returns a truthy value; throws `message` after `timeoutMs`. */
export async function waitFor(
	fn,
	{ timeoutMs = 30000, intervalMs = 300, message = 'condition' } = {},
) {
	const t0 = Date.now();
	let lastErr;
	while (Date.now() - t0 < timeoutMs) {
		try {
			const v = await fn();
			if (v) return v;
		} catch (err) {
			lastErr = err;
		}
		await sleep(intervalMs);
	}
	throw new Error(
		`timed out after ${timeoutMs} ms waiting for ${message}${lastErr ? ` (last error: ${lastErr.message})` : ''}`,
	);
}
