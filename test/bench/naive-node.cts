/**
 * The "naive" baselines the benchmark compares against: what a node does without streaming or
 * chunking. Upload: read the whole binary into memory and POST it in one multipart request.
 * Download: read the whole answer into a buffer, then hand it to n8n. List: page through a
 * folder with DocSpace's UI page size (25), one request per page.
 */
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';

import { docSpaceRequest } from '../../nodes/DocSpace/transport/request';
import { resolveCredentials } from '../../nodes/DocSpace/transport/credentials';

export class NaiveDocSpace implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Naive DocSpace',
		name: 'naiveDocSpace',
		group: ['transform'],
		version: 1,
		description: 'Benchmark baseline',
		defaults: { name: 'Naive DocSpace' },
		inputs: ['main'],
		outputs: ['main'],
		credentials: [{ name: 'docSpaceApiKeyApi', required: true }],
		properties: [
			{ displayName: 'Authentication', name: 'authentication', type: 'hidden', default: 'apiKey' },
			{ displayName: 'Operation', name: 'operation', type: 'string', default: 'upload' },
			{ displayName: 'Target', name: 'target', type: 'string', default: '' },
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const operation = this.getNodeParameter('operation', 0) as string;
		const target = this.getNodeParameter('target', 0) as string;
		if (operation === 'upload') {
			const binary = this.getInputData()[0].binary?.data;
			const buffer = await this.helpers.getBinaryDataBuffer(0, 'data');
			const form = new FormData();
			form.append(
				'file',
				new Blob([buffer], { type: binary?.mimeType }),
				binary?.fileName ?? 'upload.bin',
			);
			const { data } = await docSpaceRequest.call(this, {
				method: 'POST',
				path: `files/${target}/upload`,
				body: form,
				itemIndex: 0,
			});
			return [this.helpers.returnJsonArray(data as IDataObject[])];
		}
		if (operation === 'download') {
			const { portalUrl } = await resolveCredentials(this);
			const { data } = await docSpaceRequest.call(this, {
				method: 'GET',
				path: `${portalUrl}/filehandler.ashx`,
				qs: { action: 'download', fileid: target },
				encoding: 'arraybuffer',
				itemIndex: 0,
			});
			const buffer = Buffer.from(data as ArrayBuffer);
			const binary = await this.helpers.prepareBinaryData(buffer, `file-${target}.bin`);
			return [[{ json: { bytes: buffer.length }, binary: { data: binary } }]];
		}
		const entries: IDataObject[] = [];
		for (let startIndex = 0; ; startIndex += 25) {
			const { data } = await docSpaceRequest.call(this, {
				method: 'GET',
				path: `files/${target}`,
				qs: { startIndex, count: 25, filterType: 1 },
				itemIndex: 0,
			});
			const files = ((data as IDataObject).files ?? []) as IDataObject[];
			entries.push(...files);
			if (files.length < 25) break;
		}
		return [this.helpers.returnJsonArray(entries)];
	}
}
