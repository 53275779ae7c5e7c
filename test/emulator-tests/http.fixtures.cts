/**
 * The plain-HTTP helpers the upload and file handler tests use, against the file's emulator
 * (emulator.fixture.cts).
 */
import { auth, emulator } from './emulator.fixture.cjs';

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

/**
 * Opens a chunked upload session (`upload/create_session`) in the folder; answers the session's
 * `data`: its `id`, `location` (the chunk handler's URL) and so on.
 */
export async function createSession(
	folderId: number,
	body: { fileName: string; fileSize: number; createNewIfExist?: boolean },
) {
	const { json } = await api('POST', `/api/2.0/files/${folderId}/upload/create_session`, body);
	return json.response.data;
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
