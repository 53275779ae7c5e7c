/** Poll Trigger, room and user events, against the emulator's REST API. */
import { RoomType } from '../emulator/model.cjs';
import {
	admin,
	api,
	emulator,
	idsOf,
	listings,
	poller,
	until,
	usePollEmulator,
} from './poll.fixtures.cjs';

usePollEmulator();

const newRoom = (title: string, created?: Date) =>
	emulator.state.createRoom({ title, roomType: RoomType.CustomRoom, createdBy: admin, created });

describe('New Room', () => {
	it('emits a room created through the API once; pinned old rooms listed first do not stop the poll', async () => {
		// Pinned first, though older than the newest room the baseline records.
		const pinned = newRoom('Pinned old room', new Date(Date.now() - 3600_000));
		pinned.pinned = true;
		newRoom('Recent room', new Date(Date.now() - 60_000));
		const trigger = poller({ event: 'room.created' });
		expect((await trigger.poll()).items).toEqual([]);
		const created = (await api('POST', 'files/rooms', {
			title: 'Fresh room',
			roomType: 'CustomRoom',
		})) as { id: number };
		const { items, error } = await trigger.poll();
		expect(error).toBeUndefined();
		expect(idsOf(items)).toEqual([created.id]);
		expect(items[0].event).toMatchObject({
			trigger: 'room.created',
			triggerId: 4194304,
			createBy: admin,
		});
		expect(items[0].payload).toMatchObject({ title: 'Fresh room', roomType: 5 });
		expect((await trigger.poll()).items).toEqual([]);
		const [request] = listings('/api/2.0/files/rooms');
		expect(request.query).toMatchObject({
			sortBy: 'DateAndTimeCreation',
			sortOrder: 'Descending',
			searchArea: 'Active',
		});
	});

	it('Fetch Test Event returns the newest room, not the pinned one', async () => {
		const newest = newRoom('Newest room', new Date(Date.now() + 60_000));
		const { items } = await poller({ event: 'room.created' }).poll('manual');
		expect(idsOf(items)).toEqual([newest.id]);
	});
});

describe('Room Archived', () => {
	it('emits a room archived through the API once, and again after it was restored and archived again', async () => {
		const room = newRoom('To archive', new Date(Date.now() - 60_000));
		const trigger = poller({ event: 'room.archived' });
		expect((await trigger.poll()).items).toEqual([]);
		const archive = async () => {
			await api('PUT', `files/rooms/${room.id}/archive`, {});
			await until(() => emulator.state.isArchived(room));
		};
		await archive();
		const { items } = await trigger.poll();
		expect(idsOf(items)).toEqual([room.id]);
		expect(items[0].event).toMatchObject({
			trigger: 'room.archived',
			triggerId: 16777216,
			createBy: admin,
		});
		expect((await trigger.poll()).items).toEqual([]);
		await api('PUT', `files/rooms/${room.id}/unarchive`, {});
		await until(() => !emulator.state.isArchived(room));
		expect((await trigger.poll()).items).toEqual([]);
		emulator.state.advanceClock(5);
		await archive();
		expect(idsOf((await trigger.poll()).items)).toEqual([room.id]);
	});
});

describe('New User', () => {
	it('emits an invited user once, with the people DTO and the webhook’s createDate', async () => {
		const trigger = poller({ event: 'user.created' });
		expect((await trigger.poll()).items).toEqual([]);
		await api('POST', 'people/invite', {
			invitations: [{ email: 'new.person@example.com', type: 'User' }],
		});
		const invited = emulator.state.findUserByEmail('new.person@example.com');
		const { items, error } = await trigger.poll();
		expect(error).toBeUndefined();
		expect(idsOf(items)).toEqual([invited?.id]);
		expect(items[0].event).toMatchObject({ trigger: 'user.created', triggerId: 1 });
		expect(items[0].payload).toMatchObject({
			email: 'new.person@example.com',
			createDate: expect.any(String),
		});
		expect((await trigger.poll()).items).toEqual([]);
	});

	it('reads every page of people: DocSpace cannot sort them by time', async () => {
		const trigger = poller({ event: 'user.created' });
		await trigger.poll();
		const emails = Array.from({ length: 130 }, (_, i) => `bulk.${i}@example.com`);
		for (const email of emails)
			emulator.state.createUser({
				email,
				password: 'x',
				firstName: 'Bulk',
				lastName: email,
				type: 'User',
			});
		emulator.clearRequests();
		const { items } = await trigger.poll();
		expect(items.map((i) => (i.payload as { email: string }).email).sort()).toEqual(
			[...emails].sort(),
		);
		// One request per 100 people, every poll.
		expect(listings('/api/2.0/people/filter')).toHaveLength(
			Math.ceil(emulator.state.users.size / 100),
		);
		expect(emulator.state.users.size).toBeGreaterThan(100);
	});
});

describe('User Updated', () => {
	it('emits a user whose profile changed once, even after two changes; new users are not updates', async () => {
		const user = admin;
		const trigger = poller({ event: 'user.updated' });
		expect((await trigger.poll()).items).toEqual([]);
		expect((await trigger.poll()).items).toEqual([]);
		await api('PUT', `people/${user}`, { firstName: 'Renamed' });
		await api('PUT', `people/${user}`, { lastName: 'Twice' });
		emulator.state.createUser({
			email: 'not.an.update@example.com',
			password: 'x',
			firstName: 'N',
			lastName: 'U',
			type: 'User',
		});
		const { items } = await trigger.poll();
		expect(idsOf(items)).toEqual([user]);
		expect(items[0].payload).toMatchObject({ firstName: 'Renamed', lastName: 'Twice' });
		expect(items[0].event).toMatchObject({ trigger: 'user.updated', triggerId: 4 });
		expect((await trigger.poll()).items).toEqual([]);
	});

	it('a disabled user is an update; uploads that change used space are not', async () => {
		const { user2 } = emulator.state.seedIds.users;
		const trigger = poller({ event: 'user.updated' });
		await trigger.poll();
		const mine = emulator.state.myDocumentsOf(admin);
		if (mine)
			emulator.state.createFile({
				title: 'space.docx',
				folderId: mine.id,
				createdBy: admin,
				content: Buffer.alloc(5000),
			});
		expect((await trigger.poll()).items).toEqual([]);
		await api('PUT', 'people/status/Terminated', { userIds: [user2] });
		expect(idsOf((await trigger.poll()).items)).toEqual([user2]);
	});

	it('the state survives an n8n restart', async () => {
		const trigger = poller({ event: 'user.updated' });
		await trigger.poll();
		await api('PUT', `people/${admin}`, { firstName: 'AfterRestart' });
		expect(idsOf((await trigger.restart().poll()).items)).toEqual([admin]);
	});
});
