import type { INodeProperties } from 'n8n-workflow';

// The locators are shared by the nodes; they stay importable from here.
export type { LocatorKind, LocatorSpec } from '../shared/locators';
export {
	GUID_PATTERN,
	fileLocator,
	folderLocator,
	groupLocator,
	listedBy,
	locatorSpecs,
	locators,
	roomLocator,
	userLocator,
} from '../shared/locators';

export const returnAllOrLimit: INodeProperties[] = [
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 50,
		description: 'Max number of results to return',
		displayOptions: { show: { returnAll: [false] } },
	},
];

/** Makes the factory of one kind of collection parameter; the factory takes the collection's items. */
const collectionOf =
	(displayName: string, name: string, placeholder: string) =>
	(options: INodeProperties[]): INodeProperties => ({
		displayName,
		name,
		type: 'collection',
		placeholder,
		default: {},
		options,
	});

/** The Filters collection of a listing, holding the given filters. */
export const filtersCollection = collectionOf('Filters', 'filters', 'Add Filter');

/** The Options collection of an operation, holding the given options. */
export const optionsCollection = collectionOf('Options', 'options', 'Add Option');

/** The Additional Fields collection of a create operation: the new entity's optional fields. */
export const additionalFieldsCollection = collectionOf(
	'Additional Fields',
	'additionalFields',
	'Add Field',
);

/** The Update Fields collection of an update operation: the fields it can change. */
export const updateFieldsCollection = collectionOf('Update Fields', 'updateFields', 'Add Field');

export const simplifyOutput: INodeProperties = {
	displayName: 'Simplify',
	name: 'simplify',
	type: 'boolean',
	default: true,
	description: 'Whether to return a simplified version of the response instead of the raw data',
};

/** For operations that wait for a DocSpace background operation (copy, move, delete, archive…). */
export const waitTimeLimitOption: INodeProperties = {
	displayName: 'Wait Time Limit (Seconds)',
	name: 'waitTimeLimit',
	type: 'number',
	typeOptions: { minValue: 1 },
	default: 300,
	description:
		'How long to wait for DocSpace to finish the operation before the node reports it as unfinished',
};

/** The Options collection of operations that wait for a DocSpace background operation. */
export const waitOptions = optionsCollection([waitTimeLimitOption]);

/** A text search in a list's Filters (sent as DocSpace's filterValue); spread with a description. */
export const searchFilter: INodeProperties = {
	displayName: 'Search Text',
	name: 'search',
	type: 'string',
	default: '',
	placeholder: 'e.g. report',
	description: 'Only entries whose name contains this text',
};

/** The Email parameter of an operation that names one person by address; spread with a description. */
export const emailParameter: INodeProperties = {
	displayName: 'Email',
	name: 'email',
	type: 'string',
	placeholder: 'e.g. name@example.com',
	required: true,
	default: '',
};
