/**
 * Switchable faults, like a misbehaving proxy in front of the portal. A rule applies either
 * before routing (nothing reaches the portal) or, with `after`, once the handler ran (the change is
 * stored, then the answer is lost or replaced). A rule is consumed once per matching request until
 * its `times` run out. `random()` adds seeded, per-route probabilities on top of the rules.
 * Faulted requests are still recorded (a reset one with status 0).
 */

export interface FaultRule {
	/** Any method when omitted; case-insensitive. */
	method?: string;
	/** Any path when omitted. A string must equal the pathname (trailing slash ignored); a RegExp is tested against it. */
	path?: string | RegExp;
	/** How many matching requests the rule affects; default 1, `Infinity` for "until cleared". */
	times?: number;
	/** Run the handler first (its change is stored), then apply the fault to the answer. */
	after?: boolean;
	/** Answer with this status instead of the real response. */
	status?: number;
	headers?: Record<string, string>;
	body?: string;
	/** With `status`: the body repeats the request's headers and body, as some proxies and WAFs do. */
	echo?: boolean;
	/** Destroy the socket without answering (with `after`: once the request was processed). */
	reset?: boolean;
	/** With `after`: send the real answer's headers and half its body (or this many bytes of it), then destroy the socket. */
	truncate?: boolean | number;
	/** Wait this long first; then answer normally unless `status` or `reset` is set. */
	delayMs?: number;
}

/** Seeded random faults: each request matching a route is faulted with the route's probability. */
export interface RandomFaults {
	seed: number;
	routes: Array<{ method?: string; path?: string | RegExp; probability: number }>;
	/** The faults to pick from (uniformly); `times` is ignored. */
	kinds: FaultRule[];
}

export interface FaultStats {
	injected: number;
	before: number;
	after: number;
}

export interface Faults {
	add(rule: FaultRule): void;
	clear(): void;
	/** Rules not used up yet (with their remaining `times`). */
	readonly pending: readonly FaultRule[];
	/** Starts (or with undefined stops) seeded random faults. */
	random(config: RandomFaults | undefined): void;
	/** What was injected since the last clear(). */
	readonly stats: FaultStats;
}

function trimSlash(path: string): string {
	return path.length > 1 ? path.replace(/\/+$/, '') : path;
}

function matches(
	rule: { method?: string; path?: string | RegExp },
	method: string,
	pathname: string,
): boolean {
	if (rule.method && rule.method.toUpperCase() !== method.toUpperCase()) return false;
	if (rule.path === undefined) return true;
	if (typeof rule.path === 'string') return trimSlash(rule.path) === trimSlash(pathname);
	rule.path.lastIndex = 0;
	return rule.path.test(pathname);
}

/** mulberry32: a small seeded generator, so a failing run can be repeated from its seed. */
function seededRandom(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

export class FaultList implements Faults {
	private rules: FaultRule[] = [];
	private randomConfig: RandomFaults | undefined;
	private next: () => number = Math.random;
	readonly stats: FaultStats = { injected: 0, before: 0, after: 0 };

	get pending(): readonly FaultRule[] {
		return this.rules;
	}

	add(rule: FaultRule): void {
		this.rules.push({ ...rule, times: rule.times ?? 1 });
	}

	clear(): void {
		this.rules = [];
		this.randomConfig = undefined;
		Object.assign(this.stats, { injected: 0, before: 0, after: 0 });
	}

	random(config: RandomFaults | undefined): void {
		this.randomConfig = config;
		if (config) this.next = seededRandom(config.seed);
	}

	/** The first rule matching the request (consumed by one use), else a random fault; undefined when none. */
	take(method: string, pathname: string): FaultRule | undefined {
		const rule =
			this.rules.find((r) => matches(r, method, pathname)) ?? this.pick(method, pathname);
		if (!rule) return undefined;
		if (this.rules.includes(rule)) {
			rule.times = (rule.times ?? 1) - 1;
			if (rule.times <= 0) this.rules = this.rules.filter((r) => r !== rule);
		}
		if (rule.status !== undefined || rule.reset || rule.truncate) {
			this.stats.injected++;
			this.stats[rule.after ? 'after' : 'before']++;
		}
		return rule;
	}

	private pick(method: string, pathname: string): FaultRule | undefined {
		const config = this.randomConfig;
		const route = config?.routes.find((r) => matches(r, method, pathname));
		if (!config || !route || config.kinds.length === 0) return undefined;
		if (this.next() >= route.probability) return undefined;
		return config.kinds[Math.floor(this.next() * config.kinds.length)];
	}
}
