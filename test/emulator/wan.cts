/**
 * A simulated wide-area link in front of the emulator, for benchmarks: every request waits
 * `latencyMs` (a round trip) and its request and response bodies pass at `bytesPerSecond` per
 * connection, so parallel requests share nothing, as separate TCP connections to a cloud portal.
 *
 * ```ts
 * wan(emulator.state).latencyMs = 40;
 * wan(emulator.state).bytesPerSecond = 20 * 1024 * 1024;
 * ```
 * Both 0 (the default): no delay at all.
 */
import type { EmulatorState } from './state.cjs';
import { getOrCreate } from './get-or-create.cjs';

export interface WanLink {
	latencyMs: number;
	/** 0: unlimited. */
	bytesPerSecond: number;
}

const links = new WeakMap<EmulatorState, WanLink>();

export function wan(state: EmulatorState): WanLink {
	return getOrCreate(links, state, () => ({ latencyMs: 0, bytesPerSecond: 0 }));
}

/** How long `bytes` take on the link, plus `latencyMs` when `roundTrip`. */
export function wanDelayMs(state: EmulatorState, bytes: number, roundTrip: boolean): number {
	const link = links.get(state);
	if (!link) return 0;
	const transfer = link.bytesPerSecond > 0 ? (bytes / link.bytesPerSecond) * 1000 : 0;
	return (roundTrip ? link.latencyMs : 0) + transfer;
}
