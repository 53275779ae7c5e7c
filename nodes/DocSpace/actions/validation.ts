/**
 * Checks of parameter values that every resource shares: resource locators, required text, dates,
 * emails and GUIDs, and errors that name the parameter at fault.
 */
import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { NodeContext } from '../transport/errors';
import { asNodeError, isNotFound } from '../transport/errors';
import type { LocatorKind } from './common.descriptions';
import { GUID_PATTERN, locatorSpecs } from './common.descriptions';

export type { NodeContext };
export { asNodeError, isNotFound };

/** An error about a parameter's value, for the item at `itemIndex` (none in a trigger). */
export function invalidParameter(
	this: NodeContext,
	itemIndex: number | undefined,
	message: string,
	description: string,
): NodeOperationError {
	return new NodeOperationError(this.getNode(), message, { itemIndex, description });
}


const GUID = new RegExp(`^${GUID_PATTERN}$`);
// No spaces, brackets or separators; a domain with at least one dot and a top-level part of 2+ characters.
const EMAIL = /^[^\s@<>()[\]\\,;:"]+@(?:[^\s@<>()[\]\\,;:".]+\.)+[^\s@<>()[\]\\,;:".]{2,}$/;

export const isGuid = (value: string): boolean => GUID.test(value);
export const isEmail = (value: string): boolean => EMAIL.test(value);

interface TextRules {
	/** The longest value DocSpace accepts. */
	maxLength?: number;
	/** A sample value for the advice on an empty one. */
	example?: string;
}

/** A text parameter, trimmed; empty is allowed, an overlong value is refused. */
export function optionalText(
	this: NodeContext,
	label: string,
	value: unknown,
	itemIndex: number,
	rules: TextRules = {},
): string {
	const text = String(value ?? '').trim();
	if (rules.maxLength !== undefined && text.length > rules.maxLength) {
		throw invalidParameter.call(
			this,
			itemIndex,
			`The parameter “${label}” is ${text.length} characters long; DocSpace allows ${rules.maxLength}`,
			`Shorten it to ${rules.maxLength} characters or fewer.`,
		);
	}
	return text;
}

/** A text parameter that must not be empty, trimmed. */
export function requiredText(
	this: NodeContext,
	label: string,
	value: unknown,
	itemIndex: number,
	rules: TextRules = {},
): string {
	const text = optionalText.call(this, label, value, itemIndex, rules);
	if (!text) {
		const example = rules.example ? `, e.g. ${rules.example}` : '';
		throw invalidParameter.call(this, itemIndex, `The parameter “${label}” is empty`, `Enter the ${label.toLowerCase()}${example}.`);
	}
	return text;
}

/** A required email address, trimmed and checked for its form. */
export function checkedEmail(this: NodeContext, label: string, value: unknown, itemIndex: number): string {
	const email = requiredText.call(this, label, value, itemIndex, { example: 'name@example.com' });
	if (!isEmail(email)) {
		throw invalidParameter.call(
			this,
			itemIndex,
			`The parameter “${label}” is not a valid email address: “${email}”`,
			'Enter an address like name@example.com.',
		);
	}
	return email;
}

/** A file extension parameter, lower case without the dot; empty gives ''. */
export function fileExtension(this: NodeContext, label: string, value: unknown, itemIndex: number): string {
	const extension = String(value ?? '').trim().replace(/^\./, '');
	if (extension && !/^[a-z0-9]{1,10}$/i.test(extension)) {
		throw invalidParameter.call(
			this,
			itemIndex,
			`The parameter “${label}” is not a file extension: “${String(value)}”`,
			'Enter an extension such as pdf, docx or odt.',
		);
	}
	return extension.toLowerCase();
}

/** A date parameter; empty gives undefined. With `future`, a moment that has passed is refused. */
export function dateParameter(
	this: NodeContext,
	label: string,
	value: unknown,
	itemIndex: number,
	options: { future?: boolean } = {},
): Date | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const date = new Date(String(value));
	if (Number.isNaN(date.getTime())) {
		throw invalidParameter.call(
			this,
			itemIndex,
			`The parameter “${label}” is not a valid date: “${String(value)}”`,
			'Pick a date, or enter one like 2030-12-31T18:00:00Z.',
		);
	}
	if (options.future && date.getTime() <= Date.now()) {
		throw invalidParameter.call(
			this,
			itemIndex,
			`The parameter “${label}” is in the past: ${date.toISOString()}`,
			'Choose a moment in the future, or leave it empty for no end date.',
		);
	}
	return date;
}

