import type { IDataObject } from 'n8n-workflow';

/**
 * The default of Max Event Age: DocSpace switches a subscription off after 3 days without a
 * successful delivery (`TrustedDaysCount`), so its own retries never deliver anything older.
 */
export const DEFAULT_MAX_EVENT_AGE_HOURS = 168;

/**
 * Why a delivery is too old to accept, or undefined. The age comes from `event.createOn`, which
 * DocSpace signs with the body; the `x-docspace-event-timestamp` header repeats it unsigned and
 * is ignored. DocSpace's retries and a manual retry from its webhook log resend the original
 * event (same `id` and `createOn`), so they are accepted while the event is younger than the
 * limit. A body without a readable `createOn` cannot be aged and is accepted. `maxAgeHours` 0
 * turns the rule off.
 */
export function staleReason(
	event: IDataObject,
	maxAgeHours: number,
	now = Date.now(),
): string | undefined {
	if (!(maxAgeHours > 0)) return undefined;
	const created = typeof event.createOn === 'string' ? Date.parse(event.createOn) : Number.NaN;
	if (Number.isNaN(created)) return undefined;
	const ageHours = (now - created) / 3_600_000;
	return ageHours > maxAgeHours
		? `event older than ${maxAgeHours} hours (Max Event Age)`
		: undefined;
}
