/**
 * `npm run bench`: one command, four parts, each scenario in its own process against the emulator
 * (also in its own process), all inside a loopback-only network namespace (`unshare -rn`):
 *
 * 1. loopback, BENCH_SIZE_MB (200): the node through n8n-core vs a raw Node.js client vs a naive
 *    whole-file node; Get Many with Return All over BENCH_LIST_ENTRIES (10,000) vs a raw loop;
 *    each BENCH_ROUNDS (3) times, round by round, keeping each scenario's median run;
 * 2. a simulated wide-area link (BENCH_WAN_LATENCY_MS 40 per request, BENCH_WAN_MIBPS 10 per
 *    connection), BENCH_WAN_SIZE_MB (50): sequential vs parallel chunks vs one whole-file request;
 * 3. real n8n (the e2e install, filesystem binary mode), BENCH_N8N_SIZE_MB (1024): upload and
 *    download through the node, wall time and peak RSS growth of the n8n process. BENCH_N8N=0 skips.
 *
 * Writes bench/results.md and bench/chart.svg, copies the results into the README's Performance
 * section, and prints the targets met and missed.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';

import type { EmulatorInfo } from './config.cjs';
import type { Measurement, N8nResult, Results } from './report.cjs';
import { updateReadme, writeReport } from './report.cjs';

const MiB = 1024 * 1024;
const ROOT = path.join(__dirname, '../..');
const NODE_FLAGS = ['--expose-gc', '--import', 'tsx'];
const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);

function out(line = ''): void {
	process.stdout.write(`${line}\n`);
}

/** Starts a script in a child process and resolves with its first stdout line. */
function start(script: string, args: string[], extra: Record<string, string>, flags = NODE_FLAGS) {
	const child = spawn(process.execPath, [...flags, path.join(__dirname, script), ...args], {
		env: { ...process.env, ...extra },
		stdio: ['ignore', 'pipe', 'inherit'],
	});
	const exited = once(child, 'exit');
	const firstLine = new Promise<string>((resolve, reject) => {
		const lines = createInterface({ input: child.stdout });
		lines.once('line', resolve);
		child.once('exit', (code) =>
			reject(new Error(`${script} ${args.join(' ')} exited with ${code} before answering`)),
		);
	});
	return { child, firstLine, exited };
}

async function writeInput(file: string, bytes: number): Promise<void> {
	const stream = createWriteStream(file);
	for (let written = 0; written < bytes; ) {
		const block = randomBytes(Math.min(8 * MiB, bytes - written));
		if (!stream.write(block)) await once(stream, 'drain');
		written += block.length;
	}
	stream.end();
	await once(stream, 'finish');
}

/** Requests the emulator saw since the last call (not counting this one); resets the count. */
async function requestCount(url: string): Promise<number> {
	const answer = (await (await fetch(`${url}/bench/requests`)).json()) as { count: number };
	return answer.count - 1;
}

/** Runs `body` against an emulator of this size (and link), with an input file of the same size. */
async function withEmulator<T>(
	sizeMb: number,
	extra: Record<string, string>,
	body: (info: EmulatorInfo, inputFile: string) => Promise<T>,
): Promise<T> {
	const inputFile = path.join(tmpdir(), `n8n-docspace-bench-${process.pid}-${sizeMb}.bin`);
	const emulator = start('emulator-process.cts', [], {
		BENCH_SIZE_MB: String(sizeMb),
		BENCH_LIST_ENTRIES: String(env('BENCH_LIST_ENTRIES', 10_000)),
		...extra,
	});
	try {
		const [line] = await Promise.all([emulator.firstLine, writeInput(inputFile, sizeMb * MiB)]);
		return await body(JSON.parse(line) as EmulatorInfo, inputFile);
	} finally {
		emulator.child.kill('SIGTERM');
		rmSync(inputFile, { force: true });
	}
}

/**
 * Runs each scenario `rounds` times, round by round (so a slow spell of the machine hits every
 * scenario alike), and keeps each one's median run by time.
 */
async function scenarios(
	info: EmulatorInfo,
	inputFile: string,
	names: string[],
	rounds: number,
): Promise<Map<string, Measurement>> {
	const config = JSON.stringify({ ...info, inputFile });
	const runs = new Map<string, Measurement[]>(names.map((name) => [name, []]));
	for (let round = 1; round <= rounds; round++) {
		for (const name of names) {
			await requestCount(info.url);
			const script = name.startsWith('raw-') ? 'raw-client.cts' : 'scenario.cts';
			const scenario = start(script, [name], { BENCH_CONFIG: config });
			const measured = JSON.parse(await scenario.firstLine) as Omit<Measurement, 'requests'>;
			await scenario.exited;
			runs.get(name)?.push({ ...measured, requests: await requestCount(info.url) });
			out(
				`   ${name}${rounds > 1 ? ` (${round}/${rounds})` : ''}: ${measured.seconds.toFixed(2)} s, peak RSS +${(measured.rssGrowth / MiB).toFixed(1)} MiB${measured.ok ? '' : `  !! did not complete: ${measured.error ?? 'incomplete result'}`}`,
			);
		}
	}
	const median = (list: Measurement[]) =>
		[...list].sort((a, b) => a.seconds - b.seconds)[Math.floor((list.length - 1) / 2)];
	return new Map([...runs].map(([name, list]) => [name, median(list)]));
}

