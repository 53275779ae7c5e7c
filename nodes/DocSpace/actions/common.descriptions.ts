import type { INodeProperties } from 'n8n-workflow';

const GUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';

interface LocatorSpec {
	name: string;
	displayName: string;
	searchListMethod: string;
	/** First capture group is the ID. */
	urlRegex: string;
	urlPlaceholder: string;
	idRegex: string;
	idPlaceholder: string;
	idHint: string;
}

function locator(spec: LocatorSpec): INodeProperties {
	return {
		displayName: spec.displayName,
		name: spec.name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: spec.searchListMethod, searchable: true },
			},
			{
				displayName: 'By URL',
				name: 'url',
				type: 'string',
				placeholder: spec.urlPlaceholder,
				validation: [
					{
						type: 'regex',
						properties: {
							// n8n tests validation regexes as ^…$; links go on after the ID (e.g. /filter).
							regex: `${spec.urlRegex}.*`,
							errorMessage: `Not a DocSpace link to a ${spec.displayName.toLowerCase()}`,
						},
					},
				],
				extractValue: { type: 'regex', regex: spec.urlRegex },
			},
			{
				displayName: 'ID',
				name: 'id',
				type: 'string',
				placeholder: spec.idPlaceholder,
				hint: spec.idHint,
				validation: [
					{
						type: 'regex',
						properties: {
							regex: spec.idRegex,
							errorMessage: `Not a valid ${spec.displayName.toLowerCase()} ID`,
						},
					},
				],
			},
		],
	};
}

export const fileLocator = locator({
	name: 'fileId',
	displayName: 'File',
	searchListMethod: 'searchFiles',
	urlRegex: '^https?://.+?[?&#][fF]ile[iI][dD]=(\\d+)',
	urlPlaceholder: 'e.g. https://yourportal.onlyoffice.com/doceditor?fileid=123',
	idRegex: '^\\d+$',
	idPlaceholder: 'e.g. 123',
	idHint: 'The number after fileid= in the file’s link',
});

export const folderLocator = locator({
	name: 'folderId',
	displayName: 'Folder',
	searchListMethod: 'searchFolders',
	urlRegex: '^https?://.+?(?:[?&#]folder=|/rooms/(?:shared|archived)/)(\\d+)',
	urlPlaceholder: 'e.g. https://yourportal.onlyoffice.com/rooms/shared/filter?folder=123',
	idRegex: '^(\\d+|@my)$',
	idPlaceholder: 'e.g. 123',
	idHint: 'The number after folder= in the folder’s link, or @my for My documents',
});

export const roomLocator = locator({
	name: 'roomId',
	displayName: 'Room',
	searchListMethod: 'searchRooms',
	urlRegex: '^https?://.+?(?:/rooms/(?:shared|archived)/|[?&#]folder=)(\\d+)',
	urlPlaceholder: 'e.g. https://yourportal.onlyoffice.com/rooms/shared/123/filter',
	idRegex: '^\\d+$',
	idPlaceholder: 'e.g. 123',
	idHint: 'The number after /rooms/shared/ in the room’s link',
});

export const userLocator = locator({
	name: 'userId',
	displayName: 'User',
	searchListMethod: 'searchUsers',
	urlRegex: `^https?://.+?(${GUID})`,
	urlPlaceholder: 'e.g. https://yourportal.onlyoffice.com/accounts/people/filter?user=…',
	idRegex: `^${GUID}$`,
	idPlaceholder: 'e.g. 2c0a8e1e-7d6c-4c8e-9a51-1f1f2b0c3d4e',
	idHint: 'The user’s GUID',
});

export const groupLocator = locator({
	name: 'groupId',
	displayName: 'Group',
	searchListMethod: 'searchGroups',
	urlRegex: `^https?://.+?(${GUID})`,
	urlPlaceholder: 'e.g. https://yourportal.onlyoffice.com/accounts/groups/…/filter',
	idRegex: `^${GUID}$`,
	idPlaceholder: 'e.g. 2c0a8e1e-7d6c-4c8e-9a51-1f1f2b0c3d4e',
	idHint: 'The group’s GUID',
});

/** Return All + Limit, for every operation that lists. */
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
