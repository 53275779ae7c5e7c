import { createHash } from 'node:crypto';
import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { docSpacePaginate, pickList } from '../transport/paginate';
import type { Cursor } from './cursor';
import { advance, isAfter, timeOf } from './cursor';

/**
 * Fields that change without anyone editing the profile: used space, and other users' names
 * (the creator in `createdBy`, group managers in `groups`).
 */
const VOLATILE = new Set(['usedSpace', 'loginEventId', 'createdBy']);

function groupsOf(value: unknown): unknown {
	if (!Array.isArray(value)) return value;
	return value.map((group: IDataObject) => ({ id: group?.id, name: group?.name }));
}

/** Every user the account may list; DocSpace cannot sort people by time. */
export async function listPeople(this: IPollFunctions): Promise<IDataObject[]> {
	return await docSpacePaginate.call(this, { path: 'people/filter', pick: pickList });
}

export const registrationTime = (user: IDataObject): number | undefined =>
	timeOf(user.registrationDate);

/** Users registered after the cursor (EmployeeFullDto.registrationDate), and the next cursor. */
export function newUsers(
	people: IDataObject[],
	cursor: Cursor,
): { changed: IDataObject[]; next: Cursor } {
	const seen = people.flatMap((user) => {
		const time = registrationTime(user);
		return time === undefined ? [] : [{ id: String(user.id), time, user }];
	});
	const changed = seen.filter((entry) => isAfter(cursor, entry)).sort((a, b) => b.time - a.time);
	return { changed: changed.map((entry) => entry.user), next: advance(cursor, seen) };
}

function stable(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(stable);
	if (typeof value !== 'object' || value === null) return value;
	const record = value as IDataObject;
	return Object.fromEntries(
		Object.keys(record)
			.sort()
			.map((key) => [key, stable(record[key])]),
	);
}

/**
 * A short digest of what a user's profile shows. DocSpace reports no modification time for
 * users, so changes are found by comparing digests between polls.
 */
export function fingerprint(user: IDataObject): string {
	const kept = Object.fromEntries(Object.entries(user).filter(([key]) => !VOLATILE.has(key)));
	kept.groups = groupsOf(kept.groups) as IDataObject[keyof IDataObject];
	return createHash('sha256')
		.update(JSON.stringify(stable(kept)))
		.digest('base64')
		.slice(0, 16);
}

export function fingerprints(people: IDataObject[]): Record<string, string> {
	return Object.fromEntries(people.map((user) => [String(user.id), fingerprint(user)]));
}

/** Users whose digest differs from the previous poll's; users new since then are not updates. */
export function updatedUsers(
	people: IDataObject[],
	previous: Record<string, string>,
): IDataObject[] {
	return people.filter((user) => {
		const before = previous[String(user.id)];
		return before !== undefined && before !== fingerprint(user);
	});
}
