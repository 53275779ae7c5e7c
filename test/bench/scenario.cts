/**
 * One benchmark scenario in a fresh process, so that its peak memory is its own:
 * `node --expose-gc --import tsx test/bench/scenario.cts <name>` with BENCH_CONFIG (JSON) set.
 * Prints one JSON line: seconds, peak RSS growth, peak heap+external growth, and a check that
 * the result is complete.
 */
import './env.cjs';

import { createReadStream } from 'node:fs';
import path from 'node:path';

import { Container } from '@n8n/di';
import { BinaryDataService } from 'n8n-core';
import type { IBinaryData, INodeExecutionData, INodeType } from 'n8n-workflow';

import { runNode } from '../harness/n8n.cjs';
import type { BenchConfig } from './config.cjs';
import { measure } from './measure.cjs';
import { NaiveDocSpace } from './naive-node.cjs';

// Node's resolver picks the codex file DocSpace.node.json for `…/DocSpace.node`; name the source.
const { DocSpace } = require(
	path.join(__dirname, '../../nodes/DocSpace/DocSpace.node.ts'),
) as typeof import('../../nodes/DocSpace/DocSpace.node');

type Scenario =
	| 'upload-streamed'
	| 'upload-sequential'
	| 'upload-naive'
	| 'download-streamed'
	| 'download-naive'
	| 'list-returnAll'
	| 'list-naive';

const byId = (value: number) => ({ __rl: true, mode: 'id', value: String(value) });

/** The DocSpace node's File → Upload of the bench input into the upload folder. */
const uploadParameters = (config: BenchConfig) => ({
	authentication: 'apiKey',
	resource: 'file',
	operation: 'upload',
	folderId: byId(config.uploadFolderId),
	binaryPropertyName: 'data',
	ifNameExists: 'duplicate',
});

function planOf(
	name: Scenario,
	config: BenchConfig,
): { nodeType: INodeType; parameters: Record<string, unknown> } {
	switch (name) {
		case 'upload-streamed':
			return { nodeType: new DocSpace(), parameters: uploadParameters(config) };
		case 'upload-sequential':
			return {
				nodeType: new DocSpace(),
				parameters: { ...uploadParameters(config), options: { parallelChunks: 1 } },
			};
		case 'upload-naive':
			return {
				nodeType: new NaiveDocSpace(),
				parameters: {
					authentication: 'apiKey',
					operation: 'upload',
					target: String(config.uploadFolderId),
				},
			};
		case 'download-streamed':
			return {
				nodeType: new DocSpace(),
				parameters: {
					authentication: 'apiKey',
					resource: 'file',
					operation: 'download',
					fileId: byId(config.downloadFileId),
					binaryPropertyName: 'data',
				},
			};
		case 'download-naive':
			return {
				nodeType: new NaiveDocSpace(),
				parameters: {
					authentication: 'apiKey',
					operation: 'download',
					target: String(config.downloadFileId),
				},
			};
		case 'list-returnAll':
			return {
				nodeType: new DocSpace(),
				parameters: {
					authentication: 'apiKey',
					resource: 'file',
					operation: 'getMany',
					folderId: byId(config.listFolderId),
					returnAll: true,
					simplify: false,
				},
			};
		case 'list-naive':
			return {
				nodeType: new NaiveDocSpace(),
				parameters: {
					authentication: 'apiKey',
					operation: 'list',
					target: String(config.listFolderId),
				},
			};
	}
}

/** The check that the scenario really moved everything. */
function complete(name: Scenario, config: BenchConfig, items: INodeExecutionData[]): boolean {
	if (name.startsWith('upload'))
		return Number(items[0]?.json.pureContentLength) === config.sizeBytes;
	if (name.startsWith('download')) return items[0]?.binary?.data.bytes === config.sizeBytes;
	return items.length === config.listEntries;
}

/** The same run on a small file first, so that n8n's lazily loaded modules and the JIT are warm, as in a running n8n. */
function warmUp(plan: ReturnType<typeof planOf>, config: BenchConfig): ReturnType<typeof planOf> {
	const { parameters } = plan;
	if ('fileId' in parameters)
		return { ...plan, parameters: { ...parameters, fileId: byId(config.smallFileId) } };
	if ('target' in parameters && parameters.operation === 'download')
		return { ...plan, parameters: { ...parameters, target: String(config.smallFileId) } };
	if ('folderId' in parameters && parameters.operation === 'getMany')
		return { ...plan, parameters: { ...parameters, folderId: byId(config.uploadFolderId) } };
	if (parameters.operation === 'list')
		return { ...plan, parameters: { ...parameters, target: String(config.uploadFolderId) } };
	return plan;
}

async function storeInput(
	service: BinaryDataService,
	file: string,
	executionId: string,
	end?: number,
): Promise<INodeExecutionData[]> {
	// The file arrives as an earlier node would leave it in filesystem mode: on disk, with an id.
	const binary = await service.store(
		{ type: 'execution', workflowId: 'bench', executionId },
		createReadStream(file, { end }),
		{
			data: '',
			mimeType: 'application/octet-stream',
			fileName: 'bench-upload.bin',
		} as IBinaryData,
	);
	return [{ json: {}, binary: { data: binary } }];
}

async function main(): Promise<void> {
	const name = process.argv[2] as Scenario;
	const config = JSON.parse(process.env.BENCH_CONFIG ?? '{}') as BenchConfig;
	const service = Container.get(BinaryDataService);
	await service.init();
	const upload = name.startsWith('upload');
	const credentials = { docSpaceApiKeyApi: { baseUrl: config.url, apiKey: config.apiKey } };

	const plan = planOf(name, config);
	const warm = await runNode({
		...warmUp(plan, config),
		credentials,
		input: upload
			? await storeInput(service, config.inputFile, 'warm-up', 1024 * 1024 - 1)
			: undefined,
	});
	if (warm.error) throw warm.error;
	// The warm-up's requests are not the scenario's.
	await fetch(`${config.url}/bench/requests`);

	const input = upload ? await storeInput(service, config.inputFile, 'input') : undefined;
	const measured = await measure(async () => {
		const result = await runNode({ ...plan, credentials, input });
		return {
			ok: result.error === undefined && complete(name, config, result.items),
			error: result.error?.message,
		};
	});
	const line = `${JSON.stringify({ name, ...measured })}\n`;
	// n8n-core leaves timers running; leave once the line is out.
	process.stdout.write(line, () => process.exit(0));
}

main().catch((error: unknown) => {
	process.stderr.write(
		`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
	);
	process.exit(1);
});
