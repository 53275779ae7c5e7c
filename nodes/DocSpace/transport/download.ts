import type { IBinaryData, IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { resolveCredentials } from './credentials';
import { docSpaceRequest } from './request';

type BinarySource = Parameters<IExecuteFunctions['helpers']['prepareBinaryData']>[0];

export interface DownloadRequest {
	fileId: string;
	/** The name the binary gets (with the extension of what is downloaded). */
	fileName: string;
	/** 0 or undefined: the current version. */
	version?: number;
	/** Target extension with its dot, e.g. `.pdf`; the portal converts on the fly. */
	outputType?: string;
	itemIndex: number;
}

/** `pdf`, `.PDF` → `.pdf`; '' stays ''. */
export function normalizeExtension(value: string): string {
	const text = value.trim().toLowerCase();
	return text && !text.startsWith('.') ? `.${text}` : text;
}

/** `Report.docx` + `.pdf` → `Report.pdf`. */
export function replaceExtension(title: string, extension: string): string {
	const dot = title.lastIndexOf('.');
	return `${dot > 0 ? title.slice(0, dot) : title}${extension}`;
}

export interface StreamedBody {
	data: unknown;
	headers: Record<string, string>;
}

/** The bytes n8n stored for a binary, when it says. */
function storedBytes(binary: IBinaryData): number | undefined {
	if (typeof binary.bytes === 'number') return binary.bytes;
	return binary.id ? undefined : Buffer.from(binary.data, 'base64').length;
}

/**
 * Streams a response body into n8n binary data (on disk in n8n's filesystem mode). A body that
 * stops short of its Content-Length, or whose connection breaks, fails saying so.
 */
export async function streamToBinary(
	this: IExecuteFunctions,
	result: StreamedBody,
	fileName: string,
	itemIndex: number,
): Promise<IBinaryData> {
	const contentType = (result.headers['content-type'] ?? '').split(';')[0].trim();
	const mimeType =
		contentType && contentType !== 'application/octet-stream' ? contentType : undefined;
	const declared = Number(result.headers['content-length']);
	const expected = Number.isFinite(declared) && declared > 0 ? declared : undefined;
	const cut = (received?: number) =>
		new NodeOperationError(
			this.getNode(),
			`The download of “${fileName}” was cut off${received === undefined ? '' : ` after ${received}`}${expected ? ` of ${expected}` : ''} bytes`,
			{
				itemIndex,
				description:
					'The connection to the portal broke before the whole file arrived, so no file is returned. Run the node again.',
			},
		);
	let binary: IBinaryData;
	try {
		binary = await this.helpers.prepareBinaryData(result.data as BinarySource, fileName, mimeType);
	} catch (error) {
		// A response stream that loses its connection fails with `aborted` / ECONNRESET.
		const text =
			error instanceof Error
				? `${error.message} ${String((error as NodeJS.ErrnoException).code ?? '')}`
				: String(error);
		if (/aborted|ECONNRESET|socket hang up|premature close/i.test(text)) throw cut();
		throw new NodeOperationError(this.getNode(), error instanceof Error ? error : String(error), {
			itemIndex,
		});
	}
	const stored = storedBytes(binary);
	// A decoded (gzip) body may be longer than its Content-Length, never shorter.
	if (expected !== undefined && stored !== undefined && stored < expected) throw cut(stored);
	return binary;
}

/**
 * Streams a file from the portal's file handler into n8n binary data, optionally
 * converted. With n8n's filesystem binary mode the bytes never sit in memory as a whole.
 */
export async function downloadToBinary(
	this: IExecuteFunctions,
	request: DownloadRequest,
): Promise<IBinaryData> {
	const { portalUrl } = await resolveCredentials(this);
	const qs: IDataObject = { action: 'download', fileid: request.fileId };
	if (request.version) qs.version = request.version;
	if (request.outputType) qs.outputtype = request.outputType;
	const result = await docSpaceRequest.call(this, {
		method: 'GET',
		path: `${portalUrl}/filehandler.ashx`,
		qs,
		encoding: 'stream',
		itemIndex: request.itemIndex,
	});
	return await streamToBinary.call(this, result, request.fileName, request.itemIndex);
}
