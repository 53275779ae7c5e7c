/**
 * bench/results.md and bench/chart.svg from one benchmark run, and the summary lines printed.
 * The README's Performance section is copied from results.md.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import path from 'node:path';

export interface Measurement {
	name: string;
	seconds: number;
	/** CPU time of the client process in the run (absent in results from before it was measured). */
	cpuSeconds?: number;
	rssGrowth: number;
	heapGrowth: number;
	ok: boolean;
	error?: string;
	requests: number;
}

interface N8nRun {
	seconds: number;
	rssGrowth: number;
	idleRss: number;
	ok: boolean;
	error?: string;
}

export interface N8nResult {
	version: string;
	sizeBytes: number;
	read: N8nRun;
	upload: N8nRun;
	download: N8nRun;
}

export interface Results {
	command: string;
	settings: {
		sizeMb: number;
		listEntries: number;
		wanSizeMb: number;
		wanLatency: number;
		wanMibps: number;
		n8nSizeMb: number;
		/** Runs of each loopback scenario; the tables show the median. */
		rounds: number;
	};
	loopback: { sizeBytes: number; results: Map<string, Measurement> };
	wan: { sizeBytes: number; results: Map<string, Measurement> };
	n8n?: N8nResult;
	seconds: number;
}

const MiB = 1024 * 1024;
const mib = (bytes: number) => `${(bytes / MiB).toFixed(1)} MiB`;
const secs = (s: number) => `${s.toFixed(2)} s`;
const rate = (bytes: number, s: number) => `${(bytes / MiB / s).toFixed(0)} MiB/s`;
const times = (value: number) => `${value.toFixed(2)}×`;
const met = (ok: boolean) => (ok ? 'met' : '**missed**');

function table(header: string[], rows: string[][]): string[] {
	return [
		`| ${header.join(' | ')} |`,
		`|${header.map((_, i) => (i === 0 ? '---' : '---:')).join('|')}|`,
		...rows.map((r) => `| ${r.join(' | ')} |`),
	];
}

interface Target {
	what: string;
	measured: string;
	ok: boolean;
}

function targets(r: Results): Target[] {
	const get = (name: string) => r.loopback.results.get(name) as Measurement;
	const list: Target[] = [
		{
			what: 'Upload throughput ≥ 0.8× the raw client',
			measured: times(get('raw-upload').seconds / get('upload-streamed').seconds),
			ok: get('raw-upload').seconds / get('upload-streamed').seconds >= 0.8,
		},
		{
			what: 'Download throughput ≥ 0.8× the raw client',
			measured: times(get('raw-download').seconds / get('download-streamed').seconds),
			ok: get('raw-download').seconds / get('download-streamed').seconds >= 0.8,
		},
		{
			what: 'Listing time ≤ 1.2× the raw loop',
			measured: times(get('list-returnAll').seconds / get('raw-list').seconds),
			ok: get('list-returnAll').seconds / get('raw-list').seconds <= 1.2,
		},
		{
			what: `Listing requests = ceil(${r.settings.listEntries} / 100)`,
			measured: String(get('list-returnAll').requests),
			ok: get('list-returnAll').requests === Math.ceil(r.settings.listEntries / 100),
		},
	];
	if (r.n8n) {
		list.push(
			{
				what: `Real n8n: upload peak RSS growth ≤ 64 MiB (${mib(r.n8n.sizeBytes)})`,
				measured: mib(r.n8n.upload.rssGrowth),
				ok: r.n8n.upload.ok && r.n8n.upload.rssGrowth <= 64 * MiB,
			},
			{
				what: `Real n8n: download peak RSS growth ≤ 64 MiB (${mib(r.n8n.sizeBytes)})`,
				measured: mib(r.n8n.download.rssGrowth),
				ok: r.n8n.download.ok && r.n8n.download.rssGrowth <= 64 * MiB,
			},
		);
	}
	return list;
}

