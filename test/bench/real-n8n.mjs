// The benchmark in real n8n (the e2e install, filesystem binary mode, its default): the packed
// package in a fresh user folder, one n8n process, and per transfer its wall time and the peak
// RSS growth of the n8n process over its idle level (VmRSS sampled every 10 ms).
// `node real-n8n.mjs` with BENCH_N8N_CONFIG (JSON); prints one JSON line. Run inside the
// benchmark's loopback-only namespace (run.cts starts it so).
import { execFileSync } from 'node:child_process';
import { linkSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const config = JSON.parse(process.env.BENCH_N8N_CONFIG ?? '{}');
const ROOT = join(import.meta.dirname, '../..');
const E2E_DIR = join(ROOT, '.e2e');
process.env.E2E_NODE_BIN ??= join(E2E_DIR, 'node24/node_modules/node/bin');
process.env.E2E_N8N_BIN ??= join(E2E_DIR, 'n8n/node_modules/.bin/n8n');
process.env.E2E_N8N_VERSION ??= JSON.parse(
	readFileSync(join(E2E_DIR, 'n8n/node_modules/n8n/package.json'), 'utf8'),
).version;
const { communityNodesDir, N8nClient, startN8n } = await import('../e2e/lib/n8n.mjs');
const { stopAll } = await import('../e2e/lib/procs.mjs');
const { webhookWorkflow } = await import('../e2e/lib/workflows.mjs');

const PKG = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).name;
const TYPE = `${PKG}.docSpace`;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function rssOf(pid) {
	const line = readFileSync(`/proc/${pid}/status`, 'utf8')
		.split('\n')
		.find((l) => l.startsWith('VmRSS:'));
	return Number(/(\d+)/.exec(line ?? '')?.[1] ?? 0) * 1024;
}

/**
 * The idle level: the lowest RSS once it has stopped falling (no new low by 1 MiB for 2 s, 30 s at
 * most). After a big transfer n8n hands memory back to the system slowly; measured too early, the
 * next transfer's peak can lie below that level.
 */
async function idleRss(pid) {
	let low = rssOf(pid);
	for (let since = Date.now(), start = since; Date.now() - since < 2000; ) {
		if (Date.now() - start > 30_000) break;
		await sleep(50);
		const now = rssOf(pid);
		if (now < low - 1024 * 1024) since = Date.now();
		low = Math.min(low, now);
	}
	return low;
}

/** webhookWorkflow with the DocSpace nodes on the API-key credential. */
function benchWorkflow(name, path, nodes, credential) {
	return webhookWorkflow(
		name,
		path,
		nodes.map((n) =>
			n.type === TYPE
				? {
						...n,
						credentials: { docSpaceApiKeyApi: credential },
						parameters: { authentication: 'apiKey', ...n.parameters },
					}
				: n,
		),
	);
}

const readFile = {
	name: 'Read File',
	type: 'n8n-nodes-base.readWriteFile',
	typeVersion: 1,
	parameters: { operation: 'read', fileSelector: '={{ $json.body.path }}', options: {} },
};
const upload = {
	name: 'Upload',
	type: TYPE,
	typeVersion: 1,
	parameters: {
		resource: 'file',
		operation: 'upload',
		folderId: { __rl: true, mode: 'id', value: String(config.uploadFolderId) },
		ifNameExists: 'duplicate',
		options: {},
	},
};
const download = {
	name: 'Download',
	type: TYPE,
	typeVersion: 1,
	parameters: {
		resource: 'file',
		operation: 'download',
		fileId: { __rl: true, mode: 'id', value: '={{ $json.body.fileId }}' },
	},
};

async function call(base, path, body, pid) {
	let peak = 0;
	let sampling = true;
	const sampler = (async () => {
		while (sampling) {
			peak = Math.max(peak, rssOf(pid));
			await sleep(10);
		}
	})();
	const started = process.hrtime.bigint();
	const res = await fetch(`${base}/webhook/${path}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(body),
	});
	const text = await res.text();
	const seconds = Number(process.hrtime.bigint() - started) / 1e9;
	sampling = false;
	await sampler;
	peak = Math.max(peak, rssOf(pid));
	return {
		status: res.status,
		items: res.status === 200 ? [JSON.parse(text)].flat() : [],
		text,
		seconds,
		peak,
	};
}

async function main() {
	const home = mkdtempSync(join(tmpdir(), 'n8n-docspace-bench-n8n-'));
	// n8n reads files only under ~/.n8n-files by default.
	process.env.HOME = home;
	const files = join(home, '.n8n-files');
	mkdirSync(files, { recursive: true });
	const big = join(files, 'bench-input.bin');
	linkSync(config.inputFile, big);
	const small = join(files, 'warm-up.bin');
	writeFileSync(small, Buffer.alloc(1024 * 1024, 7));
	const dest = join(communityNodesDir(home), PKG);
	mkdirSync(dest, { recursive: true });
	execFileSync('tar', ['-xzf', config.packageTgz, '-C', dest, '--strip-components=1']);
	const server = await startN8n({
		userFolder: home,
		port: config.n8nPort,
		brokerPort: config.n8nPort + 1,
		logFile: join(home, 'n8n.log'),
	});
	try {
		const n8n = new N8nClient(server.base);
		await n8n.setupOwner({ email: 'bench@example.com', password: 'Bench-owner-Passw0rd!' });
		await n8n.createApiKey('bench');
		const credential = await n8n.api('POST', '/credentials', {
			name: 'Bench',
			type: 'docSpaceApiKeyApi',
			data: { baseUrl: config.url, apiKey: config.apiKey },
		});
		const flows = {
			read: benchWorkflow('bench: read only', 'bench-read', [readFile], credential),
			upload: benchWorkflow('bench: upload', 'bench-upload', [readFile, upload], credential),
			download: benchWorkflow('bench: download', 'bench-download', [download], credential),
		};
		for (const flow of Object.values(flows)) {
			const created = await n8n.api('POST', '/workflows', flow);
			await n8n.api('POST', `/workflows/${created.id}/activate`);
		}
		await sleep(1500);
		const pid = server.proc.child.pid;
		const results = {};
		const runs = [
			['read', 'bench-read', { path: big }, { path: small }, () => true],
			[
				'upload',
				'bench-upload',
				{ path: big },
				{ path: small },
				(items) => Number(items[0]?.pureContentLength) === config.sizeBytes,
			],
			[
				'download',
				'bench-download',
				{ fileId: config.downloadFileId },
				{ fileId: config.smallFileId },
				(items) => Number(items[0]?.pureContentLength) === config.sizeBytes,
			],
		];
		for (const [name, path, body, warmUp, complete] of runs) {
			const warm = await call(server.base, path, warmUp, pid);
			if (warm.status !== 200)
				throw new Error(`${name} warm-up failed: ${warm.status} ${warm.text.slice(0, 300)}`);
			const idle = await idleRss(pid);
			const run = await call(server.base, path, body, pid);
			results[name] = {
				seconds: run.seconds,
				rssGrowth: run.peak - idle,
				idleRss: idle,
				ok: run.status === 200 && complete(run.items),
				error: run.status === 200 ? undefined : run.text.slice(0, 300),
			};
		}
		process.stdout.write(
			`${JSON.stringify({ version: process.env.E2E_N8N_VERSION, ...results })}\n`,
		);
	} finally {
		await server.stop();
		await stopAll();
		rmSync(home, { recursive: true, force: true });
	}
}

main().then(
	() => process.exit(0),
	(error) => {
		process.stderr.write(`${error?.stack ?? error}\n`);
		process.exit(1);
	},
);
