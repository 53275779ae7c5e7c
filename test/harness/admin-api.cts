/** Calls to the emulator's REST API as its admin, the way a person or another tool changes the portal. */
import type { Emulator } from '../emulator/index.cjs';

/** A request to `/api/2.0/<path>` with the admin's API key and, when given, a JSON body. */
export async function adminRequest(
	emulator: Emulator,
	method: string,
	path: string,
	body?: unknown,
): Promise<Response> {
	return await fetch(`${emulator.url}/api/2.0/${path}`, {
		method,
		headers: {
			authorization: `Bearer ${emulator.secrets.apiKey}`,
			'content-type': 'application/json',
		},
		body: body === undefined ? undefined : JSON.stringify(body),
	});
}