export interface LocatorParameter {
	/** The parameter's name and label; the plain locator's by default. */
	name?: string;
	label?: string;
	/** For folders: whether @my (My documents) is accepted. It is unless false. */
	allowMy?: boolean;
}

/**
 * The ID in a resource locator value (From list, By URL or By ID, or a plain value from an
 * expression). Empty values, links that are no DocSpace link to that kind of entity and IDs of
 * the wrong form are refused before anything is sent to DocSpace.
 */
export function idFromLocator(
	this: NodeContext,
	kind: LocatorKind,
	raw: unknown,
	itemIndex: number | undefined,
	parameter: LocatorParameter = {},
): string {
	const spec = locatorSpecs[kind];
	const label = parameter.label ?? spec.displayName;
	const locator = typeof raw === 'object' && raw !== null ? (raw as { mode?: unknown; value?: unknown }) : { value: raw };
	const value = typeof locator.value === 'number' ? String(locator.value) : typeof locator.value === 'string' ? locator.value.trim() : '';
	if (!value) {
		throw invalidParameter.call(this, itemIndex, `The parameter “${label}” is empty`, `Pick the ${kind} from the list, paste its DocSpace link, or enter its ID.`);
	}
	let id = value;
	if (locator.mode === 'url') {
		const match = new RegExp(spec.urlPattern).exec(value);
		if (!match) {
			throw invalidParameter.call(
				this,
				itemIndex,
				`The parameter “${label}” does not hold a DocSpace link to a ${kind}: “${value}”`,
				`Paste the ${kind}’s link as DocSpace shows it (e.g. ${spec.linkExample}), pick the ${kind} from the list, or switch to By ID and enter its ID.`,
			);
		}
		id = match[1];
	}
	const my = id.toLowerCase() === '@my';
	if (!new RegExp(spec.idPattern, 'i').test(id) || (my && parameter.allowMy === false)) {
		const hint = my ? 'My documents (@my) cannot be used here' : `${spec.idHint}, e.g. ${spec.idExample}`;
		throw invalidParameter.call(
			this,
			itemIndex,
			`The parameter “${label}” is not a valid ${kind} ID: “${id}”`,
			`${hint}. Pick the ${kind} from the list, paste its DocSpace link, or enter its ID.`,
		);
	}
	return my ? '@my' : id;
}

/** Reads a resource locator parameter of the item and returns the ID it holds (see idFromLocator). */
export function locatorId(this: IExecuteFunctions, kind: LocatorKind, itemIndex: number, parameter: LocatorParameter = {}): string {
	const raw = this.getNodeParameter(parameter.name ?? locatorSpecs[kind].name, itemIndex, '') as unknown;
	return idFromLocator.call(this, kind, raw, itemIndex, parameter);
}

/** The entity a parameter names, for errors about it. */
export interface NamedEntity {
	kind: LocatorKind;
	/** What the parameter holds: an ID, or an email for users. */
	id: string;
	/** The parameter's label; the plain locator's by default. */
	label?: string;
}

/**
 * Runs a DocSpace call about an entity; DocSpace's 404 becomes an error that names the parameter
 * (still a 404). The context is an argument, not `this`, so that the call's result type carries through.
 */
export async function withParameterNotFound<T>(
	context: IExecuteFunctions,
	entity: NamedEntity,
	itemIndex: number,
	call: () => Promise<T>,
): Promise<T> {
	try {
		return await call();
	} catch (error) {
		if (!isNotFound(error)) throw asNodeError.call(context, error, itemIndex);
		const label = entity.label ?? locatorSpecs[entity.kind].displayName;
		const message = `The parameter “${label}” names no ${entity.kind} DocSpace can find: “${entity.id}”`;
		throw new NodeApiError(context.getNode(), { message, httpCode: '404' }, {
			message,
			description: `Check the ${entity.kind} in “${label}”, or pick it from the list: it may have been deleted, or the account of the credential cannot see it.`,
			httpCode: '404',
			itemIndex,
		});
	}
}
