/**
 * The trigger's form events against the emulator: a user fills a form, DocSpace delivers
 * form.submit `{originalForm, submittedForm}`, and Include Form Data adds the answers.
 */
import { pdfForm, SAMPLE_FORM_FIELDS } from '../emulator/formPdf.cjs';
import { formFilling } from '../emulator/formStore.cjs';
import { FileShare } from '../emulator/model.cjs';
import { forbidResultsFolder, submitterIn } from './form.fixtures.cjs';
import { emulator, trigger, useTriggerEmulator } from './trigger.fixtures.cjs';

useTriggerEmulator();

const ids = () => emulator.state.seedIds;
let count = 0;

function startedForm(roomType: 1 | 8 = 1, roles?: string[]) {
	const room = emulator.state.createRoom({
		title: `Trigger forms ${++count}`,
		roomType,
		createdBy: ids().users.admin,
		members: [ids().users.user, ids().users.user2].map((subjectId) => ({
			subjectId,
			subjectType: 0 as const,
			access: FileShare.FillForms,
		})),
	});
	const form = emulator.state.createFile({
		title: `Job application ${count}.pdf`,
		folderId: room.id,
		createdBy: ids().users.admin,
		content: pdfForm(SAMPLE_FORM_FIELDS, { roles }),
		isForm: true,
	});
	Object.assign(formFilling(emulator.state, form.id), {
		started: true,
		startedBy: ids().users.admin,
	});
	return { room, form };
}

async function fill(fileId: number, userId: string, values: Record<string, unknown>) {
	const response = await fetch(`${emulator.url}/emulator/forms/${fileId}/fill`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ userId, values }),
	});
	expect(response.status).toBe(200);
	return (await response.json()) as { completedFormId?: number; formNumber?: number };
}

const submitter = (userId: string) => submitterIn(emulator.state, userId);

/** An active form.submit trigger with Include Form Data, and a started form for it to watch. */
async function watchedForm() {
	const harness = await trigger({ events: ['form.submit'], options: { includeFormData: true } });
	await harness.activate();
	return { harness, ...startedForm() };
}

/** The path of the form's submissions, which Include Form Data reads. */
const submissionsOf = (formId: number) => new RegExp(`/files/file/${formId}/submissions$`);

const answers = {
	fullName: 'Anna Petrova',
	age: 34,
	startDate: '03/01/2025',
	remote: true,
	team: 'Support',
};

test('form.submit with Include Form Data: the answers, typed, the completed form and the PDF', async () => {
	const harness = await trigger({
		events: ['form.submit'],
		options: { includeFormData: true, includeCompletedForm: true },
	});
	await harness.activate();
	const { form } = startedForm();
	await fill(form.id, ids().users.user2, { fullName: 'Earlier', age: 20 });
	const result = await fill(form.id, ids().users.user, answers);
	await emulator.webhooks.idle();

	expect(harness.executions).toHaveLength(2);
	const [[[item]]] = harness.executions.slice(1);
	expect(item.json.payload).toMatchObject({
		originalForm: { id: form.id, title: form.title },
		submittedForm: { id: result.completedFormId },
	});
	expect(item.json.formData).toEqual({
		originalFormId: form.id,
		completedFormId: result.completedFormId,
		formNumber: 2,
		submittedAt: expect.stringMatching(/^\d{4}-/),
		submittedBy: submitter(ids().users.user),
		fields: {
			fullName: 'Anna Petrova',
			age: 34,
			startDate: '2025-03-01',
			remote: true,
			team: 'Support',
		},
	});
	const completed = emulator.state.getFile(Number(result.completedFormId));
	expect(item.binary?.data).toMatchObject({
		fileName: completed?.title,
		mimeType: 'application/pdf',
	});
	expect(
		Buffer.from(String(item.binary?.data.data), 'base64').equals(
			completed?.content ?? Buffer.alloc(0),
		),
	).toBe(true);
});

