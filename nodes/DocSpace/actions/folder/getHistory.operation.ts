import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { pickList } from '../../transport/paginate';
import {
	folderLocator,
	returnAllOrLimit,
	simplifyOutput,
	filtersCollection,
} from '../common.descriptions';
import { loadEntry } from '../entry';
import { listItems } from '../helpers';
import { dateParameter, locatorId } from '../../shared/validation';
import { apiPath } from '../../transport/path';

const properties: INodeProperties[] = [
	{
		...folderLocator,
		description: 'The folder whose activity to list, including what happened to its contents',
	},
	...returnAllOrLimit,
	filtersCollection([
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
	]),
	simplifyOutput,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['folder'], operation: ['getHistory'] } },
	properties,
);

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
	const folderId = locatorId.call(this, 'folder', i, { allowMy: false });
	const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
	const from = dateParameter.call(this, 'From Date', filters.fromDate, i);
	const to = dateParameter.call(this, 'To Date', filters.toDate, i);
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
	return await listItems.call(
		this,
		i,
		{ path: apiPath`files/folder/${folderId}/log`, qs, pick: pickList },
		simplify,
	);
}
