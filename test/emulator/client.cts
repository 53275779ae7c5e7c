/**
 * A tiny fetch wrapper for the emulator's own tests.
 */
export interface Answer {
	status: number;
	headers: Headers;
	text: string;
	/** Parsed JSON body, undefined when the body is empty or not JSON. */
	json: any;
}

export function basic(email: string, password: string): string {
	return `Basic ${Buffer.from(`${email}:${password}`).toString('base64')}`;
}

export async function call(
	baseUrl: string,
	path: string,
	init: {
		method?: string;
		headers?: Record<string, string>;
		body?: string | URLSearchParams;
		redirect?: 'manual';
	} = {},
): Promise<Answer> {
	const res = await fetch(`${baseUrl}${path}`, {
		method: init.method ?? 'GET',
		headers: init.headers,
		body: init.body,
		redirect: init.redirect,
	});
	const text = await res.text();
	let json: unknown;
	try {
		json = text ? JSON.parse(text) : undefined;
	} catch {
		json = undefined;
	}
	return { status: res.status, headers: res.headers, text, json };
}
