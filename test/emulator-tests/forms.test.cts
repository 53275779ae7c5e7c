/** The emulator's PDF forms and room templates: what a client must get right, checked over HTTP. */
import { emulator as emu, jsonAuth, useEmulator } from './emulator.fixture.cjs';
import { call } from '../emulator/client.cjs';
import { isOnlyOfficeForm, parseForm, pdfForm, SAMPLE_FORM_FIELDS } from '../emulator/formPdf.cjs';
import { formFilling } from '../emulator/formStore.cjs';
import { FileShare } from '../emulator/model.cjs';
import { templateTasks } from '../emulator/templateStore.cjs';

useEmulator();

const api = (method: string, path: string, body?: unknown, headers = jsonAuth) =>
	call(emu.url, `/api/2.0/${path}`, {
		method,
		headers,
		body: body === undefined ? undefined : JSON.stringify(body),
	});
const fill = (fileId: number, userId: string, values: Record<string, unknown>) =>
	call(emu.url, `/emulator/forms/${fileId}/fill`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ userId, values }),
	});

function startedForm() {
	const ids = emu.state.seedIds;
	const room = emu.state.createRoom({
		title: 'Emulator forms',
		roomType: 1,
		createdBy: ids.users.admin,
		members: [{ subjectId: ids.users.user, subjectType: 0, access: FileShare.FillForms }],
	});
	const form = emu.state.createFile({
		title: 'F.pdf',
		folderId: room.id,
		createdBy: ids.users.admin,
		content: pdfForm(SAMPLE_FORM_FIELDS),
		isForm: true,
	});
	formFilling(emu.state, form.id).started = true;
	return { room, form };
}

