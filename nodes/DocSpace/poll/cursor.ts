/**
 * The poll position: the newest portal time seen and the ids seen at exactly that time. Only the
 * portal's own timestamps are compared with each other, so n8n's clock never matters.
 */
export interface Cursor {
	/** Milliseconds since the epoch, from the portal's timestamps; undefined before anything was seen. */
	time?: number;
	ids: string[];
}

export interface Seen {
	id: string;
	time: number;
}

/** Whether an entry changed after the cursor. */
export function isAfter(cursor: Cursor, seen: Seen): boolean {
	if (cursor.time === undefined) return true;
	return seen.time > cursor.time || (seen.time === cursor.time && !cursor.ids.includes(seen.id));
}

/** The cursor after the given entries were seen. */
export function advance(cursor: Cursor, seen: readonly Seen[]): Cursor {
	let time = cursor.time;
	for (const entry of seen) if (time === undefined || entry.time > time) time = entry.time;
	if (time === undefined) return { ids: [] };
	const ids = new Set(cursor.time === time ? cursor.ids : []);
	for (const entry of seen) if (entry.time === time) ids.add(entry.id);
	return { time, ids: [...ids] };
}

/** A DocSpace ApiDateTime (any offset) as milliseconds; undefined when absent or unreadable. */
export function timeOf(value: unknown): number | undefined {
	if (typeof value !== 'string' || !value) return undefined;
	const ms = Date.parse(value);
	return Number.isNaN(ms) ? undefined : ms;
}
