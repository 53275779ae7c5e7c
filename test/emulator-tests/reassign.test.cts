import { emulator as emu, jsonAuth, useEmulator } from './emulator.fixture.cjs';
import { call } from '../emulator/client.cjs';
import { userTasks } from '../emulator/userTasks.cjs';

useEmulator();
beforeEach(() => userTasks(emu.state).reset());

const post = (path: string, body: unknown) =>
	call(emu.url, `/api/2.0/${path}`, {
		method: 'POST',
		headers: jsonAuth,
		body: JSON.stringify(body),
	});
const get = (path: string) => call(emu.url, `/api/2.0/${path}`, { headers: jsonAuth });

let n = 0;
function person(type: 'RoomAdmin' | 'User', status: 1 | 2 = 1) {
	n++;
	return emu.state.createUser({
		email: `r${n}@example.com`,
		password: 'Passw0rd!',
		firstName: `R${n}`,
		lastName: 'X',
		type,
		status,
	});
}

describe('people/reassign', () => {
	/** Asks to reassign `from`'s data to `to`; answers the status and the error message. */
	const refusal = async (from: { id: string }, to: { id: string }) => {
		const answer = await post('people/reassign/start', { fromUserId: from.id, toUserId: to.id });
		return [answer.status, answer.json.error.message];
	};

	it('refuses an active source and a recipient who cannot own rooms, as DocSpace does', async () => {
		const active = person('RoomAdmin');
		expect(await refusal(active, person('RoomAdmin'))).toEqual([
			400,
			`Can not reassign data from user with id = ${active.id}`,
		]);
		const disabled = person('RoomAdmin', 2);
		const plain = person('User');
		expect(await refusal(disabled, plain)).toEqual([
			400,
			`Can not reassign data to user with id = ${plain.id}`,
		]);
		expect(userTasks(emu.state).all).toHaveLength(0);
	});

	it('answers the start queued, then moves the rooms once the task has run, polled by user ID', async () => {
		const from = person('RoomAdmin', 2);
		const to = person('RoomAdmin');
		const room = emu.state.createRoom({ title: 'R', roomType: 6, createdBy: from.id });
		userTasks(emu.state).durationMs = 200;
		const started = await post('people/reassign/start', {
			fromUserId: from.id,
			toUserId: to.id,
			deleteProfile: true,
		});
		expect(started.json.response).toMatchObject({ isCompleted: false, percentage: 0, status: 0 });
		expect((await get(`people/reassign/progress/${from.id}`)).json.response.isCompleted).toBe(
			false,
		);
		expect(room.createdBy).toBe(from.id);
		await new Promise((resolve) => setTimeout(resolve, 250));
		expect((await get(`people/reassign/progress/${from.id}`)).json.response).toMatchObject({
			isCompleted: true,
			percentage: 100,
			status: 2,
		});
		expect(room.createdBy).toBe(to.id);
		expect(emu.state.getUser(from.id)).toBeUndefined();
	});
});

describe('POST people/type', () => {
	it('takes only the types that cannot own rooms', async () => {
		const target = person('RoomAdmin');
		const answer = await post('people/type', { type: 'DocSpaceAdmin', userId: target.id });
		expect(answer.status).toBe(400);
		expect(userTasks(emu.state).all).toHaveLength(0);
	});

	it('PUT people/type/{type} leaves a room owner unchanged, which is why the reassigning form exists', async () => {
		const target = person('RoomAdmin');
		emu.state.createRoom({ title: 'Owned', roomType: 5, createdBy: target.id });
		const answer = await call(emu.url, '/api/2.0/people/type/User', {
			method: 'PUT',
			headers: jsonAuth,
			body: JSON.stringify({ userIds: [target.id] }),
		});
		expect(answer.status).toBe(200);
		expect(target.type).toBe('RoomAdmin');
		const started = await post('people/type', { type: 'User', userId: target.id });
		expect(started.status).toBe(200);
		expect((await get(`people/type/progress/${target.id}`)).json.response.isCompleted).toBe(true);
		expect(target.type).toBe('User');
	});
});