describe('PDF forms', () => {
	test('fields and roles survive a build and a parse; only marked PDFs are forms', () => {
		const content = pdfForm(SAMPLE_FORM_FIELDS, { roles: ['A (first)', 'B'] });
		expect(parseForm(content)).toEqual({ fields: SAMPLE_FORM_FIELDS, roles: ['A (first)', 'B'] });
		expect(isOnlyOfficeForm(content)).toBe(true);
		expect(isOnlyOfficeForm(pdfForm(SAMPLE_FORM_FIELDS, { onlyOfficeMarker: false }))).toBe(false);
		expect(isOnlyOfficeForm(Buffer.from('%ONLYOFFICEFORM not a pdf'))).toBe(false);
	});

	test('isformpdf answers per file; startfilling refuses a plain PDF', async () => {
		const { room, form } = startedForm();
		const plain = emu.state.createFile({
			title: 'Plain.pdf',
			folderId: room.id,
			createdBy: emu.state.seedIds.users.admin,
			content: pdfForm(SAMPLE_FORM_FIELDS, { onlyOfficeMarker: false }),
		});
		expect((await api('GET', `files/file/${form.id}/isformpdf`)).json.response).toBe(true);
		expect((await api('GET', `files/file/${plain.id}/isformpdf`)).json.response).toBe(false);
		const refused = await api('PUT', `files/file/${plain.id}/startfilling`);
		expect([refused.status, refused.json.error.message]).toEqual([
			400,
			'The file is not a PDF form',
		]);
	});

	test('filling checks the values against the fields', async () => {
		const { form } = startedForm();
		const user = emu.state.seedIds.users.user;
		expect((await fill(form.id, user, { nickname: 'x' })).status).toBe(400);
		expect((await fill(form.id, user, { age: 'old' })).status).toBe(400);
		expect((await fill(form.id, user, { team: 'Marketing' })).status).toBe(400);
		expect((await fill(form.id, user, { remote: 'yes' })).status).toBe(400);
		expect(
			(await fill(form.id, emu.state.seedIds.users.user2, { fullName: 'Not a member' })).status,
		).toBe(403);
		expect(
			(await fill(form.id, user, { fullName: 'Ok', age: '7', remote: false, team: 'Sales' }))
				.status,
		).toBe(200);
		expect(formFilling(emu.state, form.id).submissions.map((s) => s.values)).toEqual([
			{ fullName: 'Ok', age: '7', remote: 'false', team: 'Sales' },
		]);
	});

	test('submissions: FormNumber first, metadata in layout order, startIndex/count paging with total', async () => {
		const { form } = startedForm();
		for (const name of ['a', 'b', 'c'])
			await fill(form.id, emu.state.seedIds.users.user, { fullName: name });
		const page = await api('GET', `files/file/${form.id}/submissions?startIndex=1&count=1`);
		expect(page.json.total).toBe(3);
		expect(page.json.response.metadata.map((m: { key: string }) => m.key)).toEqual(
			SAMPLE_FORM_FIELDS.map((f) => f.key),
		);
		expect(page.json.response.submissions).toEqual([
			{
				createOn: expect.any(String),
				formsData: [
					{ key: 'FormNumber', value: '2', type: 'text' },
					{ key: 'fullName', value: 'b', type: 'text' },
				],
			},
		]);
		expect((await api('GET', `files/file/${form.id}/submissions?count=0`)).status).toBe(400);
	});

	test('a content creator starts filling but may not stop one a room manager started', async () => {
		const { room, form } = startedForm();
		formFilling(emu.state, form.id).startedBy = emu.state.seedIds.users.admin;
		room.members.push({
			subjectId: emu.state.seedIds.users.user2,
			subjectType: 0,
			access: FileShare.ContentCreator,
		});
		const creator = emu.state.createApiKey({
			userId: emu.state.seedIds.users.user2,
			name: 'creator',
		});
		const asCreator = {
			authorization: `Bearer ${creator.key}`,
			'content-type': 'application/json',
		};
		/** The creator's request to stop filling the form (action 0: Stop). */
		const stop = async (formId: number) =>
			(await api('PUT', `files/file/${formId}/manageformfilling`, { formId, action: 0 }, asCreator))
				.status;
		expect(await stop(form.id)).toBe(403);
		const own = emu.state.createFile({
			title: 'Own.pdf',
			folderId: room.id,
			createdBy: emu.state.seedIds.users.user2,
			content: pdfForm(SAMPLE_FORM_FIELDS),
			isForm: true,
		});
		expect(
			(await api('PUT', `files/file/${own.id}/startfilling`, undefined, asCreator)).status,
		).toBe(200);
		expect(await stop(own.id)).toBe(200);
		const filler = emu.state.createApiKey({ userId: emu.state.seedIds.users.user, name: 'filler' });
		expect(
			(
				await api('PUT', `files/file/${form.id}/startfilling`, undefined, {
					authorization: `Bearer ${filler.key}`,
				})
			).status,
		).toBe(403);
	});

	test('fillresult needs no sign-in, only the session id', async () => {
		const { form } = startedForm();
		const filled = (await fill(form.id, emu.state.seedIds.users.user, { fullName: 'Anon' }))
			.json as { fillingSessionId: string; completedFormId: number };
		const anonymous = await call(
			emu.url,
			`/api/2.0/files/file/fillresult?fillingSessionId=${filled.fillingSessionId}`,
		);
		expect(anonymous.status).toBe(200);
		expect(anonymous.json.response).toMatchObject({
			formNumber: 1,
			completedForm: { id: filled.completedFormId },
			originalForm: { id: form.id },
			isRoomMember: false,
		});
		expect(
			(await call(emu.url, '/api/2.0/files/file/fillresult?fillingSessionId=nope')).status,
		).toBe(404);
		expect((await call(emu.url, '/api/2.0/files/file/fillresult')).status).toBe(400);
	});

	test('manageformfilling needs formId in the body and a known action', async () => {
		const { form } = startedForm();
		expect(
			(await api('PUT', `files/file/${form.id}/manageformfilling`, { action: 0 })).status,
		).toBe(400);
		expect(
			(await api('PUT', `files/file/${form.id}/manageformfilling`, { formId: form.id, action: 7 }))
				.status,
		).toBe(400);
		expect(
			(await api('PUT', `files/file/${form.id}/manageformfilling`, { formId: form.id, action: 0 }))
				.status,
		).toBe(200);
		expect(formFilling(emu.state, form.id).stopped).toBe(true);
	});
});

