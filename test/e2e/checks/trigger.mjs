// e. The trigger in real n8n: subscription on activation, a signed delivery, the same delivery again
// (sequentially, 20 copies at once, after a restart of n8n) starting nothing, a forged delivery,
// removal on deactivation.
import { createHmac, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { CRED_TYPES, HERE } from '../lib/config.mjs';
import {
	acceptedDeliveries,
	resend,
	resendConcurrently,
	resendWhenRegistered,
} from '../lib/deliveries.mjs';
import { fillTemplate } from '../lib/examples.mjs';
import { sleep, waitFor } from '../lib/procs.mjs';
import { assert, check } from '../lib/report.mjs';
import { createAndActivate, settledExecutions } from '../lib/workflows.mjs';

export async function triggerChecks(ctx, secrets) {
	const { n8n, emu } = ctx;
	const fixture = JSON.parse(
		readFileSync(join(HERE, 'workflows', 'trigger-file-created.json'), 'utf8'),
	);
	let wfId;
	let hookUrl;
	let subscription;
	const subscribed = await check(
		"trigger: activation via the public API subscribes n8n's production URL on the emulator",
		async () => {
			const cred = ctx.credentials.apiKey;
			const trigger = fillTemplate(fixture.nodes[0], ctx.seed);
			const node = {
				id: randomUUID(),
				position: [0, 0],
				webhookId: randomUUID(),
				...trigger,
				parameters: { authentication: 'apiKey', ...trigger.parameters },
				credentials: { [CRED_TYPES.apiKey]: { id: cred.id, name: cred.name } },
			};
			hookUrl = `${n8n.base}/webhook/${node.webhookId}/webhook`;
			const wf = await createAndActivate(n8n, {
				name: fixture.name,
				nodes: [node],
				connections: {},
				settings: { executionOrder: 'v1' },
			});
			wfId = wf.id;
			subscription = await waitFor(
				async () => (await emu.webhookSubscriptions()).find((h) => h.uri === hookUrl),
				{ timeoutMs: 30000, message: `a webhook subscription for ${hookUrl}` },
			);
			assert(
				emu.list().some((q) => q.method === 'POST' && q.path === '/api/2.0/settings/webhook'),
				'no POST /api/2.0/settings/webhook recorded',
			);
			return `subscription ${subscription.id}`;
		},
	);
	if (!subscribed) return;
	const executions = async () =>
		(await n8n.api('GET', `/executions?workflowId=${wfId}&includeData=true`)).data ?? [];
	await check(
		'trigger: a change on the emulator delivers a signed event that starts exactly one execution',
		async () => {
			const title = `e2e-trigger-${Date.now()}.docx`;
			await emu.docspace('POST', `/api/2.0/files/${ctx.seed.roomId}/file`, { title });
			await settledExecutions(n8n, wfId).catch((err) => {
				const hub = emu.emu.webhooks;
				const subs = hub
					? [...hub.subscriptions.values()].map(
							(h) => `#${h.id} triggers=${h.triggers} enabled=${h.enabled} target=${h.targetId}`,
						)
					: [];
				const tries = hub
					? hub.deliveries.map(
							(d) =>
								`${d.trigger} #${d.eventId} try ${d.attempt} -> ${d.status}${d.error ? ` ${d.error}` : ''} ${d.responseBody?.slice(0, 80) ?? ''}`,
						)
					: [];
				throw new Error(
					`${err.message}; subscriptions: ${subs.join(', ') || 'none'}; deliveries: ${tries.join(' | ') || 'none'}`,
				);
			});
			await sleep(2000); // retries or duplicates would show up here
			const list = await settledExecutions(n8n, wfId);
			assert(list.length === 1, `expected exactly 1 execution, found ${list.length}`);
			assert(
				JSON.stringify(list[0].data ?? {}).includes(title),
				'the execution does not contain the new file',
			);
		},
	);
	const count = async () => (await settledExecutions(n8n, wfId)).length;
	const delivered = () => {
		const [first] = acceptedDeliveries(emu, hookUrl);
		assert(first, 'the emulator logged no accepted delivery to re-send');
		return first;
	};
	await check(
		'trigger: the same signed delivery again, then 20 copies at the same moment, start no execution',
		async () => {
			const delivery = delivered();
			const before = await count();
			const again = await resend(delivery);
			assert(
				again.status === 200 && /duplicate/.test(again.text),
				`the second copy -> HTTP ${again.status} ${again.text.slice(0, 120)}`,
			);
			const copies = await resendConcurrently(delivery, 20);
			assert(
				copies.every((a) => a.status === 200),
				`copies answered ${[...new Set(copies.map((a) => a.status))].join(', ')}`,
			);
			await sleep(2000);
			const after = await count();
			assert(after === before, `${after - before} extra execution(s) from 21 copies`);
			return `21 copies of event ${JSON.parse(delivery.requestBody).event.id} -> ${after - before} extra executions`;
		},
	);
	await check(
		'trigger: after n8n restarts, the same delivery starts nothing and a new event starts exactly one',
		async () => {
			const delivery = delivered();
			const before = await count();
			await ctx.restartN8n();
			const again = await resendWhenRegistered(delivery);
			assert(
				again.status === 200 && /duplicate/.test(again.text),
				`the copy after the restart -> HTTP ${again.status} ${again.text.slice(0, 120)}`,
			);
			const title = `e2e-trigger-after-restart-${Date.now()}.docx`;
			await emu.docspace('POST', `/api/2.0/files/${ctx.seed.roomId}/file`, { title });
			await settledExecutions(n8n, wfId, { min: before + 1 });
			await sleep(2000);
			const after = await count();
			assert(after === before + 1, `expected ${before + 1} executions, found ${after}`);
			return `restart, copy -> duplicate; new event -> ${after - before} execution`;
		},
	);
	await check(
		'trigger: a forged delivery (bad signature) gets 401 and starts no execution',
		async () => {
			const before = (await executions()).length;
			const body = JSON.stringify({
				event: { id: 999999, trigger: 'file.created', triggerId: 128 },
				payload: { id: 1, title: 'forged.docx' },
			});
			const sig = createHmac('sha256', 'not-the-secret').update(body).digest('hex').toUpperCase();
			const res = await fetch(hookUrl, {
				method: 'POST',
				headers: {
					'content-type': 'application/json',
					'x-docspace-signature-256': `sha256=${sig}`,
				},
				body,
			});
			assert(res.status === 401, `forged delivery -> HTTP ${res.status}`);
			await sleep(1500);
			const after = (await executions()).length;
			assert(
				after === before,
				`forged delivery started an execution (${before} before, ${after} after)`,
			);
		},
	);
	await check('trigger: deactivation removes the subscription from the emulator', async () => {
		await n8n.api('POST', `/workflows/${wfId}/deactivate`);
		await waitFor(async () => !(await emu.webhookSubscriptions()).some((h) => h.uri === hookUrl), {
			timeoutMs: 20000,
			message: 'the subscription to disappear',
		});
	});
}
