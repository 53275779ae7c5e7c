// Queue-mode suite (`npm run test:e2e:queue`): real n8n 2.x with EXECUTIONS_MODE=queue, one main
// process, two workers and two webhook processes on PostgreSQL and Redis, all loading the packed
// package; DocSpace (the emulator) delivers through a round-robin in front of the webhook
// processes. Run through test/e2e/queue/run.sh. Ends with "N passed, M failed".
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

import { seedValues } from '../cases.mjs';
import { credentialChecks } from '../checks/credentials.mjs';
import { OWNER, PKG, RUN_DIR, USER_FOLDER } from '../lib/config.mjs';
import { N8nClient } from '../lib/n8n.mjs';
import { stopProcess } from '../lib/procs.mjs';
import { crash, finish, setup } from '../lib/report.mjs';
import { installPackage, startEmulatorView } from '../lib/setup.mjs';
import { actionChecks } from './actions.mjs';
import { queueEnv, startQueueProcess, startRoundRobin } from './cluster.mjs';
import { startPostgres, startRedis } from './services.mjs';
import { deactivationCheck, queueTriggerChecks } from './trigger.mjs';
import { workerChecks } from './workers.mjs';

const PORTS = {
	main: 15678,
	workers: [15680, 15682],
	webhooks: [15690, 15692],
	proxy: 15695,
	postgres: 15432,
	redis: 16379,
};

async function main() {
	console.log(
		`e2e queue mode: n8n ${process.env.E2E_N8N_VERSION ?? ''} + ${PKG}; ${process.env.E2E_IN_NS ? 'inside a loopback-only network namespace' : 'WITHOUT network isolation'}`,
	);
	rmSync(USER_FOLDER, { recursive: true, force: true });
	mkdirSync(RUN_DIR, { recursive: true });
	await setup('package installed into the community-nodes folder', () =>
		installPackage(USER_FOLDER),
	);
	const ctx = { runs: 0, credentials: {} };
	ctx.emu = await setup('DocSpace emulator', () => startEmulatorView());
	const secrets = ctx.emu.emu.secrets;
	ctx.seed = await setup('seed data looked up on the emulator', () => seedValues(ctx.emu.docspace));
	const [postgres, redis] = await setup(
		`PostgreSQL on :${PORTS.postgres} and Redis on :${PORTS.redis}`,
		() =>
			Promise.all([
				startPostgres({ port: PORTS.postgres, logFile: join(RUN_DIR, 'postgres.log') }),
				startRedis({ port: PORTS.redis, logFile: join(RUN_DIR, 'redis.log') }),
			]),
	);
	const proxy = await setup(`round-robin on :${PORTS.proxy} over the webhook processes`, () =>
		startRoundRobin({ port: PORTS.proxy, ports: PORTS.webhooks }),
	);
	const env = queueEnv({ postgres, redis, proxyPort: PORTS.proxy });
	const common = { userFolder: USER_FOLDER, runDir: RUN_DIR, env };
	const startWorker = (port, name) =>
		startQueueProcess({ ...common, command: 'worker', name, port, args: ['--concurrency=5'] });
	const main = await setup(`n8n main (start) on :${PORTS.main}`, () =>
		startQueueProcess({ ...common, command: 'start', name: 'main', port: PORTS.main }),
	);
	console.log(`     main ready after ${(main.readyMs / 1000).toFixed(1)} s`);
	const n8n = (ctx.n8n = new N8nClient(main.base));
	ctx.webhookBase = proxy.base;
	await setup('owner account + public API key', async () => {
		await n8n.setupOwner(OWNER);
		await n8n.createApiKey();
	});
	const others = await setup('2 workers and 2 webhook processes started', () =>
		Promise.all([
			...PORTS.workers.map((port, i) => startWorker(port, `worker-${i + 1}`)),
			...PORTS.webhooks.map((port, i) =>
				startQueueProcess({ ...common, command: 'webhook', name: `webhook-${i + 1}`, port }),
			),
		]),
	);
	const workers = others.filter((p) => p.command === 'worker');
	const cluster = {
		proxy,
		webhookPorts: PORTS.webhooks,
		redisPort: redis.port,
		workers,
		killWorker: async (i) => {
			process.kill(-workers[i].proc.child.pid, 'SIGKILL');
			await stopProcess(workers[i].proc);
			console.log(`     killed ${workers[i].name}`);
		},
		/** SIGTERM: n8n lets the worker finish its running executions first. */
		stopWorker: async (i) => {
			await stopProcess(workers[i].proc, 60000);
			console.log(`     stopped ${workers[i].name}`);
		},
		restartWorker: async (i) =>
			(workers[i] = await startWorker(PORTS.workers[i], `${workers[i].name}-restarted`)),
	};

	const oauthOk = await credentialChecks(ctx, secrets);
	await actionChecks(ctx, secrets, oauthOk, workers);
	const trigger = await queueTriggerChecks(ctx, cluster);
	if (trigger) {
		await workerChecks(ctx, cluster, trigger);
		await deactivationCheck(ctx, trigger);
	}
	await finish();
}

main().catch(crash);
