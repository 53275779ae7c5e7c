/** Shared set-up of the fault suites: one emulator per file, short retry waits, no fault left over. */
import { retrySettings } from '../../nodes/DocSpace/transport/retryPolicy';
import { startEmulator, type Emulator } from '../emulator/index.cjs';
import { fileOperations } from '../emulator/operations.cjs';

/** Shrinks the retry waits for the file's tests (the policy stays the same) and restores them after. */
export function useShortRetries(delays = { baseDelayMs: 1, maxDelayMs: 5 }): void {
	const saved = { ...retrySettings };
	beforeAll(() => void Object.assign(retrySettings, delays));
	afterAll(() => void Object.assign(retrySettings, saved));
}

/** Starts an emulator for the file; before each test, faults, recorded requests and operations are cleared. */
export function useFaultEmulator(): () => Emulator {
	let emulator: Emulator | undefined;
	useShortRetries();
	beforeAll(async () => {
		emulator = await startEmulator();
	});
	afterAll(async () => await emulator?.close());
	beforeEach(() => {
		emulator?.faults.clear();
		emulator?.clearRequests();
		if (emulator) fileOperations(emulator.state).reset();
	});
	return () => {
		if (!emulator) throw new Error('the emulator has not started');
		return emulator;
	};
}
