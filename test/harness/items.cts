import type { INodeExecutionData } from 'n8n-workflow';

import type { RunResult } from './n8n.cjs';

/** The error names its input item through `itemIndex` (n8n shows it); the message itself stays clean. */
export function expectAtItem(error: RunResult['error'], item: number): void {
	expect(error?.context?.itemIndex).toBe(item);
	expect(error?.message).not.toMatch(/\[item \d+\]/);
}

/** A continue-on-fail error item is paired to its input item, its message clean. */
export function expectErrorItemAt(output: INodeExecutionData, item: number): void {
	expect(output.pairedItem).toEqual({ item });
	expect(String(output.json.error)).not.toMatch(/\[item \d+\]/);
}
