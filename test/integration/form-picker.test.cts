/**
 * The Form picker (From List of every form operation): PDF forms from My documents and the rooms,
 * each labelled with where it is, searchable, without plain PDFs or the completed copies DocSpace
 * keeps in a Form Filling room's Complete folder.
 */
import { pdfForm, SAMPLE_FORM_FIELDS } from '../emulator/formPdf.cjs';
import { formFilling } from '../emulator/formStore.cjs';
import { FileShare, type Folder } from '../emulator/model.cjs';
import { listSearch } from '../harness/editor.cjs';
import { emulator, fill, ids, useFormEmulator } from './form.fixtures.cjs';

useFormEmulator();

const form = (title: string, folderId: number, isForm = true) =>
	emulator.state.createFile({
		title,
		folderId,
		createdBy: ids().users.admin,
		content: isForm ? pdfForm(SAMPLE_FORM_FIELDS) : Buffer.from('%PDF-1.7\n%%EOF\n'),
		isForm,
	});

const room = (title: string, roomType: 1 | 8): Folder =>
	emulator.state.createRoom({
		title,
		roomType,
		createdBy: ids().users.admin,
		members: [{ subjectId: ids().users.user, subjectType: 0, access: FileShare.FillForms }],
	});

let intake: number;
let survey: number;
let template: number;
let completed: number | undefined;

beforeAll(async () => {
	const intakeRoom = room('Intake desk', 1);
	const year = emulator.state.createFolder({
		title: '2025',
		parentId: intakeRoom.id,
		createdBy: ids().users.admin,
	});
	intake = form('Intake questionnaire.pdf', year.id).id;
	survey = form('Survey questionnaire.pdf', room('Board review', 8).id).id;
	template = form('Template questionnaire.pdf', ids().myDocuments).id;
	form('Scanned questionnaire.pdf', ids().myDocuments, false);
	Object.assign(formFilling(emulator.state, intake), {
		started: true,
		startedBy: ids().users.admin,
	});
	completed = (await fill(intake, ids().users.user, { fullName: 'Copy' })).body.completedFormId;
});

const search = (filter?: string, paginationToken?: string) =>
	listSearch(
		'searchForms',
		{ emulator, parameters: { resource: 'form', operation: 'getSubmissions' } },
		filter,
		paginationToken,
	);

async function everything(filter?: string) {
	const results = [];
	let token: string | undefined;
	let pages = 0;
	do {
		const page = await search(filter, token);
		results.push(...page.results);
		token = typeof page.paginationToken === 'string' ? page.paginationToken : undefined;
	} while (token && ++pages < 50);
	return results;
}

test('PDF forms from two rooms and My documents, each with where it is', async () => {
	const results = await everything('questionnaire');
	expect(results.map((r) => [r.name, r.value])).toEqual(
		expect.arrayContaining([
			['Template questionnaire.pdf · My documents', String(template)],
			['Intake questionnaire.pdf · Intake desk / 2025', String(intake)],
			['Survey questionnaire.pdf · Board review', String(survey)],
		]),
	);
	expect(results).toHaveLength(3);
});

test('neither plain PDFs nor the completed copies are offered', async () => {
	const values = (await everything()).map((r) => r.value);
	expect(completed).toBeDefined();
	expect(values).not.toContain(String(completed));
	for (const value of values) expect(emulator.state.getFile(Number(value))?.isForm).toBe(true);
	expect(values).toEqual(
		expect.arrayContaining([String(intake), String(survey), String(template)]),
	);
});

test('the search narrows the list to the matching forms', async () => {
	const page = await search('intake');
	expect(page.results).toEqual([
		expect.objectContaining({
			name: 'Intake questionnaire.pdf · Intake desk / 2025',
			value: String(intake),
		}),
	]);
});
