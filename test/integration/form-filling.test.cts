/** Form → Upload Form, Start Filling, Manage Filling, Get Submissions and Get Fill Result through n8n's engine against the emulator. */
import { pdfForm, SAMPLE_FORM_FIELDS } from '../emulator/formPdf.cjs';
import { formFilling } from '../emulator/formStore.cjs';
import { byId, runDocSpace } from '../harness/docspace.cjs';
import {
	binaryInput,
	emulator,
	fill,
	formIn,
	formRoom,
	ids,
	requestsTo,
	run,
	submitterIn,
	useFormEmulator,
} from './form.fixtures.cjs';

useFormEmulator();

const answers = {
	fullName: 'Anna Petrova',
	age: '34',
	startDate: '03/01/2025',
	remote: true,
	team: 'Support',
};

describe('Upload Form', () => {
	test('an ONLYOFFICE PDF form lands in the room, is checked with isformpdf and is started', async () => {
		const room = formRoom();
		const { error, items } = await run(
			'uploadForm',
			{ roomId: byId(room.id), binaryPropertyName: 'data' },
			binaryInput('Leave request.pdf', pdfForm(SAMPLE_FORM_FIELDS)),
		);
		expect(error).toBeUndefined();
		const [file] = emulator.state.childrenOf(room.id).files;
		expect(file.title).toBe('Leave request.pdf');
		expect(items).toHaveLength(1);
		expect(items[0].json).toMatchObject({ id: file.id, isForm: true, startFilling: true });
		expect(formFilling(emulator.state, file.id).started).toBe(true);
		expect(requestsTo('GET', new RegExp(`/files/file/${file.id}/isformpdf$`))).toHaveLength(1);
		expect(requestsTo('PUT', new RegExp(`/files/file/${file.id}/startfilling$`))).toHaveLength(1);
	});

	test('a PDF with fields made elsewhere is refused after the upload, and filling is not started', async () => {
		const room = formRoom();
		const { error } = await run(
			'uploadForm',
			{ roomId: byId(room.id) },
			binaryInput('Other.pdf', pdfForm(SAMPLE_FORM_FIELDS, { onlyOfficeMarker: false })),
		);
		expect(error?.message).toMatch(
			/^“Other\.pdf” was stored \(file \d+\), but DocSpace does not take it for a PDF form/,
		);
		expect(error?.description).toMatch(/made in the ONLYOFFICE editor/);
		expect(requestsTo('PUT', /startfilling$/)).toEqual([]);
	});

	test('a file name that is not a PDF is refused before anything is uploaded', async () => {
		const room = formRoom();
		const { error } = await run(
			'uploadForm',
			{ roomId: byId(room.id) },
			binaryInput('notes.docx', Buffer.from('x')),
		);
		expect(error?.message).toMatch(/must be a PDF file/);
		expect(emulator.requests).toEqual([]);
	});
});

describe('Create From File', () => {
	test('copies a PDF form from My documents into the room under a new title, then starts it', async () => {
		const room = formRoom();
		const source = emulator.state.createFile({
			title: 'Master form.pdf',
			folderId: ids().myDocuments,
			createdBy: ids().users.admin,
			content: pdfForm(SAMPLE_FORM_FIELDS),
			isForm: true,
		});
		const { error, items } = await run('createFromFile', {
			roomId: byId(room.id),
			templateFileId: byId(source.id),
			title: 'Applications 2026.pdf',
		});
		expect(error).toBeUndefined();
		const [file] = emulator.state.childrenOf(room.id).files;
		expect(file).toMatchObject({ title: 'Applications 2026.pdf', isForm: true });
		expect(file.content.equals(source.content)).toBe(true);
		expect(items[0].json).toMatchObject({ id: file.id, startFilling: true });
		expect(requestsTo('POST', new RegExp(`/files/${room.id}/file$`))[0].body).toEqual({
			title: 'Applications 2026.pdf',
			templateId: source.id,
		});
	});

	test('a template that is not an ONLYOFFICE form is refused after the copy', async () => {
		const room = formRoom();
		const source = emulator.state.createFile({
			title: 'Scan.pdf',
			folderId: ids().myDocuments,
			createdBy: ids().users.admin,
			content: pdfForm(SAMPLE_FORM_FIELDS, { onlyOfficeMarker: false }),
		});
		const { error } = await run('createFromFile', {
			roomId: byId(room.id),
			templateFileId: byId(source.id),
		});
		expect(error?.message).toMatch(
			/^“Scan\.pdf” was stored \(file \d+\), but DocSpace does not take it for a PDF form/,
		);
		expect(requestsTo('PUT', /startfilling$/)).toEqual([]);
	});
});

describe('Start Filling and Manage Filling', () => {
	test('start, then stop: filling is refused until resumed', async () => {
		const room = formRoom();
		const form = formIn(room);
		expect((await fill(form.id, ids().users.user, answers)).status).toBe(400);

		const started = await run('startFilling', { fileId: byId(form.id) });
		expect(started.error).toBeUndefined();
		expect(started.items[0].json).toMatchObject({
			id: form.id,
			startFilling: true,
			formFillingStatus: 3,
		});
		expect((await fill(form.id, ids().users.user, answers)).status).toBe(200);

		const stopped = await run('manageFilling', { fileId: byId(form.id), action: 0 });
		expect(stopped.error).toBeUndefined();
		expect(
			requestsTo('PUT', new RegExp(`/files/file/${form.id}/manageformfilling$`))[0].body,
		).toEqual({ formId: form.id, action: 0 });
		expect((await fill(form.id, ids().users.user, answers)).status).toBe(400);

		expect(
			(await run('manageFilling', { fileId: byId(form.id), action: 1 })).error,
		).toBeUndefined();
		expect((await fill(form.id, ids().users.user, answers)).status).toBe(200);
		expect(formFilling(emulator.state, form.id).submissions).toHaveLength(2);
	});

	test('a form outside a form room cannot be started: DocSpace’s refusal reaches the user', async () => {
		const room = emulator.state.createRoom({
			title: 'Not for forms',
			roomType: 2,
			createdBy: ids().users.admin,
		});
		const form = formIn(room);
		const { error } = await run('startFilling', { fileId: byId(form.id) });
		expect(error?.message).toMatch(/Form Filling rooms and virtual data rooms/);
		expect(formFilling(emulator.state, form.id).started).toBe(false);
	});

	test('stopping a form that was never started fails', async () => {
		const form = formIn(formRoom());
		const { error } = await run('manageFilling', { fileId: byId(form.id), action: 0 });
		expect(error?.message).toMatch(/not started/);
	});
});

