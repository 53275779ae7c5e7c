// Queue mode, workers: one killed (SIGKILL) while it runs trigger executions, then started again,
// and one stopped (SIGTERM) while it runs them. Counts executions per event id.
//
// What n8n 2.41.1 does with the job of a killed worker (scaling.service.js, workflow-runner.js):
// Bull's queue is created with `maxStalledCount: 0` whatever QUEUE_WORKER_* says, so when the job's
// lock expires (QUEUE_WORKER_LOCK_DURATION) the next stalled-job check of a live worker
// (QUEUE_WORKER_STALLED_INTERVAL) moves it to failed instead of back to waiting; the process that
// enqueued it then records the execution as an error (MaxStalledCountError) with an empty node
// stack, so n8n's Retry of it runs no node. A stopped worker drains its jobs first (up to
// N8N_GRACEFUL_SHUTDOWN_TIMEOUT, 30 s by default).
import { readFileSync } from 'node:fs';

import { sleep, waitFor } from '../lib/procs.mjs';
import { assert, check } from '../lib/report.mjs';
import { activeJobExecutions } from './cluster.mjs';
import {
	createFiles,
	eventIdOf,
	lastExecutionId,
	perEvent,
	settledAfter,
	summary,
} from './executions.mjs';

const STALLED_MESSAGE = /failed to be processed too many times/;

/** Executions the worker's log shows started and not finished. */
function unfinishedIn(logFile) {
	const log = readFileSync(logFile, 'utf8');
	return [...log.matchAll(/Worker started execution (\d+) /g)]
		.map((m) => m[1])
		.filter((id) => !log.includes(`Worker finished execution ${id} `));
}

/**
 * Makes DocSpace send `total` new events while `interrupt` hits the worker once it runs two of
 * them; returns the deliveries' attempts, the executions they started, what the worker held and
 * what `interrupt` returned (atInterrupt).
 */
async function eventsDuring(ctx, trigger, total, worker, prefix, interrupt) {
	const hub = ctx.emu.emu.webhooks;
	const mark = hub.deliveries.length;
	const lastIdBefore = await lastExecutionId(ctx.n8n, trigger.wfId);
	const interrupted = (async () => {
		await waitFor(() => unfinishedIn(worker.logFile).length >= 2, {
			timeoutMs: 60000,
			intervalMs: 100,
			message: `executions running on ${worker.name}`,
		});
		return await interrupt();
	})();
	await createFiles(ctx, total, 10, prefix, { overlap: true });
	// DocSpace's retries of any failed answer included; also when the interruption failed, so that
	// no delivery of this run reaches the next check
	const atInterrupt = await interrupted.finally(() => hub.idle());
	const attempts = hub.deliveries.slice(mark).filter((d) => d.url === trigger.hookUrl);
	const events = new Set(attempts.map((d) => String(d.eventId)));
	const answered = new Set(
		attempts.filter((d) => d.status >= 200 && d.status <= 299).map((d) => String(d.eventId)),
	);
	assert(
		events.size === total && answered.size === total,
		`${events.size} events delivered, ${answered.size} answered 2xx`,
	);
	// stall detection, then n8n's own 30 s of re-checks before it records the stalled job as failed
	const list = await settledAfter(ctx.n8n, trigger.wfId, lastIdBefore, total, 180000);
	trigger.add(list.length);
	const successes = perEvent(list, (e) => e.status === 'success');
	const twice = [...successes].filter(([, n]) => n > 1).map(([id]) => id);
	assert(twice.length === 0, `events with two successful executions: ${twice.join(', ')}`);
	assert(
		[...successes.keys()].every((id) => events.has(String(id))),
		`a successful execution of an unknown event: ${[...successes.keys()].join(',')}`,
	);
	// what the worker's log shows started and not finished (a killed worker's last jobs may not show)
	const held = unfinishedIn(worker.logFile);
	return { attempts, events, list, successes, held, atInterrupt, lastIdBefore };
}

