import type { IBinaryData, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { UploadContent } from '../transport/uploadContent';

const READ_SIZE = 1024 * 1024;

async function* once(buffer: Buffer): AsyncGenerator<Buffer> {
	yield buffer;
}

/**
 * The binary property `propertyName` of input item `itemIndex` as upload content. Binary data
 * kept outside memory (n8n's filesystem or S3 mode) is streamed, so memory use stays near the
 * chunks in flight whatever the file size.
 */
export async function binaryContent(
	this: IExecuteFunctions,
	itemIndex: number,
	propertyName: string,
	parameterLabel: string,
): Promise<UploadContent> {
	const name = propertyName.trim();
	const item = this.getInputData()[itemIndex];
	const binary: IBinaryData | undefined = name ? item?.binary?.[name] : undefined;
	if (!binary) {
		const available = Object.keys(item?.binary ?? {});
		throw new NodeOperationError(
			this.getNode(),
			`The input item has no binary property “${name}” (parameter “${parameterLabel}”)`,
			{
				itemIndex,
				description: available.length
					? `Set “${parameterLabel}” to one of the item’s binary properties: ${available.join(', ')}.`
					: 'The input item carries no file at all. Add a node before this one that produces the file (e.g. Read/Write Files from Disk or HTTP Request), or check the property name.',
			},
		);
	}
	const fileName =
		binary.fileName ?? `${name}${binary.fileExtension ? `.${binary.fileExtension}` : ''}`;
	const mimeType = binary.mimeType || 'application/octet-stream';
	const binaryId = binary.id;
	const helpers = this.helpers;
	if (binaryId) {
		const size =
			typeof binary.bytes === 'number'
				? binary.bytes
				: Number((await this.helpers.getBinaryMetadata(binaryId)).fileSize);
		// Reads of 1 MiB, not n8n's default 64 KiB: each piece is freed once copied into its chunk, so
		// bigger reads add no memory and cut the number of reads sixteenfold.
		return {
			fileName,
			mimeType,
			size,
			read: async () => await helpers.getBinaryStream(binaryId, READ_SIZE),
			piecesReleasable: true,
		};
	}
	const buffer = await this.helpers.getBinaryDataBuffer(itemIndex, name);
	return { fileName, mimeType, size: buffer.length, read: async () => once(buffer) };
}
