// Queue mode, trigger: one subscription, 200 distinct deliveries, 50 duplicates over both webhook
// processes, copies of new events on both processes, forged deliveries, deactivation. Counts are
// printed.
import { createHmac, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { CRED_TYPES, TRIGGER_TYPE } from '../lib/config.mjs';
import { acceptedDeliveries, resend } from '../lib/deliveries.mjs';
import { fillTemplate } from '../lib/examples.mjs';
import { sleep, waitFor } from '../lib/procs.mjs';
import { assert, check } from '../lib/report.mjs';
import { createAndActivate } from '../lib/workflows.mjs';
import {
	allExecutions,
	createFiles,
	eventIdOf,
	passedRemoveDuplicates,
	reachedAccepted,
	settled,
	signedDelivery,
	summary,
} from './executions.mjs';

const FIXTURE = join(import.meta.dirname, 'workflows', 'trigger-accepted.json');

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

	/** Two copies of each of `pairs` new events, one to each webhook process; counts what got through. */
	const copiesOfNewEvents = async (firstId, pairs, send, { triggerStopsAll = false } = {}) => {
		const before = await allExecutions(n8n, wfId);
		const ids = [];
		const answers = [];
		for (let i = 0; i < pairs; i++) {
			ids.push(String(firstId + i));
			const { body, headers } = signedDelivery(ctx, subscriptionsFor()[0], hookUrl, firstId + i);
			const post = (port) =>
				fetch(`http://127.0.0.1:${port}/webhook/${triggerId}/webhook`, {
					method: 'POST',
					headers,
					body,
				}).then((r) => r.status);
			answers.push(...(await send(cluster.webhookPorts.map((port) => () => post(port)))));
		}
		assert(
			answers.every((s) => s === 200),
			`answers ${answers.join(',')}`,
		);
		await sleep(3000);
		const all = await settled(n8n, wfId, before.length + pairs, 60000);
		const fresh = all.filter((e) => ids.includes(String(eventIdOf(e))));
		expected = all.length;
		const started = fresh.length;
		const afterRemoveDuplicates = fresh.filter(passedRemoveDuplicates).length;
		const accepted = fresh.filter(reachedAccepted).map(eventIdOf);
		assert(
			new Set(accepted).size === pairs,
			`${new Set(accepted).size} of ${pairs} events reached Accepted`,
		);
		assert(accepted.length === pairs, `${accepted.length - pairs} event(s) reached Accepted twice`);
		assert(
			!triggerStopsAll || started === pairs,
			`the trigger let ${started - pairs} second copies through`,
		);
		return `${pairs} pairs -> ${started} executions started (${started - pairs} second copies let through by the trigger), ${afterRemoveDuplicates - pairs} second copies passed Remove Duplicates, ${accepted.length - pairs} passed the Redis claim`;
	};

	await check(
		'queue trigger: two copies of a new event at the same moment on both webhook processes: the Redis claim lets one through',
		() => copiesOfNewEvents(900000, 10, (posts) => Promise.all(posts.map((post) => post()))),
	);

	/** One copy to each webhook process in turn, the second `delayMs` after the first was answered. */
	const oneAfterTheOther = (delayMs) => async (posts) => {
		const answers = [];
		for (const post of posts) {
			if (answers.length) await sleep(delayMs);
			answers.push(await post());
		}
		return answers;
	};

	await check(
		'queue trigger: a new event sent again to the other webhook process as soon as the first copy is answered: the Redis claim lets one through',
		() => copiesOfNewEvents(910000, 10, oneAfterTheOther(0)),
	);

	await check(
		"queue trigger: a new event sent again to the other webhook process 1 s after the first copy was answered (DocSpace's shortest retry delay) starts nothing",
		() => copiesOfNewEvents(920000, 10, oneAfterTheOther(1000), { triggerStopsAll: true }),
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
	return { wfId, hookUrl, subscriptionsFor, expected: () => expected, add: (n) => (expected += n) };
}

/** Unpublishing the workflow removes its DocSpace subscription. */
export async function deactivationCheck(ctx, trigger) {
	await check('queue trigger: deactivation removes the subscription', async () => {
		await ctx.n8n.api('POST', `/workflows/${trigger.wfId}/deactivate`);
		await waitFor(() => trigger.subscriptionsFor().length === 0, {
			timeoutMs: 20000,
			message: 'the subscription to disappear',
		});
	});
}
