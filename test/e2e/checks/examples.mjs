// The example workflows (the ones `npm start` imports) run as shipped, with the API-key credential.
import { ROOT, TRIGGER_TYPE } from '../lib/config.mjs';
import { expectedAuthorization } from '../lib/emulator-view.mjs';
import { exampleFiles, loadWorkflow, manualToWebhook } from '../lib/examples.mjs';
import { waitFor } from '../lib/procs.mjs';
import { assert, check, skip } from '../lib/report.mjs';
import { callWebhook, createAndActivate, lastExecutionError, settledExecutions } from '../lib/workflows.mjs';

export async function exampleChecks(ctx, secrets, triggerReason) {
	const { n8n, emu } = ctx;
	const cred = ctx.credentials.apiKey;
	if (!cred) return skip('example workflows', 'no API-key credential');
	const vars = { credentialId: cred.id, credentialName: cred.name, ...ctx.seed };
	const files = exampleFiles(ROOT);
	const examples = files.map((f) => ({ file: f, wf: loadWorkflow(f, vars) }));
	const isTriggered = (wf) => wf.nodes.some((n) => n.type === TRIGGER_TYPE);
	const triggered = [];
	for (const ex of examples.filter((e) => isTriggered(e.wf))) {
		if (triggerReason) {
			skip(`example "${ex.wf.name}"`, triggerReason);
			continue;
		}
		await check(`example "${ex.wf.name}" activates`, async () => {
			const created = await createAndActivate(n8n, ex.wf);
			ex.id = created.id;
			const node = ex.wf.nodes.find((n) => n.type === TRIGGER_TYPE);
			const url = `${n8n.base}/webhook/${node.webhookId}/webhook`;
			await waitFor(async () => (await emu.docspace('GET', '/api/2.0/settings/webhook')).map((h) => h.configs ?? h).some((h) => h.uri === url), {
				timeoutMs: 30000,
				message: `the example's webhook subscription (${url})`,
			});
			triggered.push(ex);
		});
	}
	for (const ex of examples.filter((e) => !isTriggered(e.wf))) {
		await check(`example "${ex.wf.name}" runs`, async () => {
			const path = `e2e-example-${ctx.runs++}`;
			const created = await createAndActivate(n8n, manualToWebhook(ex.wf, path));
			const mark = emu.mark();
			const res = await callWebhook(n8n.base, path);
			const requests = emu.since(mark).filter((q) => q.path.startsWith('/api/2.0/'));
			if (res.status !== 200) throw new Error(`HTTP ${res.status}: ${await lastExecutionError(n8n, created.id)}`);
			const items = [JSON.parse(res.text)].flat();
			assert(items.length, 'the last node returned no items');
			assert(requests.length, 'the emulator received no API call');
			const okAuth = expectedAuthorization('apiKey', secrets);
			assert(requests.every((q) => okAuth(q.headers.authorization)), 'an API call lacked the API key');
			return `${requests.map((q) => `${q.method} ${q.path}`).join(', ')}`;
		});
	}
	for (const ex of triggered) {
		await check(`example "${ex.wf.name}" fired for the changes the other examples made`, async () => {
			const list = await settledExecutions(n8n, ex.id, { timeoutMs: 20000 });
			const last = list[0];
			assert(last.status === 'success', `execution ${last.id} ended ${last.status}`);
			return `${list.length} execution(s)`;
		});
		await n8n.api('POST', `/workflows/${ex.id}/deactivate`).catch(() => {});
	}
}
