// Editor check: the trigger example published from the editor (n8n 2.x: Publish with a version name;
// 1.x: the Active switch), then a real change on the emulator, and the execution seen in the
// workflow's Executions tab.
import { exampleFiles, readExample, withCredential } from '../lib/examples.mjs';
import { ROOT, TRIGGER_TYPE } from '../lib/config.mjs';
import { assert } from '../lib/report.mjs';
import { sleep, waitFor } from '../lib/procs.mjs';

const PUBLISH = '[data-test-id="workflow-open-publish-modal-button"]';
const ACTIVATE = '[data-test-id="workflow-activate-switch"]';

export async function publishCheck({ ctx, page, check, shot }) {
	await check(
		'editor: publish the trigger example, a file created on the portal shows up as an execution',
		async () => {
			const { n8n, emu } = ctx;
			const cred = ctx.credentials.apiKey;
			assert(cred, 'no API-key credential');
			// imported as `npm start` imports it (setup); publishing it is the step under test
			const file = exampleFiles(ROOT).find((f) => f.endsWith('new-file-trigger.json'));
			assert(file, 'no new-file-trigger.json among the examples');
			const wf = withCredential(readExample(file), cred);
			const created = await n8n.api('POST', '/workflows', wf);
			const hook = `${n8n.base}/webhook/${wf.nodes.find((n) => n.type === TRIGGER_TYPE).webhookId}/webhook`;

			await page.goto(new URL(`workflow/${created.id}`, `${n8n.base}/`).href);
			await page.waitFor(
				`!!document.querySelector('${PUBLISH}, ${ACTIVATE}')`,
				60000,
				'the workflow with its Publish button (or Active switch)',
			);
			await sleep(800);
			let how;
			if (await page.eval(`!!document.querySelector('${PUBLISH}')`)) {
				await page.click(PUBLISH);
				await page.waitFor(
					`!!document.querySelector('[data-test-id="workflow-publish-button"]')?.offsetParent`,
					10000,
					'the Publish dialog',
				);
				const version = await page.eval(
					`(() => { const e = document.querySelector('[data-test-id="workflow-publish-version-name-input"]'); return (e?.tagName === 'INPUT' ? e : e?.querySelector('input, textarea'))?.value ?? ''; })()`,
				);
				await shot(page, '30-publish-dialog');
				await page.click('[data-test-id="workflow-publish-button"]');
				await page.waitFor(
					`document.querySelector('${PUBLISH}')?.innerText.trim() === 'Published'`,
					60000,
					'"Published" on the button',
				);
				how = `Published (version "${version}")`;
			} else {
				await page.click(`${ACTIVATE}`);
				await page.waitFor(
					`!!document.querySelector('${ACTIVATE} .is-checked, ${ACTIVATE}.is-checked, ${ACTIVATE} [aria-checked="true"]')`,
					60000,
					'the Active switch on',
				);
				how = 'Active switch on';
			}
			await sleep(800);
			await shot(page, '31-published');
			await waitFor(async () => (await emu.webhookSubscriptions()).some((h) => h.uri === hook), {
				timeoutMs: 60000,
				message: `the webhook subscription on the emulator (${hook})`,
			});

			const title = `e2e-published-${Date.now()}.docx`;
			await emu.docspace('POST', `/api/2.0/files/${ctx.seed.publicRoomId}/file`, { title });
			// a toast ("Workflow published … Got it") may cover the tabs
			const gotIt = `[...document.querySelectorAll('button')].find((b) => b.offsetParent && b.innerText.trim() === 'Got it')`;
			if (await page.eval(`!!${gotIt}`)) await page.clickOn(gotIt);
			await sleep(500);
			await page.press('Escape', 'Escape', 27); // 1.x: its production checklist pops over the tabs
			await sleep(300);
			await page.click('[data-test-id="radio-button-executions"]');
			const entry = `[...document.querySelectorAll('[data-test-id^="execution-details-"]')].find((e) => e.offsetParent)`;
			await page.waitFor(
				`!!${entry} && /Succeeded|Success/.test(${entry}.innerText)`,
				60000,
				'a succeeded execution in the Executions tab',
			);
			const shown = (await page.eval(`${entry}.innerText`)).replace(/\s+/g, ' ').trim();
			await page.clickOn(entry);
			await sleep(1500);
			await shot(page, '32-execution-after-a-change');
			const executions =
				(await n8n.api('GET', `/executions?workflowId=${created.id}&includeData=true`)).data ?? [];
			assert(
				executions.some((e) => JSON.stringify(e.data ?? {}).includes(title)),
				`no execution holds the new file ${title}`,
			);
			await n8n.api('POST', `/workflows/${created.id}/deactivate`).catch(() => {});
			return `${how}; the Executions tab lists "${shown}"`;
		},
	);
}
