/**
 * The emulator a test file runs against. Call `useEmulator()` at the top of the file (or of a
 * `describe` block whose tests need an emulator of their own); `emulator`, `auth` and `jsonAuth`
 * are live bindings, set in its `beforeAll`.
 */
import { startEmulator, type Emulator, type EmulatorOptions } from '../emulator/index.cjs';

export let emulator: Emulator;
/** The headers of an API key request. */
export let auth: Record<string, string>;
/** The headers of an API key request with a JSON body. */
export let jsonAuth: Record<string, string>;

function use(running: Emulator): void {
	emulator = running;
	auth = { authorization: `Bearer ${running.secrets.apiKey}` };
	jsonAuth = { ...auth, 'content-type': 'application/json' };
}

/** Starts an emulator before the block's tests and closes it after them. */
export function useEmulator(options: EmulatorOptions = {}): void {
	let enclosing: Emulator | undefined;
	beforeAll(async () => {
		enclosing = emulator;
		use(await startEmulator(options));
	});
	afterAll(async () => {
		await emulator.close();
		if (enclosing) use(enclosing);
	});
}
