/**
 * Waiting for DocSpace's room template tasks: saving a room as a template
 * (`GET files/roomtemplate/status`) and creating a room from one (`GET files/rooms/fromtemplate/status`).
 * These status endpoints take no id: they report the caller's latest task of that kind, with
 * `progress`, `isCompleted`, `error` and, once done, the new `templateId` / `roomId`.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, sleep } from 'n8n-workflow';

import { roomLocator, waitTimeLimitOption } from '../common.descriptions';
import { docSpaceCall } from '../../transport/request';

const FIRST_DELAY_MS = 250;
const MAX_DELAY_MS = 2_000;

export type TemplateTaskKind = 'template' | 'room';

const TASKS: Record<TemplateTaskKind, { path: string; idKey: string; what: string }> = {
	template: {
		path: 'files/roomtemplate/status',
		idKey: 'templateId',
		what: 'saving the room as a template',
	},
	room: {
		path: 'files/rooms/fromtemplate/status',
		idKey: 'roomId',
		what: 'creating the room from the template',
	},
};

/** A room template, picked from the templates list or by ID. */
export const templateParameter: INodeProperties = {
	...roomLocator,
	displayName: 'Template',
	name: 'templateId',
	description: 'The room template to use',
	modes: (roomLocator.modes ?? []).map((mode) =>
		mode.name === 'list'
			? { ...mode, typeOptions: { searchListMethod: 'searchRoomTemplates', searchable: true } }
			: mode,
	),
};

/** Polls the task's status until it completes; returns the new template's or room's id. */
export async function waitForTemplateTask(
	this: IExecuteFunctions,
	kind: TemplateTaskKind,
	started: IDataObject,
	itemIndex: number,
): Promise<string> {
	const task = TASKS[kind];
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const limitSeconds = Number(options.waitTimeLimit ?? waitTimeLimitOption.default);
	const deadline = Date.now() + limitSeconds * 1000;
	let status = started;
	for (let delay = FIRST_DELAY_MS; ; delay = Math.min(MAX_DELAY_MS, delay * 2)) {
		if (status.isCompleted === true) {
			const error = typeof status.error === 'string' ? status.error.trim() : '';
			if (error) {
				throw new NodeOperationError(
					this.getNode(),
					`DocSpace could not finish ${task.what}: ${error}`,
					{
						itemIndex,
						description:
							'DocSpace reported this error while processing the task in the background.',
					},
				);
			}
			const id = Number(status[task.idKey]);
			if (!Number.isInteger(id) || id <= 0) {
				throw new NodeOperationError(
					this.getNode(),
					`DocSpace finished ${task.what} but did not say which ${kind} it made`,
					{ itemIndex },
				);
			}
			return String(id);
		}
		const remaining = deadline - Date.now();
		if (remaining <= 0) {
			throw new NodeOperationError(
				this.getNode(),
				`DocSpace had not finished ${task.what} when the “Wait Time Limit (Seconds)” of ${limitSeconds} s ran out; it may still finish in DocSpace`,
				{
					itemIndex,
					description: `The task was at ${Number(status.progress) || 0}%. Check the result in DocSpace before running the node again, or raise the option “Wait Time Limit (Seconds)” to wait longer.`,
				},
			);
		}
		await sleep(Math.min(delay, remaining));
		status = await docSpaceCall.call(this, { method: 'GET', path: task.path, itemIndex });
	}
}
