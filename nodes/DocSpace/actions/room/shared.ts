/**
 * What several room operations share: fields, tags and quotas, loading a room, background
 * operations on a room, and short views of rooms, members and links.
 */
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { docSpaceCall, docSpaceRequest } from '../../transport/request';
import { roomLocator } from '../common.descriptions';
import { pick, toItems, waitForFinish } from '../helpers';
import { invalidParameter, locatorId, withParameterNotFound } from '../../shared/validation';
import { accessName, roomTypeName } from './access';
import { apiPath } from '../../transport/path';

export const roomParameter: INodeProperties = {
	...roomLocator,
	description: 'The room to work with',
};

/** DocSpace FolderType of the Archive section. */
const ARCHIVE_FOLDER_TYPE = 20;

export const roomPath = (roomId: string, suffix = ''): string =>
	apiPath`files/rooms/${roomId}` + suffix;

/** Loads a room (FolderDto) and checks it really is a room. */
export async function loadRoom(
	this: IExecuteFunctions,
	roomId: string,
	itemIndex: number,
): Promise<IDataObject> {
	const room = await withParameterNotFound(
		this,
		{ kind: 'room', id: roomId },
		itemIndex,
		async () => await docSpaceCall.call(this, { method: 'GET', path: roomPath(roomId), itemIndex }),
	);
	if (room.roomType === undefined || room.roomType === null) {
		throw invalidParameter.call(
			this,
			itemIndex,
			`The parameter “Room” points to “${String(room.title ?? roomId)}”, which is a folder, not a room`,
			'Pick a room from the Rooms section.',
		);
	}
	return room;
}

/** Tags from a comma-separated list: trimmed, without empty or repeated names. */
export function parseTags(value: unknown): string[] {
	const list = Array.isArray(value) ? value.map(String) : String(value ?? '').split(',');
	const seen = new Set<string>();
	const tags: string[] = [];
	for (const raw of list) {
		const tag = raw.trim();
		if (tag && !seen.has(tag.toLowerCase())) {
			seen.add(tag.toLowerCase());
			tags.push(tag);
		}
	}
	return tags;
}

export const BYTES_PER_MB = 1024 * 1024;

export const tagsDescription =
	'Comma-separated tag names; tags the portal does not know yet are created';

/** DocSpace limits room titles to 170 characters. */
export const TITLE_RULES = { maxLength: 170, example: 'Q3 contracts' };

export const denyDownloadField: INodeProperties = {
	displayName: 'Deny Download',
	name: 'denyDownload',
	type: 'boolean',
	default: false,
	description:
		'Whether to stop members and link visitors from downloading, copying and printing the room’s files',
};

export const indexingField: INodeProperties = {
	displayName: 'Indexing',
	name: 'indexing',
	type: 'boolean',
	default: false,
	description:
		'Whether to number the room’s files and folders automatically (virtual data rooms only)',
};

/** Lifetime of files in a virtual data room (RoomDataLifetimeDto). */
export const lifetimeField: INodeProperties = {
	displayName: 'File Lifetime',
	name: 'lifetime',
	type: 'fixedCollection',
	default: {},
	placeholder: 'Add File Lifetime',
	description: 'Delete files automatically once they reach this age (virtual data rooms only)',
	options: [
		{
			displayName: 'Lifetime',
			name: 'settings',
			values: [
				{
					displayName: 'Age',
					name: 'value',
					type: 'number',
					typeOptions: { minValue: 1 },
					default: 30,
					description: 'How old a file may get before it is deleted, in the unit below',
				},
				{
					displayName: 'Unit',
					name: 'period',
					type: 'options',
					// RoomDataLifetimePeriod
					options: [
						{ name: 'Days', value: 0 },
						{ name: 'Months', value: 1 },
						{ name: 'Years', value: 2 },
					],
					default: 0,
				},
				{
					displayName: 'Delete Permanently',
					name: 'deletePermanently',
					type: 'boolean',
					default: false,
					description:
						'Whether to delete expired files for good instead of moving them to the trash',
				},
			],
		},
	],
};

export function lifetimeBody(value: unknown): IDataObject | undefined {
	const settings = (value as IDataObject | undefined)?.settings as IDataObject | undefined;
	if (!settings) return undefined;
	return {
		enabled: true,
		value: Number(settings.value ?? 30),
		period: Number(settings.period ?? 0),
		deletePermanently: settings.deletePermanently === true,
	};
}

