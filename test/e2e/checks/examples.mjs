// The example workflows (examples/*.json) the way a user uses them: imported as shipped through n8n's API,
// a credential picked in their DocSpace nodes, then run from their own trigger (Execute workflow) or, for
// the trigger example, activated. What each one did is then read back from the emulator's portal.
import { basename } from 'node:path';

import { EMU_PORT, ROOT, TRIGGER_TYPE } from '../lib/config.mjs';
import { expectedAuthorization } from '../lib/emulator-view.mjs';
import {
	exampleFiles,
	isDocSpaceNode,
	placeholders,
	readExample,
	withCredential,
} from '../lib/examples.mjs';
import { waitFor } from '../lib/procs.mjs';
import { assert, check, skip } from '../lib/report.mjs';
import { settledExecutions } from '../lib/workflows.mjs';

const today = () => new Date().toISOString().slice(0, 10);

/** What each shipped example must have done in the portal; `out` is the last DocSpace node's output. */
const outcomes = {
	'upload-and-share.json': async ({ emu }, out) => {
		const notes = (await emu.docspace('GET', '/api/2.0/files/@my')).files.filter((f) =>
			/^notes-\d{8}-\d{6}\.txt$/.test(f.title),
		);
		assert(notes.length, 'no notes-….txt in My documents');
		const url = out[0]?.json.url;
		assert(
			typeof url === 'string' && url.startsWith('http'),
			`the last node returned no link: ${JSON.stringify(out[0]?.json).slice(0, 200)}`,
		);
		return `${notes.map((f) => f.title).join(', ')} in My documents, link ${url}`;
	},
	'room-onboarding.json': async ({ emu }) => {
		const rooms = (await emu.docspace('GET', '/api/2.0/files/rooms')).folders;
		const room = rooms.find((r) => r.title === `Onboarding ${today()}`);
		assert(room, `no room "Onboarding ${today()}" among ${rooms.map((r) => r.title).join(', ')}`);
		const members = (await emu.docspace('GET', `/api/2.0/files/rooms/${room.id}/share`)) ?? [];
		const invited = [members]
			.flat()
			.some((m) => JSON.stringify(m).includes('new.member@example.com'));
		assert(invited, `new.member@example.com is not a member of room ${room.id}`);
		const files = (await emu.docspace('GET', `/api/2.0/files/${room.id}`)).files ?? [];
		assert(
			files.some((f) => f.title === 'Welcome.txt'),
			`room ${room.id} has no Welcome.txt (${files.map((f) => f.title).join(', ')})`,
		);
		return `room ${room.id}: member invited, Welcome.txt uploaded`;
	},
	'nightly-export.json': async ({ emu }) => {
		const title = `rooms-${today()}.csv`;
		const file = (await emu.docspace('GET', '/api/2.0/files/@my')).files.find(
			(f) => f.title === title,
		);
		assert(file, `no ${title} in My documents`);
		const res = await fetch(
			`http://127.0.0.1:${EMU_PORT}/filehandler.ashx?action=download&fileid=${file.id}`,
			{
				headers: { authorization: `Bearer ${emu.emu.secrets.apiKey}` },
			},
		);
		const csv = await res.text();
		const rooms = (await emu.docspace('GET', '/api/2.0/files/rooms')).folders;
		const missing = rooms.filter((r) => !csv.includes(r.title));
		assert(
			res.ok && !missing.length,
			`${title} lacks rooms ${missing.map((r) => r.title).join(', ')} (HTTP ${res.status}, ${csv.length} bytes)`,
		);
		return `${title}: ${csv.trim().split('\n').length - 1} rows, every room listed`;
	},
};

/** Examples whose run needs what a user picks on their own portal (a template, a form): their own check runs them. */
const ownCheck = { 'form-filling-room.json': 'checks/forms.mjs' };
const runHere = (ex) => ex.id && !ownCheck[ex.file];

/** Execute workflow, as the editor's button does (n8n 1.x wants the workflow in the body; 2.x reads it itself). */
async function executeWorkflow(n8n, id, triggerName) {
	const workflowData = await n8n.rest('GET', `/workflows/${id}`);
	const started = await n8n.rest('POST', `/workflows/${id}/run`, {
		workflowData,
		triggerToStartFrom: { name: triggerName },
	});
	assert(
		started?.executionId,
		`n8n started no execution: ${JSON.stringify(started).slice(0, 200)}`,
	);
	return await waitFor(
		async () => {
			const execution = await n8n
				.api('GET', `/executions/${started.executionId}?includeData=true`)
				.catch(() => null);
			return execution && !['new', 'running', 'waiting'].includes(execution.status)
				? execution
				: null;
		},
		{ timeoutMs: 60000, message: `execution ${started.executionId} to finish` },
	);
}

