/**
 * One emulator for a test file: started before its tests, closed after them, its recorded requests
 * and faults cleared before each test. `started` receives it once it runs (for a suite's bindings).
 */
import { startEmulator, type Emulator } from '../emulator/index.cjs';

export function useEmulator(started: (emulator: Emulator) => void): void {
	let emulator: Emulator | undefined;
	beforeAll(async () => {
		emulator = await startEmulator();
		started(emulator);
	});
	afterAll(async () => await emulator?.close());
	beforeEach(() => {
		emulator?.clearRequests();
		emulator?.faults.clear();
	});
}
