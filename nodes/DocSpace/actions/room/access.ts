/**
 * Room types and the access levels (DocSpace FileShare values) each room type allows,
 * shared by the parameter options and the checks made before calling DocSpace.
 */
import type { INodePropertyOptions } from 'n8n-workflow';

export const RoomType = {
	FormFilling: 1,
	Collaboration: 2,
	Custom: 5,
	Public: 6,
	VirtualDataRoom: 8,
	Ai: 9,
} as const;

export type RoomTypeValue = (typeof RoomType)[keyof typeof RoomType];

export const ROOM_TYPES: Array<{ value: RoomTypeValue; name: string; description: string }> = [
	{
		value: RoomType.Ai,
		name: 'AI Room',
		description: 'Chat with an AI assistant over the room’s documents',
	},
	{
		value: RoomType.Collaboration,
		name: 'Collaboration Room',
		description: 'Co-author documents with the room members',
	},
	{
		value: RoomType.Custom,
		name: 'Custom Room',
		description: 'Any custom purpose, with every access level available',
	},
	{
		value: RoomType.FormFilling,
		name: 'Form Filling Room',
		description: 'Collect PDF forms filled in by members or by anyone with the link',
	},
	{
		value: RoomType.Public,
		name: 'Public Room',
		description: 'Share documents with anyone through external links',
	},
	{
		value: RoomType.VirtualDataRoom,
		name: 'Virtual Data Room',
		description: 'Keep sensitive documents with indexing, watermarks and automatic deletion',
	},
];

export function roomTypeName(type: unknown): string {
	return ROOM_TYPES.find((t) => t.value === Number(type))?.name ?? `room type ${String(type)}`;
}

export const roomTypeOptions: INodePropertyOptions[] = ROOM_TYPES.map(
	({ name, value, description }) => ({
		name,
		value,
		description,
	}),
);

export const FileShare = {
	None: 0,
	Read: 2,
	Review: 5,
	Comment: 6,
	FillForms: 7,
	CustomFilter: 8,
	RoomManager: 9,
	Editing: 10,
	ContentCreator: 11,
} as const;

interface AccessLevel {
	value: number;
	name: string;
	description: string;
	/** Room types in which a user may get this level as a member. */
	memberRooms: RoomTypeValue[];
}

const ALL_ROOMS: RoomTypeValue[] = [1, 2, 5, 6, 8, 9];

/** Member roles (users and groups; groups never get Room Manager). */
export const MEMBER_ACCESS_LEVELS: AccessLevel[] = [
	{
		value: FileShare.Comment,
		name: 'Commenter',
		description: 'Read and comment',
		memberRooms: [RoomType.Custom],
	},
	{
		value: FileShare.ContentCreator,
		name: 'Content Creator',
		description: 'Create and edit files in the room',
		memberRooms: ALL_ROOMS,
	},
	{
		value: FileShare.Editing,
		name: 'Editor',
		description: 'Edit the files of the room',
		memberRooms: [RoomType.Custom, RoomType.Collaboration, RoomType.VirtualDataRoom],
	},
	{
		value: FileShare.FillForms,
		name: 'Form Filler',
		description: 'Fill in and submit forms',
		memberRooms: [RoomType.FormFilling, RoomType.VirtualDataRoom],
	},
	{
		value: FileShare.Review,
		name: 'Reviewer',
		description: 'Read and review with tracked changes',
		memberRooms: [RoomType.Custom],
	},
	{
		value: FileShare.RoomManager,
		name: 'Room Manager',
		description:
			'Manage the room, its members and links (room admins and DocSpace admins only, not groups)',
		memberRooms: ALL_ROOMS,
	},
	{
		value: FileShare.Read,
		name: 'Viewer',
		description: 'Read only',
		memberRooms: [RoomType.Custom, RoomType.Collaboration, RoomType.VirtualDataRoom, RoomType.Ai],
	},
];

export type Subject = 'user' | 'group';