function chart(r: Results): string {
	const bars: Array<[string, number]> = [];
	const add = (label: string, bytes: number, m?: { seconds: number }) =>
		m && bars.push([label, bytes / MiB / m.seconds]);
	const loop = r.loopback.results;
	add('Upload: node (n8n-core)', r.loopback.sizeBytes, loop.get('upload-streamed'));
	add('Upload: raw Node.js client', r.loopback.sizeBytes, loop.get('raw-upload'));
	add('Upload: naive whole file', r.loopback.sizeBytes, loop.get('upload-naive'));
	add('Download: node (n8n-core)', r.loopback.sizeBytes, loop.get('download-streamed'));
	add('Download: raw Node.js client', r.loopback.sizeBytes, loop.get('raw-download'));
	add('Download: naive buffer', r.loopback.sizeBytes, loop.get('download-naive'));
	if (r.n8n) {
		add('Upload: real n8n', r.n8n.sizeBytes, r.n8n.upload);
		add('Download: real n8n', r.n8n.sizeBytes, r.n8n.download);
	}
	add('WAN upload: sequential chunks', r.wan.sizeBytes, r.wan.results.get('upload-sequential'));
	add('WAN upload: 4 parallel chunks', r.wan.sizeBytes, r.wan.results.get('upload-streamed'));
	add('WAN upload: whole file', r.wan.sizeBytes, r.wan.results.get('upload-naive'));
	const max = Math.max(...bars.map(([, v]) => v), 1);
	const width = 760;
	const left = 230;
	const row = 26;
	const height = 40 + bars.length * row;
	const lines = bars.map(([label, value], i) => {
		const y = 30 + i * row;
		const w = ((width - left - 90) * value) / max;
		return `<text x="${left - 8}" y="${y + 14}" text-anchor="end">${label}</text><rect x="${left}" y="${y}" width="${w.toFixed(1)}" height="18" fill="${label.startsWith('WAN') ? '#7a9cc6' : '#3d7a3d'}"/><text x="${(left + w + 6).toFixed(1)}" y="${y + 14}">${value.toFixed(0)} MiB/s</text>`;
	});
	return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="sans-serif" font-size="12">
<text x="10" y="18" font-weight="bold">Throughput (MiB/s), npm run bench</text>
${lines.join('\n')}
</svg>
`;
}

export function writeReport(dir: string, r: Results): string[] {
	const loop = r.loopback.results;
	const get = (name: string) => loop.get(name) as Measurement;
	const size = r.loopback.sizeBytes;
	const lines: string[] = [];
	lines.push(
		`Measured with \`${r.command}\` on ${cpus().length} CPU core(s), Node.js ${process.version}, in a loopback-only network namespace. Chart: [chart.svg](chart.svg).`,
		'',
	);
	lines.push(
		'**Targets**',
		'',
		...table(
			['target', 'measured', ''],
			targets(r).map((t) => [t.what, t.measured, met(t.ok)]),
		),
		'',
	);
	if (r.n8n) {
		const n = r.n8n;
		lines.push(
			`**Real n8n ${n.version}** (filesystem binary mode), ${mib(n.sizeBytes)}: wall time of the workflow and peak RSS growth of the n8n process over its idle level`,
			'',
		);
		lines.push(
			...table(
				['workflow', 'wall time', 'throughput', 'peak RSS growth'],
				[
					[
						'Read File only (n8n’s own node, for reference)',
						secs(n.read.seconds),
						rate(n.sizeBytes, n.read.seconds),
						mib(n.read.rssGrowth),
					],
					[
						'Read File → DocSpace Upload',
						secs(n.upload.seconds),
						rate(n.sizeBytes, n.upload.seconds),
						mib(n.upload.rssGrowth),
					],
					[
						'DocSpace Download',
						secs(n.download.seconds),
						rate(n.sizeBytes, n.download.seconds),
						mib(n.download.rssGrowth),
					],
				],
			),
			'',
			`Each growth is over the idle level measured right before that workflow. The read-only workflow runs first: n8n's Read File node alone grows the process by ${mib(n.read.rssGrowth)}, and what n8n keeps of that afterwards is part of the upload's idle level, so the upload row is mostly the node's own share. That share is at most (Parallel Chunks + 1) × Chunk Size of chunk bodies (50 MiB with the defaults), reused from chunk to chunk.`,
			'',
		);
	} else {
		lines.push('**Real n8n**: not measured in this run (BENCH_N8N=0 or no e2e install).', '');
	}
	lines.push(
		`**Loopback, ${mib(size)}**: the node run through n8n-core (filesystem binary mode) next to a raw Node.js client and a naive node`,
		'',
	);
	const transfer = (label: string, name: string, raw: string) => {
		const m = get(name);
		return [
			label,
			secs(m.seconds),
			rate(size, m.seconds),
			m.cpuSeconds === undefined ? '–' : secs(m.cpuSeconds),
			String(m.requests),
			mib(m.rssGrowth),
			name === raw ? '1.00×' : times(get(raw).seconds / m.seconds),
		];
	};
	lines.push(
		...table(
			['', 'time', 'throughput', 'client CPU', 'requests', 'peak RSS growth', 'throughput ÷ raw'],
			[
				transfer('Upload: node, 10 MiB chunks, 4 in parallel', 'upload-streamed', 'raw-upload'),
				transfer('Upload: raw Node.js client, same protocol', 'raw-upload', 'raw-upload'),
				transfer('Upload: naive, whole file in one request', 'upload-naive', 'raw-upload'),
				transfer('Download: node, streamed', 'download-streamed', 'raw-download'),
				transfer('Download: raw Node.js client, piped to a file', 'raw-download', 'raw-download'),
				transfer('Download: naive, whole body in memory', 'download-naive', 'raw-download'),
			],
		),
		'',
		`Each scenario runs ${r.settings.rounds} times, round by round, each time in its own process after a warm-up on a 1 MiB file; each row is its median run by time. Where the time goes (profiled with \`--cpu-prof\` and \`--trace-gc\`): the node's process holds n8n-core's JavaScript heap (about 50 MiB; a real n8n process holds more), the raw client's a few MiB. Node allocates every piece read from a file or a socket outside that heap, and V8 answers such allocations with full collections of the whole heap, which cost the node's process far more than the raw client's. Uploads read n8n's binary stream in 1 MiB pieces and free each one as soon as it is copied into its chunk (\`ArrayBuffer.prototype.transfer\`, Node 21+; pieces n8n still holds, such as an in-memory binary, are left alone), which removed those collections from the upload: client CPU ${get('upload-streamed').cpuSeconds === undefined ? 'less' : secs(get('upload-streamed').cpuSeconds as number)} against the raw client's ${get('raw-upload').cpuSeconds === undefined ? 'less' : secs(get('raw-upload').cpuSeconds as number)} (before that change, 2.12 s against 0.39 s); what remains of the gap is CPU time outside the node's own code, on 2 cores shared with the emulator: the node's main thread waits for the portal most of the upload, V8 uses those pauses for full collections of n8n-core's heap, and n8n's request helper opens a new connection for every request (\`Connection: close\`). A download hands its response stream to n8n's binary store, which holds each piece until it is written, so the node cannot free them (that would take a stream of the node's own between the response and the store, and n8n's rules for community nodes do not allow importing \`node:stream\`): there the collections remain, client CPU ${get('download-streamed').cpuSeconds === undefined ? 'more' : secs(get('download-streamed').cpuSeconds as number)} against ${get('raw-download').cpuSeconds === undefined ? 'less' : secs(get('raw-download').cpuSeconds as number)}, about half of it garbage collection.`,
		'',
	);
	const list = (label: string, name: string) => {
		const m = get(name);
		return [
			label,
			secs(m.seconds),
			String(m.requests),
			mib(m.rssGrowth),
			times(m.seconds / get('raw-list').seconds),
		];
	};
	lines.push(`**Listing ${r.settings.listEntries} entries**`, '');
	lines.push(
		...table(
			['', 'time', 'requests', 'peak RSS growth', 'time ÷ raw'],
			[
				list('Get Many, Return All (100 per page, up to 4 at once)', 'list-returnAll'),
				list('Raw loop, 100 per page, one at a time', 'raw-list'),
				list('Naive, 25 per page', 'list-naive'),
			],
		),
		'',
	);
	const w = r.wan.results;
	const wanSize = r.wan.sizeBytes;
	const wanRow = (label: string, name: string) => {
		const m = w.get(name) as Measurement;
		return [
			label,
			secs(m.seconds),
			rate(wanSize, m.seconds),
			String(m.requests),
			times((w.get('upload-sequential') as Measurement).seconds / m.seconds),
		];
	};
	lines.push(
		`**Simulated wide-area link** (${r.settings.wanLatency} ms per request, ${r.settings.wanMibps} MiB/s per connection), ${mib(wanSize)}`,
		'',
	);
	lines.push(
		...table(
			['', 'time', 'throughput', 'requests', 'speed ÷ sequential'],
			[
				wanRow('Upload: sequential chunks (Parallel Chunks 1)', 'upload-sequential'),
				wanRow('Upload: 4 parallel chunks (default)', 'upload-streamed'),
				wanRow('Upload: whole file in one request (ONLYOFFICE-style)', 'upload-naive'),
				wanRow('Download: streamed', 'download-streamed'),
			],
		),
		'',
	);
	lines.push(
		`Sizes: BENCH_SIZE_MB=${r.settings.sizeMb}, BENCH_LIST_ENTRIES=${r.settings.listEntries}, BENCH_WAN_SIZE_MB=${r.settings.wanSizeMb}, BENCH_N8N_SIZE_MB=${r.settings.n8nSizeMb}, BENCH_ROUNDS=${r.settings.rounds}; whole run ${r.seconds.toFixed(0)} s.`,
	);
	mkdirSync(dir, { recursive: true });
	writeFileSync(path.join(dir, 'results.md'), `# Benchmark results\n\n${lines.join('\n')}\n`);
	writeFileSync(path.join(dir, 'chart.svg'), chart(r));
	return targets(r).map((t) => `${t.ok ? 'met   ' : 'MISSED'} ${t.what}: ${t.measured}`);
}

