/** Pickers for people (and groups) that also take an email address, and reading what they hold. */
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { GUID_PATTERN, listedBy, userLocator } from '../shared/locators';
import type { LocatorKind } from '../shared/locators';
import { idFromLocator, isLocatorValue } from '../shared/validation';

/** A user picker listed by `searchListMethod`, with By Email beside From List, By URL and By ID. */
export function userOrEmailLocator(searchListMethod: string): INodeProperties {
	const base = listedBy(userLocator, searchListMethod);
	const byEmail = memberLocator(searchListMethod).modes?.filter((mode) => mode.name === 'email');
	return { ...base, modes: [...(base.modes ?? []), ...(byEmail ?? [])] };
}

/** A picker of members (users and groups): From List, By Email for users, By ID for either. */
export function memberLocator(searchListMethod: string): INodeProperties {
	return {
		displayName: 'Member',
		name: 'member',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod, searchable: true },
			},
			{
				displayName: 'By Email',
				name: 'email',
				type: 'string',
				placeholder: 'e.g. name@example.com',
				validation: [
					{
						type: 'regex',
						properties: {
							regex: '[^\\s@]+@[^\\s@]+\\.[^\\s@]+',
							errorMessage: 'Not an email address',
						},
					},
				],
			},
			{
				displayName: 'ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 2c0a8e1e-7d6c-4c8e-9a51-1f1f2b0c3d4e',
				hint: 'The user’s or group’s GUID',
				validation: [
					{
						type: 'regex',
						properties: { regex: `^${GUID_PATTERN}$`, errorMessage: 'Not a valid ID' },
					},
				],
			},
		],
	};
}

/**
 * What a picker nested in a collection holds: the ID or email of a locator value (a link becomes
 * its ID), or the plain text of older workflows and expressions as it is.
 */
export function pickedValue(
	this: IExecuteFunctions,
	kind: LocatorKind,
	raw: unknown,
	i: number,
	label: string,
): unknown {
	if (!isLocatorValue(raw)) return raw;
	if (raw.mode === 'url') return idFromLocator.call(this, kind, raw, i, { label });
	return raw.value;
}
