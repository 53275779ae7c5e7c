/**
 * The physical limit the node is measured against: a plain Node.js client with no n8n in the
 * way, doing the same transfers over loopback. `node --expose-gc --import tsx raw-client.cts <name>`
 * with BENCH_CONFIG (JSON) set; prints one JSON line like scenario.cts.
 *
 * - raw-upload: the numbered chunk session, 10 MiB chunks, 4 in flight, read from disk once.
 * - raw-download: GET /filehandler.ashx piped to a file.
 * - raw-list: GET files/{folderId} pages of 100 until the folder's total.
 */
import { once } from 'node:events';
import { createReadStream, createWriteStream, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';

import type { BenchConfig } from './config.cjs';
import { measure } from './measure.cjs';

const CHUNK = 10 * 1024 * 1024;
const PARALLEL = 4;

function send(
	config: BenchConfig,
	method: string,
	pathname: string,
	body?: Buffer,
	headers: Record<string, string> = {},
): Promise<{ status: number; json: any }> {
	return new Promise((resolve, reject) => {
		const req = request(
			`${config.url}${pathname}`,
			{
				method,
				headers: {
					authorization: `Bearer ${config.apiKey}`,
					accept: 'application/json',
					...headers,
				},
			},
			(res) => {
				const parts: Buffer[] = [];
				res.on('data', (part: Buffer) => parts.push(part));
				res.on('end', () => {
					const text = Buffer.concat(parts).toString('utf8');
					resolve({ status: res.statusCode ?? 0, json: text ? JSON.parse(text) : undefined });
				});
				res.on('error', reject);
			},
		);
		req.on('error', reject);
		req.end(body);
	});
}

async function upload(config: BenchConfig, bytes = config.sizeBytes): Promise<boolean> {
	const opened = await send(
		config,
		'POST',
		`/api/2.0/files/${config.uploadFolderId}/session`,
		Buffer.from(
			JSON.stringify({
				fileName: 'raw-upload.bin',
				fileSize: bytes,
				createNewIfExist: true,
			}),
		),
		{ 'content-type': 'application/json' },
	);
	const base = `/api/2.0/files/${config.uploadFolderId}/session/${opened.json.response.id}`;
	const boundary = 'rawbenchboundary';
	const head = Buffer.from(
		`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="raw-upload.bin"\r\nContent-Type: application/octet-stream\r\n\r\n`,
	);
	const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
	const running = new Set<Promise<unknown>>();
	let number = 0;
	const input = createReadStream(config.inputFile, { highWaterMark: CHUNK, end: bytes - 1 });
	for await (const piece of input) {
		const n = ++number;
		const sending = send(
			config,
			'POST',
			`${base}/upload?ChunkNumber=${n}`,
			Buffer.concat([head, piece as Buffer, tail]),
			{ 'content-type': `multipart/form-data; boundary=${boundary}` },
		).finally(() => running.delete(sending));
		running.add(sending);
		if (running.size >= PARALLEL) await Promise.race(running);
	}
	await Promise.all(running);
	const done = await send(config, 'PUT', `${base}/finalize`);
	return done.status === 201 && done.json.response.file.pureContentLength === bytes;
}

async function download(
	config: BenchConfig,
	fileId = config.downloadFileId,
	bytes = config.sizeBytes,
): Promise<boolean> {
	const file = path.join(tmpdir(), `raw-download-${process.pid}.bin`);
	try {
		const req = request(`${config.url}/filehandler.ashx?action=download&fileid=${fileId}`, {
			headers: { authorization: `Bearer ${config.apiKey}` },
		});
		req.end();
		const [res] = (await once(req, 'response')) as [import('node:http').IncomingMessage];
		const sink = createWriteStream(file);
		await pipeline(res, sink);
		return sink.bytesWritten === bytes;
	} finally {
		rmSync(file, { force: true });
	}
}

async function list(config: BenchConfig): Promise<boolean> {
	let seen = 0;
	for (let startIndex = 0; ; startIndex += 100) {
		const page = await send(
			config,
			'GET',
			`/api/2.0/files/${config.listFolderId}?startIndex=${startIndex}&count=100&filterType=1`,
		);
		const files = page.json.response.files as unknown[];
		seen += files.length;
		if (files.length < 100 || seen >= page.json.response.total) break;
	}
	return seen === config.listEntries;
}

async function main(): Promise<void> {
	const name = process.argv[2];
	const config = JSON.parse(process.env.BENCH_CONFIG ?? '{}') as BenchConfig;
	const run = { 'raw-upload': upload, 'raw-download': download, 'raw-list': list }[name];
	if (!run) throw new Error(`unknown raw scenario ${name}`);
	// A warm-up on 1 MiB, as the node scenarios do; its requests are not the scenario's.
	const warm = {
		'raw-upload': () => upload(config, 1024 * 1024),
		'raw-download': () => download(config, config.smallFileId, 1024 * 1024),
		'raw-list': () => send(config, 'GET', `/api/2.0/files/${config.uploadFolderId}`),
	}[name];
	await warm?.();
	await send(config, 'GET', '/bench/requests');
	const result = await measure(async () => ({ ok: await run(config) }));
	process.stdout.write(`${JSON.stringify({ name, ...result })}\n`, () => process.exit(0));
}

main().catch((error: unknown) => {
	process.stderr.write(
		`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
	);
	process.exit(1);
});
