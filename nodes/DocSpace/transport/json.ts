import type { IDataObject } from 'n8n-workflow';

/** Whether a parsed answer is a JSON object (not null, an array or raw bytes). */
export function isRecord(value: unknown): value is IDataObject {
	return (
		typeof value === 'object' && value !== null && !Array.isArray(value) && !Buffer.isBuffer(value)
	);
}
