/**
 * One emulator per test file, with the plain-HTTP helpers the upload and file handler tests use.
 * Call `useHttpEmulator()` at the top of a test file; `emulator` and `auth` are live bindings set
 * in its `beforeAll`.
 */
import { startEmulator, type Emulator } from '../emulator/index.cjs';

export let emulator: Emulator;
/** The headers of an API key request. */
export let auth: Record<string, string>;

export function useHttpEmulator(): void {
	beforeAll(async () => {
		emulator = await startEmulator();
		auth = { authorization: `Bearer ${emulator.secrets.apiKey}` };
	});
	afterAll(async () => await emulator.close());
}

const answer = async (res: Response) => ({
	status: res.status,
	json: (await res.json()) as Record<string, any>,
});

/** A JSON request to the emulator's API. */
export async function api(method: string, path: string, body?: unknown, headers = auth) {
	return await answer(
		await fetch(`${emulator.url}${path}`, {
			method,
			headers: {
				...headers,
				...(body === undefined ? {} : { 'content-type': 'application/json' }),
			},
			body: body === undefined ? undefined : JSON.stringify(body),
		}),
	);
}

/** POSTs `bytes` as the multipart field `file`, as DocSpace's chunk handlers expect. */
export async function postFile(url: string, bytes: Buffer, headers = auth) {
	const form = new FormData();
	form.append('file', new Blob([bytes]), 'part.bin');
	return await answer(await fetch(url, { method: 'POST', headers, body: form }));
}

/** A fresh folder in the admin's My documents. */
export function folder(title: string) {
	const { seedIds } = emulator.state;
	return emulator.state.createFolder({
		title,
		parentId: seedIds.myDocuments,
		createdBy: seedIds.users.admin,
	});
}