export async function workerChecks(ctx, cluster, trigger) {
	const { n8n } = ctx;
	const total = 40;
	let killed;

	await check(
		'queue workers: a worker killed mid-run: every event answered, one execution each; exactly the jobs the killed worker held fail, as stalled',
		async () => {
			const victim = cluster.workers[0];
			const r = await eventsDuring(ctx, trigger, total, victim, 'q-kill', async () => {
				await cluster.killWorker(0);
				// the dead worker takes no more jobs, and its locks outlive it by the lock duration
				return activeJobExecutions(cluster.redisPort);
			});
			const survivorLog = readFileSync(cluster.workers[1].logFile, 'utf8');
			const held = r.atInterrupt.filter(
				(id) => !survivorLog.includes(`Worker started execution ${id} `),
			);
			killed = { ...r, jobsHeld: held };
			const failed = r.list.filter((e) => e.status !== 'success');
			const failedIds = failed.map((e) => String(e.id)).sort();
			assert(held.length > 0, `${victim.name} held no job when it was killed`);
			assert(r.list.length === total, `${r.list.length} executions for ${total} events`);
			assert(
				failedIds.join() === [...held].sort().join(),
				`failed ${failed.map((e) => `${e.id} ${e.status}`).join(', ')}; held by ${victim.name}: ${held.join(', ')}`,
			);
			const lost = total - r.successes.size;
			assert(
				lost === failed.length,
				`${lost} events without a successful execution, ${failed.length} failed executions`,
			);
			const reasons = failed.map((e) => e.data?.resultData?.error?.message ?? '');
			assert(
				reasons.every((m) => STALLED_MESSAGE.test(m)),
				`failed for another reason: ${[...new Set(reasons)].join(' | ').slice(0, 300)}`,
			);
			const keptEvent = failed.filter((e) => eventIdOf(e) !== undefined).length;
			return `${total} events, ${r.attempts.length} attempts, all answered 2xx -> ${r.list.length} executions (${summary(r.list).statuses}); ${r.successes.size} events succeeded once, 0 twice; ${lost} lost = the ${held.length} jobs ${victim.name} held (${r.held.length} of them logged as started), failed as stalled (${keptEvent} still name their event)`;
		},
	);

	await check(
		'queue workers: the killed worker started again runs none of its lost executions',
		async () => {
			assert(killed, 'the kill check did not run');
			const restarted = await cluster.restartWorker(0);
			await sleep(8000);
			const after = (await lastExecutionId(n8n, trigger.wfId)) - killed.lastIdBefore;
			const log = readFileSync(restarted.logFile, 'utf8');
			const rerun = killed.jobsHeld.filter((id) => log.includes(`Worker started execution ${id} `));
			assert(after === total, `${after - total} execution(s) appeared after the restart`);
			assert(rerun.length === 0, `restarted worker ran ${rerun.join(', ')} again`);
			return `${restarted.name} ready after ${(restarted.readyMs / 1000).toFixed(1)} s; 0 new executions, 0 re-runs`;
		},
	);

	await check(
		'queue workers: a worker stopped (SIGTERM) mid-run finishes what it holds: every event ends as exactly one successful execution',
		async () => {
			const victim = cluster.workers[1];
			const r = await eventsDuring(ctx, trigger, total, victim, 'q-stop', async () => {
				const heldAtStop = unfinishedIn(victim.logFile);
				const t0 = Date.now();
				await cluster.stopWorker(1);
				return { heldAtStop, stopMs: Date.now() - t0 };
			});
			assert(r.list.length === total, `${r.list.length} executions for ${total} events`);
			assert(
				r.list.every((e) => e.status === 'success') && r.successes.size === total,
				`statuses ${summary(r.list).statuses}, ${r.successes.size} events succeeded`,
			);
			assert(r.held.length === 0, `${victim.name} left ${r.held.join(', ')} unfinished`);
			return `${total} events -> ${r.list.length} successful executions, one per event; ${victim.name} held ${r.atInterrupt.heldAtStop.length} when stopped and finished them before exiting (${(r.atInterrupt.stopMs / 1000).toFixed(1)} s)`;
		},
	);
}
