/**
 * Checks of parameter values that every resource shares: resource locators, required text, dates,
 * emails and GUIDs, and errors that name the parameter at fault.
 */
import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { NodeContext } from '../transport/errors';
import { asNodeError, isNotFound } from '../transport/errors';
import { noteLinkOrigin } from '../transport/linkOrigins';
import type { LocatorKind } from './locators';
import { GUID_PATTERN, locatorSpecs } from './locators';

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
	/** The name of a file or folder: no path separators. */
	entryName?: boolean;
}

/** What an expression gave, for errors about a value of the wrong type. */
export function typeOf(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'a list';
	if (typeof value === 'object') return 'an object';
	if (typeof value === 'boolean') return `a boolean (${String(value)})`;
	return typeof value;
}

/** Refuses values that are neither text nor a number (objects, lists, booleans from expressions). */
export function scalarText(
	this: NodeContext,
	label: string,
	value: unknown,
	itemIndex: number | undefined,
): string {
	if (value === undefined || value === null) return '';
	if (typeof value === 'string') return value;
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	throw invalidParameter.call(
		this,
		itemIndex,
		`The parameter “${label}” must be text, but the expression gave ${typeOf(value)}`,
		'Change the expression so that it gives text or a number, e.g. pick one property of the object with {{ $json.name }}.',
	);
}

// Zero-width spaces and joiners, word joiner, byte order mark, soft hyphen.
const INVISIBLE = /[\s\u00AD\u200B-\u200F\u2060\uFEFF]/g;
/** The first C0 control character or DEL in `text`, if any. */
function controlCharacter(text: string): number | undefined {
	for (let index = 0; index < text.length; index++) {
		const code = text.charCodeAt(index);
		if (code < 0x20 || code === 0x7f) return code;
	}
	return undefined;
}

/** Names of files and folders: ONLYOFFICE's limit for titles. */
export const ENTRY_NAME_RULES = { maxLength: 170, entryName: true };

/** A text parameter, trimmed; empty is allowed, an overlong value is refused. */
export function optionalText(
	this: NodeContext,
	label: string,
	value: unknown,
	itemIndex: number,
	rules: TextRules = {},
): string {
	const text = scalarText.call(this, label, value, itemIndex).trim();
	if (rules.maxLength !== undefined && text.length > rules.maxLength) {
		throw invalidParameter.call(
			this,
			itemIndex,
			`The parameter “${label}” is ${text.length} characters long; DocSpace allows ${rules.maxLength}`,
			`Shorten it to ${rules.maxLength} characters or fewer.`,
		);
	}
	const control = controlCharacter(text);
	if (control !== undefined) {
		const code = control.toString(16).toUpperCase().padStart(4, '0');
		throw invalidParameter.call(
			this,
			itemIndex,
			`The parameter “${label}” contains a control character (U+${code})`,
			'Remove line breaks, tabs and other control characters from it.',
		);
	}
	if (text && !text.replace(INVISIBLE, '')) {
		throw invalidParameter.call(
			this,
			itemIndex,
			`The parameter “${label}” holds only invisible characters`,
			'Enter visible text; zero-width spaces and similar characters do not make a name.',
		);
	}
	if (rules.entryName && /[/\\]/.test(text)) {
		throw invalidParameter.call(
			this,
			itemIndex,
			`The parameter “${label}” contains a path separator: “${text}”`,
			'A DocSpace name cannot contain “/” or “\\”. Enter the name alone; pick the folder it goes into with the folder parameter.',
		);
	}
	return text;
}

