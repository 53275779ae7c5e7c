// g. The Poll Trigger in real n8n: three published workflows, one poll trigger each (New File,
// File Updated, New Room), polling every 15 s, each change picked up exactly once, and the state
// kept across an n8n restart. n8n refuses poll times with more than one run a minute in one
// cron expression, so the 15 s interval is four "Custom" poll times, at seconds 0, 15, 30 and 45.
// One workflow per trigger, each polling 5 s after the previous one: polls of triggers in one
// workflow share its expression sandbox, and n8n 2.41 failed some of them with "No bridge acquired
// for this context" (before any request was sent), even 5 s apart.
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';

import { CRED_TYPES, N8N_PORT, PKG, RUN_DIR, USER_FOLDER } from '../lib/config.mjs';
import { startN8n } from '../lib/n8n.mjs';
import { sleep } from '../lib/procs.mjs';
import { assert, check } from '../lib/report.mjs';
import { createAndActivate, settledExecutions } from '../lib/workflows.mjs';

const POLL_TYPE = `${PKG}.docSpacePollTrigger`;
/** Poll times every 15 s from the given second; each trigger gets its own, so no two poll at once. */
const every15s = (offset) => ({
	item: [0, 15, 30, 45].map((second) => ({
		mode: 'custom',
		cronExpression: `${second + offset} * * * * *`,
	})),
});
/** Two full poll intervals: what would be repeated shows up by then. */
const QUIET_MS = 32_000;

/** Which trigger node started an execution, and its items. */
function startedBy(execution) {
	const runData = execution.data?.resultData?.runData ?? {};
	const [name] = Object.keys(runData);
	const items = runData[name]?.[0]?.data?.main?.[0] ?? [];
	return { name, items: items.map((item) => item.json) };
}

