import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { docSpaceCall } from '../../transport/request';
import { groupLocator } from '../common.descriptions';
import { toItems } from '../helpers';
import { locatorId, withParameterNotFound } from '../../shared/validation';
import { apiPath } from '../../transport/path';

const properties: INodeProperties[] = [{ ...groupLocator, description: 'The group to delete' }];

export const description = updateDisplayOptions(
	{ show: { resource: ['group'], operation: ['delete'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const groupId = locatorId.call(this, 'group', i);
	await withParameterNotFound(
		this,
		{ kind: 'group', id: groupId },
		i,
		async () =>
			await docSpaceCall.call(this, {
				method: 'DELETE',
				path: apiPath`group/${groupId}`,
				itemIndex: i,
			}),
	);
	return toItems.call(this, { deleted: true, id: groupId });
}
