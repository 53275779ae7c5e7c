// g. Transfers in real n8n (filesystem binary mode): a file of more than 3 chunks is downloaded,
// uploaded again in numbered parallel chunks and downloaded once more; SHA-256 must match throughout.
import { createHash, randomBytes } from 'node:crypto';

import { NODE_TYPE } from '../lib/config.mjs';
import { assert, check } from '../lib/report.mjs';
import {
	buildWebhookWorkflow,
	callWebhook,
	createAndActivate,
	lastExecutionError,
} from '../lib/workflows.mjs';

const MiB = 1024 * 1024;
const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');

export async function transferChecks(ctx) {
	await check(
		'transfer: a 3.5-chunk file survives download → upload → download in n8n byte for byte (SHA-256)',
		async () => {
			assert(ctx.credentials.apiKey, 'no apiKey credential');
			const { state } = ctx.emu.emu;
			const admin = state.seedIds.users.admin;
			const content = randomBytes(3.5 * MiB);
			const source = state.createFile({
				title: 'e2e-transfer.bin',
				folderId: state.seedIds.myDocuments,
				createdBy: admin,
				content,
			});
			const target = state.createFolder({
				title: `e2e transfer ${ctx.runs}`,
				parentId: state.seedIds.myDocuments,
				createdBy: admin,
			});
			const fixture = {
				nodes: [
					{
						name: 'Download',
						type: NODE_TYPE,
						typeVersion: 1,
						parameters: {
							resource: 'file',
							operation: 'download',
							fileId: { __rl: true, mode: 'id', value: String(source.id) },
						},
					},
					{
						name: 'Upload',
						type: NODE_TYPE,
						typeVersion: 1,
						parameters: {
							resource: 'file',
							operation: 'upload',
							folderId: { __rl: true, mode: 'id', value: String(target.id) },
							options: { chunkSize: 1, parallelChunks: 3, fileName: 'copy.bin' },
						},
					},
					{
						name: 'Download Copy',
						type: NODE_TYPE,
						typeVersion: 1,
						parameters: {
							resource: 'file',
							operation: 'download',
							fileId: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
						},
					},
					{
						name: 'Hash',
						type: 'n8n-nodes-base.crypto',
						typeVersion: 2,
						parameters: {
							action: 'hash',
							binaryData: true,
							binaryPropertyName: 'data',
							type: 'SHA256',
							encoding: 'hex',
							dataPropertyName: 'sha256',
						},
					},
				],
			};
			const path = `e2e-transfer-${ctx.runs++}`;
			const workflow = buildWebhookWorkflow(fixture, {
				name: 'e2e: transfer',
				path,
				auth: 'apiKey',
				credential: ctx.credentials.apiKey,
				vars: ctx.seed,
			});
			const created = await createAndActivate(ctx.n8n, workflow);
			const mark = ctx.emu.mark();
			const res = await callWebhook(ctx.n8n.base, path);
			if (res.status !== 200)
				throw new Error(
					`workflow failed: HTTP ${res.status}: ${await lastExecutionError(ctx.n8n, created.id)}`,
				);
			const [item] = [JSON.parse(res.text)].flat();
			const copy = state.childrenOf(target.id).files.find((f) => f.title === 'copy.bin');
			assert(copy, 'the upload left no copy.bin in the target folder');
			assert(
				sha256(copy.content) === sha256(content),
				`the uploaded bytes differ (${copy.content.length} of ${content.length} bytes)`,
			);
			assert(
				item?.sha256 === sha256(content),
				`n8n hashed the downloaded copy as ${item?.sha256}, expected ${sha256(content)}`,
			);
			const chunks = ctx.emu
				.since(mark)
				.filter((r) => r.method === 'POST' && /\/session\/[^/]+\/upload$/.test(r.path));
			assert(chunks.length === 4, `expected 4 numbered chunks, saw ${chunks.length}`);
			return `${content.length} bytes, ${chunks.length} chunks, sha256 ${item.sha256.slice(0, 12)}…`;
		},
	);
}
