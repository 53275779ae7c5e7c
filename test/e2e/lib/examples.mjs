// Example workflows (test/e2e/workflows/example-*.json), imported by the sandbox and run by the suite.
// `{{key}}` strings are filled from `vars` (credentialId, credentialName, roomId, webhookId, ...).
import { readdirSync, readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';

export function exampleFiles(root) {
	const dir = join(root, 'test', 'e2e', 'workflows');
	return readdirSync(dir).filter((f) => /^example-.*\.json$/.test(f)).map((f) => join(dir, f));
}

export function fillTemplate(value, vars) {
	if (typeof value === 'string') {
		return value.replace(/\{\{(\w+)\}\}/g, (m, k) => {
			if (!(k in vars)) throw new Error(`placeholder {{${k}}} has no value`);
			return String(vars[k]);
		});
	}
	if (Array.isArray(value)) return value.map((v) => fillTemplate(v, vars));
	if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fillTemplate(v, vars)]));
	return value;
}

/** A workflow ready for n8n's API: placeholders filled, node ids and webhook ids present. */
export function loadWorkflow(file, vars) {
	const wf = fillTemplate(JSON.parse(readFileSync(file, 'utf8')), { webhookId: randomUUID(), ...vars });
	for (const node of wf.nodes) node.id ??= randomUUID();
	return { name: wf.name, nodes: wf.nodes, connections: wf.connections ?? {}, settings: wf.settings ?? { executionOrder: 'v1' } };
}

/** Swaps a Manual Trigger for a Webhook (responds with the last node's items) so the suite can run it. */
export function manualToWebhook(wf, path) {
	const copy = structuredClone(wf);
	const trigger = copy.nodes.find((n) => n.type === 'n8n-nodes-base.manualTrigger');
	if (!trigger) throw new Error(`${wf.name} has no Manual Trigger`);
	Object.assign(trigger, {
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2,
		webhookId: randomUUID(),
		parameters: { httpMethod: 'POST', path, responseMode: 'lastNode', responseData: 'allEntries', options: {} },
	});
	return copy;
}
