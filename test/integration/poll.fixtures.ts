/** Shared set-up for the Poll Trigger suites: one emulator, a fresh room per test, poll harnesses. */
import { startEmulator, type Emulator } from '../emulator';
import { RoomType } from '../emulator/model';
import type { AuthenticationMethod } from '../../nodes/DocSpace/transport/credentials';
import { byId } from '../harness/docspace';
import { PollHarness } from '../harness/poll';

export let emulator: Emulator;
export let admin: string;

export function usePollEmulator(): void {
	beforeAll(async () => {
		emulator = await startEmulator();
		admin = emulator.state.seedIds.users.admin;
	});
	afterAll(async () => await emulator.close());
	beforeEach(() => {
		emulator.clearRequests();
		emulator.faults.clear();
	});
}

let rooms = 0;
/** A new collaboration room with one file in it. */
export function freshRoom(title = `Poll room ${++rooms}`) {
	const room = emulator.state.createRoom({ title, roomType: RoomType.EditingRoom, createdBy: admin });
	emulator.state.createFile({ title: 'existing.docx', folderId: room.id, createdBy: admin });
	return room;
}

export const newFile = (folderId: number, title = 'new.docx', created?: Date) =>
	emulator.state.createFile({ title, folderId, createdBy: admin, content: Buffer.from(title), created });

export function poller(parameters: Record<string, unknown>, authentication?: AuthenticationMethod): PollHarness {
	return new PollHarness({ emulator, parameters, authentication });
}

/** Parameters watching a room. */
export const inRoom = (event: string, roomId: number, extra: Record<string, unknown> = {}) => ({
	event,
	location: 'room',
	roomId: byId(roomId),
	...extra,
});

export const idsOf = (items: Array<Record<string, unknown>>) => items.map((item) => (item.payload as { id: unknown }).id);

/** GET requests to the given path since the last clearRequests(). */
export const listings = (path: string) => emulator.requests.filter((r) => r.method === 'GET' && r.path === path);