/**
 * Replaces the README's `## Performance` section (up to the next `## `) with an introduction and
 * the body of bench/results.md, so the README shows the figures of the last run, misses included.
 */
export function updateReadme(readmeFile: string, resultsFile: string): void {
	const readme = readFileSync(readmeFile, 'utf8');
	const results = readFileSync(resultsFile, 'utf8')
		.replace(/^# .*\n+/, '')
		.replace('(chart.svg)', '(bench/chart.svg)');
	const start = readme.indexOf('\n## Performance\n');
	const end = readme.indexOf('\n## ', start + 1);
	if (start < 0 || end < 0)
		throw new Error('README.md has no “## Performance” section followed by another section');
	const section = `
## Performance

Uploads go out in numbered chunks read once from n8n's binary store as a stream (each chunk copied once,
straight into its request body, Parallel Chunks of them in flight, each piece read freed once copied),
downloads are streamed into the binary store, and lists page 100 entries at a time, up to 4 pages at once
once the first page has told the total. Memory for an upload is therefore about (Parallel Chunks + 1) ×
Chunk Size, whatever the file size. \`npm run bench\` measures this in real n8n and against a raw Node.js
client, a naive node and a simulated wide-area link; the tables below are its last \`bench/results.md\`.
On a shared, loaded machine timings vary from run to run; memory figures are steadier.

${results.trim()}
`;
	writeFileSync(readmeFile, `${readme.slice(0, start)}${section}${readme.slice(end)}`);
}
