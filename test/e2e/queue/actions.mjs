// Queue mode, action node: a workflow per resource and credential type, called through the webhook
// processes and run by a worker (the worker's log names the execution).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { cases } from '../cases.mjs';
import { assert, check, skip } from '../lib/report.mjs';
import { assertRequestSeen, runCase } from '../lib/workflows.mjs';

const HERE = join(import.meta.dirname, 'workflows');

/** Every resource: the suite's File and Folder cases, and Get Many of rooms, users and groups. */
const queueCases = [
	...cases,
	...[
		['room-get-many.json', '/api/2.0/files/rooms'],
		['user-get-many.json', '/api/2.0/people/filter'],
		['group-get-many.json', '/api/2.0/group'],
	].map(([fixture, path]) => ({
		fixture,
		dir: HERE,
		request: () => ({ method: 'GET', path }),
		check(items) {
			if (!items.length || !items.every((i) => i.id !== undefined))
				throw new Error(`unexpected items ${JSON.stringify(items).slice(0, 200)}`);
		},
	})),
];

/** The worker whose log says it ran `executionId`. */
function workerThatRan(workers, executionId) {
	return workers.find((w) =>
		readFileSync(w.logFile, 'utf8').includes(`Worker started execution ${executionId} `),
	);
}

export async function actionChecks(ctx, secrets, oauthOk, workers) {
	const auths = ['apiKey', 'basicAuth', 'personalAccessToken', ...(oauthOk ? ['oAuth2'] : [])];
	if (!oauthOk) skip('queue: action workflows with OAuth2', 'the OAuth2 flow failed');
	const ranOn = new Map();
	for (const c of queueCases) {
		for (const auth of auths) {
			await check(`queue: workflow ${c.fixture} with ${auth} runs on a worker`, async () => {
				const { items, requests, workflowId } = await runCase(ctx, c, auth);
				assertRequestSeen(requests, c.request(ctx.seed), auth, secrets);
				c.check(items, ctx.seed);
				const [execution] =
					(await ctx.n8n.api('GET', `/executions?workflowId=${workflowId}&limit=1`)).data ?? [];
				assert(execution, 'no execution recorded');
				const worker = workerThatRan(workers, execution.id);
				assert(worker, `no worker log names execution ${execution.id}`);
				ranOn.set(worker.name, (ranOn.get(worker.name) ?? 0) + 1);
				return `${items.length} item(s), execution ${execution.id} on ${worker.name}`;
			});
		}
	}
	console.log(
		`     action executions per worker: ${[...ranOn].map(([w, n]) => `${w} ${n}`).join(', ')}`,
	);
}
