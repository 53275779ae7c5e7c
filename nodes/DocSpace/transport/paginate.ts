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

/** Pages through a listing with startIndex/count until the total, a short page or the limit. */
export async function docSpacePaginate(
	this: DocSpaceContext,
	page: PageRequest,
): Promise<IDataObject[]> {
	const collected: IDataObject[] = [];
	for (let startIndex = 0; ; ) {
		const wanted =
			page.limit === undefined ? PAGE_SIZE : Math.min(PAGE_SIZE, page.limit - collected.length);
		if (wanted <= 0) return collected;
		const result = await docSpaceRequest.call(this, {
			method: 'GET',
			path: page.path,
			qs: { ...page.qs, startIndex, count: wanted },
			itemIndex: page.itemIndex,
		});
		const { entries, total } = page.pick(result);
		collected.push(...entries.slice(0, wanted));
		startIndex += entries.length;
		const exhausted = entries.length < wanted || (total !== undefined && startIndex >= total);
		if (exhausted) return collected;
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
