import type { IDataObject } from 'n8n-workflow';

import { eventByName } from '../trigger/events';
import { timeOf } from './cursor';

export const POLL_EVENTS = [
	'file.created',
	'file.updated',
	'folder.created',
	'room.created',
	'room.archived',
	'user.created',
	'user.updated',
	'form.submit',
] as const;
export type PollEvent = (typeof POLL_EVENTS)[number];

/** Listings DocSpace can sort by time: entries come newest first. */
export interface SortedListing {
	kind: 'sorted';
	/** The entry's time the listing is sorted by. */
	time: (entry: IDataObject) => number | undefined;
	/** Which time DocSpace sorts by: creation or last modification. */
	sortBy: 'DateAndTimeCreation' | 'DateAndTime';
	/** What the listing holds. */
	source: 'files' | 'folders' | 'rooms' | 'archive';
	/** Entries that are seen but do not start the workflow. */
	emits?: (entry: IDataObject) => boolean;
	/** The actor of the change. */
	actor: (entry: IDataObject) => unknown;
}

/** DocSpace cannot sort people by time: every poll reads the whole list. */
export interface PeopleListing {
	kind: 'people';
}

/** A form's submissions: every poll reads them all. */
export interface SubmissionListing {
	kind: 'submissions';
}

const idOf = (value: unknown): unknown =>
	typeof value === 'object' && value !== null ? (value as IDataObject).id : value;
const created = (entry: IDataObject) => timeOf(entry.created);
const updated = (entry: IDataObject) => timeOf(entry.updated);
const creator = (entry: IDataObject) => idOf(entry.createdBy);
const modifier = (entry: IDataObject) => idOf(entry.updatedBy);

export const LISTINGS: Record<PollEvent, SortedListing | PeopleListing | SubmissionListing> = {
	'file.created': {
		kind: 'sorted',
		source: 'files',
		sortBy: 'DateAndTimeCreation',
		time: created,
		actor: creator,
	},
	'file.updated': {
		kind: 'sorted',
		source: 'files',
		sortBy: 'DateAndTime',
		time: updated,
		actor: modifier,
		// A new file's modification time is its creation time; that is New File, not an update.
		emits: (entry) => (updated(entry) ?? 0) > (created(entry) ?? 0),
	},
	'folder.created': {
		kind: 'sorted',
		source: 'folders',
		sortBy: 'DateAndTimeCreation',
		time: created,
		actor: creator,
	},
	'room.created': {
		kind: 'sorted',
		source: 'rooms',
		sortBy: 'DateAndTimeCreation',
		time: created,
		actor: creator,
	},
	// DocSpace sets a room's modification time when it moves it into the archive.
	'room.archived': {
		kind: 'sorted',
		source: 'archive',
		sortBy: 'DateAndTime',
		time: updated,
		actor: modifier,
	},
	'user.created': { kind: 'people' },
	'user.updated': { kind: 'people' },
	'form.submit': { kind: 'submissions' },
};

/** The webhook trigger's flag for the same event, so items look the same from both triggers. */
export function triggerIdOf(event: PollEvent): number | undefined {
	return eventByName(event)?.flag;
}

export function isPollEvent(value: unknown): value is PollEvent {
	return typeof value === 'string' && (POLL_EVENTS as readonly string[]).includes(value);
}
