/**
 * What several file operations share: parameters for the target folder, binary data, name
 * clashes and chunk size, and lookups of files.
 */
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { docSpaceCall } from '../../transport/request';
import { docSpacePaginate, pickFolderContent } from '../../transport/paginate';
import {
	DEFAULT_CHUNK_SIZE,
	DEFAULT_PARALLEL_CHUNKS,
	MAX_PARALLEL_CHUNKS,
	MIN_CHUNK_SIZE,
} from '../../transport/upload';
import type { UploadContent } from '../../transport/uploadContent';
import { binaryContent } from '../binaryInput';
import { folderLocator } from '../common.descriptions';
import { myDocuments } from '../entry';
import { simplifiedItems, summarizeEntry } from '../helpers';
import { apiPath, folderPath } from '../../transport/path';
import { requiredText } from '../../shared/validation';

/** The folder a new file goes into. */
export const targetFolderProperty: INodeProperties = {
	...folderLocator,
	description: 'The folder or room to create the file in; enter @my (By ID) for My documents',
};

/** The File Name of a new file (the extension of the chosen type is added when missing). */
export const newFileName = (placeholder: string, description: string): INodeProperties => ({
	displayName: 'File Name',
	name: 'title',
	type: 'string',
	default: '',
	required: true,
	placeholder,
	description,
});

export const inputBinaryField: INodeProperties = {
	displayName: 'Input Binary Field',
	name: 'binaryPropertyName',
	type: 'string',
	default: 'data',
	required: true,
	placeholder: 'e.g. data',
	hint: 'The name of the input binary field containing the file',
};

/** The upload content in the input item's binary field that Input Binary Field names. */
export async function inputBinary(this: IExecuteFunctions, i: number): Promise<UploadContent> {
	const propertyName = String(this.getNodeParameter(inputBinaryField.name, i, 'data'));
	return await binaryContent.call(this, i, propertyName, inputBinaryField.displayName);
}

export const outputBinaryField: INodeProperties = {
	displayName: 'Put Output File in Field',
	name: 'binaryPropertyName',
	type: 'string',
	default: 'data',
	required: true,
	placeholder: 'e.g. data',
	hint: 'The name of the output binary field to put the file in',
};

/** The name given in Put Output File in Field. */
export function outputFieldName(this: IExecuteFunctions, i: number): string {
	return requiredText.call(
		this,
		outputBinaryField.displayName,
		this.getNodeParameter(outputBinaryField.name, i, 'data'),
		i,
		{ example: 'data' },
	);
}

export type NameConflict = 'newVersion' | 'duplicate' | 'skip';

export const ifNameExists: INodeProperties = {
	displayName: 'If Name Exists',
	name: 'ifNameExists',
	type: 'options',
	options: [
		{
			name: 'Add New Version',
			value: 'newVersion',
			description: 'Store the content as a new version of the existing file (DocSpace’s default)',
		},
		{
			name: 'Keep Both',
			value: 'duplicate',
			description: 'Create another file; DocSpace adds a number to its name',
		},
		{
			name: 'Skip',
			value: 'skip',
			description: 'Leave the existing file alone and return it with skipped: true',
		},
	],
	default: 'newVersion',
	description: 'What to do when the folder already has a file with this name',
};

export const chunkSizeOption: INodeProperties = {
	displayName: 'Chunk Size (MiB)',
	name: 'chunkSize',
	type: 'number',
	typeOptions: { minValue: 0.0625, maxValue: 100, numberPrecision: 4 },
	default: 10,
	description:
		'Size of each upload request. DocSpace accepts up to 10 MiB per request unless the portal administrator changed it.',
};

export const parallelChunksOption: INodeProperties = {
	displayName: 'Parallel Chunks',
	name: 'parallelChunks',
	type: 'number',
	typeOptions: { minValue: 1, maxValue: MAX_PARALLEL_CHUNKS },
	default: DEFAULT_PARALLEL_CHUNKS,
	description:
		'How many chunks to send at once. More is faster over a slow link; memory use is about this many chunks. DocSpace runs at most 15 writes of one user at once.',
};

