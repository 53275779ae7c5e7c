/** Form → Get Roles and Set Role Mapping in a virtual data room, where roles fill a form in turn. */
import { formFilling } from '../emulator/formStore.cjs';
import { byId } from '../harness/docspace.cjs';
import {
	emulator,
	fill,
	formIn,
	formRoom,
	ids,
	requestsTo,
	run,
	useFormEmulator,
} from './form.fixtures.cjs';

useFormEmulator();

const roles = ['Employee', 'Manager'];

function vdrForm() {
	const room = formRoom(8, [ids().users.user, ids().users.user2]);
	return formIn(room, { roles });
}

test('Get Roles: nothing before filling starts', async () => {
	const form = vdrForm();
	const { error, items } = await run('getRoles', { fileId: byId(form.id) });
	expect(error).toBeUndefined();
	expect(items).toEqual([]);
});

test('filling cannot start before every role has a user', async () => {
	const form = vdrForm();
	const { error } = await run('startFilling', { fileId: byId(form.id) });
	expect(error?.message).toMatch(/Assign every role/);
});

test('Set Role Mapping starts the filling; the roles fill in turn and the copy completes after the last', async () => {
	const form = vdrForm();
	const mapped = await run('setRoleMapping', {
		fileId: byId(form.id),
		roles: {
			role: [
				{ roleName: 'Employee', userId: ids().users.user },
				{ roleName: 'Manager', userId: ids().users.user2 },
			],
		},
	});
	expect(mapped.error).toBeUndefined();
	// Saving the mapping starts the filling.
	expect(formFilling(emulator.state, form.id)).toMatchObject({
		started: true,
		startedBy: ids().users.admin,
	});
	const before = await run('getRoles', { fileId: byId(form.id) });
	expect(before.items.map((item) => item.json)).toEqual([
		expect.objectContaining({
			roleName: 'Employee',
			sequence: 1,
			userId: ids().users.user,
			submitted: false,
			status: 'yourTurn',
		}),
		expect.objectContaining({
			roleName: 'Manager',
			sequence: 2,
			userId: ids().users.user2,
			submitted: false,
			status: 'none',
		}),
	]);
	expect(requestsTo('POST', new RegExp(`/files/file/${form.id}/formrolemapping$`))[0].body).toEqual(
		{
			formId: form.id,
			roles: [
				{ roleName: 'Employee', userId: ids().users.user, sequence: 1 },
				{ roleName: 'Manager', userId: ids().users.user2, sequence: 2 },
			],
		},
	);

	expect((await fill(form.id, ids().users.user2, { team: 'Sales' })).status).toBe(403);
	const first = await fill(form.id, ids().users.user, { fullName: 'Anna', age: 30 });
	expect(first.body.completed).toBe(false);

	const during = await run('getRoles', { fileId: byId(form.id) });
	expect(
		during.items.map((item) => [
			item.json.roleName,
			item.json.userId,
			item.json.submitted,
			item.json.status,
		]),
	).toEqual([
		['Employee', ids().users.user, true, 'complete'],
		['Manager', ids().users.user2, false, 'yourTurn'],
	]);

	const last = await fill(form.id, ids().users.user2, { team: 'Sales', remote: true });
	expect(last.body).toMatchObject({ completed: true, formNumber: 1 });
	const submissions = await run('getSubmissions', { fileId: byId(form.id), returnAll: true });
	expect(submissions.items.map((item) => item.json)).toEqual([
		expect.objectContaining({
			fullName: 'Anna',
			age: 30,
			team: 'Sales',
			remote: true,
			formNumber: 1,
		}),
	]);
});

test('a role the form does not define is refused by DocSpace', async () => {
	const form = vdrForm();
	const { error } = await run('setRoleMapping', {
		fileId: byId(form.id),
		roles: { role: [{ roleName: 'Director', userId: ids().users.user }] },
	});
	expect(error?.message).toMatch(/no role “Director”/);
	expect(formFilling(emulator.state, form.id).roles).toEqual([]);
});

test('a user ID that is not a GUID is refused before any request', async () => {
	const form = vdrForm();
	const { error } = await run('setRoleMapping', {
		fileId: byId(form.id),
		roles: { role: [{ roleName: 'Employee', userId: 'anna' }] },
	});
	expect(error?.message).toMatch(/not a valid user ID: “anna”/);
	expect(emulator.requests).toEqual([]);
});
