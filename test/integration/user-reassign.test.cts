/** User → Change Type and Delete with DocSpace's data reassignment, waiting for its progress. */
import { byId } from '../harness/docspace.cjs';
import { userTasks } from '../emulator/userTasks.cjs';
import {
	calls,
	emulator,
	expectItemError,
	newUser,
	run,
	user,
	useUserEmulator,
} from './user.fixtures.cjs';

useUserEmulator();
beforeEach(() => userTasks(emulator.state).reset());

/** A room admin who owns a room with a file in it. */
function roomOwner() {
	const owner = newUser({ type: 'RoomAdmin' });
	const room = emulator.state.createRoom({
		title: `Room of ${owner.email}`,
		roomType: 5,
		createdBy: owner.id,
	});
	const file = emulator.state.createFile({
		title: 'Plan.docx',
		folderId: room.id,
		createdBy: owner.id,
		content: Buffer.from('x'),
	});
	return { owner, room, file };
}

describe('User → Change Type with reassignment', () => {
	test('demoting a room admin hands the rooms to the chosen admin and waits for it', async () => {
		const { owner, room, file } = roomOwner();
		const recipient = newUser({ type: 'RoomAdmin' });
		userTasks(emulator.state).durationMs = 700;
		const { error, items } = await run(
			user('changeType', { userId: byId(owner.id), type: 'User', reassignTo: byId(recipient.id) }),
		);
		expect(error).toBeUndefined();
		expect(calls('POST', '/api/2.0/people/type')[0].body).toEqual({
			type: 'User',
			userId: owner.id,
			reassignUserId: recipient.id,
		});
		expect(calls('GET', `/api/2.0/people/type/progress/${owner.id}`).length).toBeGreaterThan(1);
		expect(userTasks(emulator.state).all[0].pollsWhileRunning).toBeGreaterThan(0);
		expect(owner.type).toBe('User');
		expect(room.createdBy).toBe(recipient.id);
		expect(file.createdBy).toBe(recipient.id);
		expect(items[0].json).toEqual(expect.objectContaining({ id: owner.id, type: 'User' }));
		expect(calls('PUT', '/api/2.0/people/type/')).toHaveLength(0);
	});

	test('without a recipient the rooms go to the account of the credential', async () => {
		const { owner, room } = roomOwner();
		const { error } = await run(user('changeType', { userId: byId(owner.id), type: 'Guest' }));
		expect(error).toBeUndefined();
		expect(calls('POST', '/api/2.0/people/type')[0].body).toEqual({
			type: 'Guest',
			userId: owner.id,
		});
		expect(owner.type).toBe('Guest');
		expect(room.createdBy).toBe(emulator.state.seedIds.users.admin);
	});

	test('raising a user still changes the type at once', async () => {
		const target = newUser();
		const { error } = await run(
			user('changeType', {
				userId: byId(target.id),
				type: 'RoomAdmin',
				reassignTo: byId(emulator.state.seedIds.users.roomAdmin),
			}),
		);
		expect(error).toBeUndefined();
		expect(target.type).toBe('RoomAdmin');
		expect(calls('POST', '/api/2.0/people/type')).toHaveLength(0);
	});

	test('a recipient who cannot own rooms is refused by DocSpace with guidance, and nothing changes', async () => {
		const { owner, room } = roomOwner();
		const plain = newUser();
		const { error } = await run(
			user('changeType', { userId: byId(owner.id), type: 'User', reassignTo: byId(plain.id) }),
		);
		expectItemError(
			error,
			new RegExp(`DocSpace refused to hand the rooms of .* to .*${plain.email}`),
		);
		expect((error as { description?: string }).description).toMatch(
			/active room admin or DocSpace admin/,
		);
		expect(owner.type).toBe('RoomAdmin');
		expect(room.createdBy).toBe(owner.id);
	});

	test('a failure inside the task is reported with DocSpace’s text, and nothing moves', async () => {
		const { owner, room } = roomOwner();
		userTasks(emulator.state).failNext('The storage is not available');
		const { error } = await run(user('changeType', { userId: byId(owner.id), type: 'User' }));
		expectItemError(
			error,
			/DocSpace could not finish the type change of .*: The storage is not available/,
		);
		expect(owner.type).toBe('RoomAdmin');
		expect(room.createdBy).toBe(owner.id);
	});

	test('the wait ends at the time limit with an error that says it may still finish', async () => {
		const { owner } = roomOwner();
		userTasks(emulator.state).durationMs = 60_000;
		const { error } = await run(
			user('changeType', { userId: byId(owner.id), type: 'User', options: { waitTimeLimit: 1 } }),
		);
		expectItemError(
			error,
			/had not finished the type change .* “Wait Time Limit \(Seconds\)” of 1 s ran out; it may still finish in DocSpace/,
		);
	});
});

describe('User → Delete with reassignment', () => {
	test('hands the rooms over, waits for DocSpace, and the profile is gone', async () => {
		const { owner, room, file } = roomOwner();
		const recipient = newUser({ type: 'RoomAdmin' });
		userTasks(emulator.state).durationMs = 700;
		const { error, items } = await run(
			user('delete', { userId: byId(owner.id), reassignTo: byId(recipient.id) }),
		);
		expect(error).toBeUndefined();
		expect(calls('POST', '/api/2.0/people/reassign/start')[0].body).toEqual({
			fromUserId: owner.id,
			toUserId: recipient.id,
			deleteProfile: true,
		});
		expect(userTasks(emulator.state).all[0].pollsWhileRunning).toBeGreaterThan(0);
		expect(emulator.state.getUser(owner.id)).toBeUndefined();
		expect(room.createdBy).toBe(recipient.id);
		expect(file.createdBy).toBe(recipient.id);
		expect(items[0].json).toEqual({ deleted: true, id: owner.id, reassignedTo: recipient.id });
		expect(calls('DELETE', '/api/2.0/people/')).toHaveLength(0);
	});

	test('a recipient who cannot own rooms is refused by DocSpace with guidance', async () => {
		const { owner, room } = roomOwner();
		const plain = newUser();
		const { error } = await run(
			user('delete', { userId: byId(owner.id), reassignTo: byId(plain.id) }),
		);
		expectItemError(error, /DocSpace refused to hand the rooms of .* to /);
		expect((error as { description?: string }).description).toMatch(
			/active room admin or DocSpace admin/,
		);
		expect(room.createdBy).toBe(owner.id);
		expect(emulator.state.getUser(owner.id)).toBeDefined();
	});

	test('an active user with Disable First off is refused before anything starts', async () => {
		const { owner } = roomOwner();
		const { error } = await run(
			user('delete', {
				userId: byId(owner.id),
				disableFirst: false,
				reassignTo: byId(emulator.state.seedIds.users.roomAdmin),
			}),
		);
		expectItemError(error, /still active/);
		expect(calls('POST', '/api/2.0/people/reassign/start')).toHaveLength(0);
	});
});
