/**
 * Poll Trigger semantics that polling triggers usually get wrong: equal timestamps, many changes
 * between two polls, an n8n restart in the middle, clock skew between n8n and the portal, and a
 * portal that is down for a while.
 */
import {
	admin,
	emulator,
	freshRoom,
	idsOf,
	inRoom,
	listings,
	newFile,
	poller,
	usePollEmulator,
} from './poll.fixtures.cjs';

usePollEmulator();

describe('equal timestamps', () => {
	it('files created in the same millisecond as the last seen one are emitted, the seen one is not', async () => {
		const room = freshRoom();
		const at = new Date(Date.now() + 10_000);
		const first = newFile(room.id, 'first.docx', at);
		const trigger = poller(inRoom('file.created', room.id));
		await trigger.poll();
		expect(trigger.staticData.cursor).toEqual({ time: at.getTime(), ids: [String(first.id)] });
		const twins = [newFile(room.id, 'twin-1.docx', at), newFile(room.id, 'twin-2.docx', at)];
		expect(idsOf((await trigger.poll()).items).sort()).toEqual(twins.map((f) => f.id).sort());
		expect((await trigger.poll()).items).toEqual([]);
		const third = newFile(room.id, 'twin-3.docx', at);
		expect(idsOf((await trigger.poll()).items)).toEqual([third.id]);
		expect((trigger.staticData.cursor as { ids: string[] }).ids.sort()).toEqual(
			[first, ...twins, third].map((f) => String(f.id)).sort(),
		);
	});
});

describe('cost', () => {
	it('a poll with nothing new makes one request; a poll after 250 new files makes three', async () => {
		const room = freshRoom();
		const trigger = poller(inRoom('file.created', room.id));
		await trigger.poll();
		emulator.clearRequests();
		await trigger.poll();
		expect(emulator.requests).toHaveLength(1);
		for (let i = 0; i < 250; i++) newFile(room.id, `cost-${i}.docx`);
		emulator.clearRequests();
		expect((await trigger.poll()).items).toHaveLength(250);
		expect(emulator.requests).toHaveLength(3);
	});
});

describe('many changes between two polls', () => {
	it('1,000 new files give 1,000 items, none twice, in ten pages; an n8n restart in the middle loses nothing', async () => {
		const room = freshRoom();
		const before = poller(inRoom('file.created', room.id));
		await before.poll();
		const created: number[] = [];
		for (let i = 0; i < 600; i++) {
			if (i % 7 === 0) emulator.state.advanceClock(1);
			created.push(newFile(room.id, `batch-${i}.docx`).id);
		}
		const after = before.restart();
		for (let i = 600; i < 1000; i++) {
			if (i % 7 === 0) emulator.state.advanceClock(1);
			created.push(newFile(room.id, `batch-${i}.docx`).id);
		}
		emulator.clearRequests();
		const { items, error } = await after.poll();
		expect(error).toBeUndefined();
		const ids = idsOf(items);
		expect(ids).toHaveLength(1000);
		expect(new Set(ids).size).toBe(1000);
		expect([...ids].sort()).toEqual([...created].sort());
		// Ten full pages of new files, then the eleventh reaches the file seen before and stops.
		expect(listings(`/api/2.0/files/${room.id}`)).toHaveLength(11);
		expect((await after.restart().poll()).items).toEqual([]);
	});

	it('files arriving while a poll pages through the listing are emitted once, now or next time', async () => {
		const room = freshRoom();
		const trigger = poller(inRoom('file.created', room.id));
		await trigger.poll();
		for (let i = 0; i < 250; i++) newFile(room.id, `early-${i}.docx`);
		// Each page request shifts the listing by three new files.
		const late: number[] = [];
		const addLate = () => {
			for (let i = 0; i < 3; i++)
				late.push(newFile(room.id, `late-${late.length}.docx`, new Date(Date.now() + 1000)).id);
		};
		emulator.faults.add({ method: 'GET', path: `/api/2.0/files/${room.id}`, times: 3, delayMs: 1 });
		const spy = setInterval(addLate, 0);
		const first = await trigger.poll();
		clearInterval(spy);
		expect(late.length).toBeGreaterThan(0);
		const second = await trigger.poll();
		const all = [...idsOf(first.items), ...idsOf(second.items)];
		expect(new Set(all).size).toBe(all.length);
		expect(all.length).toBe(250 + late.length);
	});
});

describe('clock skew between n8n and the portal', () => {
	it.each([
		['behind', -3 * 3600_000],
		['ahead', 5 * 3600_000],
	])('a portal clock %s of n8n’s changes nothing', async (_label, offset) => {
		emulator.state.advanceClock(offset);
		try {
			const room = freshRoom();
			const trigger = poller(inRoom('file.created', room.id));
			await trigger.poll();
			const file = newFile(room.id, 'skewed.docx');
			expect(idsOf((await trigger.poll()).items)).toEqual([file.id]);
			expect((trigger.staticData.cursor as { time: number }).time).toBe(file.created.getTime());
			expect((await trigger.poll()).items).toEqual([]);
		} finally {
			emulator.state.advanceClock(-offset);
		}
	});
});

describe('a portal that is down for a while', () => {
	it('fails with a clear error, keeps the state, and the next successful poll catches up', async () => {
		const room = freshRoom();
		const trigger = poller(inRoom('file.created', room.id));
		await trigger.poll();
		const early = newFile(room.id, 'before-outage.docx');
		const state = JSON.parse(JSON.stringify(trigger.staticData));
		emulator.faults.add({
			path: `/api/2.0/files/${room.id}`,
			status: 500,
			times: Infinity,
			body: '{"error":{"message":"Service is down"}}',
			headers: { 'content-type': 'application/json' },
		});
		for (let i = 0; i < 3; i++) {
			const { items, error } = await trigger.poll();
			expect(items).toEqual([]);
			expect(error?.message).toMatch(/Service is down|500/);
			expect(trigger.staticData).toEqual(state);
		}
		const during = newFile(room.id, 'during-outage.docx');
		const restarted = trigger.restart();
		emulator.faults.clear();
		const { items, error } = await restarted.poll();
		expect(error).toBeUndefined();
		expect(idsOf(items).sort()).toEqual([early.id, during.id].sort());
		expect((await restarted.poll()).items).toEqual([]);
	});

	it('a page failing halfway through does not move the state: the retry emits every file once', async () => {
		const room = freshRoom();
		const trigger = poller(inRoom('file.created', room.id));
		await trigger.poll();
		const created = Array.from({ length: 150 }, (_, i) => newFile(room.id, `half-${i}.docx`).id);
		const state = JSON.parse(JSON.stringify(trigger.staticData));
		// The first page answers, the second fails.
		emulator.faults.add({ path: `/api/2.0/files/${room.id}`, times: 1, delayMs: 0 });
		emulator.faults.add({ path: `/api/2.0/files/${room.id}`, status: 500, times: 1 });
		const failed = await trigger.poll();
		expect(failed.error).toBeDefined();
		expect(trigger.staticData).toEqual(state);
		const { items } = await trigger.poll();
		expect([...idsOf(items)].sort()).toEqual([...created].sort());
	});
});

describe('admin is the actor', () => {
	it('createBy is the creator’s id', async () => {
		const room = freshRoom();
		const trigger = poller(inRoom('file.created', room.id));
		await trigger.poll();
		newFile(room.id);
		expect((await trigger.poll()).items[0].event).toMatchObject({ createBy: admin });
	});
});