export function accessName(value: unknown): string {
	if (Number(value) === FileShare.None) return 'None';
	return (
		MEMBER_ACCESS_LEVELS.find((a) => a.value === Number(value))?.name ??
		LINK_ACCESS_LEVELS.find((a) => a.value === Number(value))?.name ??
		`access ${String(value)}`
	);
}

/** The member access levels valid in a room type for a user or a group. */
export function memberAccessFor(roomType: number, subject: Subject): AccessLevel[] {
	return MEMBER_ACCESS_LEVELS.filter(
		(a) =>
			a.memberRooms.includes(roomType as RoomTypeValue) &&
			!(subject === 'group' && a.value === FileShare.RoomManager),
	);
}

export const memberAccessOptions: INodePropertyOptions[] = MEMBER_ACCESS_LEVELS.map((a) => ({
	name: a.name,
	value: a.value,
	description: `${a.description}. Rooms: ${a.memberRooms.map(roomTypeName).join(', ')}.`,
}));

export const LinkType = { Invitation: 0, External: 1 } as const;

interface LinkAccessLevel {
	value: number;
	name: string;
	description: string;
}

/** Access levels a room link can give (external links open the room without an account). */
export const LINK_ACCESS_LEVELS: LinkAccessLevel[] = [
	{ value: FileShare.Comment, name: 'Commenter', description: 'Read and comment' },
	{
		value: FileShare.ContentCreator,
		name: 'Content Creator',
		description: 'Create and edit files (invitation links only)',
	},
	{
		value: FileShare.CustomFilter,
		name: 'Custom Filter',
		description: 'Edit spreadsheets with a personal filter (external links only)',
	},
	{ value: FileShare.Editing, name: 'Editor', description: 'Edit the files of the room' },
	{ value: FileShare.FillForms, name: 'Form Filler', description: 'Fill in and submit forms' },
	{
		value: FileShare.Review,
		name: 'Reviewer',
		description: 'Read and review with tracked changes',
	},
	{ value: FileShare.Read, name: 'Viewer', description: 'Read only' },
];

export const linkAccessOptions: INodePropertyOptions[] = LINK_ACCESS_LEVELS.map(
	({ name, value, description }) => ({
		name,
		value,
		description,
	}),
);

const EXTERNAL_LINK_ACCESS: number[] = [
	FileShare.Editing,
	FileShare.FillForms,
	FileShare.CustomFilter,
	FileShare.Review,
	FileShare.Comment,
	FileShare.Read,
];

/**
 * Which link kinds a room type takes and the access each may give. Collaboration, virtual data
 * and AI rooms have no external links; form filling rooms have their one primary external link
 * (for filling in forms) and no invitation link.
 */
export const ROOM_LINK_ACCESS: Record<RoomTypeValue, { invitation: number[]; external: number[] }> =
	{
		[RoomType.FormFilling]: { invitation: [], external: [FileShare.FillForms, FileShare.Read] },
		[RoomType.Collaboration]: {
			invitation: [FileShare.ContentCreator, FileShare.Editing, FileShare.Read],
			external: [],
		},
		[RoomType.Custom]: {
			invitation: [
				FileShare.ContentCreator,
				FileShare.Editing,
				FileShare.Review,
				FileShare.Comment,
				FileShare.Read,
			],
			external: EXTERNAL_LINK_ACCESS,
		},
		[RoomType.Public]: {
			invitation: [FileShare.ContentCreator, FileShare.Read],
			external: EXTERNAL_LINK_ACCESS,
		},
		[RoomType.VirtualDataRoom]: {
			invitation: [
				FileShare.ContentCreator,
				FileShare.Editing,
				FileShare.Read,
				FileShare.FillForms,
			],
			external: [],
		},
		[RoomType.Ai]: { invitation: [FileShare.ContentCreator, FileShare.Read], external: [] },
	};

export function linkAccessFor(roomType: number, linkType: number): number[] {
	const entry = ROOM_LINK_ACCESS[roomType as RoomTypeValue];
	if (!entry) return [];
	return linkType === LinkType.Invitation ? entry.invitation : entry.external;
}

/** Names of access values, for messages. */
export function accessNames(values: number[]): string {
	return values.map(accessName).join(', ');
}