/** Builds and packs the package for real n8n (before entering the namespace: npm needs nothing from the network for it). */
function packPackage(): string | undefined {
	if (process.env.BENCH_N8N === '0') return undefined;
	if (!existsSync(path.join(ROOT, '.e2e/n8n/node_modules/.bin/n8n'))) {
		out('real n8n is not installed (npm run test:e2e installs it); that part is skipped');
		return undefined;
	}
	execFileSync('npm', ['run', 'build', '--silent'], {
		cwd: ROOT,
		stdio: ['ignore', 'ignore', 'inherit'],
	});
	const dir = mkdtempSync(path.join(tmpdir(), 'n8n-docspace-bench-pack-'));
	const name =
		execFileSync('npm', ['pack', '--silent', '--pack-destination', dir], {
			cwd: ROOT,
			encoding: 'utf8',
		})
			.trim()
			.split('\n')
			.pop() ?? '';
	return path.join(dir, name);
}

async function realN8n(packageTgz: string): Promise<N8nResult | undefined> {
	const sizeMb = env('BENCH_N8N_SIZE_MB', 1024);
	out(`3. real n8n, ${sizeMb} MiB, filesystem binary mode`);
	return await withEmulator(sizeMb, {}, async (info, inputFile) => {
		const config = JSON.stringify({ ...info, inputFile, packageTgz, n8nPort: 15778 });
		const run = start('real-n8n.mjs', [], { BENCH_N8N_CONFIG: config }, []);
		const result = {
			sizeBytes: info.sizeBytes,
			...(JSON.parse(await run.firstLine) as Omit<N8nResult, 'sizeBytes'>),
		};
		await run.exited;
		for (const name of ['read', 'upload', 'download'] as const) {
			const m = result[name];
			out(
				`   ${name}: ${m.seconds.toFixed(2)} s, n8n peak RSS +${(m.rssGrowth / MiB).toFixed(1)} MiB${m.ok ? '' : `  !! ${m.error ?? 'incomplete'}`}`,
			);
		}
		return result;
	});
}

async function main(): Promise<void> {
	if (!process.env.BENCH_IN_NS) {
		const packageTgz = packPackage();
		const canIsolate = spawnSync('unshare', ['-rn', 'true']).status === 0;
		if (!canIsolate) out('!! unshare -rn is not available: running without network isolation');
		const args = [...NODE_FLAGS.slice(1), __filename];
		const child = canIsolate
			? spawn(
					'unshare',
					['-rn', 'bash', '-c', 'ip link set lo up && exec "$0" "$@"', process.execPath, ...args],
					{
						stdio: 'inherit',
						env: { ...process.env, BENCH_IN_NS: '1', BENCH_PACKAGE_TGZ: packageTgz ?? '' },
					},
				)
			: spawn(process.execPath, args, {
					stdio: 'inherit',
					env: { ...process.env, BENCH_IN_NS: '1', BENCH_PACKAGE_TGZ: packageTgz ?? '' },
				});
		const [code] = (await once(child, 'exit')) as [number | null];
		if (packageTgz) rmSync(path.dirname(packageTgz), { recursive: true, force: true });
		process.exitCode = code ?? 1;
		return;
	}
	const started = Date.now();
	const sizeMb = env('BENCH_SIZE_MB', 200);
	const wanSizeMb = env('BENCH_WAN_SIZE_MB', 50);
	const wanLatency = env('BENCH_WAN_LATENCY_MS', 40);
	const wanMibps = env('BENCH_WAN_MIBPS', 10);
	const rounds = Math.max(1, env('BENCH_ROUNDS', 3));

	out(`1. loopback, ${sizeMb} MiB file, ${env('BENCH_LIST_ENTRIES', 10_000)}-entry folder`);
	const loopback = await withEmulator(sizeMb, {}, async (info, inputFile) => ({
		info,
		results: await scenarios(
			info,
			inputFile,
			[
				'upload-streamed',
				'raw-upload',
				'upload-naive',
				'download-streamed',
				'raw-download',
				'download-naive',
				'list-returnAll',
				'raw-list',
				'list-naive',
			],
			rounds,
		),
	}));
	out(
		`2. wide-area link: ${wanLatency} ms per request, ${wanMibps} MiB/s per connection, ${wanSizeMb} MiB file`,
	);
	const wan = await withEmulator(
		wanSizeMb,
		{
			BENCH_WAN_LATENCY_MS: String(wanLatency),
			BENCH_WAN_MIBPS: String(wanMibps),
			BENCH_LIST_ENTRIES: '10',
		},
		async (info, inputFile) => ({
			info,
			results: await scenarios(
				info,
				inputFile,
				['upload-sequential', 'upload-streamed', 'upload-naive', 'download-streamed'],
				1,
			),
		}),
	);
	const packageTgz = process.env.BENCH_PACKAGE_TGZ;
	const n8n = packageTgz ? await realN8n(packageTgz) : undefined;

	const results: Results = {
		command: 'npm run bench',
		settings: {
			sizeMb,
			listEntries: loopback.info.listEntries,
			wanSizeMb,
			wanLatency,
			wanMibps,
			n8nSizeMb: env('BENCH_N8N_SIZE_MB', 1024),
			rounds,
		},
		loopback: { sizeBytes: loopback.info.sizeBytes, results: loopback.results },
		wan: { sizeBytes: wan.info.sizeBytes, results: wan.results },
		n8n,
		seconds: (Date.now() - started) / 1000,
	};
	const summary = writeReport(path.join(ROOT, 'bench'), results);
	updateReadme(path.join(ROOT, 'README.md'), path.join(ROOT, 'bench/results.md'));
	out();
	for (const line of summary) out(line);
	out(
		`Wrote bench/results.md and bench/chart.svg, and the README's Performance section, in ${results.seconds.toFixed(0)} s.`,
	);
	const failed =
		[...loopback.results.values(), ...wan.results.values()].some((m) => !m.ok) ||
		(n8n !== undefined && [n8n.read, n8n.upload, n8n.download].some((m) => !m.ok));
	if (failed) process.exitCode = 1;
}

main().catch((error: unknown) => {
	process.stderr.write(
		`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
	);
	process.exit(1);
});
