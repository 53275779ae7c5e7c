import { appendFileSync } from 'node:fs';

/** The User-Agent the package sends with every DocSpace call. */
const NODE_USER_AGENT = 'n8n-nodes-onlyoffice-docspace';

/**
 * Appends `METHOD path` of each call the nodes make to the file named by DOCSPACE_CALL_LOG
 * (set by the test run; read by the OpenAPI contract test).
 */
export function logNodeCall(method: string, path: string, userAgent: string | undefined): void {
	const file = process.env.DOCSPACE_CALL_LOG;
	if (!file || userAgent !== NODE_USER_AGENT) return;
	appendFileSync(file, `${method} ${path}\n`);
}
