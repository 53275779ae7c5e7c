import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/** Wraps JSON results as output items. */
export function toItems(this: IExecuteFunctions, data: IDataObject | IDataObject[]): INodeExecutionData[] {
	return this.helpers.returnJsonArray(data);
}

/** Reads a resource locator's value (From list, By URL or By ID) and checks it is present. */
export function locatorValue(this: IExecuteFunctions, name: string, itemIndex: number, label: string): string {
	const value = this.getNodeParameter(name, itemIndex, undefined, { extractValue: true }) as unknown;
	const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
	if (!text) {
		throw new NodeOperationError(this.getNode(), `The parameter “${label}” is empty`, {
			itemIndex,
			description: `Pick a ${label.toLowerCase()} from the list, paste its DocSpace link, or enter its ID.`,
		});
	}
	return text;
}

/** Reads Return All / Limit into a limit, undefined meaning all. */
export function listLimit(this: IExecuteFunctions, itemIndex: number): number | undefined {
	if (this.getNodeParameter('returnAll', itemIndex, false) as boolean) return undefined;
	return this.getNodeParameter('limit', itemIndex, 50) as number;
}

/** Keeps the listed keys that are present. */
export function pick(source: IDataObject, keys: readonly string[]): IDataObject {
	const result: IDataObject = {};
	for (const key of keys) if (source[key] !== undefined) result[key] = source[key];
	return result;
}

export const FILE_SUMMARY_KEYS = [
	'id', 'title', 'fileExst', 'fileType', 'folderId', 'version', 'pureContentLength', 'contentLength',
	'created', 'updated', 'webUrl', 'viewUrl', 'fileEntryType',
] as const;

export const FOLDER_SUMMARY_KEYS = [
	'id', 'title', 'parentId', 'filesCount', 'foldersCount', 'roomType', 'created', 'updated', 'fileEntryType',
] as const;

/** A short view of a file or folder entry of a listing. */
export function summarizeEntry(entry: IDataObject): IDataObject {
	return pick(entry, entry.fileEntryType === 1 ? FOLDER_SUMMARY_KEYS : FILE_SUMMARY_KEYS);
}
