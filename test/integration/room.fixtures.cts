/**
 * Shared setup of the Room resource tests (room-lifecycle, room-lookup, room-sharing): one
 * emulator per test file and the helpers those tests use. Call `useRoomEmulator()` at the top of a
 * test file; `emulator` is a live binding set in its `beforeAll`.
 */
import type { Emulator } from '../emulator/index.cjs';
import { startEmulator } from '../emulator/index.cjs';
import type { Folder } from '../emulator/model.cjs';
import { fileOperations } from '../emulator/operations.cjs';
import { runDocSpace } from '../harness/docspace.cjs';

export let emulator: Emulator;

export function useRoomEmulator(): void {
	beforeAll(async () => {
		emulator = await startEmulator();
	});
	afterAll(async () => await emulator.close());
	beforeEach(() => {
		emulator.clearRequests();
		fileOperations(emulator.state).reset();
	});
}

export const MB = 1024 * 1024;
export const ids = () => emulator.state.seedIds;

export const run = (operation: string, parameters: Record<string, unknown> = {}) =>
	runDocSpace({ emulator, parameters: { resource: 'room', operation, ...parameters } });

/** A fresh room owned by the admin, so tests do not disturb each other. */
export function freshRoom(title: string, roomType: 1 | 2 | 5 | 6 | 8 | 9 = 5): Folder {
	return emulator.state.createRoom({ title, roomType, createdBy: ids().users.admin });
}

export function requestsTo(method: string, path: RegExp) {
	return emulator.requests.filter((r) => r.method === method && path.test(r.path));
}

/** No request other than reads reached the portal. */
export function expectOnlyReads() {
	expect(emulator.requests.filter((r) => r.method !== 'GET')).toEqual([]);
}

export function member(room: Folder, subjectId: string) {
	return room.members.find((m) => m.subjectId === subjectId);
}
