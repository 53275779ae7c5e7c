import { appendFileSync } from 'node:fs';

import { USER_AGENT as NODE_USER_AGENT } from '../../nodes/DocSpace/transport/userAgent';

/**
 * Appends `METHOD path name1,name2` (the query parameter names) of each call the nodes make to the file
 * named by DOCSPACE_CALL_LOG (set by the test run; read by the OpenAPI contract test).
 */
export function logNodeCall(
	method: string,
	path: string,
	userAgent: string | undefined,
	query?: URLSearchParams,
): void {
	const file = process.env.DOCSPACE_CALL_LOG;
	if (!file || userAgent !== NODE_USER_AGENT) return;
	const names = [...new Set(query?.keys() ?? [])].join(',');
	appendFileSync(file, `${method} ${path}${names ? ` ${names}` : ''}\n`);
}
