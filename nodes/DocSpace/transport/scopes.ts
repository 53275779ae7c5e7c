/**
 * The permission scope DocSpace demands for a call from an API key or OAuth token
 * (DocSpace's own scope map: rooms, files, accounts.self, accounts; anything else needs full access).
 */
export function requiredScope(method: string, path: string): string {
	const access = method.toUpperCase() === 'GET' ? 'read' : 'write';
	const route = path.replace(/^\/+/, '').replace(/^api\/2\.0\//, '');
	if (/^files\/rooms(\/|$)/.test(route)) return `rooms:${access}`;
	if (/^files(\/|$)/.test(route)) return `files:${access}`;
	if (/^people\/@self(\/|$)/.test(route)) return `accounts.self:${access}`;
	if (/^(people|group)(\/|$)/.test(route)) return `accounts:${access}`;
	return `*:${access}`;
}
