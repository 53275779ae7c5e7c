// Reading the trigger workflow's executions back from n8n's public API, and making DocSpace (the
// emulator) deliver events: what the queue-mode trigger and worker checks count with.
import { createHmac } from 'node:crypto';

import { waitFor } from '../lib/procs.mjs';

export const FINISHED = new Set(['success', 'error', 'crashed', 'canceled']);

/** Every execution of the workflow, with data (the public API pages by cursor). */
export async function allExecutions(n8n, workflowId) {
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
export const eventIdOf = (execution) =>
	runOf(execution, 'DocSpace Trigger')?.[0]?.data?.main?.[0]?.[0]?.json?.eventId ??
	execution.data?.executionData?.nodeExecutionStack?.[0]?.data?.main?.[0]?.[0]?.json?.eventId;
const passed = (node) => (execution) =>
	(runOf(execution, node)?.[0]?.data?.main?.[0]?.length ?? 0) > 0;
export const reachedAccepted = passed('Accepted');
export const passedRemoveDuplicates = passed('Remove Duplicates');

/** Waits until `count` executions exist and all have finished; returns them. */
export async function settled(n8n, workflowId, count, timeoutMs = 180000) {
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

/** Waits until the executions with an id above `lastIdBefore` number `count` and have all finished. */
export async function settledAfter(n8n, workflowId, lastIdBefore, count, timeoutMs = 150000) {
	return await waitFor(
		async () => {
			const mine = (await allExecutions(n8n, workflowId)).filter(
				(e) => Number(e.id) > lastIdBefore,
			);
			return mine.length >= count && mine.every((e) => FINISHED.has(e.status)) ? mine : null;
		},
		{ timeoutMs, intervalMs: 1000, message: `${count} finished executions after ${lastIdBefore}` },
	);
}

export const lastExecutionId = async (n8n, workflowId) =>
	Math.max(0, ...(await allExecutions(n8n, workflowId)).map((e) => Number(e.id)));

export function summary(executions) {
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

/** How many executions each event id has (`undefined` for executions n8n kept no event of). */
export function perEvent(executions, filter = () => true) {
	const counts = new Map();
	for (const e of executions.filter(filter)) {
		const id = eventIdOf(e);
		counts.set(id, (counts.get(id) ?? 0) + 1);
	}
	return counts;
}

/**
 * Creates `count` documents in the room, `parallel` at a time: each emits one file.created
 * delivery; a batch's deliveries (DocSpace sends them from a pool of 10 threads) finish before
 * the next batch, unless `overlap`.
 */
export async function createFiles(ctx, count, parallel, prefix, { overlap = false } = {}) {
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

/** A file.created delivery for event `id`, signed like DocSpace signs it, for `subscription`. */
export function signedDelivery(ctx, subscription, hookUrl, id) {
	const body = JSON.stringify({
		event: {
			id,
			createOn: `${new Date().toISOString().slice(0, 19)}Z`,
			createBy: ctx.seed.adminId ?? 'e2e',
			trigger: 'file.created',
			triggerId: 128,
		},
		payload: { id: id - 100000, title: `event-${id}.docx`, parentId: Number(ctx.seed.roomId) },
		webhook: {
			id: subscription.id,
			name: subscription.name,
			url: hookUrl,
			triggers: ['file.created'],
		},
	});
	const sig = `sha256=${createHmac('sha256', subscription.secretKey).update(body).digest('hex').toUpperCase()}`;
	return {
		body,
		headers: { 'content-type': 'application/json; charset=utf-8', 'x-docspace-signature-256': sig },
	};
}