describe('room templates', () => {
	test('the start answers queued; the status reports the template once done', async () => {
		templateTasks(emu.state).durationMs = 0;
		const started = await api('POST', 'files/roomtemplate', {
			roomId: emu.state.seedIds.rooms.custom,
			title: 'T',
		});
		expect(started.json.response).toEqual({
			templateId: 0,
			progress: 0,
			error: '',
			isCompleted: false,
		});
		const status = await api('GET', 'files/roomtemplate/status');
		expect(status.json.response).toEqual({
			templateId: expect.any(Number),
			progress: 100,
			error: '',
			isCompleted: true,
		});
		const listed = await api('GET', 'files/rooms?searchArea=Templates');
		expect(listed.json.response.folders.map((f: { id: number }) => f.id)).toContain(
			status.json.response.templateId,
		);
		expect(
			(await api('GET', 'files/rooms')).json.response.folders.map((f: { id: number }) => f.id),
		).not.toContain(status.json.response.templateId);
	});

	test('the status is the caller’s own: another user with no task gets an empty response', async () => {
		const other = emu.state.createApiKey({
			userId: emu.state.seedIds.users.roomAdmin,
			name: 'other',
		});
		const answer = await api('GET', 'files/roomtemplate/status', undefined, {
			authorization: `Bearer ${other.key}`,
		});
		expect([answer.status, answer.json.response]).toEqual([200, null]);
	});

	test('an archived room is missing; a private template is the owner’s alone, even to an admin', async () => {
		expect(
			(await api('POST', 'files/roomtemplate', { roomId: emu.state.seedIds.rooms.archived }))
				.status,
		).toBe(404);
		const ids = emu.state.seedIds;
		const roomAdmin = emu.state.createApiKey({ userId: ids.users.roomAdmin, name: 'room admin' });
		const asRoomAdmin = {
			authorization: `Bearer ${roomAdmin.key}`,
			'content-type': 'application/json',
		};
		const room = emu.state.createRoom({
			title: 'Room admin’s',
			roomType: 5,
			createdBy: ids.users.roomAdmin,
		});
		await api(
			'POST',
			'files/roomtemplate',
			{ roomId: room.id, share: [emu.secrets.userEmail] },
			asRoomAdmin,
		);
		const templateId = (await api('GET', 'files/roomtemplate/status', undefined, asRoomAdmin)).json
			.response.templateId;
		expect((await api('GET', `files/roomtemplate/${templateId}/public`)).status).toBe(403);
		expect(
			(await api('PUT', 'files/roomtemplate/public', { id: templateId, public: true })).status,
		).toBe(403);
		expect(
			(await api('PUT', 'files/roomtemplate/public', { id: 0, public: true }, asRoomAdmin)).status,
		).toBe(400);
		expect(emu.state.getFolder(templateId)?.members.map((m) => m.subjectId)).toEqual([
			ids.users.user,
		]);
		expect(
			(await api('PUT', 'files/roomtemplate/public', { id: templateId, public: true }, asRoomAdmin))
				.status,
		).toBe(200);
		expect(emu.state.getFolder(templateId)?.members).toEqual([]);
		expect((await api('GET', `files/roomtemplate/${templateId}/public`)).json.response).toBe(true);
	});

	test('rooms/fromtemplate needs a title and a template', async () => {
		expect((await api('POST', 'files/rooms/fromtemplate', { templateId: 1 })).status).toBe(400);
		expect(
			(
				await api('POST', 'files/rooms/fromtemplate', {
					templateId: emu.state.seedIds.rooms.custom,
					title: 'X',
				})
			).status,
		).toBe(404);
	});
});
