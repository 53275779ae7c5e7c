import { createHash } from 'node:crypto';
import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { docSpaceRequest } from '../transport/request';
import { PAGE_SIZE } from '../transport/paginate';
import type { Cursor } from './cursor';
import { advance, isAfter, timeOf } from './cursor';
import { apiPath } from '../transport/path';

/** DocSpace numbers the submissions of a form 1, 2, … and lists the number as the field FormNumber. */
const FORM_NUMBER = 'FormNumber';

interface FormsItem {
	key?: unknown;
	value?: unknown;
}

/**
 * Every submission of a form (`GET files/file/{id}/submissions`, FormSubmissionsDto). The answer
 * may or may not be paged, so pages are read until one comes back short or the total is reached.
 */
export async function listSubmissions(
	this: IPollFunctions,
	fileId: string,
): Promise<IDataObject[]> {
	const all: IDataObject[] = [];
	for (let startIndex = 0; ; ) {
		const { data, total } = await docSpaceRequest.call(this, {
			method: 'GET',
			path: apiPath`files/file/${fileId}/submissions`,
			qs: { startIndex, count: PAGE_SIZE },
		});
		const page = (data as { submissions?: unknown } | undefined)?.submissions;
		const entries = Array.isArray(page) ? (page as IDataObject[]) : [];
		all.push(...entries);
		startIndex += entries.length;
		if (entries.length < PAGE_SIZE || (total !== undefined && startIndex >= total)) return all;
	}
}

function itemsOf(submission: IDataObject): FormsItem[] {
	return Array.isArray(submission.formsData) ? (submission.formsData as FormsItem[]) : [];
}

/** The submission as an item payload: its number, time, the raw formsData and the answers by field key. */
export function submissionEntry(fileId: string, submission: IDataObject): IDataObject {
	const fields: IDataObject = {};
	for (const item of itemsOf(submission)) {
		if (typeof item.key === 'string' && item.key !== FORM_NUMBER)
			fields[item.key] = item.value as IDataObject[keyof IDataObject];
	}
	const number = itemsOf(submission).find((item) => item.key === FORM_NUMBER)?.value;
	const formNumber =
		number === undefined || number === null || number === '' ? undefined : Number(number);
	// Without a number, the answers themselves tell submissions apart.
	const id =
		formNumber !== undefined && Number.isFinite(formNumber)
			? String(formNumber)
			: createHash('sha256')
					.update(JSON.stringify([submission.createOn, submission.formsData]))
					.digest('base64')
					.slice(0, 16);
	return {
		id,
		formId: fileId,
		formNumber,
		createOn: submission.createOn,
		fields,
		formsData: submission.formsData,
	};
}

/** Submissions made after the cursor, newest first, and the next cursor. */
export function newSubmissions(
	entries: IDataObject[],
	cursor: Cursor,
): { changed: IDataObject[]; next: Cursor } {
	const seen = entries.flatMap((entry) => {
		const time = timeOf(entry.createOn);
		return time === undefined ? [] : [{ id: String(entry.id), time, entry }];
	});
	const changed = seen.filter((s) => isAfter(cursor, s)).sort((a, b) => b.time - a.time);
	return { changed: changed.map((s) => s.entry), next: advance(cursor, seen) };
}
