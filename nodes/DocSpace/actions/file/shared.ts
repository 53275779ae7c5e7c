/**
 * What several file operations share: parameters for binary data, name clashes and chunk size,
 * checks of file and folder locators, and lookups by title.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { docSpaceApi } from '../../transport/request';
import { docSpacePaginate, pickFolderContent } from '../../transport/paginate';
import { DEFAULT_CHUNK_SIZE } from '../../transport/upload';
import { locatorValue } from '../helpers';

export const inputBinaryField: INodeProperties = {
	displayName: 'Input Binary Field',
	name: 'binaryPropertyName',
	type: 'string',
	default: 'data',
	required: true,
	placeholder: 'e.g. data',
	hint: 'The name of the input binary field containing the file',
};

export const outputBinaryField: INodeProperties = {
	displayName: 'Put Output File in Field',
	name: 'binaryPropertyName',
	type: 'string',
	default: 'data',
	required: true,
	placeholder: 'e.g. data',
	hint: 'The name of the output binary field to put the file in',
};

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

/** The Chunk Size option in bytes. */
export function chunkSizeOf(options: IDataObject): number {
	const mib = Number(options.chunkSize ?? DEFAULT_CHUNK_SIZE / 1024 / 1024);
	return Math.floor(mib * 1024 * 1024);
}

function invalid(this: IExecuteFunctions, itemIndex: number, message: string, description: string): NodeOperationError {
	return new NodeOperationError(this.getNode(), message, { itemIndex, description });
}

/** A locator's value; a By URL value that is no DocSpace link of that kind is refused clearly. */
function readLocator(this: IExecuteFunctions, itemIndex: number, name: string, label: string, example: string): string {
	try {
		return locatorValue.call(this, name, itemIndex, label);
	} catch (error) {
		throw locatorError.call(this, error, itemIndex, label, example);
	}
}

function locatorError(this: IExecuteFunctions, error: unknown, itemIndex: number, label: string, example: string): NodeOperationError {
	// locatorValue's own “is empty” error passes; n8n's failed URL extraction gets a clearer message.
	if (error instanceof NodeOperationError && error.message.startsWith('The parameter “')) return error;
	return invalid.call(
		this,
		itemIndex,
		`The parameter “${label}” does not hold a DocSpace link to a ${label.toLowerCase()}`,
		`Paste the ${label.toLowerCase()}’s link as DocSpace shows it (e.g. ${example}), or switch to By ID and enter its number.`,
	);
}

const FILE_LINK_EXAMPLE = 'https://yourportal.onlyoffice.com/doceditor?fileid=123';
const FOLDER_LINK_EXAMPLE = 'https://yourportal.onlyoffice.com/rooms/shared/filter?folder=123';

/** The file ID from a file locator; anything but a number is refused before calling DocSpace. */
export function fileIdOf(this: IExecuteFunctions, itemIndex: number, name = 'fileId', label = 'File'): string {
	const value = readLocator.call(this, itemIndex, name, label, FILE_LINK_EXAMPLE);
	if (!/^\d{1,10}$/.test(value)) {
		throw invalid.call(
			this,
			itemIndex,
			`The parameter “${label}” does not hold a file ID or file link: “${value}”`,
			`Pick the file from the list, paste its DocSpace link (e.g. ${FILE_LINK_EXAMPLE}) or enter its number.`,
		);
	}
	return value;
}

/** The folder ID (or `@my`) from a folder locator; anything else is refused before calling DocSpace. */
export function folderIdOf(this: IExecuteFunctions, itemIndex: number, name = 'folderId', label = 'Folder'): string {
	const value = readLocator.call(this, itemIndex, name, label, FOLDER_LINK_EXAMPLE);
	if (!/^(\d{1,10}|@my)$/i.test(value)) {
		throw invalid.call(
			this,
			itemIndex,
			`The parameter “${label}” does not hold a folder ID or folder link: “${value}”`,
			'Pick the folder from the list, paste the DocSpace link of a folder or room, enter its number, or enter @my for My documents.',
		);
	}
	return value.toLowerCase() === '@my' ? '@my' : value;
}

/** A required name parameter, trimmed; an empty name is refused. */
export function nameOf(this: IExecuteFunctions, itemIndex: number, name: string, label: string): string {
	const value = String(this.getNodeParameter(name, itemIndex, '') ?? '').trim();
	if (!value) {
		throw invalid.call(this, itemIndex, `The parameter “${label}” is empty`, `Enter the name the file should have in DocSpace.`);
	}
	return value;
}

/** `files/<id>` path segment; `@my` stays readable. */
export const folderPath = (folderId: string, suffix = ''): string =>
	`files/${folderId === '@my' ? '@my' : encodeURIComponent(folderId)}${suffix}`;

/** The numeric ID of a folder locator value (resolves `@my` to the user's My documents). */
export async function numericFolderId(this: IExecuteFunctions, folderId: string, itemIndex: number): Promise<string> {
	if (folderId !== '@my') return folderId;
	const content = await docSpaceApi.call(this, 'GET', 'files/@my', undefined, { count: 1 }, itemIndex);
	const current = (content.current ?? {}) as IDataObject;
	if (current.id === undefined || current.id === null) {
		throw new NodeOperationError(this.getNode(), 'DocSpace did not report the ID of My documents', {
			itemIndex,
			description: 'Pick the folder by its ID or link instead of @my.',
		});
	}
	return String(current.id);
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
	return candidates.find((entry) => entry.fileEntryType !== 1 && String(entry.title).toLowerCase() === wanted);
}

/** `Report` + `.docx` → `Report.docx`; a name already ending in the extension stays as it is. */
export function withExtension(name: string, extension: string): string {
	return name.toLowerCase().endsWith(extension) ? name : `${name}${extension}`;
}
