import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { docSpacePaginate, pickList } from '../../transport/paginate';
import { folderLocator, returnAllOrLimit, simplifyOutput } from '../common.descriptions';
import { listLimit, toItems } from '../helpers';
import { entryIdOf, loadEntry } from './shared';

const properties: INodeProperties[] = [
	{ ...folderLocator, description: 'The folder whose activity to list, including what happened to its contents' },
	...returnAllOrLimit,
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'From Date',
				name: 'fromDate',
				type: 'dateTime',
				default: '',
				description: 'Only actions at or after this moment',
			},
			{
				displayName: 'To Date',
				name: 'toDate',
				type: 'dateTime',
				default: '',
				description: 'Only actions at or before this moment',
			},
		],
	},
	simplifyOutput,
];

export const description = updateDisplayOptions({ show: { resource: ['folder'], operation: ['getHistory'] } }, properties);

function dateFilter(this: IExecuteFunctions, value: unknown, label: string, itemIndex: number): Date | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const date = new Date(String(value));
	if (Number.isNaN(date.getTime())) {
		throw new NodeOperationError(this.getNode(), `The filter “${label}” is not a valid date: “${String(value)}”`, {
			itemIndex,
			description: 'Pick a date, or enter one like 2025-01-31T00:00:00Z.',
		});
	}
	return date;
}

/** A flat view of a HistoryDto. */
function simplify(entry: IDataObject): IDataObject {
	const action = (entry.action ?? {}) as IDataObject;
	const initiator = (entry.initiator ?? {}) as IDataObject;
	const data = (entry.data ?? {}) as IDataObject;
	return {
		id: entry.id,
		date: entry.date,
		action: action.key,
		actionId: action.id,
		initiatorId: initiator.id,
		initiatorName: initiator.displayName ?? data.initiatorName,
		entryId: data.id,
		entryTitle: data.title,
		parentId: data.parentId,
		parentTitle: data.parentTitle,
	};
}

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const folderId = entryIdOf.call(this, 'folder', 'folderId', 'Folder', i);
	const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
	const from = dateFilter.call(this, filters.fromDate, 'From Date', i);
	const to = dateFilter.call(this, filters.toDate, 'To Date', i);
	if (from && to && from > to) {
		throw new NodeOperationError(this.getNode(), 'The filter “From Date” is later than “To Date”', {
			itemIndex: i,
			description: 'Swap the two dates, or clear one of them.',
		});
	}
	await loadEntry.call(this, 'folder', folderId, 'Folder', i);
	const qs: IDataObject = {};
	if (from) qs.fromDate = from.toISOString();
	if (to) qs.toDate = to.toISOString();
	const entries = await docSpacePaginate.call(this, {
		path: `files/folder/${folderId}/log`,
		qs,
		limit: listLimit.call(this, i),
		itemIndex: i,
		pick: pickList,
	});
	const simplifyEntries = this.getNodeParameter('simplify', i, true) as boolean;
	return toItems.call(this, simplifyEntries ? entries.map(simplify) : entries);
}
