import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { pickFolderContent } from '../../transport/paginate';
import {
	returnAllOrLimit,
	searchFilter,
	simplifyOutput,
	filtersCollection,
} from '../common.descriptions';
import { listItems, searchQuery } from '../helpers';
import { summarizeRoom } from './shared';

/** SearchArea.Templates of GET files/rooms. */
const TEMPLATES_AREA = 4;

const properties: INodeProperties[] = [
	...returnAllOrLimit,
	filtersCollection([
		{ ...searchFilter, description: 'Only templates whose title contains this text' },
	]),
	simplifyOutput,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['room'], operation: ['getManyTemplates'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
	const qs: IDataObject = { ...searchQuery(filters), searchArea: TEMPLATES_AREA };
	return await listItems.call(
		this,
		i,
		{ path: 'files/rooms', qs, pick: pickFolderContent },
		summarizeRoom,
	);
}
