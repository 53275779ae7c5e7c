import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { docSpaceCall } from '../../transport/request';
import { fileLocator, simplifyOutput } from '../common.descriptions';
import { simplifiedItems } from '../helpers';
import { summarizeLink } from '../room/shared';
import { locatorId } from '../../shared/validation';
import { apiPath } from '../../transport/path';

const properties: INodeProperties[] = [
	{ ...fileLocator, description: 'The file whose shared link to get' },
	simplifyOutput,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['file'], operation: ['getLink'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const fileId = locatorId.call(this, 'file', i);
	// DocSpace creates the primary external link (read only) when the file has none yet.
	const link = await docSpaceCall.call(this, {
		method: 'GET',
		path: apiPath`files/file/${fileId}/link`,
		itemIndex: i,
	});
	return simplifiedItems.call(this, i, link, summarizeLink);
}
