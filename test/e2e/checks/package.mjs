// a. The package is loaded: n8n lists our node types and credential types.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { CRED_TYPES, NODE_TYPE, PKG, TRIGGER_TYPE, USER_FOLDER } from '../lib/config.mjs';
import { communityNodesDir } from '../lib/n8n.mjs';
import { assert, check, skip } from '../lib/report.mjs';

/** Returns what later checks need: whether n8n knows the trigger, which files the package declares, n8n's credential types. */
export async function packageChecks(ctx) {
	const { n8n } = ctx;
	let nodeTypes = [];
	// the node types the packed package declares (dist/nodes/X/Name.node.js -> <pkg>.<name>)
	const declared =
		JSON.parse(readFileSync(join(communityNodesDir(USER_FOLDER), PKG, 'package.json'), 'utf8')).n8n
			?.nodes ?? [];
	const declares = (file) => declared.some((p) => p.endsWith(`/${file}.node.js`));
	await check(
		'n8n loads the package: /types/nodes.json lists the DocSpace action node',
		async () => {
			const r = await n8n.raw('GET', '/types/nodes.json');
			assert(r.status === 200, `/types/nodes.json -> ${r.status}`);
			nodeTypes = r.json;
			const ours = nodeTypes.filter((t) => t.name.startsWith(`${PKG}.`));
			assert(
				ours.some((t) => t.name === NODE_TYPE),
				`missing ${NODE_TYPE} (n8n knows ${ours.map((t) => t.name).join(', ') || `nothing from ${PKG}`})`,
			);
			return `${nodeTypes.length} node types, ours: ${ours.map((t) => t.name.slice(PKG.length + 1)).join(', ')}`;
		},
	);
	if (!declares('DocSpaceTrigger'))
		skip(
			'n8n loads the package: /types/nodes.json lists the DocSpace Trigger node',
			'the package does not declare DocSpaceTrigger.node.js in package.json "n8n.nodes" yet',
		);
	else {
		await check(
			'n8n loads the package: /types/nodes.json lists the DocSpace Trigger node',
			async () => {
				assert(
					nodeTypes.some((t) => t.name === TRIGGER_TYPE),
					`missing ${TRIGGER_TYPE} although package.json declares it`,
				);
			},
		);
	}
	let credentialTypes = [];
	await check(
		'n8n loads the package: /types/credentials.json lists the four credential types',
		async () => {
			const r = await n8n.raw('GET', '/types/credentials.json');
			assert(r.status === 200, `/types/credentials.json -> ${r.status}`);
			credentialTypes = r.json;
			const names = new Set(r.json.map((t) => t.name));
			const missing = Object.values(CRED_TYPES).filter((t) => !names.has(t));
			assert(!missing.length, `missing ${missing.join(', ')}`);
		},
	);
	const hasTrigger = nodeTypes.some((t) => t.name === TRIGGER_TYPE);
	ctx.nodeDisplayName = (type) => nodeTypes.find((t) => t.name === type)?.displayName ?? type;
	return { hasTrigger, declares, credentialTypes };
}
