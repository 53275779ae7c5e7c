// n8n in queue mode: one main process (`start`), workers (`worker`) and webhook processes
// (`webhook`), sharing PostgreSQL and Redis, all loading the packed package from one user folder;
// and the round-robin proxy in front of the webhook processes that DocSpace delivers to.
import { execFileSync } from 'node:child_process';
import { request as httpRequest, createServer } from 'node:http';
import { join } from 'node:path';

import { startN8n } from '../lib/n8n.mjs';
import { onCleanup } from '../lib/procs.mjs';

/** What every process of the cluster shares. */
export function queueEnv({ postgres, redis, proxyPort }) {
	return {
		EXECUTIONS_MODE: 'queue',
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_HOST: '127.0.0.1',
		DB_POSTGRESDB_PORT: String(postgres.port),
		DB_POSTGRESDB_DATABASE: postgres.database,
		DB_POSTGRESDB_USER: postgres.user,
		DB_POSTGRESDB_PASSWORD: '',
		// n8n's default pool of 2 connections makes a webhook process time out under 10 parallel deliveries
		DB_POSTGRESDB_POOL_SIZE: '10',
		QUEUE_BULL_REDIS_HOST: '127.0.0.1',
		QUEUE_BULL_REDIS_PORT: String(redis.port),
		// production webhooks only on the webhook processes; DocSpace reaches them through the proxy
		N8N_DISABLE_PRODUCTION_MAIN_PROCESS: 'true',
		WEBHOOK_URL: `http://127.0.0.1:${proxyPort}/`,
		// a killed worker's jobs are picked up again after seconds, not n8n's default 30 s
		QUEUE_WORKER_LOCK_DURATION: '5000',
		QUEUE_WORKER_LOCK_RENEW_TIME: '2000',
		QUEUE_WORKER_STALLED_INTERVAL: '5000',
	};
}

/** Starts n8n `command` on its own ports with the shared queue settings. */
export async function startQueueProcess({
	command,
	name,
	port,
	userFolder,
	runDir,
	env,
	args = [],
}) {
	const extraEnv = { ...env };
	let probes = ['/healthz/readiness'];
	if (command === 'worker') {
		Object.assign(extraEnv, {
			QUEUE_HEALTH_CHECK_ACTIVE: 'true',
			QUEUE_HEALTH_CHECK_PORT: String(port),
		});
		probes = ['/healthz'];
	}
	const logFile = join(runDir, `${name}.log`);
	const started = await startN8n({
		userFolder,
		port,
		brokerPort: port + 1,
		logFile,
		command,
		args,
		extraEnv,
		probes,
	});
	return { name, command, port, logFile, ...started };
}

/** HTTP round-robin over `ports` on 127.0.0.1; counts what each backend received. */
export async function startRoundRobin({ port, ports }) {
	const received = new Map(ports.map((p) => [p, 0]));
	let next = 0;
	const server = createServer((req, res) => {
		const chunks = [];
		req.on('data', (c) => chunks.push(c));
		req.on('end', () => {
			const target = ports[next++ % ports.length];
			received.set(target, received.get(target) + 1);
			const upstream = httpRequest(
				{
					host: '127.0.0.1',
					port: target,
					method: req.method,
					path: req.url,
					headers: req.headers,
				},
				(answer) => {
					res.writeHead(answer.statusCode ?? 502, answer.headers);
					answer.pipe(res);
				},
			);
			upstream.on('error', (err) => {
				if (res.headersSent) return void res.destroy(err);
				res.writeHead(502, { 'content-type': 'text/plain' });
				res.end(`proxy: ${err.message}`);
			});
			upstream.end(Buffer.concat(chunks));
		});
	});
	await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
	onCleanup(() => new Promise((resolve) => server.close(() => resolve())));
	return { base: `http://127.0.0.1:${port}`, received };
}

/** redis-cli against the suite's Redis; the answer's lines. */
export const redisCli = (redisPort, ...args) =>
	execFileSync('redis-cli', ['-h', '127.0.0.1', '-p', String(redisPort), ...args])
		.toString()
		.split('\n')
		.filter(Boolean);

// One snapshot of the active list and each job's data, taken atomically inside Redis: read one by
// one, a job that finished in between has no data any more.
const ACTIVE_JOB_DATA = `local out = {}
for _, id in ipairs(redis.call('LRANGE', KEYS[1], 0, -1)) do
	local data = redis.call('HGET', KEYS[2] .. id, 'data')
	if data then table.insert(out, data) end
end
return out`;

/** The executions whose Bull jobs are active (taken by a worker, locked) in n8n's default queue. */
export function activeJobExecutions(redisPort) {
	// n8n's Bull prefix `bull` and queue `jobs`; each job's hash holds its data as one line of JSON
	return redisCli(redisPort, 'EVAL', ACTIVE_JOB_DATA, '2', 'bull:jobs:active', 'bull:jobs:').map(
		(data) => String(JSON.parse(data).executionId),
	);
}
