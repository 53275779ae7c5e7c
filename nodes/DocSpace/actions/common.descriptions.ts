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

/** The Filters collection of a listing, holding the given filters. */
export const filtersCollection = (options: INodeProperties[]): INodeProperties => ({
	displayName: 'Filters',
	name: 'filters',
	type: 'collection',
	placeholder: 'Add Filter',
	default: {},
	options,
});

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
export const waitOptions: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [waitTimeLimitOption],
};

/** A text search in a list's Filters (sent as DocSpace's filterValue); spread with a description. */
export const searchFilter: INodeProperties = {
	displayName: 'Search Text',
	name: 'search',
	type: 'string',
	default: '',
	placeholder: 'e.g. report',
	description: 'Only entries whose name contains this text',
};
