/**
 * Poll Trigger, New Form Submission, against the emulator's form filling (forms are filled with
 * the emulator's `POST /emulator/forms/{fileId}/fill`, as a user would in the editor). The
 * emulator's form modules are loaded at run time; without them the suite is skipped.
 */
import { SAMPLE_FORM_FIELDS, pdfForm } from '../emulator/formPdf.cjs';
import { formFilling } from '../emulator/formStore.cjs';
import { byId } from '../harness/docspace.cjs';
import type { PollHarness } from '../harness/poll.cjs';
import {
	admin,
	api,
	emulator,
	freshRoom,
	listings,
	poller,
	usePollEmulator,
} from './poll.fixtures.cjs';

usePollEmulator();

/** Fills the form in as the seeded user, as the editor would. */
async function fill(formId: number, values: Record<string, unknown>) {
	const res = await fetch(`${emulator.url}/emulator/forms/${formId}/fill`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ userId: emulator.state.seedIds.users.user, values }),
	});
	expect(res.status).toBe(200);
}

describe('New Form Submission', () => {
	function startedForm() {
		const { users } = emulator.state.seedIds;
		const room = emulator.state.createRoom({
			title: 'Poll forms',
			roomType: 1,
			createdBy: admin,
			members: [{ subjectId: users.user, subjectType: 0, access: 7 }],
		});
		const form = emulator.state.createFile({
			title: 'Application.pdf',
			folderId: room.id,
			createdBy: admin,
			content: pdfForm(SAMPLE_FORM_FIELDS),
			isForm: true,
		});
		formFilling(emulator.state, form.id).started = true;
		return form;
	}

	const names = async (trigger: PollHarness) =>
		(await trigger.poll()).items.map(
			(i) => (i.payload as { fields: { fullName: string } }).fields.fullName,
		);

	it('the baseline skips earlier submissions; each new one is emitted once with its number and answers', async () => {
		const form = startedForm();
		await fill(form.id, { fullName: 'Before' });
		const trigger = poller({ event: 'form.submit', fileId: byId(form.id) });
		expect((await trigger.poll()).items).toEqual([]);
		await fill(form.id, { fullName: 'Ada', team: 'Sales' });
		const { items, error } = await trigger.poll();
		expect(error).toBeUndefined();
		expect(items).toHaveLength(1);
		expect(items[0].event).toMatchObject({
			trigger: 'form.submit',
			triggerId: expect.any(Number),
			id: `form.submit:2@2`,
		});
		expect(items[0].payload).toMatchObject({
			formId: String(form.id),
			formNumber: 2,
			fields: { fullName: 'Ada', team: 'Sales' },
		});
		expect(await names(trigger)).toEqual([]);
	});

	it('120 submissions between two polls give 120 items (paged), none twice; the state survives a restart', async () => {
		const form = startedForm();
		const trigger = poller({ event: 'form.submit', fileId: byId(form.id) });
		await trigger.poll();
		for (let i = 0; i < 120; i++) await fill(form.id, { fullName: `P${i}` });
		emulator.clearRequests();
		const got = await names(trigger.restart());
		expect(got.sort()).toEqual(Array.from({ length: 120 }, (_, i) => `P${i}`).sort());
		expect(listings(`/api/2.0/files/file/${form.id}/submissions`)).toHaveLength(2);
	});

	it('Fetch Test Event returns the newest submission', async () => {
		const form = startedForm();
		await fill(form.id, { fullName: 'Old' });
		await new Promise((resolve) => setTimeout(resolve, 5));
		await fill(form.id, { fullName: 'Newest' });
		const { items } = await poller({ event: 'form.submit', fileId: byId(form.id) }).poll('manual');
		expect(
			items.map((i) => (i.payload as { fields: { fullName: string } }).fields.fullName),
		).toEqual(['Newest']);
	});
});

