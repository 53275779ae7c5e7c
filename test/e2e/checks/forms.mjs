// The Form Filling example (examples/form-filling-room.json) in real n8n: a room from a template,
// a PDF form uploaded and started, a user fills it (the emulator's fill endpoint), the trigger
// fires with the field values, and the Set node shapes them into a row.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

import { CRED_TYPES, NODE_TYPE, ROOT, TRIGGER_TYPE } from '../lib/config.mjs';
import { waitFor } from '../lib/procs.mjs';
import { assert, check, skip } from '../lib/report.mjs';
import {
	callWebhook,
	createAndActivate,
	lastExecutionError,
	manualToWebhook,
	settledExecutions,
} from '../lib/workflows.mjs';

const ANSWERS = {
	fullName: 'Anna Petrova',
	age: 34,
	startDate: '03/01/2025',
	remote: true,
	team: 'Support',
};

/** The shipped example with the suite's credential, template and PDF form filled in. */
function exampleWorkflow(cred, templateId, formFileId) {
	const wf = JSON.parse(readFileSync(join(ROOT, 'examples', 'form-filling-room.json'), 'utf8'));
	for (const node of wf.nodes) {
		node.id = randomUUID();
		if (node.type === NODE_TYPE || node.type === TRIGGER_TYPE)
			node.credentials = { [CRED_TYPES.apiKey]: { id: cred.id, name: cred.name } };
		if (node.type === TRIGGER_TYPE) node.webhookId = randomUUID();
		if (node.parameters.templateId)
			node.parameters.templateId = { __rl: true, mode: 'id', value: String(templateId) };
		if (node.parameters.fileId)
			node.parameters.fileId = { __rl: true, mode: 'id', value: String(formFileId) };
	}
	return wf;
}

export async function formChecks(ctx, triggerReason) {
	const { n8n, emu } = ctx;
	const cred = ctx.credentials.apiKey;
	if (triggerReason || !cred)
		return skip(
			'example "Form Filling room from a template"',
			triggerReason ?? 'no API-key credential',
		);
	const { state } = emu.emu;
	const users = state.seedIds.users;
	let templateId;
	let formFileId;
	const prepared = await check(
		'forms: a Form Filling room saved as a template and a PDF form in My documents',
		async () => {
			const { pdfForm, SAMPLE_FORM_FIELDS } = await import(
				pathToFileURL(join(ROOT, 'test/emulator/formPdf.cts')).href
			);
			const room = await emu.docspace('POST', '/api/2.0/files/rooms', {
				title: 'Job applications (source)',
				roomType: 1,
			});
			await emu.docspace('POST', '/api/2.0/files/roomtemplate', {
				roomId: room.id,
				title: 'Job applications',
			});
			const status = await waitFor(
				async () => {
					const s = await emu.docspace('GET', '/api/2.0/files/roomtemplate/status');
					return s.isCompleted ? s : null;
				},
				{ timeoutMs: 10000, message: 'the room template' },
			);
			templateId = status.templateId;
			const myDocuments = state.myDocumentsOf(users.admin);
			formFileId = state.createFile({
				title: 'Job application.pdf',
				folderId: myDocuments.id,
				createdBy: users.admin,
				content: pdfForm(SAMPLE_FORM_FIELDS),
				isForm: true,
			}).id;
			return `template ${templateId}, form ${formFileId}`;
		},
	);
	if (!prepared) return;

	const wf = manualToWebhook(
		exampleWorkflow(cred, templateId, formFileId),
		`e2e-forms-${ctx.runs++}`,
	);
	const path = wf.nodes.find((n) => n.type === 'n8n-nodes-base.webhook').parameters.path;
	const hookNode = wf.nodes.find((n) => n.type === TRIGGER_TYPE);
	const hookUrl = `${n8n.base}/webhook/${hookNode.webhookId}/webhook`;
	let wfId;
	let form;
	const started = await check(
		'example "Form Filling room from a template": the room is made, the form uploaded and started',
		async () => {
			wfId = (await createAndActivate(n8n, wf)).id;
			await waitFor(async () => (await emu.webhookSubscriptions()).some((h) => h.uri === hookUrl), {
				timeoutMs: 30000,
				message: `the example's webhook subscription (${hookUrl})`,
			});
			const res = await callWebhook(n8n.base, path);
			if (res.status !== 200)
				throw new Error(`HTTP ${res.status}: ${await lastExecutionError(n8n, wfId)}`);
			[form] = [JSON.parse(res.text)].flat();
			assert(
				form?.startFilling === true && form.isForm === true,
				`the upload returned ${res.text.slice(0, 200)}`,
			);
			const room = state.getFolder(Number(form.folderId));
			assert(
				room?.roomType === 1 && room.title.startsWith('Job applications 2'),
				`the form is not in a new Form Filling room (${room?.title})`,
			);
			return `form ${form.id} in room “${room.title}”`;
		},
	);
	if (!started) return;

	await check(
		'example "Form Filling room from a template": a user fills the form and the Set node gets the answers as a row',
		async () => {
			const room = state.getFolder(Number(form.folderId));
			room.members.push({ subjectId: users.user, subjectType: 0, access: 7 });
			const filled = await fetch(`${emu.base}/emulator/forms/${form.id}/fill`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ userId: users.user, values: ANSWERS }),
			});
			const answer = await filled.json();
			assert(
				filled.status === 200 && answer.completed,
				`filling failed: ${JSON.stringify(answer)}`,
			);
			const list = await settledExecutions(n8n, wfId, { min: 2, timeoutMs: 30000 });
			const fired = list.find((e) => e.data?.resultData?.runData?.['Shape a row']);
			assert(
				fired,
				`no execution ran “Shape a row” (${list.map((e) => `${e.id}:${e.status}`).join(', ')})`,
			);
			assert(fired.status === 'success', `execution ${fired.id} ended ${fired.status}`);
			const row = fired.data.resultData.runData['Shape a row'][0].data.main[0][0].json;
			const submitter = state.getUser(users.user);
			const expected = {
				formNumber: 1,
				submittedBy: users.user,
				submitterName: `${submitter.firstName} ${submitter.lastName}`,
				submitterEmail: submitter.email,
				fullName: 'Anna Petrova',
				age: 34,
				startDate: '2025-03-01',
				remote: true,
				completedFormId: answer.completedFormId,
			};
			for (const [key, value] of Object.entries(expected))
				assert(
					row[key] === value,
					`row.${key} is ${JSON.stringify(row[key])}, expected ${JSON.stringify(value)}`,
				);
			// The completed form the row names is the submitter's copy in the form's results folder.
			const copy = state.getFile(Number(row.completedFormId));
			const resultsFolder = state.getFolder(Number(copy?.folderId));
			assert(
				copy?.createdBy === users.user &&
					resultsFolder?.folderType === 27 &&
					state.roomOf(resultsFolder)?.id === Number(form.folderId) &&
					/^1 - /.test(copy.title),
				`completed form ${row.completedFormId} is not the user's copy in the form's results folder (${copy?.title})`,
			);
			await n8n.api('POST', `/workflows/${wfId}/deactivate`).catch(() => {});
			return JSON.stringify(row);
		},
	);
}
