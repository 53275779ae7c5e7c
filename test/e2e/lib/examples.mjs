// The example workflows users import (examples/*.json), as shipped: imported by `npm start` and run by the
// suite. Also the `{{key}}` filling of the suite's own fixtures (test/e2e/workflows/*.json).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { CRED_TYPES, NODE_TYPE, TRIGGER_TYPE } from './config.mjs';

export function exampleFiles(root) {
	const dir = join(root, 'examples');
	return readdirSync(dir)
		.filter((f) => f.endsWith('.json'))
		.sort()
		.map((f) => join(dir, f));
}

/** An example exactly as shipped: what a user's import hands to n8n. */
export function readExample(file) {
	const { name, nodes, connections, settings } = JSON.parse(readFileSync(file, 'utf8'));
	return { name, nodes, connections, settings };
}

export const isDocSpaceNode = (node) => node.type === NODE_TYPE || node.type === TRIGGER_TYPE;

/** Strings in the example that a user would have to replace before it runs (n8n expressions start with "="). */
export function placeholders(value, at = '') {
	if (typeof value === 'string')
		return value.includes('{{') && !value.startsWith('=') ? [`${at}: ${value.slice(0, 60)}`] : [];
	if (Array.isArray(value)) return value.flatMap((v, i) => placeholders(v, `${at}[${i}]`));
	if (value && typeof value === 'object')
		return Object.entries(value).flatMap(([k, v]) => placeholders(v, `${at}.${k}`));
	return [];
}

/** What picking a credential in every DocSpace node of the editor does to the workflow. */
export function withCredential(workflow, credential) {
	const copy = structuredClone(workflow);
	for (const node of copy.nodes.filter(isDocSpaceNode)) {
		const type = CRED_TYPES[node.parameters.authentication ?? 'apiKey'];
		node.credentials = { [type]: { id: credential.id, name: credential.name } };
	}
	return copy;
}

export function fillTemplate(value, vars) {
	if (typeof value === 'string') {
		return value.replace(/\{\{(\w+)\}\}/g, (m, k) => {
			if (!(k in vars)) throw new Error(`placeholder {{${k}}} has no value`);
			return String(vars[k]);
		});
	}
	if (Array.isArray(value)) return value.map((v) => fillTemplate(v, vars));
	if (value && typeof value === 'object')
		return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fillTemplate(v, vars)]));
	return value;
}
