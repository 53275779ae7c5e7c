/**
 * Scope enforcement for API keys and OAuth tokens (DocSpace's ScopesMap).
 * First match wins; every endpoint also accepts the global `*:write`, and `*:read` for GET.
 */

/** The resource scope family a request needs, '' for "none needed", undefined for global only. */
function resourceFor(path: string): string | undefined {
	const p = path
		.toLowerCase()
		.replace(/^\/api\/2\.0/, '')
		.replace(/\/+$/, '');
	const under = (prefix: string): boolean => p === prefix || p.startsWith(`${prefix}/`);
	if (p === '/keys/@self') return '';
	if (under('/files/rooms')) return 'rooms';
	if (under('/files')) return 'files';
	if (under('/people/@self')) return 'accounts.self';
	if (under('/people') || under('/group')) return 'accounts';
	return undefined;
}

/** The scopes any one of which allows `method path`; an empty list means no scope is needed. */
export function acceptedScopes(method: string, path: string): string[] {
	const read = method.toUpperCase() === 'GET' || method.toUpperCase() === 'HEAD';
	const resource = resourceFor(path);
	if (resource === '') return [];
	const global = read ? ['*:read', '*:write'] : ['*:write'];
	if (resource === undefined) return global;
	return [...(read ? [`${resource}:read`, `${resource}:write`] : [`${resource}:write`]), ...global];
}

/** `granted` null = full access. Only paths under /api/ are subject to scopes. */
export function scopeAllows(granted: string[] | null, method: string, path: string): boolean {
	if (granted === null || !path.toLowerCase().startsWith('/api/')) return true;
	const accepted = acceptedScopes(method, path);
	return accepted.length === 0 || accepted.some((s) => granted.includes(s));
}
