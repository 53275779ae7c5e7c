/**
 * The activity log behind `GET files/folder/{folderId}/log` (HistoryDto, MessageAction ids from
 * the OpenAPI document). Creation events are derived from the entries themselves (so entries made
 * by any route or the seed appear); other events are recorded by the routes that cause them.
 */
import { apiDate, type DtoScope } from './dto/format.cjs';
import { employeeRef } from './dto/people.cjs';
import type { Entry } from './model.cjs';
import type { EmulatorState } from './state.cjs';
import { getOrCreate } from './get-or-create.cjs';

/** MessageAction ids used here. */
export const HistoryAction = {
	FileCreated: 5000,
	FileRenamed: 5001,
	FileCopied: 5013,
	FileCopiedWithOverwriting: 5014,
	FileMoved: 5015,
	FileMovedToTrash: 5017,
	FileDeleted: 5018,
	FolderCreated: 5019,
	FolderRenamed: 5020,
	FolderCopied: 5022,
	FolderMoved: 5024,
	FolderMovedToTrash: 5026,
	FolderDeleted: 5027,
} as const;
export type HistoryActionName = keyof typeof HistoryAction;

export interface HistoryEvent {
	id: number;
	action: HistoryActionName;
	userId: string;
	date: Date;
	entry: { kind: 'file' | 'folder'; id: number; title: string };
	/** The folders the event shows up in: the entry's folder chain where it happened. */
	folderIds: number[];
	data: Record<string, unknown>;
}

interface Log {
	events: HistoryEvent[];
	nextId: number;
	/** Entries whose creation is logged by a recorded event (copies), not derived. */
	recordedOrigins: Set<string>;
}

const logs = new WeakMap<EmulatorState, Log>();

function logOf(state: EmulatorState): Log {
	return getOrCreate(logs, state, () => ({
		events: [],
		nextId: 1,
		recordedOrigins: new Set<string>(),
	}));
}

function parentOf(entry: Entry): number {
	return entry.kind === 'file' ? entry.folderId : entry.parentId;
}

/** Records an event for `entry` where it is now (or at `parentId`); `fromParentId` also shows it where it came from. */
export function recordHistory(
	state: EmulatorState,
	input: {
		action: HistoryActionName;
		userId: string;
		entry: Entry;
		parentId?: number;
		fromParentId?: number;
		data?: Record<string, unknown>;
	},
): void {
	const log = logOf(state);
	const parentId = input.parentId ?? parentOf(input.entry);
	const from =
		input.fromParentId === undefined ? [] : state.pathOf(input.fromParentId).map((f) => f.id);
	const chain = [...new Set([...state.pathOf(parentId).map((f) => f.id), ...from])];
	const parent = state.getFolder(parentId);
	if (input.action === 'FileCopied' || input.action === 'FolderCopied')
		log.recordedOrigins.add(`${input.entry.kind}:${input.entry.id}`);
	log.events.push({
		id: log.nextId++,
		action: input.action,
		userId: input.userId,
		date: state.now(),
		entry: { kind: input.entry.kind, id: input.entry.id, title: input.entry.title },
		folderIds: input.entry.kind === 'folder' ? [...chain, input.entry.id] : chain,
		data: {
			id: input.entry.id,
			title: input.entry.title,
			parentId,
			parentTitle: parent?.title,
			...input.data,
		},
	});
}

function derivedCreations(state: EmulatorState, folderId: number, log: Log): HistoryEvent[] {
	const folder = state.getFolder(folderId);
	if (!folder) return [];
	const inside = state.descendantsOf(folderId);
	const entries: Entry[] = [folder, ...inside.folders, ...inside.files];
	return entries
		.filter((e) => !log.recordedOrigins.has(`${e.kind}:${e.id}`))
		.map((e) => {
			const parent = state.getFolder(parentOf(e));
			return {
				id: (e.kind === 'folder' ? 1_000_000_000 : 1_500_000_000) + e.id,
				action: e.kind === 'folder' ? 'FolderCreated' : 'FileCreated',
				userId: e.createdBy,
				date: e.created,
				entry: { kind: e.kind, id: e.id, title: e.title },
				folderIds: [folderId],
				data: { id: e.id, title: e.title, parentId: parent?.id, parentTitle: parent?.title },
			} satisfies HistoryEvent;
		});
}

/** Events of a folder and everything in it, newest first, within [from, to]. */
export function historyOf(
	state: EmulatorState,
	folderId: number,
	range: { from?: Date; to?: Date } = {},
): HistoryEvent[] {
	const log = logOf(state);
	const events = [
		...log.events.filter((e) => e.folderIds.includes(folderId)),
		...derivedCreations(state, folderId, log),
	];
	return events
		.filter((e) => (!range.from || e.date >= range.from) && (!range.to || e.date <= range.to))
		.sort((a, b) => b.date.getTime() - a.date.getTime() || b.id - a.id);
}

/** HistoryDto. */
export function historyDto(scope: DtoScope, event: HistoryEvent): Record<string, unknown> {
	const initiator = employeeRef(scope, event.userId);
	return {
		id: event.id,
		action: {
			id: HistoryAction[event.action],
			key: event.action.charAt(0).toLowerCase() + event.action.slice(1),
		},
		initiator,
		date: apiDate(event.date),
		data: { ...event.data, initiatorName: initiator.displayName },
		related: [],
	};
}
