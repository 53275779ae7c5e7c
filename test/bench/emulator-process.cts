/**
 * The benchmark's DocSpace: the emulator in its own process (so its memory does not count
 * against the node), with a download file of BENCH_SIZE_MB, a folder of BENCH_LIST_ENTRIES
 * files, and `/bench/requests` to count the requests a scenario made (it also removes the files
 * uploaded since, so that their bytes do not pile up on disk and slow the next scenarios). BENCH_WAN_LATENCY_MS and
 * BENCH_WAN_MIBPS put a simulated wide-area link in front of it. Prints one JSON line.
 */
import { randomBytes } from 'node:crypto';

import { startEmulator } from '../emulator/index.cjs';
import { defineRoute, json } from '../emulator/http.cjs';
import { wan } from '../emulator/wan.cjs';

async function main(): Promise<void> {
	const sizeBytes = Number(process.env.BENCH_SIZE_MB ?? 200) * 1024 * 1024;
	const listEntries = Number(process.env.BENCH_LIST_ENTRIES ?? 5000);
	const emulator = await startEmulator({ seed: 'empty' });
	const { state } = emulator;
	const admin = state.seedIds.users.admin;
	const my = state.seedIds.myDocuments;

	const uploads = state.createFolder({ title: 'Bench uploads', parentId: my, createdBy: admin });
	const download = state.createFile({
		title: 'bench-download.bin',
		folderId: my,
		createdBy: admin,
		content: randomBytes(sizeBytes),
	});
	const small = state.createFile({
		title: 'bench-warm-up.bin',
		folderId: my,
		createdBy: admin,
		content: randomBytes(1024 * 1024),
	});
	wan(state).latencyMs = Number(process.env.BENCH_WAN_LATENCY_MS ?? 0);
	wan(state).bytesPerSecond = Number(process.env.BENCH_WAN_MIBPS ?? 0) * 1024 * 1024;
	const list = state.createFolder({
		title: `Bench ${listEntries} files`,
		parentId: my,
		createdBy: admin,
	});
	for (let i = 1; i <= listEntries; i++) {
		state.createFile({
			title: `Entry ${String(i).padStart(5, '0')}.txt`,
			folderId: list.id,
			createdBy: admin,
			content: Buffer.from(String(i)),
		});
	}

	defineRoute(
		'GET',
		'/bench/requests',
		() => {
			const count = emulator.requests.length;
			emulator.clearRequests();
			for (const file of state.childrenOf(uploads.id).files) state.removeFile(file.id);
			return json(200, { count });
		},
		{ anonymous: true, bypassAuth: true },
	);

	process.stdout.write(
		`${JSON.stringify({
			url: emulator.url,
			apiKey: emulator.secrets.apiKey,
			uploadFolderId: uploads.id,
			downloadFileId: download.id,
			smallFileId: small.id,
			listFolderId: list.id,
			sizeBytes,
			listEntries,
		})}\n`,
	);
	process.once('SIGTERM', () => {
		void emulator.close().then(() => process.exit(0));
	});
}

main().catch((error: unknown) => {
	process.stderr.write(
		`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
	);
	process.exit(1);
});