describe('Get Submissions', () => {
	test('one item per completed copy, values typed by the field metadata', async () => {
		const form = formIn(formRoom(), { started: true });
		const first = await fill(form.id, ids().users.user, answers);
		expect(first.status).toBe(200);
		const second = await fill(form.id, ids().users.user, {
			fullName: 'Li Wei',
			age: 27,
			startDate: '12/31/2025',
			remote: false,
			team: 'Sales',
		});
		expect(second.status).toBe(200);
		const submittedBy = submitterIn(emulator.state, ids().users.user);

		const { error, items } = await run('getSubmissions', {
			fileId: byId(form.id),
			returnAll: true,
		});
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json)).toEqual([
			{
				fullName: 'Anna Petrova',
				age: 34,
				startDate: '2025-03-01',
				remote: true,
				team: 'Support',
				formNumber: 1,
				submittedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
				submittedBy,
				completedFormId: first.body.completedFormId,
			},
			{
				fullName: 'Li Wei',
				age: 27,
				startDate: '2025-12-31',
				remote: false,
				team: 'Sales',
				formNumber: 2,
				submittedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
				submittedBy,
				completedFormId: second.body.completedFormId,
			},
		]);
	});

	test('a long list is read page by page; Limit stops early', async () => {
		const form = formIn(formRoom(), { started: true });
		for (let n = 1; n <= 230; n++) {
			formFilling(emulator.state, form.id).submissions.push({
				number: n,
				createOn: new Date(Date.UTC(2025, 0, 1, 0, n)),
				userId: ids().users.user,
				values: { fullName: `Person ${n}`, age: String(20 + (n % 40)) },
				completedFileId: 0,
				sessionId: `s${n}`,
			});
		}
		const all = await run('getSubmissions', { fileId: byId(form.id), returnAll: true });
		expect(all.error).toBeUndefined();
		expect(all.items.map((item) => item.json.formNumber)).toEqual(
			Array.from({ length: 230 }, (_, i) => i + 1),
		);
		expect(all.items[229].json).toMatchObject({ fullName: 'Person 230', age: 50 });
		expect(
			requestsTo('GET', /submissions$/).map((r) => [r.query.startIndex, r.query.count]),
		).toEqual([
			['0', '100'],
			['100', '100'],
			['200', '100'],
		]);

		emulator.clearRequests();
		const some = await run('getSubmissions', {
			fileId: byId(form.id),
			returnAll: false,
			limit: 150,
		});
		expect(some.items).toHaveLength(150);
		expect(
			requestsTo('GET', /submissions$/).map((r) => [r.query.startIndex, r.query.count]),
		).toEqual([
			['0', '100'],
			['100', '50'],
		]);
	});

	test('read access is enough: a member who only fills forms reads the answers, an outsider is refused', async () => {
		const form = formIn(formRoom(), { started: true });
		await fill(form.id, ids().users.user, answers);
		const member = await runAs(ids().users.user, form.id);
		expect(member.error).toBeUndefined();
		expect(member.items.map((item) => item.json.fullName)).toEqual(['Anna Petrova']);
		const outsider = await runAs(ids().users.user2, form.id);
		expect(outsider.error?.message).toMatch(/permission|denied/i);
	});

	test('a form that was never started has no submissions to read', async () => {
		const form = formIn(formRoom());
		const { error } = await run('getSubmissions', { fileId: byId(form.id), returnAll: true });
		expect(error?.message).toMatch(/not started/);
	});
});

describe('Get Fill Result', () => {
	test('the completed and original forms, the form number and the manager of a session', async () => {
		const room = formRoom();
		const form = formIn(room, { started: true });
		await fill(form.id, ids().users.user, answers);
		const second = await fill(form.id, ids().users.user, { ...answers, fullName: 'Second' });
		const { error, items } = await run('getFillResult', {
			fillingSessionId: second.body.fillingSessionId,
		});
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({
			formNumber: 2,
			roomId: room.id,
			originalForm: { id: form.id },
			completedForm: { id: second.body.completedFormId },
			manager: { id: ids().users.admin },
		});
		const completed = emulator.state.getFile(Number(second.body.completedFormId));
		expect(completed?.content.toString('latin1')).toContain('/V (Second)');
	});

	test('an unknown session is a not-found error', async () => {
		const { error } = await run('getFillResult', { fillingSessionId: 'nope' });
		expect(error?.message).toMatch(/not found|could not be found/i);
	});
});

async function runAs(userId: string, fileId: number) {
	const key = emulator.state.createApiKey({ userId, name: 'someone' });
	return await runDocSpace({
		emulator,
		parameters: {
			resource: 'form',
			operation: 'getSubmissions',
			fileId: byId(fileId),
			returnAll: true,
		},
		credentials: { baseUrl: emulator.url, apiKey: key.key },
	});
}
