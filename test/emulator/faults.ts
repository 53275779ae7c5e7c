/**
 * Switchable faults, applied before routing (like a misbehaving proxy in front of the portal).
 * A rule is consumed once per matching request until its `times` run out. Faulted requests
 * are still recorded (a reset one with status 0).
 */

export interface FaultRule {
	/** Any method when omitted; case-insensitive. */
	method?: string;
	/** Any path when omitted. A string must equal the pathname (trailing slash ignored); a RegExp is tested against it. */
	path?: string | RegExp;
	/** How many matching requests the rule affects; default 1, `Infinity` for "until cleared". */
	times?: number;
	/** Answer with this status instead of the real response. */
	status?: number;
	headers?: Record<string, string>;
	body?: string;
	/** Destroy the socket without answering (the request is not processed). */
	reset?: boolean;
	/** Process the request, then destroy the socket instead of answering: a reply lost on the way back. */
	resetAfter?: boolean;
	/** Answer normally but cut the connection after this many bytes of the body. */
	truncateAfter?: number;
	/** Wait this long first; then answer normally unless `status` or `reset` is set. */
	delayMs?: number;
}

export interface Faults {
	add(rule: FaultRule): void;
	clear(): void;
	/** Rules not used up yet (with their remaining `times`). */
	readonly pending: readonly FaultRule[];
}

function trimSlash(path: string): string {
	return path.length > 1 ? path.replace(/\/+$/, '') : path;
}

export class FaultList implements Faults {
	private rules: FaultRule[] = [];

	get pending(): readonly FaultRule[] {
		return this.rules;
	}

	add(rule: FaultRule): void {
		this.rules.push({ ...rule, times: rule.times ?? 1 });
	}

	clear(): void {
		this.rules = [];
	}

	/** The first rule matching the request, consumed by one use; undefined when none matches. */
	take(method: string, pathname: string): FaultRule | undefined {
		const rule = this.rules.find((r) => this.matches(r, method, pathname));
		if (!rule) return undefined;
		rule.times = (rule.times ?? 1) - 1;
		if (rule.times <= 0) this.rules = this.rules.filter((r) => r !== rule);
		return rule;
	}

	private matches(rule: FaultRule, method: string, pathname: string): boolean {
		if (rule.method && rule.method.toUpperCase() !== method.toUpperCase()) return false;
		if (rule.path === undefined) return true;
		if (typeof rule.path === 'string') return trimSlash(rule.path) === trimSlash(pathname);
		rule.path.lastIndex = 0;
		return rule.path.test(pathname);
	}
}
