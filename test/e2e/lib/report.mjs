// Reporting of the e2e suite: one line per check, and "N passed, M failed" at the end.
import { RUN_DIR } from './config.mjs';
import { stopAll } from './procs.mjs';

let passed = 0;
let failed = 0;
const skipped = [];
const t0 = Date.now();

export async function check(name, fn) {
	const t = Date.now();
	try {
		const note = await fn();
		passed++;
		console.log(`PASS ${name}${note ? ` — ${note}` : ''} (${Date.now() - t} ms)`);
		return true;
	} catch (err) {
		failed++;
		console.log(`FAIL ${name}: ${err.message}`);
		if (process.env.E2E_VERBOSE && err.stack) console.log(err.stack);
		return false;
	}
}

export function skip(name, reason) {
	skipped.push(name);
	console.log(`SKIP ${name}: ${reason}`);
}

/** A step everything after it needs: on failure report it and end the run. */
export async function setup(name, fn) {
	const t = Date.now();
	try {
		const r = await fn();
		console.log(`---- ${name} (${Date.now() - t} ms)`);
		return r;
	} catch (err) {
		failed++;
		console.log(`FAIL ${name}: ${err.message}`);
		return finish();
	}
}

export async function finish() {
	await stopAll();
	console.log(`logs: ${RUN_DIR}; total ${((Date.now() - t0) / 1000).toFixed(1)} s`);
	if (skipped.length)
		console.log(`${skipped.length} skipped (see the SKIP lines): ${skipped.join('; ')}`);
	console.log(`${passed} passed, ${failed} failed`);
	process.exit(failed ? 1 : 0);
}

export const assert = (cond, msg) => {
	if (!cond) throw new Error(msg);
};

/** An error no check caught: count it as a failure and end the run. */
export async function crash(err) {
	failed++;
	console.log(`FAIL unexpected error: ${err.stack ?? err.message}`);
	await finish();
}