/** A whole-number parameter of at least `min` (a number, or text holding one). */
export function wholeNumber(
	this: NodeContext,
	label: string,
	value: unknown,
	itemIndex: number,
	min: number,
): number {
	const text = scalarText.call(this, label, value, itemIndex).trim();
	const number = text === '' ? Number.NaN : Number(text);
	if (!Number.isInteger(number) || number < min) {
		throw invalidParameter.call(
			this,
			itemIndex,
			`The parameter “${label}” must be a whole number of ${min} or more, not “${text || String(value)}”`,
			`Enter a whole number such as ${min + 1}${min === 0 ? ' (0 means the current one)' : ''}; expressions must give a number.`,
		);
	}
	return number;
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
		throw invalidParameter.call(
			this,
			itemIndex,
			`The parameter “${label}” is empty`,
			`Enter the ${label.toLowerCase()}${example}.`,
		);
	}
	return text;
}

/** Reads the item's text parameter `name` and checks it as requiredText does (`label` in errors). */
export function requiredTextParameter(
	this: IExecuteFunctions,
	name: string,
	label: string,
	itemIndex: number,
	rules: TextRules = {},
): string {
	return requiredText.call(
		this,
		label,
		this.getNodeParameter(name, itemIndex, ''),
		itemIndex,
		rules,
	);
}

/** A required email address, trimmed and checked for its form. */
export function checkedEmail(
	this: NodeContext,
	label: string,
	value: unknown,
	itemIndex: number,
): string {
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
export function fileExtension(
	this: NodeContext,
	label: string,
	value: unknown,
	itemIndex: number,
): string {
	const extension = String(value ?? '')
		.trim()
		.replace(/^\./, '');
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

/** A resource locator's value as n8n keeps it (mode and value), not a plain value from an expression. */
export const isLocatorValue = (raw: unknown): raw is { mode?: unknown; value?: unknown } =>
	typeof raw === 'object' &&
	raw !== null &&
	!Array.isArray(raw) &&
	('__rl' in raw || 'mode' in raw);

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
	const locator = isLocatorValue(raw) ? raw : { value: raw };
	const value = scalarText.call(this, label, locator.value, itemIndex).trim();
	if (!value) {
		throw invalidParameter.call(
			this,
			itemIndex,
			`The parameter “${label}” is empty`,
			`Pick the ${kind} from the list, paste its DocSpace link, or enter its ID.`,
		);
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
		noteLinkOrigin(this, {
			origin: new URL(value).origin,
			mismatch: (portal) => foreignLink.call(this, itemIndex, label, kind, value, portal),
		});
	}
	const my = id.toLowerCase() === '@my';
	if (!new RegExp(spec.idPattern, 'i').test(id) || (my && parameter.allowMy === false)) {
		const hint = my
			? 'My documents (@my) cannot be used here'
			: `${spec.idHint}, e.g. ${spec.idExample}`;
		throw invalidParameter.call(
			this,
			itemIndex,
			`The parameter “${label}” is not a valid ${kind} ID: “${id}”`,
			`${hint}. Pick the ${kind} from the list, paste its DocSpace link, or enter its ID.`,
		);
	}
	return my ? '@my' : id;
}

function foreignLink(
	this: NodeContext,
	itemIndex: number | undefined,
	label: string,
	kind: string,
	link: string,
	portal: string,
): NodeOperationError {
	return invalidParameter.call(
		this,
		itemIndex,
		`The parameter “${label}” links to another portal: ${new URL(link).origin}, not ${portal}`,
		`The credential works with ${portal}; an ID from another portal’s link would name a different ${kind} there. Paste a link of ${portal}, or use a credential of the other portal.`,
	);
}

/** Reads a resource locator parameter of the item and returns the ID it holds (see idFromLocator). */
export function locatorId(
	this: IExecuteFunctions,
	kind: LocatorKind,
	itemIndex: number,
	parameter: LocatorParameter = {},
): string {
	const raw = this.getNodeParameter(
		parameter.name ?? locatorSpecs[kind].name,
		itemIndex,
		'',
	) as unknown;
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
		throw new NodeApiError(
			context.getNode(),
			{ message, httpCode: '404' },
			{
				message,
				description: `Check the ${entity.kind} in “${label}”, or pick it from the list: it may have been deleted, or the account of the credential cannot see it.`,
				httpCode: '404',
				itemIndex,
			},
		);
	}
}