export async function exampleChecks(ctx, secrets, triggerReason) {
	const { n8n, emu } = ctx;
	const cred = ctx.credentials.apiKey;
	if (!cred) return skip('example workflows', 'no API-key credential');
	const examples = exampleFiles(ROOT).map((file) => ({
		file: basename(file),
		wf: readExample(file),
	}));
	const okAuth = expectedAuthorization('apiKey', secrets);

	await check(
		'examples: at least four, with no placeholder to fill in and no credential of their author',
		() => {
			assert(examples.length >= 4, `${examples.length} examples in examples/`);
			const found = examples.flatMap((ex) => placeholders(ex.wf).map((p) => `${ex.file}${p}`));
			assert(!found.length, `placeholders: ${found.join('; ')}`);
			const withCreds = examples.filter((ex) => ex.wf.nodes.some((n) => n.credentials));
			assert(
				!withCreds.length,
				`credentials shipped in ${withCreds.map((ex) => ex.file).join(', ')}`,
			);
			return examples.map((ex) => ex.file).join(', ');
		},
	);

	for (const ex of examples) {
		await check(`example ${ex.file}: imported as shipped, credential picked`, async () => {
			const created = await n8n.api('POST', '/workflows', ex.wf);
			ex.id = created.id;
			const updated = await n8n.api('PUT', `/workflows/${ex.id}`, withCredential(ex.wf, cred));
			assert(
				updated.nodes.filter(isDocSpaceNode).every((n) => n.credentials),
				'a DocSpace node has no credential after the update',
			);
		});
	}
	const isTriggered = (ex) => ex.wf.nodes.some((n) => n.type === TRIGGER_TYPE);
	const triggered = [];
	for (const ex of examples.filter((e) => runHere(e) && isTriggered(e))) {
		if (triggerReason) {
			skip(`example ${ex.file} activates`, triggerReason);
			continue;
		}
		await check(`example ${ex.file}: activates and subscribes to DocSpace`, async () => {
			await n8n.api('POST', `/workflows/${ex.id}/activate`);
			const node = ex.wf.nodes.find((n) => n.type === TRIGGER_TYPE);
			const url = `${n8n.base}/webhook/${node.webhookId}/webhook`;
			await waitFor(async () => (await emu.webhookSubscriptions()).some((h) => h.uri === url), {
				timeoutMs: 30000,
				message: `the example's webhook subscription (${url})`,
			});
			triggered.push(ex);
		});
	}
	for (const ex of examples.filter((e) => runHere(e) && !isTriggered(e))) {
		await check(`example ${ex.file}: runs and does its job in the portal`, async () => {
			const outcome = outcomes[ex.file];
			assert(outcome, `no expected outcome written for ${ex.file} in test/e2e/checks/examples.mjs`);
			const trigger = ex.wf.nodes.find((n) => /\.(manual|schedule)Trigger$/.test(n.type));
			const mark = emu.mark();
			const execution = await executeWorkflow(n8n, ex.id, trigger.name);
			const requests = emu.since(mark).filter((q) => q.path.startsWith('/api/2.0/'));
			const error = execution.data?.resultData?.error;
			assert(
				execution.status === 'success',
				`execution ${execution.id} ended ${execution.status}${error ? `: ${error.message} ${error.description ?? ''}` : ''}`,
			);
			assert(
				requests.length && requests.every((q) => okAuth(q.headers.authorization)),
				'an API call lacked the API key',
			);
			const lastDocSpace = ex.wf.nodes.filter((n) => isDocSpaceNode(n)).at(-1);
			const out = execution.data.resultData.runData[lastDocSpace.name]?.[0]?.data?.main?.[0] ?? [];
			return await outcome(ctx, out);
		});
	}
	for (const ex of triggered) {
		await check(`example ${ex.file}: fired for the files the other examples uploaded`, async () => {
			const list = await settledExecutions(n8n, ex.id, { timeoutMs: 20000 });
			const bad = list.filter((e) => e.status !== 'success');
			assert(!bad.length, `execution(s) ${bad.map((e) => `${e.id} ${e.status}`).join(', ')}`);
			const titles = list.map(
				(e) =>
					e.data?.resultData?.runData?.['Compose the notification']?.[0]?.data?.main?.[0]?.[0]?.json
						.subject,
			);
			assert(
				titles.some((t) => /Welcome\.txt|notes-.*\.txt|rooms-.*\.csv/.test(t ?? '')),
				`no notification names an uploaded file: ${titles.join('; ')}`,
			);
			return `${list.length} execution(s): ${titles.join('; ')}`;
		});
		await n8n.api('POST', `/workflows/${ex.id}/deactivate`).catch(() => {});
	}
}
