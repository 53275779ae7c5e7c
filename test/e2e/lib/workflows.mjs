// Workflows the suite builds and runs in n8n: a Webhook trigger in front of a fixture's nodes,
// activation, the webhook call, and what the emulator must have received.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { CRED_TYPES, HERE, NODE_TYPE } from './config.mjs';
import { expectedAuthorization } from './emulator-view.mjs';
import { fillTemplate, isDocSpaceNode } from './examples.mjs';
import { waitFor } from './procs.mjs';
import { assert } from './report.mjs';

/** A Webhook trigger at `path` that answers with all items of the last node. */
function webhookNode(path) {
	return {
		id: randomUUID(),
		name: 'Webhook',
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2,
		position: [0, 0],
		webhookId: randomUUID(),
		parameters: {
			httpMethod: 'POST',
			path,
			responseMode: 'lastNode',
			responseData: 'allEntries',
			options: {},
		},
	};
}

/** webhookNode(path) → `nodes` in a chain, each node given an id and its place on the canvas. */
export function webhookWorkflow(name, path, nodes) {
	const all = [
		webhookNode(path),
		...nodes.map((n, i) => ({ id: randomUUID(), position: [240 * (i + 1), 0], ...n })),
	];
	const connections = {};
	for (let i = 0; i < all.length - 1; i++)
		connections[all[i].name] = { main: [[{ node: all[i + 1].name, type: 'main', index: 0 }]] };
	return { name, nodes: all, connections, settings: { executionOrder: 'v1' } };
}

/** webhookWorkflow of the fixture's nodes ({{key}} filled from `vars`), the DocSpace ones on `credential`. */
export function buildWebhookWorkflow(fixture, { name, path, auth, credential, vars }) {
	const nodes = fixture.nodes.map((n) => {
		const node = fillTemplate(n, vars);
		if (isDocSpaceNode(node)) {
			node.parameters = { authentication: auth, ...node.parameters };
			node.credentials = { [CRED_TYPES[auth]]: { id: credential.id, name: credential.name } };
		}
		return node;
	});
	return webhookWorkflow(name, path, nodes);
}

/** The workflow with its Manual Trigger replaced by webhookNode(path). */
export function manualToWebhook(wf, path) {
	const copy = structuredClone(wf);
	const trigger = copy.nodes.find((n) => n.type === 'n8n-nodes-base.manualTrigger');
	if (!trigger) throw new Error(`${wf.name} has no Manual Trigger`);
	const { type, typeVersion, webhookId, parameters } = webhookNode(path);
	Object.assign(trigger, { type, typeVersion, webhookId, parameters });
	return copy;
}

export async function createAndActivate(n8n, workflow) {
	const wf = await n8n.api('POST', '/workflows', workflow);
	await n8n.api('POST', `/workflows/${wf.id}/activate`);
	return wf;
}

/** POST to a production webhook, waiting out n8n's asynchronous activation (404 until registered). */
export async function callWebhook(base, path, body = {}) {
	let last;
	await waitFor(
		async () => {
			const res = await fetch(`${base}/webhook/${path}`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify(body),
			});
			last = { status: res.status, text: await res.text() };
			return res.status !== 404;
		},
		{ timeoutMs: 20000, intervalMs: 250, message: `webhook /webhook/${path} to be registered` },
	);
	return last;
}

const UNFINISHED = new Set(['new', 'running', 'waiting']);

/** The workflow's executions once there are at least `min` and none is still queued or running. */
export async function settledExecutions(n8n, workflowId, { min = 1, timeoutMs = 30000 } = {}) {
	return await waitFor(
		async () => {
			const list =
				(await n8n.api('GET', `/executions?workflowId=${workflowId}&includeData=true`)).data ?? [];
			return list.length >= min && list.every((execution) => !UNFINISHED.has(execution.status))
				? list
				: null;
		},
		{ timeoutMs, message: `${min} finished execution(s) of workflow ${workflowId}` },
	);
}

export async function lastExecutionError(n8n, workflowId) {
	try {
		const r = await n8n.api('GET', `/executions?workflowId=${workflowId}&includeData=true&limit=1`);
		const e = r.data?.[0]?.data?.resultData?.error;
		return e ? `${e.message}${e.description ? ` (${e.description})` : ''}` : 'no error recorded';
	} catch (err) {
		return `could not read the execution: ${err.message}`;
	}
}

/** Run one fixture with one credential; returns { items, requests }. */
export async function runCase(ctx, c, auth) {
	const fixture = JSON.parse(
		readFileSync(join(c.dir ?? join(HERE, 'workflows'), c.fixture), 'utf8'),
	);
	const path = `e2e-${c.fixture.replace(/\.json$/, '')}-${auth}-${ctx.runs++}`.toLowerCase();
	const wf = buildWebhookWorkflow(fixture, {
		name: `${fixture.name} [${auth}]`,
		path,
		auth,
		credential: ctx.credentials[auth],
		vars: ctx.seed,
	});
	const created = await createAndActivate(ctx.n8n, wf);
	const ours = wf.nodes.find((n) => n.type === NODE_TYPE);
	ctx.editorWorkflow ??= ours && { id: created.id, nodeId: ours.id, nodeName: ours.name };
	const mark = ctx.emu.mark();
	// queue mode: production webhooks are served by the webhook processes (ctx.webhookBase)
	const res = await callWebhook(ctx.webhookBase ?? ctx.n8n.base, path);
	const requests = ctx.emu.since(mark);
	if (res.status !== 200)
		throw new Error(
			`workflow failed: HTTP ${res.status}: ${await lastExecutionError(ctx.n8n, created.id)}`,
		);
	let items = JSON.parse(res.text);
	if (!Array.isArray(items)) items = [items];
	return { items, requests, workflowId: created.id };
}

export function assertRequestSeen(requests, expected, auth, secrets) {
	const okAuth = expectedAuthorization(auth, secrets);
	const hits = requests.filter((r) => r.method === expected.method && r.path === expected.path);
	assert(
		hits.length,
		`emulator did not receive ${expected.method} ${expected.path}; got ${requests.map((r) => `${r.method} ${r.path}`).join(', ') || 'nothing'}`,
	);
	assert(
		hits.some((r) => okAuth(r.headers.authorization)),
		`${expected.method} ${expected.path} arrived without the ${auth} Authorization header (saw ${JSON.stringify(hits.map((r) => (r.headers.authorization ?? '').slice(0, 12) + '…'))})`,
	);
	return hits;
}
