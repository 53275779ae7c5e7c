import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { docSpaceList } from '../../transport/request';
import { fileLocator, simplifyOutput } from '../common.descriptions';
import { pick, simplifiedItems } from '../helpers';
import { locatorId } from '../../shared/validation';
import { apiPath } from '../../transport/path';

const VERSION_KEYS = [
	'id',
	'title',
	'version',
	'versionGroup',
	'comment',
	'fileExst',
	'pureContentLength',
	'contentLength',
	'created',
	'updated',
	'viewUrl',
] as const;

const properties: INodeProperties[] = [
	{ ...fileLocator, description: 'The file whose versions to list' },
	simplifyOutput,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['file'], operation: ['getVersions'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const fileId = locatorId.call(this, 'file', i);
	const versions = await docSpaceList.call(this, {
		method: 'GET',
		path: apiPath`files/file/${fileId}/history`,
		itemIndex: i,
	});
	return simplifiedItems.call(this, i, versions, (version) => pick(version, VERSION_KEYS));
}
