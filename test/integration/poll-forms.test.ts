/**
 * Poll Trigger, New Form Submission, against the emulator's form filling (forms are filled with
 * the emulator's `POST /emulator/forms/{fileId}/fill`, as a user would in the editor). The
 * emulator's form modules are loaded at run time; without them the suite is skipped.
 */
import { SAMPLE_FORM_FIELDS, pdfForm } from '../emulator/formPdf';
import { formFilling } from '../emulator/formStore';
import { byId } from '../harness/docspace';
import type { PollHarness } from '../harness/poll';
import { admin, emulator, listings, poller, usePollEmulator } from './poll.fixtures';

usePollEmulator();

describe('New Form Submission', () => {
	function startedForm() {
		const { users } = emulator.state.seedIds;
		const room = emulator.state.createRoom({ title: 'Poll forms', roomType: 1, createdBy: admin, members: [{ subjectId: users.user, subjectType: 0, access: 7 }] });
		const form = emulator.state.createFile({ title: 'Application.pdf', folderId: room.id, createdBy: admin, content: pdfForm(SAMPLE_FORM_FIELDS), isForm: true });
		formFilling(emulator.state, form.id).started = true;
		return form;
	}

	async function fill(formId: number, values: Record<string, unknown>) {
		const res = await fetch(`${emulator.url}/emulator/forms/${formId}/fill`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ userId: emulator.state.seedIds.users.user, values }),
		});
		expect(res.status).toBe(200);
	}

	const names = async (trigger: PollHarness) => (await trigger.poll()).items.map((i) => (i.payload as { fields: { fullName: string } }).fields.fullName);

	it('the baseline skips earlier submissions; each new one is emitted once with its number and answers', async () => {
		const form = startedForm();
		await fill(form.id, { fullName: 'Before' });
		const trigger = poller({ event: 'form.submit', fileId: byId(form.id) });
		expect((await trigger.poll()).items).toEqual([]);
		await fill(form.id, { fullName: 'Ada', team: 'Sales' });
		const { items, error } = await trigger.poll();
		expect(error).toBeUndefined();
		expect(items).toHaveLength(1);
		expect(items[0].event).toMatchObject({ trigger: 'form.submit', triggerId: expect.any(Number), id: `form.submit:2@2` });
		expect(items[0].payload).toMatchObject({ formId: String(form.id), formNumber: 2, fields: { fullName: 'Ada', team: 'Sales' } });
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
		expect(items.map((i) => (i.payload as { fields: { fullName: string } }).fields.fullName)).toEqual(['Newest']);
	});
});
