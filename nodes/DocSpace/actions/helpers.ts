import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { lostFollowUp } from '../transport/errors';
import { waitForOperation } from '../transport/operations';
import type { PageRequest } from '../transport/paginate';
import { docSpacePaginate } from '../transport/paginate';
import type { DocSpaceCall } from '../transport/request';
import { docSpaceCall, SETS_STATE } from '../transport/request';
import { waitTimeLimitOption } from './common.descriptions';
import type { NamedEntity } from '../shared/validation';
import { withParameterNotFound, wholeNumber } from '../shared/validation';

/** Wraps JSON results as output items. */
export function toItems(
	this: IExecuteFunctions,
	data: IDataObject | IDataObject[],
): INodeExecutionData[] {
	return this.helpers.returnJsonArray(data);
}

/**
 * Sends a write that sets a state of the entity a parameter names (safe to repeat, see SETS_STATE);
 * a 404 says that the parameter names nothing DocSpace can find.
 */
export async function setEntityState(
	this: IExecuteFunctions,
	entity: NamedEntity,
	itemIndex: number,
	request: Pick<DocSpaceCall<IDataObject>, 'method' | 'path' | 'body'>,
): Promise<IDataObject> {
	return await withParameterNotFound(
		this,
		entity,
		itemIndex,
		async () => await docSpaceCall.call(this, { ...request, itemIndex, ...SETS_STATE }),
	);
}

/** Reads Return All / Limit into a limit, undefined meaning all. */
export function listLimit(this: IExecuteFunctions, itemIndex: number): number | undefined {
	if (this.getNodeParameter('returnAll', itemIndex, false) as boolean) return undefined;
	return wholeNumber.call(
		this,
		'Limit',
		this.getNodeParameter('limit', itemIndex, 50),
		itemIndex,
		1,
	);
}

/** DocSpace's `filterValue` for a Search Text filter that holds text. */
export function searchQuery(filters: IDataObject): IDataObject {
	const search = typeof filters.search === 'string' ? filters.search.trim() : '';
	return search ? { filterValue: search } : {};
}

/** The item's Filters collection and the DocSpace query of its Search filter. */
export function listingFilterValues(
	this: IExecuteFunctions,
	i: number,
): { filters: IDataObject; qs: IDataObject } {
	const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
	return { filters, qs: searchQuery(filters) };
}

/** Output items for the entries; with Simplify on (the default), each entry goes through `summarize`. */
export function simplifiedItems(
	this: IExecuteFunctions,
	itemIndex: number,
	entries: IDataObject | IDataObject[],
	summarize: (entry: IDataObject) => IDataObject,
): INodeExecutionData[] {
	const simplify = this.getNodeParameter('simplify', itemIndex, true) as boolean;
	const list = Array.isArray(entries) ? entries : [entries];
	return toItems.call(this, simplify ? list.map(summarize) : list);
}

/** Lists entries up to Return All / Limit, one output item each, simplified when Simplify is on. */
export async function listItems(
	this: IExecuteFunctions,
	itemIndex: number,
	request: Omit<PageRequest, 'limit' | 'itemIndex'>,
	summarize: (entry: IDataObject) => IDataObject,
): Promise<INodeExecutionData[]> {
	const entries = await docSpacePaginate.call(this, {
		...request,
		limit: listLimit.call(this, itemIndex),
		itemIndex,
	});
	return simplifiedItems.call(this, itemIndex, entries, summarize);
}

/** Waits for a DocSpace background operation as long as the item's option “Wait Time Limit” allows. */
export async function waitForFinish(
	this: IExecuteFunctions,
	started: IDataObject | IDataObject[],
	itemIndex: number,
	check = 'whether DocSpace carried out the operation it started',
): Promise<IDataObject> {
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const timeLimitSeconds = Number(options.waitTimeLimit ?? waitTimeLimitOption.default);
	try {
		return await waitForOperation.call(this, started, {
			itemIndex,
			timeLimitSeconds,
			timeLimitLabel: waitTimeLimitOption.displayName,
		});
	} catch (error) {
		// The operation runs on in DocSpace even when following it fails.
		throw lostFollowUp.call(this, error, itemIndex, check);
	}
}

/** Keeps the listed keys that are present. */
export function pick(source: IDataObject, keys: readonly string[]): IDataObject {
	const result: IDataObject = {};
	for (const key of keys) if (source[key] !== undefined) result[key] = source[key];
	return result;
}

export const FILE_SUMMARY_KEYS = [
	'id',
	'title',
	'fileExst',
	'fileType',
	'folderId',
	'version',
	'pureContentLength',
	'contentLength',
	'created',
	'updated',
	'webUrl',
	'viewUrl',
	'fileEntryType',
] as const;

export const FOLDER_SUMMARY_KEYS = [
	'id',
	'title',
	'parentId',
	'filesCount',
	'foldersCount',
	'roomType',
	'created',
	'updated',
	'fileEntryType',
] as const;

/** A short view of a file or folder entry of a listing. */
export function summarizeEntry(entry: IDataObject): IDataObject {
	return pick(entry, entry.fileEntryType === 1 ? FOLDER_SUMMARY_KEYS : FILE_SUMMARY_KEYS);
}