describe('New Form Submission in a Form Filling room', () => {
	let rooms = 0;
	function formRoom() {
		const { users } = emulator.state.seedIds;
		return emulator.state.createRoom({
			title: `Form room ${++rooms}`,
			roomType: 1,
			createdBy: admin,
			members: [{ subjectId: users.user, subjectType: 0, access: 7 }],
		});
	}
	const addForm = (roomId: number, title: string) =>
		emulator.state.createFile({
			title,
			folderId: roomId,
			createdBy: admin,
			content: pdfForm(SAMPLE_FORM_FIELDS),
			isForm: true,
		});
	const startFilling = async (formId: number) =>
		await api('PUT', `files/file/${formId}/startfilling`);
	const fillIn = async (formId: number, fullName: string) => await fill(formId, { fullName });
	const watch = (roomId: number) =>
		poller({ event: 'form.submit', formSource: 'room', roomId: byId(roomId) });
	type Submission = {
		formId: string;
		formTitle: string;
		formNumber: number;
		fields: { fullName: string };
	};
	const submissions = async (trigger: PollHarness) => {
		const { items, error } = await trigger.poll();
		expect(error).toBeUndefined();
		return items.map((item) => {
			const { formTitle, formNumber, fields } = item.payload as Submission;
			return `${formTitle} #${formNumber} ${fields.fullName}`;
		});
	};

	it('the baseline emits nothing; a submission on each of two forms gives one item each, none twice', async () => {
		const room = formRoom();
		const a = addForm(room.id, 'Leave.pdf');
		const b = addForm(room.id, 'Expenses.pdf');
		await startFilling(a.id);
		await startFilling(b.id);
		await fillIn(a.id, 'Before');
		const trigger = watch(room.id);
		expect(await submissions(trigger)).toEqual([]);
		await fillIn(a.id, 'Ada');
		await fillIn(b.id, 'Bob');
		emulator.clearRequests();
		const { items } = await trigger.poll();
		expect(items.map((i) => i.payload)).toEqual(
			expect.arrayContaining([
				expect.objectContaining({
					formId: String(a.id),
					formTitle: 'Leave.pdf',
					formNumber: 2,
					fields: expect.objectContaining({ fullName: 'Ada' }),
				}),
				expect.objectContaining({
					formId: String(b.id),
					formTitle: 'Expenses.pdf',
					formNumber: 1,
					fields: expect.objectContaining({ fullName: 'Bob' }),
				}),
			]),
		);
		expect(items).toHaveLength(2);
		expect(new Set(items.map((i) => (i.event as { id: string }).id)).size).toBe(2);
		// One listing of the room and one submissions request per form being filled.
		expect(
			emulator.requests
				.filter((r) => r.method === 'GET')
				.map((r) => r.path)
				.sort(),
		).toEqual(
			[
				`/api/2.0/files/${room.id}`,
				`/api/2.0/files/file/${a.id}/submissions`,
				`/api/2.0/files/file/${b.id}/submissions`,
			].sort(),
		);
		expect(await submissions(trigger)).toEqual([]);
	});

	it('a form started after activation emits its submissions from the first one', async () => {
		const room = formRoom();
		const waiting = addForm(room.id, 'Waiting.pdf');
		const trigger = watch(room.id);
		expect(await submissions(trigger)).toEqual([]);
		const added = addForm(room.id, 'Added.pdf');
		await startFilling(waiting.id);
		await startFilling(added.id);
		await fillIn(waiting.id, 'W1');
		await fillIn(added.id, 'N1');
		await fillIn(added.id, 'N2');
		expect((await submissions(trigger)).sort()).toEqual([
			'Added.pdf #1 N1',
			'Added.pdf #2 N2',
			'Waiting.pdf #1 W1',
		]);
		expect(await submissions(trigger)).toEqual([]);
	});

	it('the per-form state survives a restart', async () => {
		const room = formRoom();
		const form = addForm(room.id, 'Survey.pdf');
		await startFilling(form.id);
		await fillIn(form.id, 'Old');
		const trigger = watch(room.id);
		await trigger.poll();
		await fillIn(form.id, 'New');
		const restarted = trigger.restart();
		expect(await submissions(restarted)).toEqual(['Survey.pdf #2 New']);
		expect(await submissions(restarted.restart())).toEqual([]);
	});

	it('a form stopped at activation costs no request, and when resumed only its new submissions count', async () => {
		const room = formRoom();
		const form = addForm(room.id, 'Paused.pdf');
		await startFilling(form.id);
		await fillIn(form.id, 'Old');
		const manage = async (action: number) =>
			await api('PUT', `files/file/${form.id}/manageformfilling`, { formId: form.id, action });
		await manage(0); // Stop
		const trigger = watch(room.id);
		expect(await submissions(trigger)).toEqual([]);
		emulator.clearRequests();
		expect(await submissions(trigger)).toEqual([]);
		expect(listings(`/api/2.0/files/file/${form.id}/submissions`).length).toBe(0);
		await manage(1); // Resume
		await fillIn(form.id, 'New');
		expect(await submissions(trigger)).toEqual(['Paused.pdf #2 New']);
	});

	it('pages through a room with more than 100 forms and a form with more than 100 submissions', async () => {
		const room = formRoom();
		const forms = Array.from({ length: 105 }, (_, i) => addForm(room.id, `F${i}.pdf`));
		for (const form of forms) formFilling(emulator.state, form.id).started = true;
		const trigger = watch(room.id);
		await trigger.poll();
		const last = forms[forms.length - 1];
		for (let i = 0; i < 120; i++) await fillIn(last.id, `P${i}`);
		await fillIn(forms[0].id, 'first');
		emulator.clearRequests();
		const got = await submissions(trigger);
		expect(got).toHaveLength(121);
		expect(new Set(got).size).toBe(121);
		expect(got).toContain('F0.pdf #1 first');
		expect(got).toContain('F104.pdf #120 P119');
		expect(listings(`/api/2.0/files/${room.id}`).length).toBe(2);
		expect(listings(`/api/2.0/files/file/${last.id}/submissions`).length).toBe(2);
	});

	it('Fetch Test Event returns the newest submission of the room; another room type is refused clearly', async () => {
		const room = formRoom();
		const form = addForm(room.id, 'Quiz.pdf');
		await startFilling(form.id);
		await fillIn(form.id, 'Old');
		await new Promise((resolve) => setTimeout(resolve, 5));
		await fillIn(form.id, 'Newest');
		const { items } = await watch(room.id).poll('manual');
		expect(items.map((i) => (i.payload as Submission).fields.fullName)).toEqual(['Newest']);
		const { error } = await watch(freshRoom().id).poll();
		expect(error?.message).toMatch(/is not a Form Filling room/);
	});
});
