/**
 * Shared setup of the User resource tests (user-read, user-write): one emulator per test file and
 * the helpers those tests use. Call `useUserEmulator()` at the top of a test file; `emulator` is
 * a live binding set in its `beforeAll`.
 */
import type { Emulator } from '../emulator/index.cjs';
import { useEmulator } from '../harness/emulator.cjs';
import { runDocSpace } from '../harness/docspace.cjs';
import { expectAtItem } from '../harness/items.cjs';
import type { RunResult } from '../harness/n8n.cjs';

export let emulator: Emulator;

export function useUserEmulator(): void {
	useEmulator((started) => (emulator = started));
}

/** A locator value from an expression: n8n checks only typed-in values against the mode's pattern. */
export const fromInput = (mode: 'id' | 'url') => ({
	__rl: true,
	mode,
	value: '={{ $json.value }}',
});

export const user = (operation: string, extra: Record<string, unknown> = {}) => ({
	resource: 'user',
	operation,
	...extra,
});
export const run = async (
	parameters: Record<string, unknown>,
	extra: Partial<Parameters<typeof runDocSpace>[0]> = {},
) => await runDocSpace({ emulator, parameters, ...extra });

let counter = 0;
/** A fresh user straight in the emulator's state, so tests do not depend on each other. */
export function newUser(
	options: { type?: 'DocSpaceAdmin' | 'RoomAdmin' | 'User' | 'Guest'; disabled?: boolean } = {},
) {
	counter++;
	const created = emulator.state.createUser({
		email: `person${counter}@example.com`,
		password: 'Passw0rd!',
		firstName: `First${counter}`,
		lastName: `Last${counter}`,
		type: options.type ?? 'User',
		status: options.disabled ? 2 : 1,
	});
	return created;
}

export const calls = (method: string, prefix: string) =>
	emulator.requests.filter((r) => r.method === method && r.path.startsWith(prefix));
export const writes = () => emulator.requests.filter((r) => r.method !== 'GET');

export function expectItemError(error: unknown, pattern: RegExp, item = 0) {
	const e = error as RunResult['error'];
	expect(e?.message).toMatch(pattern);
	expectAtItem(e, item);
}
