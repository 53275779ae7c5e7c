import type { IBinaryData, IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { resolveCredentials } from './credentials';
import { streamToBinary } from './download';
import { waitForOperation } from './operations';
import { docSpaceList, docSpaceRequest } from './request';

export interface ArchiveRequest {
	fileIds: number[];
	folderIds: number[];
	itemIndex: number;
	timeLimitSeconds: number;
	/** How the user knows the setting behind `timeLimitSeconds`. */
	timeLimitLabel: string;
	/** The binary's name; the name DocSpace gives the archive when empty. */
	fileName?: string;
}

/** `attachment; filename="a.zip"; filename*=UTF-8''%C3%A4.zip` → `ä.zip`. */
function dispositionName(header: string | undefined): string | undefined {
	if (!header) return undefined;
	const encoded = /filename\*=UTF-8''([^;]+)/i.exec(header)?.[1];
	if (encoded) {
		try {
			return decodeURIComponent(encoded.trim());
		} catch {
			// fall back to the plain name
		}
	}
	return /filename="([^"]*)"/i.exec(header)?.[1] ?? undefined;
}

/** The archive location on the configured portal: DocSpace may report its internal host name. */
async function onPortal(this: IExecuteFunctions, location: string): Promise<string> {
	const { portalUrl } = await resolveCredentials(this);
	const url = new URL(location, `${portalUrl}/`);
	const portal = new URL(portalUrl);
	return url.origin === portal.origin
		? url.toString()
		: `${portal.origin}${url.pathname}${url.search}`;
}

/**
 * Packs files and folders (with everything in them) into one ZIP with DocSpace's bulk download
 * operation, waits for it, and streams the archive into n8n binary data.
 */
export async function downloadArchive(
	this: IExecuteFunctions,
	request: ArchiveRequest,
): Promise<IBinaryData> {
	const { itemIndex } = request;
	const body: IDataObject = {
		fileIds: request.fileIds,
		folderIds: request.folderIds,
		returnSingleOperation: true,
	};
	const started = await docSpaceList.call(this, {
		method: 'PUT',
		path: 'files/fileops/bulkdownload',
		body,
		itemIndex,
	});
	const finished = await waitForOperation.call(this, started, {
		itemIndex,
		timeLimitSeconds: request.timeLimitSeconds,
		timeLimitLabel: request.timeLimitLabel,
	});
	if (typeof finished.url !== 'string' || !finished.url) {
		throw new NodeOperationError(
			this.getNode(),
			'DocSpace finished the download operation without an archive address',
			{
				itemIndex,
				description:
					'Check in DocSpace that the files and folders can be downloaded, then run the node again.',
			},
		);
	}
	const result = await docSpaceRequest.call(this, {
		method: 'GET',
		path: await onPortal.call(this, finished.url),
		encoding: 'stream',
		itemIndex,
	});
	const fileName =
		request.fileName || dispositionName(result.headers['content-disposition']) || 'Documents.zip';
	return await streamToBinary.call(this, result, fileName, itemIndex);
}
