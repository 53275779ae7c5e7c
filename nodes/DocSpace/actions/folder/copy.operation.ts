import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { transferEntry, transferProperties } from '../transfer';

export const description = updateDisplayOptions(
	{ show: { resource: ['folder'], operation: ['copy'] } },
	transferProperties('folder', 'copy'),
);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	return await transferEntry.call(this, 'folder', 'copy', i);
}
