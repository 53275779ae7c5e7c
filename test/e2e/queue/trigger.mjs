// Queue mode, trigger: one subscription, 200 distinct deliveries, 50 duplicates over both webhook
// processes, forged deliveries, a worker killed mid-run, deactivation. Counts are printed.
import { createHmac, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { CRED_TYPES, TRIGGER_TYPE } from '../lib/config.mjs';
import { acceptedDeliveries, resend } from '../lib/deliveries.mjs';
import { fillTemplate } from '../lib/examples.mjs';
import { sleep, waitFor } from '../lib/procs.mjs';
import { assert, check } from '../lib/report.mjs';
import { createAndActivate } from '../lib/workflows.mjs';

const FIXTURE = join(import.meta.dirname, 'workflows', 'trigger-accepted.json');
const FINISHED = new Set(['success', 'error', 'crashed', 'canceled']);

/** Every execution of the workflow, with data (the public API pages by cursor). */
async function allExecutions(n8n, workflowId) {
	const list = [];
	let cursor;
	do {
		const page = await n8n.api(
			'GET',
			`/executions?workflowId=${workflowId}&includeData=true&limit=250${cursor ? `&cursor=${cursor}` : ''}`,
		);
		list.push(...(page.data ?? []));
		cursor = page.nextCursor;
	} while (cursor);
	return list;
}

const runOf = (execution, node) => execution.data?.resultData?.runData?.[node];
/** The trigger's eventId: from its run, or (an execution that never ran) from the execution's start data. */
const eventIdOf = (execution) =>
	runOf(execution, 'DocSpace Trigger')?.[0]?.data?.main?.[0]?.[0]?.json?.eventId ??
	execution.data?.executionData?.nodeExecutionStack?.[0]?.data?.main?.[0]?.[0]?.json?.eventId;
const passed = (node) => (execution) =>
	(runOf(execution, node)?.[0]?.data?.main?.[0]?.length ?? 0) > 0;
const reachedAccepted = passed('Accepted');
const passedRemoveDuplicates = passed('Remove Duplicates');

/** Waits until `count` executions exist and all have finished; returns them. */
async function settled(n8n, workflowId, count, timeoutMs = 180000) {
	return await waitFor(
		async () => {
			const list = await allExecutions(n8n, workflowId);
			return list.length >= count && list.every((e) => FINISHED.has(e.status)) ? list : null;
		},
		{
			timeoutMs,
			intervalMs: 1000,
			message: `${count} finished executions of workflow ${workflowId}`,
		},
	);
}

function summary(executions) {
	const ids = executions.map(eventIdOf);
	const statuses = {};
	for (const e of executions) statuses[e.status] = (statuses[e.status] ?? 0) + 1;
	return {
		count: executions.length,
		distinct: new Set(ids).size,
		accepted: executions.filter(reachedAccepted).length,
		statuses: JSON.stringify(statuses),
	};
}

/**
 * Creates `count` documents in the room, `parallel` at a time: each emits one file.created
 * delivery; a batch's deliveries (DocSpace sends them from a pool of 10 threads) finish before
 * the next batch, unless `overlap`.
 */
async function createFiles(ctx, count, parallel, prefix, { overlap = false } = {}) {
	for (let i = 0; i < count; i += parallel) {
		const batch = Array.from(
			{ length: Math.min(parallel, count - i) },
			(_, j) => `${prefix}-${i + j}-${Date.now()}.docx`,
		);
		await Promise.all(
			batch.map((title) =>
				ctx.emu.docspace('POST', `/api/2.0/files/${ctx.seed.roomId}/file`, { title }),
			),
		);
		if (!overlap) await ctx.emu.emu.webhooks.idle();
	}
}

/** Deliveries n8n answered 2xx whose event has no execution: lost after the answer. */
function answeredButMissing(emu, hookUrl, executions) {
	const started = new Set(executions.map((e) => String(eventIdOf(e))));
	return [...new Set(acceptedDeliveries(emu, hookUrl).map((d) => String(d.eventId)))].filter(
		(id) => !started.has(id),
	);
}

export async function queueTriggerChecks(ctx, cluster) {
	const { n8n, emu } = ctx;
	const hub = emu.emu.webhooks;
	const fixture = JSON.parse(readFileSync(FIXTURE, 'utf8'));
	const triggerId = randomUUID();
	const hookUrl = `${cluster.proxy.base}/webhook/${triggerId}/webhook`;
	const subscriptionsFor = () => [...hub.subscriptions.values()].filter((s) => s.uri === hookUrl);
	let wfId;
	let expected = 0;

	const activated = await check(
		'queue trigger: activation registers exactly one subscription, for the webhook processes',
		async () => {
			const cred = ctx.credentials.apiKey;
			const nodes = fixture.nodes.map((n, i) => ({
				id: randomUUID(),
				position: [240 * i, 0],
				...fillTemplate(n, ctx.seed),
			}));
			Object.assign(nodes[0], {
				webhookId: triggerId,
				parameters: { authentication: 'apiKey', ...nodes[0].parameters },
				credentials: { [CRED_TYPES.apiKey]: { id: cred.id, name: cred.name } },
			});
			// the atomic claim: n8n's Redis node (INCR) on the Redis that queue mode already uses
			const redis = await n8n.rest('POST', '/credentials', {
				name: 'E2E Redis',
				type: 'redis',
				data: {
					host: '127.0.0.1',
					port: cluster.redisPort,
					database: 0,
					password: '',
					user: '',
					ssl: false,
				},
			});
			Object.assign(
				nodes.find((n) => n.name === 'Claim Event'),
				{ credentials: { redis: { id: redis.id, name: redis.name } } },
			);
			assert(
				nodes[0].type === TRIGGER_TYPE,
				'the fixture does not start with the DocSpace Trigger',
			);
			const connections = {};
			for (let i = 0; i < nodes.length - 1; i++)
				connections[nodes[i].name] = {
					main: [[{ node: nodes[i + 1].name, type: 'main', index: 0 }]],
				};
			const posts = emu
				.list()
				.filter((q) => q.method === 'POST' && q.path === '/api/2.0/settings/webhook').length;
			wfId = (
				await createAndActivate(n8n, {
					name: fixture.name,
					nodes,
					connections,
					settings: { executionOrder: 'v1' },
				})
			).id;
			await waitFor(() => subscriptionsFor().length > 0, {
				timeoutMs: 30000,
				message: `a subscription for ${hookUrl}`,
			});
			await sleep(3000); // a second registration (another process activating too) would show up here
			const created =
				emu.list().filter((q) => q.method === 'POST' && q.path === '/api/2.0/settings/webhook')
					.length - posts;
			assert(
				subscriptionsFor().length === 1 && created === 1,
				`${subscriptionsFor().length} subscription(s), ${created} POST settings/webhook`,
			);
			return `subscription ${subscriptionsFor()[0].id} -> ${hookUrl}`;
		},
	);
	if (!activated) return;
	const secret = () => subscriptionsFor()[0].secretKey;

	await check(
		'queue trigger: 200 distinct deliveries start exactly 200 executions, one per event',
		async () => {
			const before = { ...Object.fromEntries(cluster.proxy.received) };
			await createFiles(ctx, 1, 1, 'q-first'); // the first also creates Remove Duplicates' history row
			await settled(n8n, wfId, 1);
			await createFiles(ctx, 199, 10, 'q-distinct');
			expected = 200;
			const s = summary(await settled(n8n, wfId, expected, 240000));
			await sleep(3000);
			const list = await allExecutions(n8n, wfId);
			const again = summary(list);
			const lost = answeredButMissing(emu, hookUrl, list);
			const retried = hub.deliveries.filter((d) => d.url === hookUrl && d.attempt > 1).length;
			assert(
				lost.length === 0,
				`${lost.length} deliveries answered 2xx have no execution: ${lost.slice(0, 5).join(', ')}`,
			);
			const split = [...cluster.proxy.received].map(([port, n]) => n - (before[port] ?? 0));
			assert(
				again.count === 200 && again.distinct === 200,
				`${again.count} executions for ${again.distinct} distinct events`,
			);
			assert(
				split.every((n) => n > 0),
				`one webhook process received nothing: ${split.join(' / ')}`,
			);
			assert(
				s.accepted === 200,
				`${s.accepted} executions reached Accepted; statuses ${s.statuses}`,
			);
			return `200 deliveries -> ${again.count} executions, ${again.distinct} distinct event ids, ${s.accepted} reached Accepted, statuses ${s.statuses}; requests per webhook process ${split.join(' / ')}; ${retried} retried attempts`;
		},
	);

	await check(
		'queue trigger: 50 duplicates (20 one after another, 15 pairs at the same moment, over both webhook processes) start nothing',
		async () => {
			const delivered = acceptedDeliveries(emu, hookUrl);
			const byEvent = new Map(delivered.map((d) => [d.eventId, d]));
			const pick = [...byEvent.values()].slice(0, 35);
			assert(pick.length === 35, `only ${pick.length} accepted deliveries to copy`);
			const answers = [];
			for (const d of pick.slice(0, 20)) answers.push(await resend(d)); // the proxy alternates processes
			answers.push(...(await Promise.all(pick.slice(20).flatMap((d) => [resend(d), resend(d)]))));
			assert(
				answers.length === 50 && answers.every((a) => a.status === 200),
				`answers ${[...new Set(answers.map((a) => a.status))].join(', ')}`,
			);
			const duplicates = answers.filter((a) => /duplicate/.test(a.text)).length;
			await sleep(5000);
			const s = summary(await settled(n8n, wfId, expected));
			assert(
				s.count === expected,
				`${s.count - expected} extra execution(s); ${duplicates} of 50 answered as duplicates`,
			);
			return `50 duplicates -> ${duplicates} answered "duplicate", ${s.count - expected} extra executions`;
		},
	);

	await check(
		'queue trigger: two copies of a new event at the same moment on both webhook processes: the Redis claim lets one through',
		async () => {
			const pairs = 10;
			const before = await allExecutions(n8n, wfId);
			const ids = [];
			const answers = [];
			for (let i = 0; i < pairs; i++) {
				const id = 900000 + i;
				ids.push(String(id));
				const body = JSON.stringify({
					event: {
						id,
						createOn: `${new Date().toISOString().slice(0, 19)}Z`,
						createBy: ctx.seed.adminId ?? 'e2e',
						trigger: 'file.created',
						triggerId: 128,
					},
					payload: { id: 800000 + i, title: `pair-${i}.docx`, parentId: Number(ctx.seed.roomId) },
					webhook: {
						id: subscriptionsFor()[0].id,
						name: subscriptionsFor()[0].name,
						url: hookUrl,
						triggers: ['file.created'],
					},
				});
				const sig = `sha256=${createHmac('sha256', secret()).update(body).digest('hex').toUpperCase()}`;
				const headers = {
					'content-type': 'application/json; charset=utf-8',
					'x-docspace-signature-256': sig,
				};
				const [a, b] = await Promise.all(
					cluster.webhookPorts.map((port) =>
						fetch(`http://127.0.0.1:${port}/webhook/${triggerId}/webhook`, {
							method: 'POST',
							headers,
							body,
						}),
					),
				);
				answers.push(a.status, b.status);
			}
			assert(
				answers.every((s) => s === 200),
				`answers ${answers.join(',')}`,
			);
			await sleep(3000);
			const all = await waitFor(
				async () => {
					const list = await allExecutions(n8n, wfId);
					return list.length >= before.length + pairs && list.every((e) => FINISHED.has(e.status))
						? list
						: null;
				},
				{ timeoutMs: 60000, intervalMs: 1000, message: 'the pairs to run' },
			);
			const fresh = all.filter((e) => ids.includes(String(eventIdOf(e))));
			expected = all.length;
			const started = fresh.length;
			const afterRemoveDuplicates = fresh.filter(passedRemoveDuplicates).length;
			const accepted = fresh.filter(reachedAccepted).map(eventIdOf);
			assert(
				new Set(accepted).size === pairs,
				`${new Set(accepted).size} of ${pairs} events reached Accepted`,
			);
			assert(
				accepted.length === pairs,
				`${accepted.length - pairs} event(s) reached Accepted twice`,
			);
			return `${pairs} pairs -> ${started} executions started (${started - pairs} second copies let through by the trigger), ${afterRemoveDuplicates - pairs} second copies passed Remove Duplicates, ${accepted.length - pairs} passed the Redis claim`;
		},
	);

	await check('queue trigger: 10 forged deliveries get 401 and start nothing', async () => {
		const [model] = acceptedDeliveries(emu, hookUrl);
		const answers = [];
		for (let i = 0; i < 10; i++) {
			const body = model.requestBody.replace(/"id":(\d+)/, `"id":${700000 + i}`);
			const sig = `sha256=${createHmac('sha256', 'not-the-secret').update(body).digest('hex').toUpperCase()}`;
			answers.push(
				(
					await resend({
						...model,
						requestBody: body,
						requestHeaders: { ...model.requestHeaders, 'x-docspace-signature-256': sig },
					})
				).status,
			);
		}
		await sleep(3000);
		const count = (await allExecutions(n8n, wfId)).length;
		assert(
			answers.every((s) => s === 401),
			`answers ${answers.join(',')}`,
		);
		assert(count === expected, `${count - expected} execution(s) from forged deliveries`);
		return `10 forged -> ${answers.filter((s) => s === 401).length} x 401, ${count - expected} executions`;
	});

	await check(
		"queue trigger: a worker killed mid-run: every delivery answered and recorded once, only the killed worker's executions fail",
		async () => {
			const total = 40;
			const mark = hub.deliveries.length;
			const lastIdBefore = Math.max(
				0,
				...(await allExecutions(n8n, wfId)).map((e) => Number(e.id)),
			);
			const victim = cluster.workers[0];
			const runningOnVictim = () => {
				const log = readFileSync(victim.logFile, 'utf8');
				return [...log.matchAll(/Worker started execution (\d+) /g)]
					.map((m) => m[1])
					.filter((id) => !log.includes(`Worker finished execution ${id} `));
			};
			const killing = (async () => {
				await waitFor(() => runningOnVictim().length >= 2, {
					timeoutMs: 60000,
					intervalMs: 100,
					message: `executions running on ${victim.name}`,
				});
				await cluster.killWorker(0);
			})();
			await createFiles(ctx, total, 10, 'q-kill', { overlap: true });
			await killing;
			await hub.idle(); // DocSpace's retries of any failed answer included
			const attempts = hub.deliveries.slice(mark).filter((d) => d.url === hookUrl);
			const events = new Set(attempts.map((d) => String(d.eventId)));
			const answered = new Set(
				attempts.filter((d) => d.status >= 200 && d.status <= 299).map((d) => String(d.eventId)),
			);
			assert(
				events.size === total && answered.size === total,
				`${events.size} events delivered, ${answered.size} answered 2xx`,
			);
			// n8n replaces the data of an execution whose job stalled, so the new executions are found by id
			const list = await waitFor(
				async () => {
					const mine = (await allExecutions(n8n, wfId)).filter((e) => Number(e.id) > lastIdBefore);
					return mine.length >= total && mine.every((e) => FINISHED.has(e.status)) ? mine : null;
				},
				{
					timeoutMs: 150000,
					intervalMs: 1000,
					message: `${total} finished executions after the kill`,
				},
			);
			const s = summary(list);
			const readable = list.map(eventIdOf).filter((id) => id !== undefined);
			assert(list.length === total, `${list.length} executions for ${total} events`);
			assert(
				new Set(readable).size === readable.length &&
					readable.every((id) => events.has(String(id))),
				`an event has two executions, or an unknown one: ${readable.join(',')}`,
			);
			// n8n does not run a stalled job again (Bull maxStalledCount 0): the jobs the killed worker held
			// fail (its last log lines may be lost with it); none that the surviving worker ran may fail
			const unfinished = runningOnVictim();
			assert(unfinished.length > 0, `${victim.name} had no execution running when it was killed`);
			const survivorLog = readFileSync(cluster.workers[1].logFile, 'utf8');
			const failed = list.filter((e) => e.status !== 'success');
			const failedOnSurvivor = failed.filter((e) =>
				survivorLog.includes(`Worker started execution ${e.id} `),
			);
			assert(
				failedOnSurvivor.length === 0,
				`${failedOnSurvivor.length} execution(s) failed on the surviving worker: ${failedOnSurvivor.map((e) => `${e.id} ${e.status}`).join(', ')}`,
			);
			expected += list.length;
			return `${total} events, ${attempts.length} attempts, all answered 2xx -> ${s.count} executions (${s.statuses}); the failed ones were held by the killed worker (${unfinished.length} seen running in its log), ${s.accepted} reached Accepted`;
		},
	);

	await check('queue trigger: deactivation removes the subscription', async () => {
		await n8n.api('POST', `/workflows/${wfId}/deactivate`);
		await waitFor(() => subscriptionsFor().length === 0, {
			timeoutMs: 20000,
			message: 'the subscription to disappear',
		});
	});
}
