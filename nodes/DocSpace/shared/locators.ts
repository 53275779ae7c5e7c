import type { INodeProperties } from 'n8n-workflow';

/** A DocSpace user or group ID. */
export const GUID_PATTERN =
	'[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';

export type LocatorKind = 'file' | 'folder' | 'room' | 'user' | 'group';

/** How each kind of entity is picked, linked and identified; the node reads locators with these too. */
export interface LocatorSpec {
	name: string;
	displayName: string;
	searchListMethod: string;
	/** A DocSpace link to this kind of entity; the first capture group is the ID. */
	urlPattern: string;
	linkExample: string;
	/** A valid ID of this kind, whole. */
	idPattern: string;
	idExample: string;
	idHint: string;
}

export const locatorSpecs: Record<LocatorKind, LocatorSpec> = {
	file: {
		name: 'fileId',
		displayName: 'File',
		searchListMethod: 'searchFiles',
		urlPattern: '^https?://.+?[?&#][fF]ile[iI][dD]=(\\d+)',
		linkExample: 'https://yourportal.onlyoffice.com/doceditor?fileid=123',
		idPattern: '^\\d{1,10}$',
		idExample: '123',
		idHint: 'The number after fileid= in the file’s link',
	},
	folder: {
		name: 'folderId',
		displayName: 'Folder',
		searchListMethod: 'searchFolders',
		urlPattern: '^https?://.+?(?:[?&#]folder=|/rooms/(?:shared|archived)/)(\\d+)',
		linkExample: 'https://yourportal.onlyoffice.com/rooms/shared/filter?folder=123',
		idPattern: '^(\\d{1,10}|@my)$',
		idExample: '123',
		idHint: 'The number after folder= in the folder’s link, or @my for My documents',
	},
	room: {
		name: 'roomId',
		displayName: 'Room',
		searchListMethod: 'searchRooms',
		urlPattern: '^https?://.+?(?:/rooms/(?:shared|archived)/|[?&#]folder=)(\\d+)',
		linkExample: 'https://yourportal.onlyoffice.com/rooms/shared/123/filter',
		idPattern: '^\\d{1,10}$',
		idExample: '123',
		idHint: 'The number after /rooms/shared/ in the room’s link',
	},
	user: {
		name: 'userId',
		displayName: 'User',
		searchListMethod: 'searchUsers',
		urlPattern: `^https?://.+?(${GUID_PATTERN})`,
		linkExample: 'https://yourportal.onlyoffice.com/accounts/people/filter?user=…',
		idPattern: `^${GUID_PATTERN}$`,
		idExample: '2c0a8e1e-7d6c-4c8e-9a51-1f1f2b0c3d4e',
		idHint: 'The user’s GUID',
	},
	group: {
		name: 'groupId',
		displayName: 'Group',
		searchListMethod: 'searchGroups',
		urlPattern: `^https?://.+?(${GUID_PATTERN})`,
		linkExample: 'https://yourportal.onlyoffice.com/accounts/groups/…/filter',
		idPattern: `^${GUID_PATTERN}$`,
		idExample: '2c0a8e1e-7d6c-4c8e-9a51-1f1f2b0c3d4e',
		idHint: 'The group’s GUID',
	},
};

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
				placeholder: `e.g. ${spec.linkExample}`,
				validation: [
					{
						type: 'regex',
						properties: {
							// n8n tests validation regexes as ^…$; links go on after the ID (e.g. /filter).
							regex: `${spec.urlPattern}.*`,
							errorMessage: `Not a DocSpace link to a ${spec.displayName.toLowerCase()}`,
						},
					},
				],
				extractValue: { type: 'regex', regex: spec.urlPattern },
			},
			{
				displayName: 'ID',
				name: 'id',
				type: 'string',
				placeholder: `e.g. ${spec.idExample}`,
				hint: spec.idHint,
				validation: [
					{
						type: 'regex',
						properties: {
							regex: spec.idPattern,
							errorMessage: `Not a valid ${spec.displayName.toLowerCase()} ID`,
						},
					},
				],
			},
		],
	};
}

export const fileLocator = locator(locatorSpecs.file);
export const folderLocator = locator(locatorSpecs.folder);
export const roomLocator = locator(locatorSpecs.room);
export const userLocator = locator(locatorSpecs.user);
export const groupLocator = locator(locatorSpecs.group);

export const locators: Record<LocatorKind, INodeProperties> = {
	file: fileLocator,
	folder: folderLocator,
	room: roomLocator,
	user: userLocator,
	group: groupLocator,
};

/** A locator whose From List runs another search method, e.g. one that lists only disabled users. */
export function listedBy(base: INodeProperties, searchListMethod: string): INodeProperties {
	return {
		...base,
		modes: base.modes?.map((mode) =>
			mode.name === 'list'
				? { ...mode, typeOptions: { ...mode.typeOptions, searchListMethod } }
				: mode,
		),
	};
}
