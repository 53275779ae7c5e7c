import type { ILoadOptionsFunctions } from 'n8n-workflow';

import { locatorSpecs } from '../shared/locators';
import type { LocatorKind } from '../shared/locators';

/** The ID chosen in a locator, or undefined while it is empty, an expression or not an ID. */
export function chosenId(context: ILoadOptionsFunctions, kind: LocatorKind): string | undefined {
	const spec = locatorSpecs[kind];
	let value: unknown;
	try {
		value = context.getCurrentNodeParameter(spec.name, { extractValue: true });
	} catch {
		return undefined;
	}
	const id =
		typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
	return id && !id.startsWith('=') && new RegExp(spec.idPattern, 'i').test(id) ? id : undefined;
}
