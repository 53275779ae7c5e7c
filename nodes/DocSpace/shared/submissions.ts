/**
 * Reading form submissions (FormSubmissionsDto): each completed copy becomes one plain object
 * whose keys are the form's field keys, typed through the field metadata (numbers, check boxes
 * as booleans, dates as yyyy-mm-dd), plus `formNumber` and `submittedAt`.
 *
 * DocSpace sends every value as text and puts an entry keyed `FormNumber` first in each copy's
 * `formsData`. Fields holding a picture or a signature are left out of the record.
 */
import type { IDataObject } from 'n8n-workflow';

import type { DocSpaceContext } from '../transport/credentials';
import { isRecord } from '../transport/json';
import { PAGE_SIZE } from '../transport/paginate';
import { docSpaceRequest } from '../transport/request';
import { apiPath } from '../transport/path';

const FORM_NUMBER = 'FormNumber';

/** A date written in a field's format (e.g. mm/dd/yyyy) as yyyy-mm-dd; undefined when it does not fit. */
function isoDate(value: string, format: string): string | undefined {
	const order: string[] = [];
	const pattern = format
		.toLowerCase()
		.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
		.replace(/yyyy|yy|mm|m|dd|d/g, (token) => {
			order.push(token[0]);
			return token.length === 4
				? '(\\d{4})'
				: token.length === 2 && token[0] === 'y'
					? '(\\d{2})'
					: '(\\d{1,2})';
		});
	const match = new RegExp(`^${pattern}$`).exec(value.trim());
	if (!match) return undefined;
	const part = (letter: string) => match[order.indexOf(letter) + 1];
	const year = part('y');
	const month = Number(part('m'));
	const day = Number(part('d'));
	if (!year || month < 1 || month > 12 || day < 1 || day > 31) return undefined;
	const fullYear = year.length === 2 ? `20${year}` : year;
	return `${fullYear}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** One field value typed by its metadata (FormMetadata). */
export function typedValue(meta: IDataObject | undefined, value: unknown): unknown {
	if (typeof value !== 'string') return value;
	const type = String(meta?.type ?? '').toLowerCase();
	if (type === 'number') {
		const number = Number(value);
		return value.trim() !== '' && Number.isFinite(number) ? number : value;
	}
	if (type === 'checkbox') {
		if (value.toLowerCase() === 'true') return true;
		if (value.toLowerCase() === 'false' || value === '') return false;
		return value;
	}
	if (type === 'date' && typeof meta?.format === 'string')
		return isoDate(value, meta.format) ?? value;
	return value;
}

/** One FormResultsDto as a plain object. */
export function submissionItem(submission: IDataObject, metadata: IDataObject[]): IDataObject {
	const byKey = new Map(metadata.map((m) => [String(m.key), m]));
	const fields: IDataObject = {};
	let formNumber: number | undefined;
	for (const entry of Array.isArray(submission.formsData)
		? (submission.formsData as IDataObject[])
		: []) {
		const key = String(entry.key ?? '');
		if (!key) continue;
		if (key === FORM_NUMBER && formNumber === undefined) {
			formNumber = Number(entry.value);
			continue;
		}
		const meta = byKey.get(key) ?? (entry.type ? { type: entry.type } : undefined);
		fields[key] = typedValue(meta, entry.value) as IDataObject[keyof IDataObject];
	}
	return { ...fields, formNumber, submittedAt: submission.createOn };
}

function pageOf(data: unknown): { metadata: IDataObject[]; submissions: IDataObject[] } {
	const dto = isRecord(data) ? data : {};
	return {
		metadata: Array.isArray(dto.metadata) ? (dto.metadata as IDataObject[]) : [],
		submissions: Array.isArray(dto.submissions) ? (dto.submissions as IDataObject[]) : [],
	};
}

/**
 * The submissions of a form as plain objects, up to `limit` (undefined: all). Pages with
 * startIndex/count; stops at a short page, at the total, or when a page repeats copies already seen
 * (a server that does not page returns everything at once).
 */
export async function fetchSubmissions(
	this: DocSpaceContext,
	fileId: string,
	options: { limit?: number; itemIndex?: number },
): Promise<IDataObject[]> {
	const collected: IDataObject[] = [];
	const seen = new Set<number>();
	for (let startIndex = 0; ; ) {
		const wanted =
			options.limit === undefined
				? PAGE_SIZE
				: Math.min(PAGE_SIZE, options.limit - collected.length);
		if (wanted <= 0) return collected;
		const result = await docSpaceRequest.call(this, {
			method: 'GET',
			path: apiPath`files/file/${fileId}/submissions`,
			qs: { startIndex, count: wanted },
			itemIndex: options.itemIndex,
		});
		const { metadata, submissions } = pageOf(result.data);
		const fresh = submissions
			.map((s) => submissionItem(s, metadata))
			.filter((s) => !seen.has(Number(s.formNumber)));
		for (const item of fresh) seen.add(Number(item.formNumber));
		collected.push(
			...fresh.slice(0, options.limit === undefined ? undefined : options.limit - collected.length),
		);
		startIndex += submissions.length;
		const total = result.total;
		if (
			submissions.length < wanted ||
			fresh.length < submissions.length ||
			submissions.length > wanted ||
			(total !== undefined && startIndex >= total)
		) {
			return collected;
		}
	}
}
