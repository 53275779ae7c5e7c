/**
 * Wire formats shared by the DTO builders.
 */
import type { Principal } from '../http.cjs';
import type { EmulatorState } from '../state.cjs';

/** What a DTO builder needs; a RouteContext fits. */
export interface DtoScope {
	state: EmulatorState;
	portalUrl: string;
	principal?: Principal;
}

/** ApiDateTime on the wire: `2025-01-02T10:11:12.0000000Z` (portal time zone UTC). */
export function apiDate(date: Date): string {
	const iso = date.toISOString(); // 2025-01-02T10:11:12.345Z
	return `${iso.slice(0, 19)}.${iso.slice(20, 23)}0000Z`;
}

const UNITS = ['bytes', 'KB', 'MB', 'GB', 'TB'];

/** DocSpace's human-readable size, e.g. `512 bytes`, `1.46 KB`, `10 MB`. */
export function humanSize(bytes: number): string {
	let value = bytes;
	let unit = 0;
	while (value >= 1024 && unit < UNITS.length - 1) {
		value /= 1024;
		unit++;
	}
	const rounded = Math.round(value * 100) / 100;
	return `${rounded.toLocaleString('en-US', { maximumFractionDigits: 2 })} ${UNITS[unit]}`;
}
