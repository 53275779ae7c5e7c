/** Shared set-up for the Poll Trigger suites: one emulator, a fresh room per test, poll harnesses. */
import type { Emulator } from '../emulator/index.cjs';
import { useEmulator } from '../harness/emulator.cjs';
import { RoomType } from '../emulator/model.cjs';
import type { AuthenticationMethod } from '../../nodes/DocSpace/transport/credentials';
import { adminRequest } from '../harness/admin-api.cjs';
import { byId } from '../harness/docspace.cjs';
import { PollHarness } from '../harness/poll.cjs';

export let emulator: Emulator;
export let admin: string;

export function usePollEmulator(): void {
	useEmulator((started) => {
		emulator = started;
		admin = started.state.seedIds.users.admin;
	});
}

let rooms = 0;
/** A new collaboration room with one file in it. */
export function freshRoom(title = `Poll room ${++rooms}`) {
	const room = emulator.state.createRoom({
		title,
		roomType: RoomType.EditingRoom,
		createdBy: admin,
	});
	emulator.state.createFile({ title: 'existing.docx', folderId: room.id, createdBy: admin });
	return room;
}

export const newFile = (folderId: number, title = 'new.docx', created?: Date) =>
	emulator.state.createFile({
		title,
		folderId,
		createdBy: admin,
		content: Buffer.from(title),
		created,
	});

export function poller(
	parameters: Record<string, unknown>,
	authentication?: AuthenticationMethod,
): PollHarness {
	return new PollHarness({ emulator, parameters, authentication });
}

/** Parameters watching a room. */
export const inRoom = (event: string, roomId: number, extra: Record<string, unknown> = {}) => ({
	event,
	location: 'room',
	roomId: byId(roomId),
	...extra,
});

export const idsOf = (items: Array<Record<string, unknown>>) =>
	items.map((item) => (item.payload as { id: unknown }).id);

/** GET requests to the given path since the last clearRequests(). */
export const listings = (path: string) =>
	emulator.requests.filter((r) => r.method === 'GET' && r.path === path);

/** A call to the emulator's REST API as the admin (API key); answers the envelope's `response`. */
export async function api(method: string, path: string, body?: unknown): Promise<unknown> {
	const res = await adminRequest(emulator, method, path, body);
	if (!res.ok) throw new Error(`${method} ${path} answered ${res.status}: ${await res.text()}`);
	return ((await res.json()) as { response: unknown }).response;
}

/** Waits until `done()` holds (background operations finish on their own). */
export async function until(done: () => boolean, timeoutMs = 5000): Promise<void> {
	const end = Date.now() + timeoutMs;
	while (!done()) {
		if (Date.now() > end) throw new Error('timed out');
		await new Promise((resolve) => setTimeout(resolve, 10));
	}
}
