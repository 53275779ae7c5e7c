import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError, sleep } from 'n8n-workflow';

import { docSpaceRequest } from './request';
import { isRecord } from './json';

/*
 * Waiting for DocSpace background file operations (copy, move, delete, archive, room delete…).
 *
 * Contract:
 * - `started` is what the starting request returned: one FileOperationDto or a list of them. Send
 *   `returnSingleOperation: true` where the endpoint accepts it; otherwise DocSpace lists all of the
 *   caller's active operations of that kind and the newest unfinished one is taken.
 * - Polls `GET files/fileops?id=…` with backoff (250 ms doubling to 2 s) until the operation reports
 *   `finished` or progress 100, and returns that final FileOperationDto (with `files` / `folders`).
 * - A failed or cancelled operation raises a NodeOperationError carrying DocSpace's `error` text.
 * - When `timeLimitSeconds` runs out, raises a NodeOperationError naming the setting the caller
 *   gave as `timeLimitLabel` and saying the operation may still finish.
 * - DocSpace forgets an operation once it has reported it finished; if a poll no longer lists it,
 *   the last state seen is returned marked finished, so `files` / `folders` may then be missing.
 */

export interface WaitOptions {
	itemIndex: number;
	timeLimitSeconds: number;
	/** How the caller's user knows the setting behind `timeLimitSeconds`, for the message. */
	timeLimitLabel: string;
}

const FIRST_DELAY_MS = 250;
const MAX_DELAY_MS = 2_000;

// FileOperationType
const OPERATION_NAMES: Record<number, string> = {
	0: 'move',
	1: 'copy',
	2: 'delete',
	3: 'download',
	4: 'mark as read',
	5: 'import',
	6: 'convert',
	7: 'duplicate',
};

// DistributedTaskStatus: 3 Canceled, 4 Failed
const CANCELED = 3;
const FAILED = 4;

function isFinished(operation: IDataObject): boolean {
	return (
		operation.finished === true ||
		Number(operation.progress) >= 100 ||
		Number(operation.status) >= 2
	);
}

function errorText(operation: IDataObject): string | undefined {
	const error = operation.error;
	if (typeof error === 'string' && error.trim()) return error.trim();
	if (isRecord(error) && typeof error.message === 'string' && error.message.trim())
		return error.message.trim();
	if (operation.status === FAILED) return 'the operation failed without a reason';
	if (operation.status === CANCELED) return 'the operation was cancelled';
	return undefined;
}

function kindOf(operation: IDataObject): string {
	const type = operation.Operation ?? operation.operation;
	return (typeof type === 'number' && OPERATION_NAMES[type]) || 'file';
}

function pickStarted(started: IDataObject | IDataObject[]): IDataObject | undefined {
	const list = (Array.isArray(started) ? started : [started]).filter(isRecord);
	const unfinished = list.filter((operation) => !isFinished(operation));
	return unfinished[unfinished.length - 1] ?? list[list.length - 1];
}

/** Waits until the DocSpace file operation `started` finishes and returns its final FileOperationDto. */
export async function waitForOperation(
	this: IExecuteFunctions,
	started: IDataObject | IDataObject[],
	options: WaitOptions,
): Promise<IDataObject> {
	const { itemIndex } = options;
	const label = options.timeLimitLabel;
	let operation = pickStarted(started);
	if (!operation) {
		throw new NodeOperationError(
			this.getNode(),
			'DocSpace did not report the operation it started',
			{
				itemIndex,
				description:
					'Check in DocSpace whether the change was made, then run the node again if needed.',
			},
		);
	}
	const id = operation.id === undefined || operation.id === null ? undefined : String(operation.id);
	const deadline = Date.now() + Math.max(0, options.timeLimitSeconds) * 1000;

	const fail = (current: IDataObject, text: string) =>
		new NodeOperationError(
			this.getNode(),
			`DocSpace could not finish the ${kindOf(current)} operation: ${text}`,
			{
				itemIndex,
				description:
					'DocSpace reported this error while processing the operation in the background.',
			},
		);

	for (let delay = FIRST_DELAY_MS; ; delay = Math.min(MAX_DELAY_MS, delay * 2)) {
		if (isFinished(operation)) {
			const text = errorText(operation);
			if (text !== undefined) throw fail(operation, text);
			return operation;
		}
		if (id === undefined) {
			throw new NodeOperationError(
				this.getNode(),
				'DocSpace did not say which operation it started',
				{
					itemIndex,
					description:
						'Check in DocSpace whether the change was made, then run the node again if needed.',
				},
			);
		}
		const remaining = deadline - Date.now();
		if (remaining <= 0) {
			throw new NodeOperationError(
				this.getNode(),
				`DocSpace had not finished the ${kindOf(operation)} operation when the “${label}” of ${options.timeLimitSeconds} s ran out; it may still finish in DocSpace`,
				{
					itemIndex,
					description: `The operation was at ${Number(operation.progress) || 0}% and DocSpace may still complete it. Check the result in DocSpace before running the node again, or raise the option “${label}” to wait longer.`,
				},
			);
		}
		await sleep(Math.min(delay, remaining));
		const { data } = await docSpaceRequest.call(this, {
			method: 'GET',
			path: 'files/fileops',
			qs: { id },
			itemIndex,
		});
		const current = (Array.isArray(data) ? data : [data]).find(
			(entry): entry is IDataObject => isRecord(entry) && String(entry.id) === id,
		);
		// DocSpace drops an operation from the list once it has reported it finished.
		operation = current ?? { ...operation, finished: true, progress: 100 };
	}
}
