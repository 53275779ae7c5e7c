/**
 * Where trashed entries came from. DocSpace reports it on entries in Trash as `originId`,
 * `originTitle`, `originRoomId` and `originRoomTitle` (FileEntryDto), and clients restore an
 * entry by moving it back there (`PUT files/fileops/move`).
 */
import type { Entry } from './model.cjs';
import type { EmulatorState } from './state.cjs';
import { getOrCreate } from './get-or-create.cjs';

const origins = new WeakMap<EmulatorState, Map<string, number>>();

function keyOf(entry: Entry): string {
	return `${entry.kind}:${entry.id}`;
}

function mapOf(state: EmulatorState): Map<string, number> {
	return getOrCreate(origins, state, () => new Map());
}

/** Remembers the folder an entry leaves for Trash. */
export function rememberOrigin(state: EmulatorState, entry: Entry, folderId: number): void {
	mapOf(state).set(keyOf(entry), folderId);
}

export function forgetOrigin(state: EmulatorState, entry: Entry): void {
	mapOf(state).delete(keyOf(entry));
}

/** The folder an entry was trashed from, if it is in Trash. */
export function originOf(state: EmulatorState, entry: Entry): number | undefined {
	return mapOf(state).get(keyOf(entry));
}

/** The origin fields of FileEntryDto for an entry in Trash; empty otherwise. */
export function originFields(state: EmulatorState, entry: Entry): Record<string, unknown> {
	const originId = originOf(state, entry);
	if (originId === undefined) return {};
	const origin = state.getFolder(originId);
	const room = origin ? state.pathOf(origin.id).find((f) => state.isRoom(f)) : undefined;
	return {
		originId,
		originTitle: origin?.title,
		originRoomId: room?.id,
		originRoomTitle: room?.title,
	};
}
