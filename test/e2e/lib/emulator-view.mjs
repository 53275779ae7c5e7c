// The suite's view of the in-process emulator: recorded requests in one shape, REST calls with
// its API key, and the Authorization header each credential type must produce.
function normalizeRequest(r) {
	const url = new URL(r.url ?? r.path ?? '/', 'http://emulator');
	const headers = {};
	for (const [k, v] of Object.entries(r.headers ?? {}))
		headers[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
	return {
		method: String(r.method).toUpperCase(),
		path: url.pathname,
		query: r.query ?? Object.fromEntries(url.searchParams),
		headers,
		status: r.status ?? r.statusCode,
		body: r.body,
		raw: r,
	};
}

export function makeEmulatorView(emu, base) {
	const list = () =>
		(typeof emu.requests === 'function' ? emu.requests() : emu.requests).map(normalizeRequest);
	const mark = () => list().length;
	const since = (m) => list().slice(m);
	/** DocSpace REST call with the emulator's API key; returns the envelope's `response`. */
	async function docspace(method, path, body, auth = `Bearer ${emu.secrets.apiKey}`) {
		const res = await fetch(`${base}${path}`, {
			method,
			headers: {
				authorization: auth,
				accept: 'application/json',
				...(body ? { 'content-type': 'application/json' } : {}),
			},
			body: body ? JSON.stringify(body) : undefined,
		});
		const text = await res.text();
		if (!res.ok)
			throw new Error(`emulator ${method} ${path} -> ${res.status} ${text.slice(0, 200)}`);
		const json = text ? JSON.parse(text) : {};
		return json.response ?? json;
	}
	/** The webhook subscriptions the portal lists, each as its config. */
	const webhookSubscriptions = async () =>
		(await docspace('GET', '/api/2.0/settings/webhook')).map((h) => h.configs ?? h);
	return { emu, base, list, mark, since, docspace, webhookSubscriptions };
}

export function expectedAuthorization(method, secrets) {
	switch (method) {
		case 'apiKey':
			return (h) => h === `Bearer ${secrets.apiKey}`;
		case 'basicAuth': {
			const v = `Basic ${Buffer.from(`${secrets.adminEmail}:${secrets.adminPassword}`).toString('base64')}`;
			return (h) => h === v;
		}
		case 'personalAccessToken':
			return (h) => h === secrets.personalAccessToken;
		case 'oAuth2':
			return (h) => typeof h === 'string' && /^Bearer [\w-]+\.[\w-]+\.[\w-]+$/.test(h); // a JWT access token
	}
	throw new Error(`unknown authentication ${method}`);
}
