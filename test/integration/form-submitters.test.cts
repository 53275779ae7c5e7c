/**
 * Form → Get Submissions names who submitted each copy and the completed form's file ID. The
 * emulator records neither in the submission (as DocSpace does not); the node finds them through
 * the completed PDFs in the form's results folder, each checked here against the emulator.
 */
import { parseForm } from '../emulator/formPdf.cjs';
import { formFilling } from '../emulator/formStore.cjs';
import { FolderType } from '../emulator/model.cjs';
import { byId, runDocSpace } from '../harness/docspace.cjs';
import {
	emulator,
	fill,
	formIn,
	forbidResultsFolder,
	formRoom,
	ids,
	requestsTo,
	run,
	submitterIn,
	useFormEmulator,
} from './form.fixtures.cjs';

useFormEmulator();

const person = (userId: string) => submitterIn(emulator.state, userId);

/** The value a completed PDF holds for a text field. */
function valueIn(content: Buffer, key: string): string | undefined {
	const object = content
		.toString('latin1')
		.split('endobj')
		.find((o) => o.includes(`/T (${key})`));
	return object ? /\/V \(([^)]*)\)/.exec(object)?.[1] : undefined;
}

async function download(fileId: number): Promise<Buffer> {
	const { error, items } = await runDocSpace({
		emulator,
		parameters: {
			resource: 'file',
			operation: 'download',
			fileId: byId(fileId),
			binaryPropertyName: 'data',
		},
	});
	expect(error).toBeUndefined();
	return Buffer.from(String(items[0].binary?.data.data), 'base64');
}

const submissions = async (formId: number) => {
	const { error, items } = await run('getSubmissions', { fileId: byId(formId), returnAll: true });
	expect(error).toBeUndefined();
	return items.map((item) => item.json);
};

test('several submitters past 100 submissions: each item names its submitter and its own completed PDF', async () => {
	const fillers = [ids().users.user, ids().users.user2, ids().users.roomAdmin];
	const form = formIn(formRoom(1, fillers), { started: true });
	for (let n = 1; n <= 130; n++) {
		const answer = await fill(form.id, fillers[n % 3], { fullName: `Person ${n}` });
		expect(answer.status).toBe(200);
	}
	const items = await submissions(form.id);
	expect(items).toHaveLength(130);
	const recorded = formFilling(emulator.state, form.id).submissions;
	for (const item of items) {
		const record = recorded.find((s) => s.number === item.formNumber);
		expect(item.fullName).toBe(`Person ${String(item.formNumber)}`);
		expect(item.submittedBy).toEqual(person(String(record?.userId)));
		expect(item.completedFormId).toBe(record?.completedFileId);
		const copy = emulator.state.getFile(Number(item.completedFormId));
		expect(copy?.createdBy).toBe(record?.userId);
	}
	// Both lists were read page by page: the submissions and the results folder's files.
	expect(requestsTo('GET', /submissions$/).map((r) => r.query.startIndex)).toEqual(['0', '100']);
	const folderId = formFilling(emulator.state, form.id).resultsFolderId;
	expect(emulator.state.getFolder(Number(folderId))?.folderType).toBe(
		FolderType.FormFillingFolderDone,
	);
	expect(
		requestsTo('GET', new RegExp(`/files/${String(folderId)}$`)).map((r) => r.query.startIndex),
	).toEqual(['0', '100']);

	// The file behind completedFormId is that submitter's form.
	for (const item of [items[0], items[64], items[129]]) {
		const content = await download(Number(item.completedFormId));
		expect(valueIn(content, 'fullName')).toBe(item.fullName);
		expect(parseForm(content).fields.map((f) => f.key)).toContain('fullName');
	}
});

test('two submissions in the same second are told apart by their form number', async () => {
	const form = formIn(formRoom(1, [ids().users.user, ids().users.user2]), { started: true });
	const first = await fill(form.id, ids().users.user, { fullName: 'Same second A' });
	const second = await fill(form.id, ids().users.user2, { fullName: 'Same second B' });
	const [a, b] = formFilling(emulator.state, form.id).submissions;
	b.createOn = a.createOn;
	for (const id of [first.body.completedFormId, second.body.completedFormId])
		Object.assign(emulator.state.getFile(Number(id)) ?? {}, { created: a.createOn });

	const items = await submissions(form.id);
	expect(items.map((i) => [i.fullName, i.completedFormId, i.submittedBy])).toEqual([
		['Same second A', first.body.completedFormId, person(ids().users.user)],
		['Same second B', second.body.completedFormId, person(ids().users.user2)],
	]);
	expect(items[0].submittedAt).toBe(items[1].submittedAt);
});

test('a completed copy that is gone, renamed or ambiguous gives null, never another copy', async () => {
	const form = formIn(formRoom(1, [ids().users.user, ids().users.user2]), { started: true });
	const answers: Awaited<ReturnType<typeof fill>>[] = [];
	for (let n = 1; n <= 4; n++)
		answers.push(
			await fill(form.id, n % 2 ? ids().users.user : ids().users.user2, { fullName: `P${n}` }),
		);
	const copy = (n: number) => emulator.state.getFile(Number(answers[n - 1].body.completedFormId));
	const trash = emulator.state.trashOf(ids().users.admin);
	// 1: deleted; 2: renamed; 3: a second file whose title claims number 3; 4: untouched.
	Object.assign(copy(1) ?? {}, { folderId: trash?.id });
	Object.assign(copy(2) ?? {}, { title: 'Reviewed.pdf' });
	emulator.state.createFile({
		title: '3 - copy of a form.pdf',
		folderId: Number(copy(3)?.folderId),
		createdBy: ids().users.admin,
		content: Buffer.from(copy(3)?.content ?? ''),
		isForm: true,
	});

	const items = await submissions(form.id);
	expect(items.map((i) => [i.formNumber, i.fullName, i.completedFormId, i.submittedBy])).toEqual([
		[1, 'P1', null, null],
		[2, 'P2', null, null],
		[3, 'P3', null, null],
		[4, 'P4', answers[3].body.completedFormId, person(ids().users.user2)],
	]);
});

test('a results folder the account may not open links nothing but still returns the answers', async () => {
	const form = formIn(formRoom(), { started: true });
	await fill(form.id, ids().users.user, { fullName: 'Hidden' });
	forbidResultsFolder(emulator, form.id);
	try {
		const items = await submissions(form.id);
		expect(items).toEqual([
			expect.objectContaining({ fullName: 'Hidden', completedFormId: null, submittedBy: null }),
		]);
	} finally {
		emulator.faults.clear();
	}
});