test('each delivery gets its own submission, even when a later one exists by the time it is read', async () => {
	const { harness, form } = await watchedForm();
	// The first look-up is slow, so the second copy is already recorded when it is answered.
	emulator.faults.add({
		method: 'GET',
		path: submissionsOf(form.id),
		delayMs: 500,
	});
	const first = await fill(form.id, ids().users.user, { fullName: 'First' });
	await new Promise((resolve) => setTimeout(resolve, 150));
	emulator.state.advanceClock(60_000);
	const second = await fill(form.id, ids().users.user2, { fullName: 'Second' });
	await emulator.webhooks.idle();
	const formData = harness.executions.map(
		(e) => e[0][0].json.formData as { completedFormId?: number } | undefined,
	);
	const byCompleted = Object.fromEntries(
		formData.map((data) => [Number(data?.completedFormId), data]),
	);
	expect(byCompleted[Number(first.completedFormId)]).toMatchObject({
		formNumber: 1,
		submittedBy: submitter(ids().users.user),
		fields: { fullName: 'First' },
	});
	expect(byCompleted[Number(second.completedFormId)]).toMatchObject({
		formNumber: 2,
		submittedBy: submitter(ids().users.user2),
		fields: { fullName: 'Second' },
	});
});

test('without the option the item is the plain event and nothing is fetched', async () => {
	const harness = await trigger({ events: ['form.submit'] });
	await harness.activate();
	const { form } = startedForm();
	emulator.clearRequests();
	await fill(form.id, ids().users.user, answers);
	await emulator.webhooks.idle();
	const [[[item]]] = harness.executions;
	expect(item.json.formData).toBeUndefined();
	expect(item.binary).toBeUndefined();
	expect(emulator.requests.filter((r) => /submissions$/.test(r.path))).toEqual([]);
});

test('form.filled.out in a virtual data room: the answers of every role, from the latest submission', async () => {
	const harness = await trigger({
		events: ['form.filled.out'],
		options: { includeFormData: true },
	});
	await harness.activate();
	const { form } = startedForm(8, ['Employee', 'Manager']);
	formFilling(emulator.state, form.id).roles = [
		{ roleName: 'Employee', userId: ids().users.user, sequence: 1, submitted: false },
		{ roleName: 'Manager', userId: ids().users.user2, sequence: 2, submitted: false },
	];
	await fill(form.id, ids().users.user, { fullName: 'Li Wei' });
	await fill(form.id, ids().users.user2, { team: 'Sales' });
	await emulator.webhooks.idle();
	expect(harness.executions).toHaveLength(1);
	expect(harness.executions[0][0][0].json.formData).toMatchObject({
		originalFormId: form.id,
		formNumber: 1,
		fields: { fullName: 'Li Wei', team: 'Sales' },
	});
});

test('a failed look-up keeps the event and says why', async () => {
	const { harness, form } = await watchedForm();
	emulator.faults.add({
		method: 'GET',
		path: submissionsOf(form.id),
		status: 404,
		times: Infinity,
	});
	await fill(form.id, ids().users.user, answers);
	await emulator.webhooks.idle();
	expect(harness.executions).toHaveLength(1);
	emulator.faults.clear();
	expect(harness.executions[0][0][0].json.formDataError).toBe(
		'DocSpace could not find the requested item',
	);
	expect(harness.executions[0][0][0].json.formData).toBeUndefined();
});

test('form.submit when the results folder cannot be read: matched by the copy’s number, the submitter from the copy', async () => {
	const { harness, form } = await watchedForm();
	await fill(form.id, ids().users.user2, { fullName: 'Earlier' });
	await emulator.webhooks.idle();
	forbidResultsFolder(emulator, form.id);
	const result = await fill(form.id, ids().users.user, { fullName: 'Later' });
	await emulator.webhooks.idle();
	emulator.faults.clear();
	expect(harness.executions).toHaveLength(2);
	expect(harness.executions[1][0][0].json.formData).toMatchObject({
		completedFormId: result.completedFormId,
		formNumber: 2,
		submittedBy: { id: ids().users.user, name: null, email: null },
		fields: { fullName: 'Later' },
	});
});