export async function pollChecks(ctx, server) {
	const { n8n, emu, seed } = ctx;
	const cred = ctx.credentials.apiKey;
	if (!cred) return;
	const roomId = seed.roomId;
	const node = (name, offset, parameters) => ({
		id: randomUUID(),
		name,
		type: POLL_TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters: { authentication: 'apiKey', pollTimes: every15s(offset), ...parameters },
		credentials: { [CRED_TYPES.apiKey]: { id: cred.id, name: cred.name } },
	});
	const inRoom = { location: 'room', roomId: { __rl: true, mode: 'id', value: String(roomId) } };
	// Earlier checks leave workflows active (the webhook trigger's, the examples'); this check
	// restarts n8n, so it stops them first to count only its own executions and starts.
	for (const wf of (await n8n.api('GET', '/workflows?active=true')).data ?? [])
		await n8n.api('POST', `/workflows/${wf.id}/deactivate`);
	const stamp = Date.now();
	const existing = await emu.docspace('POST', `/api/2.0/files/${roomId}/file`, {
		title: `e2e-poll-existing-${stamp}.docx`,
	});
	const workflowIds = [];
	const executions = async () =>
		(
			await Promise.all(
				workflowIds.map(
					async (id) =>
						(await n8n.api('GET', `/executions?workflowId=${id}&includeData=true`)).data ?? [],
				),
			)
		).flat();
	/** Waits until the workflows have at least these many finished executions each, and returns all. */
	const settled = async (counts, timeoutMs) =>
		(
			await Promise.all(
				workflowIds.map((id, index) =>
					settledExecutions(n8n, id, { min: counts[index], timeoutMs }),
				),
			)
		).flat();
	const titles = (list) =>
		list.map((execution) => {
			const { name, items } = startedBy(execution);
			const error = execution.data?.resultData?.error;
			return `${name}: ${error ? `${execution.status} ${error.message} ${error.description ?? ''}` : items.map((i) => i.payload?.title).join(', ')}`;
		});

	const active = await check(
		'poll trigger: workflows with New File, File Updated and New Room poll triggers (every 15 s) are published; activation emits nothing',
		async () => {
			const triggers = [
				node('New File', 0, { event: 'file.created', ...inRoom }),
				node('File Updated', 5, { event: 'file.updated', ...inRoom }),
				node('New Room', 10, { event: 'room.created' }),
			];
			for (const trigger of triggers) {
				const wf = await createAndActivate(n8n, {
					name: `e2e: DocSpace Poll Trigger, ${trigger.name}`,
					nodes: [trigger],
					connections: {},
					settings: { executionOrder: 'v1' },
				});
				workflowIds.push(wf.id);
			}
			await sleep(QUIET_MS);
			const list = await executions();
			const polls = emu
				.list()
				.filter(
					(q) =>
						q.method === 'GET' &&
						(q.path === '/api/2.0/files/rooms' || q.path === `/api/2.0/files/${roomId}`),
				);
			assert(
				list.length === 0,
				`the baseline started executions: ${titles(list).join(' | ')}; polls: ${polls.map((q) => `${q.path}?${new URLSearchParams(q.query)} ${q.status} ${(q.headers.authorization ?? '').slice(0, 10)}`).join(' ; ')}`,
			);
		},
	);
	if (!active) return;

	const fileTitle = `e2e-poll-new-${stamp}.docx`;
	const renamed = `e2e-poll-renamed-${stamp}.docx`;
	const roomTitle = `e2e poll room ${stamp}`;
	await check(
		'poll trigger: a new file, a file update and a new room start exactly one execution each',
		async () => {
			await emu.docspace('POST', `/api/2.0/files/${roomId}/file`, { title: fileTitle });
			await emu.docspace('PUT', `/api/2.0/files/file/${existing.id}`, { title: renamed });
			await emu.docspace('POST', '/api/2.0/files/rooms', {
				title: roomTitle,
				roomType: 'CustomRoom',
			});
			await settled([1, 1, 1], 45_000);
			await sleep(QUIET_MS);
			const list = await settled([1, 1, 1]);
			const seen = list.map(startedBy);
			assert(
				list.length === 3,
				`expected 3 executions, found ${list.length}: ${titles(list).join(' | ')}`,
			);
			assert(
				list.every((e) => e.status === 'success'),
				`statuses: ${list.map((e) => e.status).join(', ')}`,
			);
			const one = (name, title) => {
				const hits = seen.filter((s) => s.name === name);
				assert(
					hits.length === 1 && hits[0].items.length === 1,
					`${name}: expected one execution with one item, got ${titles(list).join(' | ')}`,
				);
				assert(
					hits[0].items[0].payload?.title === title,
					`${name} emitted “${hits[0].items[0].payload?.title}”, expected “${title}”`,
				);
			};
			one('New File', fileTitle);
			one('File Updated', renamed);
			one('New Room', roomTitle);
			return titles(list).join(' | ');
		},
	);

	await check(
		'poll trigger: after an n8n restart the state is kept: a file added while n8n was down is emitted once, nothing is repeated',
		async () => {
			await server.stop();
			const whileDown = `e2e-poll-while-down-${stamp}.docx`;
			await emu.docspace('POST', `/api/2.0/files/${roomId}/file`, { title: whileDown });
			const restarted = await startN8n({
				userFolder: USER_FOLDER,
				port: N8N_PORT,
				brokerPort: N8N_PORT + 1,
				logFile: join(RUN_DIR, 'n8n-restarted.log'),
			});
			server.stop = restarted.stop;
			await settled([2, 1, 1], 60_000);
			await sleep(QUIET_MS);
			const list = await settled([2, 1, 1]);
			assert(
				list.length === 4,
				`expected 4 executions in all, found ${list.length}: ${titles(list).join(' | ')}`,
			);
			const newest = list
				.map(startedBy)
				.filter((s) => s.items.some((i) => i.payload?.title === whileDown));
			assert(
				newest.length === 1 && newest[0].name === 'New File',
				`the file added while n8n was down: ${titles(list).join(' | ')}`,
			);
		},
	);
}
