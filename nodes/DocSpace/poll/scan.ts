import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import type { DocSpaceResult } from '../transport/request';
import { docSpaceRequest } from '../transport/request';
import { PAGE_SIZE, pickFolderContent } from '../transport/paginate';
import type { Cursor, Seen } from './cursor';
import { advance, isAfter } from './cursor';
import type { SortedListing } from './events';

export interface ListingQuery {
	path: string;
	qs: IDataObject;
}

export interface Scan {
	/** Entries changed after the cursor, newest first, each once. */
	changed: IDataObject[];
	/** The cursor covering everything this scan saw. */
	next: Cursor;
}

/** DocSpace lists pinned rooms first whatever the sort; they say nothing about where to stop. */
const outOfOrder = (entry: IDataObject): boolean => entry.pinned === true;

async function page(this: IPollFunctions, query: ListingQuery, startIndex: number, count: number) {
	const result: DocSpaceResult = await docSpaceRequest.call(this, {
		method: 'GET',
		path: query.path,
		qs: { ...query.qs, startIndex, count },
	});
	return pickFolderContent(result);
}

/**
 * Pages through a listing sorted newest first and stops at the first entry older than the
 * cursor. Pages may shift while new entries arrive; an entry met twice counts once.
 * `stopAtNewest` reads only as far as needed to know the newest time (for a baseline).
 */
export async function scan(
	this: IPollFunctions,
	listing: SortedListing,
	query: ListingQuery,
	cursor: Cursor,
	options: { stopAtNewest?: boolean; pageSize?: number } = {},
): Promise<Scan> {
	const pageSize = options.pageSize ?? PAGE_SIZE;
	const changed: IDataObject[] = [];
	const seen: Seen[] = [];
	const keys = new Set<string>();
	let newest: number | undefined;
	for (let startIndex = 0; ; ) {
		const { entries, total } = await page.call(this, query, startIndex, pageSize);
		let stop = false;
		for (const entry of entries) {
			const time = listing.time(entry);
			const id = String(entry.id);
			if (time === undefined || keys.has(id)) continue;
			const ordered = !outOfOrder(entry);
			if (ordered && newest !== undefined && options.stopAtNewest && time < newest) {
				stop = true;
				break;
			}
			if (ordered && cursor.time !== undefined && time < cursor.time) {
				stop = true;
				break;
			}
			keys.add(id);
			seen.push({ id, time });
			if (ordered && (newest === undefined || time > newest)) newest = time;
			if (isAfter(cursor, { id, time })) changed.push(entry);
		}
		startIndex += entries.length;
		if (stop || entries.length < pageSize || (total !== undefined && startIndex >= total)) break;
	}
	return { changed, next: advance(cursor, seen) };
}
