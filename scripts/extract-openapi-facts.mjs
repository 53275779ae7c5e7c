#!/usr/bin/env node
// Extracts the facts the contract test needs from DocSpace's OpenAPI document: for every operation its
// method, path template and parameter names (path, query, and the top-level request-body fields).
// No descriptions, examples or schemas are kept.
//   node scripts/extract-openapi-facts.mjs <openapi.json> [out.json]
// Default output: test/contract/docspace-openapi.facts.json (committed; the contract test reads it).
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];
const [
	source,
	out = join(
		dirname(fileURLToPath(import.meta.url)),
		'../test/contract/docspace-openapi.facts.json',
	),
] = process.argv.slice(2);
if (!source) {
	console.error('usage: node scripts/extract-openapi-facts.mjs <openapi.json> [out.json]');
	process.exit(2);
}
const spec = JSON.parse(readFileSync(source, 'utf8'));

function resolve(schema) {
	let current = schema;
	for (let hops = 0; current?.$ref && hops < 20; hops++) {
		current = current.$ref
			.replace(/^#\//, '')
			.split('/')
			.reduce((node, key) => node?.[key.replace(/~1/g, '/').replace(/~0/g, '~')], spec);
	}
	return current;
}

/** Top-level field names of a request body, across its media types and allOf parts. */
function bodyFields(requestBody) {
	const names = new Set();
	const visit = (schema) => {
		const s = resolve(schema);
		if (!s) return;
		for (const name of Object.keys(s.properties ?? {})) names.add(name);
		for (const part of s.allOf ?? []) visit(part);
	};
	for (const media of Object.values(resolve(requestBody)?.content ?? {})) visit(media.schema);
	return [...names].sort();
}

const operations = [];
for (const [path, item] of Object.entries(spec.paths ?? {})) {
	for (const method of METHODS) {
		const op = item[method];
		if (!op) continue;
		const params = [...(item.parameters ?? []), ...(op.parameters ?? [])].map(resolve);
		const names = (where) =>
			[...new Set(params.filter((p) => p.in === where).map((p) => p.name))].sort();
		operations.push({
			method: method.toUpperCase(),
			path,
			pathParams: names('path'),
			query: names('query'),
			body: bodyFields(op.requestBody),
		});
	}
}
operations.sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method));

const version = spec.info?.version ?? 'unknown';
const lines = operations.map((op) => `    ${JSON.stringify(op)}`);
writeFileSync(
	out,
	`{\n  "source": "ONLYOFFICE DocSpace OpenAPI document, version ${version}",\n  "operations": [\n${lines.join(',\n')}\n  ]\n}\n`,
);
console.log(`${operations.length} operations from ${source} -> ${out}`);
