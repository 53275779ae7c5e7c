/**
 * What several room operations share: reading and checking the room locator, tags and
 * quotas, loading a room, and short views of rooms, members and links.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { docSpaceApi, docSpaceRequest } from '../../transport/request';
import { roomLocator, waitTimeLimitOption } from '../common.descriptions';
import { locatorValue, pick } from '../helpers';
import { accessName, roomTypeName } from './access';

export const roomParameter: INodeProperties = { ...roomLocator, description: 'The room to work with' };

const urlMode = roomLocator.modes?.find((m) => m.name === 'url');
const ROOM_URL_PATTERN = urlMode?.extractValue?.type === 'regex' ? urlMode.extractValue.regex : '^https?://';

/** DocSpace FolderType of the Archive section. */
const ARCHIVE_FOLDER_TYPE = 20;

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

export const isGuid = (value: string): boolean => GUID.test(value);
export const isEmail = (value: string): boolean => EMAIL.test(value);

export function invalidParameter(
	this: IExecuteFunctions,
	itemIndex: number,
	message: string,
	description: string,
): NodeOperationError {
	return new NodeOperationError(this.getNode(), message, { itemIndex, description });
}

/** A caught value as a node error: DocSpace errors pass unchanged, anything else is wrapped. */
export function asNodeError(this: IExecuteFunctions, error: unknown, itemIndex: number): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	return new NodeOperationError(this.getNode(), error as Error, { itemIndex });
}

/** The room ID from the Room locator; anything but a number is refused before calling DocSpace. */
export function roomIdOf(this: IExecuteFunctions, itemIndex: number): string {
	const raw = this.getNodeParameter('roomId', itemIndex, undefined, { extractValue: false }) as unknown;
	const mode = (raw as IDataObject | undefined)?.mode;
	const link = String((raw as IDataObject | undefined)?.value ?? '').trim();
	if (mode === 'url' && link && !new RegExp(ROOM_URL_PATTERN).test(link)) {
		throw invalidParameter.call(
			this,
			itemIndex,
			`The parameter “Room” does not hold a DocSpace room link: “${link}”`,
			'Paste the link of the room as DocSpace shows it, e.g. https://yourportal.onlyoffice.com/rooms/shared/123/filter, or pick the room from the list.',
		);
	}
	const value = locatorValue.call(this, 'roomId', itemIndex, 'Room');
	if (!/^\d{1,10}$/.test(value)) {
		throw invalidParameter.call(
			this,
			itemIndex,
			`The parameter “Room” does not hold a room ID or room link: “${value}”`,
			'Pick the room from the list, paste its DocSpace link (e.g. https://yourportal.onlyoffice.com/rooms/shared/123/filter) or enter its number.',
		);
	}
	return value;
}

export const roomPath = (roomId: string, suffix = ''): string =>
	`files/rooms/${encodeURIComponent(roomId)}${suffix}`;

/** Runs a call on a room; DocSpace's 404 becomes an error that names the Room parameter. */
export async function onRoom<T>(context: IExecuteFunctions, roomId: string, itemIndex: number, call: () => Promise<T>): Promise<T> {
	try {
		return await call();
	} catch (error) {
		if (!(error instanceof NodeApiError) || error.httpCode !== '404') throw asNodeError.call(context, error, itemIndex);
		const message = `The parameter “Room” names no room DocSpace can find: “${roomId}”`;
		throw new NodeApiError(context.getNode(), { message, httpCode: '404' }, {
			message,
			description: 'Pick the room from the list, or check the ID or link: the room may have been deleted, or it is not shared with this account.',
			httpCode: '404',
			itemIndex,
		});
	}
}

/** Loads a room (FolderDto) and checks it really is a room. */
export async function loadRoom(this: IExecuteFunctions, roomId: string, itemIndex: number): Promise<IDataObject> {
	const room = await onRoom(this, roomId, itemIndex, async () =>
		await docSpaceApi.call(this, 'GET', roomPath(roomId), undefined, undefined, itemIndex),
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

export const tagsDescription = 'Comma-separated tag names; tags the portal does not know yet are created';

/** The room title, trimmed; empty or overlong titles are refused. */
export function roomTitleOf(this: IExecuteFunctions, value: unknown, itemIndex: number): string {
	const title = String(value ?? '').trim();
	if (!title) {
		throw invalidParameter.call(this, itemIndex, 'The parameter “Title” is empty', 'Enter a name for the room.');
	}
	if (title.length > 170) {
		throw invalidParameter.call(
			this,
			itemIndex,
			`The parameter “Title” is ${title.length} characters long; DocSpace allows 170`,
			'Shorten the room name.',
		);
	}
	return title;
}

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
					description: 'Whether to delete expired files for good instead of moving them to the trash',
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

export const waitOption: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [waitTimeLimitOption],
};

export function waitLimitOf(this: IExecuteFunctions, itemIndex: number): number {
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	return Number(options.waitTimeLimit ?? 300);
}

/** Runs a room request that starts a background operation and returns what DocSpace answered. */
export async function startRoomOperation(
	this: IExecuteFunctions,
	method: 'PUT' | 'DELETE',
	roomId: string,
	suffix: '' | '/archive' | '/unarchive',
	itemIndex: number,
): Promise<IDataObject | IDataObject[]> {
	const { data } = await onRoom(this, roomId, itemIndex, async () =>
		await docSpaceRequest.call(this, { method, path: roomPath(roomId, suffix), body: { deleteAfter: false }, itemIndex }),
	);
	return (Array.isArray(data) ? data : (data ?? {})) as IDataObject | IDataObject[];
}

export function isArchived(room: IDataObject): boolean {
	return Number(room.rootFolderType) === ARCHIVE_FOLDER_TYPE;
}

const ROOM_SUMMARY_KEYS = [
	'id', 'title', 'roomType', 'tags', 'quotaLimit', 'usedSpace', 'filesCount', 'foldersCount', 'indexing',
	'denyDownload', 'pinned', 'created', 'updated',
] as const;

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

/** A short view of a room link (FileShareDto with sharedLink). */
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
