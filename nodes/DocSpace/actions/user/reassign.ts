/**
 * DocSpace's data reassignment: the rooms and shared files of a user who is demoted below room
 * admin (`POST people/type`) or deleted (`POST people/reassign/start`) go to another room admin or
 * DocSpace admin, as a background task polled by the user's ID.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeApiError, NodeOperationError, sleep } from 'n8n-workflow';

import { docSpaceCall } from '../../transport/request';
import {
	listedBy,
	optionsCollection,
	userLocator,
	waitTimeLimitOption,
} from '../common.descriptions';
import { asNodeError, idFromLocator } from '../../shared/validation';

/** The locator of the account that receives the rooms; optional. */
export const reassignToParameter = (description: string): INodeProperties => ({
	...listedBy(userLocator, 'searchRoomOwners'),
	displayName: 'Reassign Rooms To',
	name: 'reassignTo',
	required: false,
	description,
});

/** The user ID in “Reassign Rooms To”, or undefined when it is left empty. */
export function reassignTarget(this: IExecuteFunctions, i: number): string | undefined {
	const raw = this.getNodeParameter('reassignTo', i, '') as unknown;
	const value = typeof raw === 'object' && raw !== null ? (raw as { value?: unknown }).value : raw;
	if (value === undefined || value === null || String(value).trim() === '') return undefined;
	return idFromLocator.call(this, 'user', raw, i, {
		name: 'reassignTo',
		label: 'Reassign Rooms To',
	});
}

const FIRST_DELAY_MS = 250;
const MAX_DELAY_MS = 2_000;

/**
 * Polls a TaskProgressResponseDto at `progressPath` until `isCompleted`; DocSpace reports a
 * failure inside the task in its `error` field, not as a status code.
 */
export async function waitForTask(
	this: IExecuteFunctions,
	started: IDataObject,
	progressPath: string,
	what: string,
	i: number,
): Promise<IDataObject> {
	const options = this.getNodeParameter('options', i, {}) as IDataObject;
	const limitSeconds = Number(options.waitTimeLimit ?? waitTimeLimitOption.default);
	const deadline = Date.now() + limitSeconds * 1000;
	let task = started;
	for (
		let delay = FIRST_DELAY_MS;
		task.isCompleted !== true;
		delay = Math.min(MAX_DELAY_MS, delay * 2)
	) {
		const remaining = deadline - Date.now();
		if (remaining <= 0) {
			throw new NodeOperationError(
				this.getNode(),
				`DocSpace had not finished ${what} when the “${waitTimeLimitOption.displayName}” of ${limitSeconds} s ran out; it may still finish in DocSpace`,
				{
					itemIndex: i,
					description: `It was at ${Number(task.percentage) || 0}%. Check the user in DocSpace before running the node again, or raise the option “${waitTimeLimitOption.displayName}”.`,
				},
			);
		}
		await sleep(Math.min(delay, remaining));
		const current = await docSpaceCall.call(this, {
			method: 'GET',
			path: progressPath,
			itemIndex: i,
		});
		// No task under this user any more: DocSpace forgot it after finishing.
		task =
			current.id === undefined && current.isCompleted === undefined
				? { ...task, isCompleted: true }
				: current;
	}
	if (typeof task.error === 'string' && task.error.trim()) {
		throw new NodeOperationError(
			this.getNode(),
			`DocSpace could not finish ${what}: ${task.error.trim()}`,
			{
				itemIndex: i,
				description: 'DocSpace reported this error while reassigning the data in the background.',
			},
		);
	}
	return task;
}

export interface Reassignment {
	/** The starting request: POST people/type or people/reassign/start. */
	path: string;
	body: IDataObject;
	progressPath: string;
	/** “the type change of …”, for messages. */
	what: string;
	/** Who loses and who receives the rooms, for messages. */
	from: string;
	to: string;
}

/** Starts a reassignment and waits for it; DocSpace's 400 for a source or recipient it refuses gets guidance. */
export async function runReassignment(
	this: IExecuteFunctions,
	reassignment: Reassignment,
	i: number,
): Promise<IDataObject> {
	let started: IDataObject;
	try {
		started = await docSpaceCall.call(this, {
			method: 'POST',
			path: reassignment.path,
			body: reassignment.body,
			itemIndex: i,
		});
	} catch (error) {
		if (!(error instanceof NodeApiError) || error.httpCode !== '400')
			throw asNodeError.call(this, error, i);
		throw new NodeOperationError(
			this.getNode(),
			`DocSpace refused to hand the rooms of ${reassignment.from} to ${reassignment.to}`,
			{
				itemIndex: i,
				description:
					'“Reassign Rooms To” must be an active room admin or DocSpace admin other than the user whose rooms move. DocSpace does not change the account of the credential itself, and only the portal owner may change or delete DocSpace admins.',
			},
		);
	}
	return await waitForTask.call(this, started, reassignment.progressPath, reassignment.what, i);
}

export const waitOptionsCollection = optionsCollection([
	{ ...waitTimeLimitOption, description: 'How long to wait for DocSpace to hand the rooms over' },
]);