/** Runs a room request that starts a background operation and waits for it to finish. */
export async function runRoomOperation(
	this: IExecuteFunctions,
	method: 'PUT' | 'DELETE',
	roomId: string,
	suffix: '' | '/archive' | '/unarchive',
	itemIndex: number,
): Promise<void> {
	const { data } = await withParameterNotFound(
		this,
		{ kind: 'room', id: roomId },
		itemIndex,
		async () =>
			await docSpaceRequest.call(this, {
				method,
				path: roomPath(roomId, suffix),
				body: { deleteAfter: false },
				itemIndex,
			}),
	);
	await waitForFinish.call(
		this,
		(Array.isArray(data) ? data : (data ?? {})) as IDataObject | IDataObject[],
		itemIndex,
	);
}

/** Room → Archive and Unarchive: moves the room and returns it afterwards. */
export async function setArchived(
	this: IExecuteFunctions,
	i: number,
	archived: boolean,
): Promise<INodeExecutionData[]> {
	const roomId = locatorId.call(this, 'room', i);
	await runRoomOperation.call(this, 'PUT', roomId, archived ? '/archive' : '/unarchive', i);
	return toItems.call(this, await loadRoom.call(this, roomId, i));
}

export function isArchived(room: IDataObject): boolean {
	return Number(room.rootFolderType) === ARCHIVE_FOLDER_TYPE;
}

const ROOM_SUMMARY_KEYS = [
	'id',
	'title',
	'roomType',
	'tags',
	'quotaLimit',
	'usedSpace',
	'filesCount',
	'foldersCount',
	'indexing',
	'denyDownload',
	'pinned',
	'created',
	'updated',
] as const;

/** A room record with its type's name beside the number, for reading in n8n's tables. */
export function withRoomTypeName(room: IDataObject): IDataObject {
	const named: IDataObject = {};
	for (const [key, value] of Object.entries(room)) {
		named[key] = value;
		if (key === 'roomType') named.roomTypeName = roomTypeName(value);
	}
	return named;
}

/** Which room a member entry belongs to, put on each item of a member list. */
export function inRoom(room: IDataObject): IDataObject {
	return { roomId: room.id, roomTitle: room.title };
}

/** A short view of a room (FolderDto). */
export function summarizeRoom(room: IDataObject): IDataObject {
	return {
		...pick(room, ROOM_SUMMARY_KEYS),
		roomTypeName: roomTypeName(room.roomType),
		archived: isArchived(room),
	};
}

// SubjectType: 0 User, 1 ExternalLink, 2 Group, 3 InvitationLink, 4 PrimaryExternalLink
const SUBJECT_TYPES: Record<number, string> = {
	0: 'user',
	1: 'externalLink',
	2: 'group',
	3: 'invitationLink',
	4: 'primaryExternalLink',
};

/** A short view of a room member (FileShareDto of a user or a group). */
export function summarizeMember(share: IDataObject): IDataObject {
	const user = share.sharedToUser as IDataObject | undefined;
	const group = share.sharedToGroup as IDataObject | undefined;
	const subject = user ?? group ?? {};
	return {
		id: subject.id,
		name: user ? (user.displayName ?? user.email) : group?.name,
		...(user ? { email: user.email } : {}),
		type: SUBJECT_TYPES[Number(share.subjectType)] ?? share.subjectType,
		access: share.access,
		accessName: accessName(share.access),
		isOwner: share.isOwner === true,
		...(user && Number(user.activationStatus) === 2 ? { pending: true } : {}),
	};
}

/** DocSpace limits link titles to 255 characters. */
export const LINK_TITLE_RULES = { maxLength: 255 };

export const linkTitleField: INodeProperties = {
	displayName: 'Title',
	name: 'title',
	type: 'string',
	default: '',
	placeholder: 'e.g. Link for partners',
	description: 'Name of the link shown in DocSpace',
};

export const linkExpirationField: INodeProperties = {
	displayName: 'Expiration Date',
	name: 'expirationDate',
	type: 'dateTime',
	default: '',
	description: 'When the link stops working; empty means never',
};

/** A short view of a room or file link (FileShareDto with sharedLink). */
export function summarizeLink(share: IDataObject): IDataObject {
	const link = (share.sharedLink ?? {}) as IDataObject;
	return {
		id: link.id,
		title: link.title,
		url: link.shareLink,
		linkType: Number(link.linkType) === 0 ? 'invitation' : 'external',
		access: share.access,
		accessName: accessName(share.access),
		primary: link.primary === true,
		expirationDate: link.expirationDate,
		expired: link.isExpired === true,
		passwordProtected: typeof link.password === 'string' && link.password.length > 0,
		denyDownload: link.denyDownload === true,
		internal: link.internal === true,
	};
}
