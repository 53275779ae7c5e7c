/** One emulator for a suite of file and folder operations, with helpers to make entries and read requests. */
import { startEmulator, type Emulator } from '../emulator/index.cjs';
import type { Folder } from '../emulator/model.cjs';
import { fileOperations } from '../emulator/operations.cjs';
import { runDocSpace } from '../harness/docspace.cjs';

export function useEntriesEmulator() {
	let emulator: Emulator;
	let admin: string;
	beforeAll(async () => {
		emulator = await startEmulator();
		admin = emulator.state.seedIds.users.admin;
	});
	afterAll(async () => await emulator.close());
	beforeEach(() => {
		emulator.clearRequests();
		fileOperations(emulator.state).reset();
	});
	const state = () => emulator.state;
	return {
		emulator: () => emulator,
		state,
		/** Runs the action node on the emulator with one operation of `resource`. */
		runOn:
			(resource: string) =>
			async (
				parameters: Record<string, unknown>,
				extra: Partial<Parameters<typeof runDocSpace>[0]> = {},
			) =>
				await runDocSpace({ emulator, parameters: { resource, ...parameters }, ...extra }),
		/** A fresh folder in the admin's My documents (or in `parentId`). */
		newFolder: (title: string, parentId = state().seedIds.myDocuments): Folder =>
			state().createFolder({ title, parentId, createdBy: admin }),
		newFile: (title: string, folderId: number, content = title) =>
			state().createFile({ title, folderId, createdBy: admin, content: Buffer.from(content) }),
		writes: () => emulator.requests.filter((r) => r.method !== 'GET'),
		/** The PUT requests that started a fileops operation of `kind` (copy, move, delete …). */
		fileopsPut: (kind: string) =>
			emulator.requests.filter(
				(r) => r.method === 'PUT' && r.path === `/api/2.0/files/fileops/${kind}`,
			),
	};
}
