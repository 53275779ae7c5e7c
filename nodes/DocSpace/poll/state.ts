import type { Cursor } from './cursor';

/** What the trigger keeps in the workflow's static data between polls (n8n saves it). */
export interface PollState {
	/** The event and place the state belongs to; another one starts a new baseline. */
	key?: string;
	cursor?: Cursor;
	/** User Updated: the digest of every user at the last poll. */
	fingerprints?: Record<string, string>;
	/** New Form Submission in a Form Filling room: one cursor per form, by file id. */
	forms?: Record<string, Cursor>;
}

export function isCursor(value: unknown): value is Cursor {
	if (typeof value !== 'object' || value === null) return false;
	const { time, ids } = value as Cursor;
	return (time === undefined || typeof time === 'number') && Array.isArray(ids);
}
