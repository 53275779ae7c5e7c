/**
 * Seeded fault injection over a mixed workload, on every credential type: a quarter or more of
 * all requests fail before the portal saw them or after it applied them. At the end nothing is
 * duplicated or missing and every item's report (done, failed, outcome unknown) is true.
 */
import { startEmulator, type Emulator } from '../emulator/index.cjs';
import { fileOperations } from '../emulator/operations.cjs';
import { authenticationMethods } from '../harness/docspace.cjs';
import { useShortRetries } from './faults.fixtures.cjs';
import { emptyTally, FAULT_KINDS, Workload, type Tally } from './faults.workload.cjs';

const SEED = Number(process.env.FAULT_SEED ?? 20261201);
const PROBABILITY = 0.3;

// Short backoff: the policy is the same, only the waits shrink.
useShortRetries({ baseDelayMs: 2, maxDelayMs: 10 });
let emulator: Emulator;
const totals: Tally = emptyTally();
let requests = 0;
let faulted = 0;

beforeAll(async () => {
	emulator = await startEmulator();
	fileOperations(emulator.state).reset();
});
afterAll(async () => {
	await emulator.close();
});

test.each(authenticationMethods)(
	'with %s: no duplicate, no missing entity, every report true',
	async (authentication) => {
		emulator.clearRequests();
		emulator.faults.clear();
		emulator.faults.random({
			seed: SEED,
			routes: [{ path: /^\/api\/2\.0\//, probability: PROBABILITY }],
			kinds: FAULT_KINDS,
		});
		const tally = await new Workload(emulator, authentication).all(authentication);
		const { injected, before, after } = emulator.faults.stats;
		emulator.faults.clear();
		requests += emulator.requests.length;
		faulted += injected;
		for (const key of [
			'items',
			'done',
			'failed',
			'unknown',
			'verifiedAfterFault',
			'duplicated',
			'missing',
		] as const)
			totals[key] += tally[key];
		totals.wrong.push(...tally.wrong);
		// eslint-disable-next-line no-console
		console.log(
			`${authentication} (seed ${SEED}): ${emulator.requests.length} requests, faults injected ${injected} (${before} before, ${after} after the effect), ` +
				`items ${tally.items}: done ${tally.done}, failed ${tally.failed}, outcome unknown ${tally.unknown}; ` +
				`verified-after-fault ${tally.verifiedAfterFault}, duplicated ${tally.duplicated}, missing ${tally.missing}, wrong reports ${tally.wrong.length}`,
		);
		expect(injected / emulator.requests.length).toBeGreaterThanOrEqual(0.25);
		expect(after).toBeGreaterThan(0);
		expect(tally.wrong).toEqual([]);
		expect(tally.duplicated).toBe(0);
		expect(tally.missing).toBe(0);
		expect(tally.verifiedAfterFault).toBeGreaterThan(0);
	},
	180_000,
);

afterAll(() => {
	// eslint-disable-next-line no-console
	console.log(
		`all credential types (seed ${SEED}): ${requests} requests, faults injected ${faulted} (${Math.round((100 * faulted) / Math.max(1, requests))} %), ` +
			`verified-after-fault ${totals.verifiedAfterFault}, duplicated ${totals.duplicated}, missing ${totals.missing}, wrong reports ${totals.wrong.length}`,
	);
});
