/**
 * DocSpace's webhook triggers (`WebhookTrigger`, 64-bit flags). Written from the
 * API facts, independently of the node's own list, so the two check each other.
 */
import type { EmployeeType } from '../model.cjs';

export interface TriggerInfo {
	name: string;
	/** 0 for `*`; up to 2^35, so never combine with bitwise operators. */
	id: number;
	/** Not available to the `User` type. */
	adminOnly: boolean;
}

const NAMES = [
	'user.created',
	'user.invited',
	'user.updated',
	'user.deleted',
	'group.created',
	'group.updated',
	'group.deleted',
	'file.created',
	'file.uploaded',
	'file.updated',
	'file.trashed',
	'file.deleted',
	'file.restored',
	'file.copied',
	'file.moved',
	'folder.created',
	'folder.updated',
	'folder.trashed',
	'folder.deleted',
	'folder.restored',
	'folder.copied',
	'folder.moved',
	'room.created',
	'room.updated',
	'room.archived',
	'room.deleted',
	'room.restored',
	'room.copied',
	'form.submit',
	'form.filled.out',
	'form.stopped',
	'agent.created',
	'agent.updated',
	'agent.deleted',
	'file.downloaded',
	'folder.downloaded',
];

const ADMIN_ONLY = new Set([
	'user.created',
	'user.invited',
	'group.created',
	'group.updated',
	'group.deleted',
	'room.created',
	'room.copied',
	'agent.created',
]);

export const TRIGGERS: readonly TriggerInfo[] = [
	{ name: '*', id: 0, adminOnly: false },
	...NAMES.map((name, bit) => ({ name, id: 2 ** bit, adminOnly: ADMIN_ONLY.has(name) })),
];

const BY_NAME = new Map(TRIGGERS.map((t) => [t.name, t]));

export function triggerByName(name: string): TriggerInfo | undefined {
	return BY_NAME.get(name);
}

/** The known flags set in a mask (empty for 0 = all). */
export function flagsOf(mask: number): TriggerInfo[] {
	return TRIGGERS.filter((t) => t.id > 0 && Math.floor(mask / t.id) % 2 === 1);
}

export function maskIncludes(mask: number, trigger: TriggerInfo): boolean {
	return mask === 0 || (trigger.id > 0 && Math.floor(mask / trigger.id) % 2 === 1);
}

export function isAvailableTo(trigger: TriggerInfo, type: EmployeeType): boolean {
	if (type === 'Guest') return false;
	return !(trigger.adminOnly && type === 'User');
}