/** The upload options (Chunk Size, Parallel Chunks) of an operation's Options collection, checked. */
export function uploadLimitsOf(
	this: IExecuteFunctions,
	options: IDataObject,
	itemIndex: number,
): { chunkSize: number; parallel: number; chunkSizeLabel: string } {
	const chunkSize = Number(options.chunkSize ?? DEFAULT_CHUNK_SIZE / 1024 / 1024) * 1024 * 1024;
	if (!Number.isFinite(chunkSize) || chunkSize < MIN_CHUNK_SIZE) {
		throw new NodeOperationError(
			this.getNode(),
			`The option “${chunkSizeOption.displayName}” is too small`,
			{
				itemIndex,
				description:
					'Use at least 0.0625 MiB (64 KiB); DocSpace accepts up to 10 MiB per chunk by default.',
			},
		);
	}
	const parallel = Math.floor(Number(options.parallelChunks ?? DEFAULT_PARALLEL_CHUNKS));
	if (!Number.isFinite(parallel) || parallel < 1 || parallel > MAX_PARALLEL_CHUNKS) {
		throw new NodeOperationError(
			this.getNode(),
			`The option “${parallelChunksOption.displayName}” must be between 1 and ${MAX_PARALLEL_CHUNKS}`,
			{
				itemIndex,
				description: `DocSpace runs at most ${MAX_PARALLEL_CHUNKS} writes of one user at once; 4 is a good choice.`,
			},
		);
	}
	return {
		chunkSize: Math.floor(chunkSize),
		parallel,
		chunkSizeLabel: chunkSizeOption.displayName,
	};
}

/** The numeric ID of a folder locator value (resolves `@my` to the user's My documents). */
export async function numericFolderId(
	this: IExecuteFunctions,
	folderId: string,
	itemIndex: number,
): Promise<string> {
	if (folderId !== '@my') return folderId;
	return String((await myDocuments.call(this, itemIndex)).id);
}

/** GET files/file/{id}: the FileDto, of the given version when it is above 0. */
export async function fileInfo(
	this: IExecuteFunctions,
	fileId: string,
	itemIndex: number,
	version = 0,
): Promise<IDataObject> {
	return await docSpaceCall.call(this, {
		method: 'GET',
		path: apiPath`files/file/${fileId}`,
		qs: version > 0 ? { version } : undefined,
		itemIndex,
	});
}

/** The file of exactly this title (any case, as DocSpace compares) directly in the folder, if any. */
export async function findFileByTitle(
	this: IExecuteFunctions,
	folderId: string,
	title: string,
	itemIndex: number,
): Promise<IDataObject | undefined> {
	const wanted = title.toLowerCase();
	const candidates = await docSpacePaginate.call(this, {
		path: folderPath(folderId),
		qs: { filterType: 1, filterValue: title },
		itemIndex,
		pick: pickFolderContent,
	});
	return candidates.find(
		(entry) => entry.fileEntryType !== 1 && String(entry.title).toLowerCase() === wanted,
	);
}

/** `Report` + `.docx` → `Report.docx`; a name already ending in the extension stays as it is. */
export function withExtension(name: string, extension: string): string {
	return name.toLowerCase().endsWith(extension) ? name : `${name}${extension}`;
}

/** A file record's short view; a `skipped` marker (If Name Exists: Skip) is kept. */
export function summarizeFile(file: IDataObject): IDataObject {
	return { ...summarizeEntry(file), ...(file.skipped === true ? { skipped: true } : {}) };
}

/**
 * Output items for file records (FileDto), short unless the operation's Simplify is off. For every
 * file operation that returns a file; the operation lists `simplifyOutput` among its properties.
 */
export function fileItems(
	this: IExecuteFunctions,
	i: number,
	files: IDataObject | IDataObject[],
): INodeExecutionData[] {
	return simplifiedItems.call(this, i, files, summarizeFile);
}
