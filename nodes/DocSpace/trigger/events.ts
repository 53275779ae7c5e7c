import type { INodePropertyOptions } from 'n8n-workflow';

/** One DocSpace webhook trigger (DocSpace's `WebhookTrigger` flags, a 64-bit enum). */
export interface WebhookEvent {
	/** The trigger name DocSpace sends as `event.trigger`, e.g. `file.created`. */
	name: string;
	/** The flag; values up to 2^35 exceed int32, so never combine them with bitwise operators. */
	flag: number;
	/** Shown in the event list, e.g. "File: Uploaded". */
	label: string;
	/** DocSpace offers these only to DocSpace admins and room admins, not to plain users. */
	adminOnly?: boolean;
}

/** "All Events": DocSpace's `*` trigger, flag 0. */
export const ALL_EVENTS = '*';

const groups: Array<
	[
		prefix: string,
		group: string,
		actions: Array<[action: string, label: string, adminOnly?: boolean]>,
	]
> = [
	[
		'user',
		'User',
		[
			['created', 'Created', true],
			['invited', 'Invited', true],
			['updated', 'Updated'],
			['deleted', 'Deleted'],
		],
	],
	[
		'group',
		'Group',
		[
			['created', 'Created', true],
			['updated', 'Updated', true],
			['deleted', 'Deleted', true],
		],
	],
	[
		'file',
		'File',
		[
			['created', 'Created'],
			['uploaded', 'Uploaded'],
			['updated', 'Updated'],
			['trashed', 'Trashed'],
			['deleted', 'Deleted'],
			['restored', 'Restored'],
			['copied', 'Copied'],
			['moved', 'Moved'],
		],
	],
	[
		'folder',
		'Folder',
		[
			['created', 'Created'],
			['updated', 'Updated'],
			['trashed', 'Trashed'],
			['deleted', 'Deleted'],
			['restored', 'Restored'],
			['copied', 'Copied'],
			['moved', 'Moved'],
		],
	],
	[
		'room',
		'Room',
		[
			['created', 'Created', true],
			['updated', 'Updated'],
			['archived', 'Archived'],
			['deleted', 'Deleted'],
			['restored', 'Restored'],
			['copied', 'Copied', true],
		],
	],
	[
		'form',
		'Form',
		[
			['submit', 'Submitted'],
			['filled.out', 'Filled Out'],
			['stopped', 'Stopped'],
		],
	],
	[
		'agent',
		'AI Agent',
		[
			['created', 'Created', true],
			['updated', 'Updated'],
			['deleted', 'Deleted'],
		],
	],
];

/** Flags in DocSpace's order: user.created = 2^0 … folder.downloaded = 2^35. */
function buildCatalogue(): WebhookEvent[] {
	const events: WebhookEvent[] = [];
	let bit = 0;
	for (const [prefix, group, actions] of groups) {
		for (const [action, label, adminOnly] of actions) {
			events.push({
				name: `${prefix}.${action}`,
				flag: 2 ** bit++,
				label: `${group}: ${label}`,
				...(adminOnly ? { adminOnly } : {}),
			});
		}
	}
	events.push({ name: 'file.downloaded', flag: 2 ** bit++, label: 'File: Downloaded' });
	events.push({ name: 'folder.downloaded', flag: 2 ** bit++, label: 'Folder: Downloaded' });
	return events;
}

/** Every DocSpace webhook trigger up to DocSpace 3.7. */
export const WEBHOOK_EVENTS: readonly WebhookEvent[] = buildCatalogue();

const byName = new Map(WEBHOOK_EVENTS.map((event) => [event.name, event]));

export function eventByName(name: string): WebhookEvent | undefined {
	return byName.get(name);
}

/** "Room: Copied" for `room.copied`; a readable fallback for triggers newer than this list. */
export function labelOf(name: string): string {
	const known = byName.get(name);
	if (known) return known.label;
	const [group, ...rest] = name.split('.');
	const words = (text: string) =>
		text.replace(
			/(^|[._-])(\w)/g,
			(_m, sep: string, c: string) => `${sep ? ' ' : ''}${c.toUpperCase()}`,
		);
	return rest.length ? `${words(group)}: ${words(rest.join('.'))}` : words(name);
}

/** Whether a flag is set in a mask, for masks beyond 32 bits. */
export function hasFlag(mask: number, flag: number): boolean {
	if (flag <= 0) return false;
	return Math.floor(mask / flag) % 2 === 1;
}

/**
 * The `triggers` mask for the selected event names: 0 (all) when All Events is selected,
 * otherwise the sum of the distinct flags (a sum of distinct powers of two is their OR).
 * `known` resolves names this package does not list (e.g. from the portal's own catalogue).
 */
export function triggerMask(
	names: readonly string[],
	known: ReadonlyMap<string, number> = new Map(),
): {
	mask: number;
	unknown: string[];
} {
	if (names.includes(ALL_EVENTS)) return { mask: 0, unknown: [] };
	const flags = new Set<number>();
	const unknown: string[] = [];
	for (const name of names) {
		const flag = byName.get(name)?.flag ?? known.get(name);
		if (flag === undefined || !Number.isSafeInteger(flag) || flag <= 0) unknown.push(name);
		else flags.add(flag);
	}
	let mask = 0;
	for (const flag of flags) mask += flag;
	return { mask, unknown };
}

/** Whether a delivered event is one of the selected ones. */
export function isEventSelected(
	selected: readonly string[],
	trigger: unknown,
	triggerId: unknown,
): boolean {
	if (selected.includes(ALL_EVENTS)) return true;
	if (typeof trigger === 'string' && trigger) return selected.includes(trigger);
	const flag = typeof triggerId === 'number' ? triggerId : Number(triggerId);
	if (!Number.isSafeInteger(flag) || flag <= 0) return false;
	return selected.some((name) => byName.get(name)?.flag === flag);
}

/** The options of the Events parameter: All Events first, then the events sorted by label. */
export function eventOptions(
	events: ReadonlyArray<{ name: string; label?: string }>,
): INodePropertyOptions[] {
	const options = events
		.filter((event) => event.name !== ALL_EVENTS)
		.map((event) => ({
			name: event.label ?? labelOf(event.name),
			value: event.name,
			description: `DocSpace trigger “${event.name}”`,
		}))
		.sort((a, b) => a.name.localeCompare(b.name));
	return [
		{
			name: 'All Events',
			value: ALL_EVENTS,
			description: 'Every event DocSpace sends to this account',
		},
		...options,
	];
}
