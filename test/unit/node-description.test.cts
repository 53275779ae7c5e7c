import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { resourceProperty, resources } from '../../nodes/DocSpace/actions/resources';
import { DocSpace } from '../../nodes/DocSpace/DocSpace.node';

const optionsOf = (property: INodeProperties | undefined) =>
	(property?.options ?? []) as INodePropertyOptions[];

describe('the action node’s description', () => {
	const node = new DocSpace().description;

	test('every resource in the dropdown has its operations, and nothing else is registered', () => {
		expect(
			optionsOf(resourceProperty)
				.map((o) => o.value)
				.sort(),
		).toEqual(Object.keys(resources).sort());
	});

	test.each(Object.entries(resources))(
		'%s: each dropdown operation runs, and each runnable operation is in the dropdown',
		(name, resource) => {
			const dropdown = resource.description.find((p) => p.name === 'operation');
			expect(dropdown?.displayOptions?.show?.resource).toEqual([name]);
			const values = optionsOf(dropdown).map((o) => String(o.value));
			expect(values.sort()).toEqual(Object.keys(resource.operations).sort());
			const names = optionsOf(dropdown).map((o) => o.name);
			expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
			for (const option of optionsOf(dropdown)) expect(option.action).toMatch(/^[A-Z][a-z]/);
		},
	);

	test.each(Object.entries(resources))(
		'%s: every parameter is shown only for its own resource and operation',
		(name, resource) => {
			for (const [operation, { description }] of Object.entries(resource.operations)) {
				for (const property of description) {
					expect(property.displayOptions?.show?.resource).toEqual([name]);
					expect(property.displayOptions?.show?.operation).toEqual([operation]);
					expect(property.default).not.toBeUndefined();
				}
			}
		},
	);

	test('no two parameters of one operation share a name', () => {
		for (const resource of Object.values(resources)) {
			for (const { description } of Object.values(resource.operations)) {
				const names = description.map((p) => p.name);
				expect(new Set(names).size).toBe(names.length);
			}
		}
	});

	test('the node is usable as a tool and offers the four credential types by authentication', () => {
		expect(node.usableAsTool).toBe(true);
		expect(node.credentials?.map((c) => [c.name, c.displayOptions?.show?.authentication])).toEqual([
			['docSpaceApiKeyApi', ['apiKey']],
			['docSpaceBasicAuthApi', ['basicAuth']],
			['docSpaceOAuth2Api', ['oAuth2']],
			['docSpacePersonalAccessTokenApi', ['personalAccessToken']],
		]);
	});
});
