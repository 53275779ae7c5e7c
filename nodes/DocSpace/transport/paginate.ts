import type { IDataObject } from 'n8n-workflow';

import type { DocSpaceContext } from './credentials';
import type { DocSpaceResult } from './request';
import { docSpaceRequest } from './request';

/** DocSpace accepts count 1..100. */
export const PAGE_SIZE = 100;

export interface PageRequest {
	path: string;
	qs?: IDataObject;
	/** Stop after this many entries; undefined returns all. */
	limit?: number;
	itemIndex?: number;
	/** Picks the entries (and the grand total when the answer has one) from one page. */
	pick: (result: DocSpaceResult) => { entries: IDataObject[]; total?: number };
}

/** Pages requested at once once the total is known (DocSpace allows a user 50 parallel GETs). */
const PARALLEL_PAGES = 4;

/**
 * Pages through a listing with startIndex/count until the total, a short page or the limit. The
 * first page is asked alone; once a page has told the total, the pages up to it are known and up to
 * PARALLEL_PAGES of them are asked at once, taken in order: the same requests as one at a time.
 */
export async function docSpacePaginate(
	this: DocSpaceContext,
	page: PageRequest,
): Promise<IDataObject[]> {
	const collected: IDataObject[] = [];
	let total: number | undefined;
	for (let startIndex = 0; ; ) {
		const left = page.limit === undefined ? Infinity : page.limit - collected.length;
		if (left <= 0) return collected;
		const reach = Math.min(left, total === undefined ? PAGE_SIZE : total - startIndex);
		const batch: Array<{ startIndex: number; count: number }> = [];
		for (let offset = 0; offset < reach && batch.length < PARALLEL_PAGES; offset += PAGE_SIZE)
			batch.push({ startIndex: startIndex + offset, count: Math.min(PAGE_SIZE, left - offset) });
		const answers = await Promise.all(
			batch.map(async (wanted) =>
				page.pick(
					await docSpaceRequest.call(this, {
						method: 'GET',
						path: page.path,
						qs: { ...page.qs, ...wanted },
						itemIndex: page.itemIndex,
					}),
				),
			),
		);
		for (const [index, { entries, total: reported }] of answers.entries()) {
			const { count } = batch[index];
			collected.push(...entries.slice(0, count));
			startIndex += Math.min(entries.length, count);
			if (reported !== undefined) total = reported;
			if (entries.length < count || (total !== undefined && startIndex >= total)) return collected;
		}
	}
}

/** The entries of a FolderContentDto answer (folders first, then files), with its own total. */
export function pickFolderContent(result: DocSpaceResult): {
	entries: IDataObject[];
	total?: number;
} {
	const content = (result.data ?? {}) as {
		folders?: IDataObject[];
		files?: IDataObject[];
		total?: number;
	};
	return {
		entries: [...(content.folders ?? []), ...(content.files ?? [])],
		total: typeof content.total === 'number' ? content.total : undefined,
	};
}

/** The entries of a plain list answer, with the envelope's total. */
export function pickList(result: DocSpaceResult): { entries: IDataObject[]; total?: number } {
	return {
		entries: Array.isArray(result.data) ? (result.data as IDataObject[]) : [],
		total: result.total,
	};
}
