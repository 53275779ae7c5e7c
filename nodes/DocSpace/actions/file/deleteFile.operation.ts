import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { deleteEntry, deleteProperties } from '../entry';

export const description = updateDisplayOptions(
	{ show: { resource: ['file'], operation: ['delete'] } },
	deleteProperties('file'),
);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	return await deleteEntry.call(this, 'file', i);
}
