import {
	ALL_EVENTS,
	eventByName,
	eventOptions,
	hasFlag,
	isEventSelected,
	labelOf,
	triggerMask,
	WEBHOOK_EVENTS,
} from '../../../nodes/DocSpace/trigger/events';

describe('webhook event catalogue', () => {
	it('has DocSpace’s flags, each a distinct power of two', () => {
		const expected: Record<string, number> = {
			'user.created': 1,
			'user.deleted': 8,
			'group.created': 16,
			'group.deleted': 64,
			'file.created': 128,
			'file.uploaded': 256,
			'file.moved': 16384,
			'folder.created': 32768,
			'folder.moved': 2097152,
			'room.created': 4194304,
			'room.copied': 134217728,
			'form.submit': 2 ** 28,
			'form.filled.out': 2 ** 29,
			'form.stopped': 2 ** 30,
			'agent.created': 2 ** 31,
			'agent.updated': 2 ** 32,
			'agent.deleted': 2 ** 33,
			'file.downloaded': 2 ** 34,
			'folder.downloaded': 2 ** 35,
		};
		for (const [name, flag] of Object.entries(expected)) expect(eventByName(name)?.flag).toBe(flag);
		expect(WEBHOOK_EVENTS).toHaveLength(36);
		expect(new Set(WEBHOOK_EVENTS.map((e) => e.flag)).size).toBe(36);
		expect(WEBHOOK_EVENTS.map((e) => e.flag)).toEqual(WEBHOOK_EVENTS.map((_, i) => 2 ** i));
	});

	it('marks the events DocSpace keeps for admins', () => {
		const adminOnly = WEBHOOK_EVENTS.filter((e) => e.adminOnly)
			.map((e) => e.name)
			.sort();
		expect(adminOnly).toEqual(
			[
				'agent.created',
				'group.created',
				'group.deleted',
				'group.updated',
				'room.copied',
				'room.created',
				'user.created',
				'user.invited',
			].sort(),
		);
	});

	it('labels events as "Group: Action"', () => {
		expect(labelOf('file.uploaded')).toBe('File: Uploaded');
		expect(labelOf('form.filled.out')).toBe('Form: Filled Out');
		expect(labelOf('agent.created')).toBe('AI Agent: Created');
		expect(labelOf('link.shared.now')).toBe('Link: Shared Now');
	});
});

describe('triggerMask', () => {
	it('is 0 when All Events is selected', () => {
		expect(triggerMask(['file.created', ALL_EVENTS]).mask).toBe(0);
	});

	it('adds flags beyond 32 bits exactly, without bitwise overflow', () => {
		const { mask, unknown } = triggerMask([
			'file.uploaded',
			'agent.updated',
			'folder.downloaded',
			'agent.created',
		]);
		expect(unknown).toEqual([]);
		expect(mask).toBe(256 + 2 ** 32 + 2 ** 35 + 2 ** 31);
		expect(mask).toBeGreaterThan(2 ** 32);
		expect(Number.isSafeInteger(mask)).toBe(true);
	});

	it('counts a repeated event once', () => {
		expect(triggerMask(['file.created', 'file.created']).mask).toBe(128);
	});

	it('reports unknown names, or resolves them from the portal’s catalogue', () => {
		expect(triggerMask(['file.created', 'thing.happened']).unknown).toEqual(['thing.happened']);
		expect(
			triggerMask(['file.created', 'thing.happened'], new Map([['thing.happened', 2 ** 40]])).mask,
		).toBe(128 + 2 ** 40);
	});

	it('hasFlag reads flags above 2^31', () => {
		const mask = 2 ** 35 + 2 ** 31 + 1;
		expect(hasFlag(mask, 2 ** 35)).toBe(true);
		expect(hasFlag(mask, 2 ** 31)).toBe(true);
		expect(hasFlag(mask, 2 ** 32)).toBe(false);
		expect(hasFlag(mask, 1)).toBe(true);
		expect(hasFlag(mask, 2)).toBe(false);
	});
});

describe('isEventSelected', () => {
	it('matches by trigger name, by triggerId, and everything for All Events', () => {
		expect(isEventSelected(['file.created'], 'file.created', 128)).toBe(true);
		expect(isEventSelected(['file.created'], 'folder.created', 32768)).toBe(false);
		expect(isEventSelected(['agent.updated'], undefined, 2 ** 32)).toBe(true);
		expect(isEventSelected(['agent.updated'], undefined, 2 ** 33)).toBe(false);
		expect(isEventSelected([ALL_EVENTS], 'anything.new', 0)).toBe(true);
		expect(isEventSelected(['file.created'], undefined, undefined)).toBe(false);
	});
});

describe('eventOptions', () => {
	it('puts All Events first, then the events sorted by name', () => {
		const options = eventOptions(WEBHOOK_EVENTS);
		expect(options[0]).toMatchObject({ name: 'All Events', value: ALL_EVENTS });
		const names = options.slice(1).map((o) => o.name);
		expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
		expect(options).toHaveLength(37);
		expect(options.find((o) => o.value === 'file.uploaded')?.name).toBe('File: Uploaded');
	});
});
