import { rmSync } from 'node:fs';

/** Removes the n8n user folder the global setup made for the run (never one given from outside). */
export default async function globalTeardown() {
	const folder = process.env.DOCSPACE_TEST_USER_FOLDER;
	if (folder) rmSync(folder, { recursive: true, force: true });
}
