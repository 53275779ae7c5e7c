/** The quota of a new room: a field in megabytes, sent to DocSpace in bytes. */
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { invalidParameter } from '../../shared/validation';
import { BYTES_PER_MB } from './shared';

export const newRoomQuotaField: INodeProperties = {
	displayName: 'Quota (MB)',
	name: 'quota',
	type: 'number',
	typeOptions: { minValue: 1 },
	default: 1024,
	description:
		'Storage limit of the room in megabytes; needs the room quota feature to be on in the portal',
};

/** The quota in bytes; anything but a positive number stops the item. */
export function newRoomQuotaBytes(
	this: IExecuteFunctions,
	value: unknown,
	itemIndex: number,
): number {
	const quota = Number(value);
	if (!Number.isFinite(quota) || quota <= 0) {
		throw invalidParameter.call(
			this,
			itemIndex,
			'The parameter “Quota (MB)” must be a positive number',
			'Enter the room’s storage limit in megabytes, e.g. 1024.',
		);
	}
	return Math.round(quota * BYTES_PER_MB);
}
