import { appendFileSync } from 'node:fs';

import { USER_AGENT as NODE_USER_AGENT } from '../../nodes/DocSpace/transport/userAgent';

/**
 * Appends `METHOD path` of each call the nodes make to the file named by DOCSPACE_CALL_LOG
 * (set by the test run; read by the OpenAPI contract test).
 */
export function logNodeCall(method: string, path: string, userAgent: string | undefined): void {
	const file = process.env.DOCSPACE_CALL_LOG;
	if (!file || userAgent !== NODE_USER_AGENT) return;
	appendFileSync(file, `${method} ${path}\n`);
}
