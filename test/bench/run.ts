/**
 * `npm run bench`: the node's streaming/chunked transfers and Return All listing against naive
 * baselines (naive-node.ts), each scenario in its own process against the emulator (also in its
 * own process). Sizes: BENCH_SIZE_MB (default 200), BENCH_LIST_ENTRIES (default 5000).
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, rmSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';

interface EmulatorInfo {
	url: string;
	apiKey: string;
	uploadFolderId: number;
	downloadFileId: number;
	listFolderId: number;
	sizeBytes: number;
	listEntries: number;
}

interface Measurement {
	name: string;
	seconds: number;
	rssGrowth: number;
	heapGrowth: number;
	ok: boolean;
	error?: string;
	requests: number;
}

const MiB = 1024 * 1024;
const NODE_FLAGS = ['--expose-gc', '--import', 'tsx'];

function out(line = ''): void {
	process.stdout.write(`${line}\n`);
}

/** Starts a TypeScript script in a child process and resolves with its first stdout line. */
function start(script: string, args: string[], env: Record<string, string>) {
	const child = spawn(process.execPath, [...NODE_FLAGS, path.join(__dirname, script), ...args], {
		env: { ...process.env, ...env },
		stdio: ['ignore', 'pipe', 'inherit'],
	});
	const exited = once(child, 'exit');
	const firstLine = new Promise<string>((resolve, reject) => {
		const lines = createInterface({ input: child.stdout });
		lines.once('line', resolve);
		child.once('exit', (code) => reject(new Error(`${script} ${args.join(' ')} exited with ${code} before answering`)));
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

const mib = (bytes: number) => `${(bytes / MiB).toFixed(1)} MiB`;
function ratio(naive: number, ours: number): string {
	if (ours <= 0) return 'n/a';
	const value = naive / ours;
	return `${value.toFixed(value < 1 ? 2 : 1)}x`;
}

function table(rows: string[][]): void {
	const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
	for (const row of rows) out(row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('   '));
}

async function main(): Promise<void> {
	const sizeMb = Number(process.env.BENCH_SIZE_MB ?? 200);
	const entries = Number(process.env.BENCH_LIST_ENTRIES ?? 5000);
	const started = Date.now();
	const inputFile = path.join(tmpdir(), `n8n-docspace-bench-${process.pid}.bin`);
	const emulator = start('emulator-process.ts', [], { BENCH_SIZE_MB: String(sizeMb), BENCH_LIST_ENTRIES: String(entries) });
	try {
		const [info] = await Promise.all([emulator.firstLine.then((line) => JSON.parse(line) as EmulatorInfo), writeInput(inputFile, sizeMb * MiB)]);
		out(`DocSpace node benchmark: ${sizeMb} MiB file, ${entries}-entry folder, emulator ${info.url} (own process)`);
		out('Each scenario runs the node through n8n-core in a fresh process with filesystem binary data mode.');
		out();
		const config = JSON.stringify({ ...info, inputFile });
		const results = new Map<string, Measurement>();
		for (const name of ['upload-streamed', 'upload-naive', 'download-streamed', 'download-naive', 'list-returnAll', 'list-naive']) {
			await requestCount(info.url);
			const scenario = start('scenario.ts', [name], { BENCH_CONFIG: config });
			const measured = JSON.parse(await scenario.firstLine) as Omit<Measurement, 'requests'>;
			await scenario.exited;
			results.set(name, { ...measured, requests: await requestCount(info.url) });
			if (!measured.ok) out(`!! ${name} did not complete: ${measured.error ?? 'incomplete result'}`);
		}

		const pairs: Array<[string, string, string, number]> = [
			['Upload', 'upload-streamed', 'upload-naive', info.sizeBytes],
			['Download', 'download-streamed', 'download-naive', info.sizeBytes],
			['List', 'list-returnAll', 'list-naive', 0],
		];
		const rows: string[][] = [['', 'time', 'throughput', 'requests', 'peak RSS growth', 'peak heap+external growth']];
		for (const [label, oursName, naiveName, bytes] of pairs) {
			const ours = results.get(oursName) as Measurement;
			const naive = results.get(naiveName) as Measurement;
			const rate = (m: Measurement) => (bytes ? `${(bytes / MiB / m.seconds).toFixed(1)} MiB/s` : `${Math.round(info.listEntries / m.seconds)} entries/s`);
			const oursLabel = bytes ? `${label}: streamed${label === 'Upload' ? ', 10 MiB chunks' : ''}` : `${label}: Return All (100 per page)`;
			const naiveLabel = bytes ? `${label}: naive, whole buffer, one request` : `${label}: naive, 25 per page`;
			rows.push([oursLabel, `${ours.seconds.toFixed(2)} s`, rate(ours), String(ours.requests), mib(ours.rssGrowth), mib(ours.heapGrowth)]);
			rows.push([naiveLabel, `${naive.seconds.toFixed(2)} s`, rate(naive), String(naive.requests), mib(naive.rssGrowth), mib(naive.heapGrowth)]);
			rows.push([
				'  naive ÷ ours',
				ratio(naive.seconds, ours.seconds),
				ratio(ours.seconds, naive.seconds),
				ratio(naive.requests, ours.requests),
				ratio(naive.rssGrowth, ours.rssGrowth),
				ratio(naive.heapGrowth, ours.heapGrowth),
			]);
		}
		table(rows);
		out();
		out('Ratios are naive ÷ ours (throughput: naive rate ÷ ours, so below 1x means ours is faster).');
		out(`Total ${((Date.now() - started) / 1000).toFixed(1)} s.`);
		if ([...results.values()].some((m) => !m.ok)) process.exitCode = 1;
	} finally {
		emulator.child.kill('SIGTERM');
		rmSync(inputFile, { force: true });
	}
}

main().catch((error: unknown) => {
	process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
	process.exit(1);
});
