import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import type { PollEvent } from './events';
import { triggerIdOf } from './events';

const idOf = (value: IDataObject[keyof IDataObject]): IDataObject[keyof IDataObject] =>
	typeof value === 'object' && value !== null && !Array.isArray(value)
		? (value as IDataObject).id
		: value;

/**
 * The REST DTO plus the field names of the entity DocSpace puts into webhook payloads
 * (`parentId`, `createBy`, `createOn`, `modifiedBy`, `modifiedOn`, `createDate`), so expressions
 * written for the webhook trigger read the same values here.
 */
function payloadOf(event: PollEvent, entry: IDataObject): IDataObject {
	if (event === 'form.submit') return entry;
	if (event.startsWith('user.')) {
		return { ...entry, createDate: entry.createDate ?? entry.registrationDate };
	}
	return {
		...entry,
		parentId: entry.parentId ?? entry.folderId,
		createBy: idOf(entry.createdBy),
		createOn: entry.created,
		modifiedBy: idOf(entry.updatedBy),
		modifiedOn: entry.updated,
	};
}

/** One item shaped like the webhook trigger's: `{ event: {...}, payload }`. */
export function toItem(
	event: PollEvent,
	entry: IDataObject,
	change: { time?: number; actor?: unknown; version?: string },
): INodeExecutionData {
	const { time, actor } = change;
	const createOn = time === undefined ? undefined : new Date(time).toISOString();
	const version = change.version ?? createOn;
	return {
		json: {
			event: {
				trigger: event,
				id: `${event}:${String(entry.id)}${version ? `@${version}` : ''}`,
				createOn,
				createBy: actor === undefined ? undefined : (actor as IDataObject[keyof IDataObject]),
				triggerId: triggerIdOf(event),
			},
			payload: payloadOf(event, entry),
		},
	};
}
