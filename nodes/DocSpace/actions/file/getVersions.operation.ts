import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { docSpaceApiList } from '../../transport/request';
import { fileLocator, simplifyOutput } from '../common.descriptions';
import { pick, toItems } from '../helpers';
import { fileIdOf } from './shared';

const VERSION_KEYS = [
	'id', 'title', 'version', 'versionGroup', 'comment', 'fileExst', 'pureContentLength', 'contentLength',
	'created', 'updated', 'viewUrl',
] as const;

const properties: INodeProperties[] = [
	{ ...fileLocator, description: 'The file whose versions to list' },
	simplifyOutput,
];

export const description = updateDisplayOptions({ show: { resource: ['file'], operation: ['getVersions'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const fileId = fileIdOf.call(this, i);
	const versions = await docSpaceApiList.call(this, 'GET', `files/file/${fileId}/history`, undefined, undefined, i);
	const simplify = this.getNodeParameter('simplify', i, true) as boolean;
	return toItems.call(this, simplify ? versions.map((version) => pick(version, VERSION_KEYS)) : versions);
}
