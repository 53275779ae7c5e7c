/**
 * What rooms keep besides the Folder entity: sharing links, the data lifetime setting and the
 * portal's tag catalogue; plus the access tables of DocSpace's FileSecurity and the
 * FileShareDto builders for members and links.
 *
 * Tests read the stored links with `roomLinks(emulator.state, roomId)`.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { roomAccess } from './access.cjs';
import { apiDate, type DtoScope } from './dto/format.cjs';
import { employeeFullDto, groupSummaryDto } from './dto/people.cjs';
import {
	type Folder,
	type RoomMember,
	type RoomTypeValue,
	type User,
	FileShare,
	RoomType,
} from './model.cjs';
import type { EmulatorState } from './state.cjs';

/** SubjectType. */
export const SubjectType = {
	User: 0,
	ExternalLink: 1,
	Group: 2,
	InvitationLink: 3,
	PrimaryExternalLink: 4,
} as const;
/** LinkType. */
export const LinkType = { Invitation: 0, External: 1 } as const;

export interface RoomLink {
	id: string;
	/** SubjectType: ExternalLink, InvitationLink or PrimaryExternalLink. */
	subjectType: 1 | 3 | 4;
	title: string;
	access: number;
	expirationDate?: Date;
	password?: string;
	denyDownload: boolean;
	internal: boolean;
	maxUseCount?: number;
	/** The random part of the link URL. */
	key: string;
	createdBy: string;
}

/** RoomDataLifetimeDto. */
export interface RoomLifetime {
	enabled: boolean;
	value: number;
	period: number;
	deletePermanently: boolean;
}

interface RoomExtras {
	links: RoomLink[];
	lifetime?: RoomLifetime;
}

interface PortalExtras {
	rooms: Map<number, RoomExtras>;
	/** The portal-wide tag catalogue (`files/tags`). */
	tags: Set<string>;
}

const portals = new WeakMap<EmulatorState, PortalExtras>();

function portalOf(state: EmulatorState): PortalExtras {
	let extras = portals.get(state);
	if (!extras) {
		extras = { rooms: new Map(), tags: new Set() };
		for (const folder of state.folders.values())
			for (const tag of folder.tags) extras.tags.add(tag);
		portals.set(state, extras);
	}
	return extras;
}

/** Public and form filling rooms come with a primary external link. */
function roomExtrasOf(state: EmulatorState, room: Folder): RoomExtras {
	const portal = portalOf(state);
	let extras = portal.rooms.get(room.id);
	if (!extras) {
		extras = { links: [] };
		portal.rooms.set(room.id, extras);
		if (room.roomType === RoomType.PublicRoom || room.roomType === RoomType.FillingFormsRoom) {
			extras.links.push(
				newLink(room.createdBy, {
					subjectType: SubjectType.PrimaryExternalLink,
					access: room.roomType === RoomType.PublicRoom ? FileShare.Read : FileShare.FillForms,
					title: DEFAULT_LINK_TITLE.external,
				}),
			);
		}
	}
	return extras;
}

export const DEFAULT_LINK_TITLE = { external: 'Shared link', invitation: 'Invitation link' };

export function newLink(
	createdBy: string,
	input: Partial<RoomLink> & Pick<RoomLink, 'subjectType' | 'access' | 'title'>,
): RoomLink {
	return {
		denyDownload: false,
		internal: false,
		...input,
		id: input.id ?? randomUUID(),
		key: randomBytes(12).toString('base64url'),
		createdBy,
	};
}

/** The stored links of a room (the live array: changing it changes the room). */
export function roomLinks(state: EmulatorState, roomId: number): RoomLink[] {
	const room = state.getFolder(roomId);
	if (!room || !state.isRoom(room)) throw new Error(`no room ${roomId}`);
	return roomExtrasOf(state, room).links;
}

export function roomLifetime(state: EmulatorState, room: Folder): RoomLifetime | undefined {
	return roomExtrasOf(state, room).lifetime;
}

export function setRoomLifetime(
	state: EmulatorState,
	room: Folder,
	lifetime: RoomLifetime | undefined,
): void {
	roomExtrasOf(state, room).lifetime = lifetime;
}

export function forgetRoom(state: EmulatorState, roomId: number): void {
	portalOf(state).rooms.delete(roomId);
}

/** The portal's tag catalogue. */
export function portalTags(state: EmulatorState): Set<string> {
	return portalOf(state).tags;
}

// ---- access tables (FileSecurity.AvailableRoomAccesses) ----

const {
	RoomManager,
	ContentCreator,
	Editing,
	Review,
	Comment,
	Read,
	FillForms,
	CustomFilter,
	None,
} = FileShare;

/** Access levels a user may get as a member; groups get the same minus RoomManager. */
export const MEMBER_ACCESS: Record<RoomTypeValue, number[]> = {
	[RoomType.CustomRoom]: [RoomManager, ContentCreator, Editing, Review, Comment, Read],
	[RoomType.PublicRoom]: [RoomManager, ContentCreator],
	[RoomType.FillingFormsRoom]: [RoomManager, ContentCreator, FillForms],
	[RoomType.EditingRoom]: [RoomManager, ContentCreator, Editing, Read],
	[RoomType.VirtualDataRoom]: [RoomManager, ContentCreator, Editing, Read, FillForms],
	[RoomType.AiRoom]: [RoomManager, ContentCreator, Read],
};

const EXTERNAL_LINK_ACCESS = [Editing, FillForms, CustomFilter, Review, Comment, Read];

/** Access levels of links by room type; a missing kind means the room type has no such links. */
export const LINK_ACCESS: Record<RoomTypeValue, { invitation?: number[]; external?: number[] }> = {
	[RoomType.CustomRoom]: {
		invitation: [ContentCreator, Editing, Review, Comment, Read],
		external: EXTERNAL_LINK_ACCESS,
	},
	[RoomType.PublicRoom]: { invitation: [ContentCreator, Read], external: EXTERNAL_LINK_ACCESS },
	[RoomType.FillingFormsRoom]: { external: [FillForms, Read] },
	[RoomType.EditingRoom]: { invitation: [ContentCreator, Editing, Read] },
	[RoomType.VirtualDataRoom]: { invitation: [ContentCreator, Editing, Read, FillForms] },
	[RoomType.AiRoom]: { invitation: [ContentCreator, Read] },
};

/** How many links of a kind a room may hold (FileSecurity link settings). */
export function linkLimit(roomType: RoomTypeValue, subjectType: number): number {
	if (subjectType === SubjectType.InvitationLink) return LINK_ACCESS[roomType].invitation ? 1 : 0;
	if (subjectType === SubjectType.PrimaryExternalLink)
		return LINK_ACCESS[roomType].external ? 1 : 0;
	if (roomType === RoomType.CustomRoom || roomType === RoomType.PublicRoom) return 5;
	return 0;
}

export function memberAccessAllowed(room: Folder, subjectType: number, access: number): boolean {
	if (access === None) return true;
	const allowed = MEMBER_ACCESS[room.roomType as RoomTypeValue] ?? [];
	return allowed.includes(access) && !(subjectType === SubjectType.Group && access === RoomManager);
}

/** FileSecurity.AvailableUserAccesses: portal users and guests cannot be room managers. */
export function userTypeAllows(user: User, access: number): boolean {
	return !(access === RoomManager && (user.type === 'User' || user.type === 'Guest'));
}

/** Room managers (and the owner and portal admins) manage members, links, tags and settings. */
export function canManageRoom(state: EmulatorState, user: User, room: Folder): boolean {
	const access = roomAccess(state, user, room);
	return access === None || access === RoomManager;
}

// ---- DTOs ----

const ROLE_ORDER: number[] = [
	RoomManager,
	ContentCreator,
	Editing,
	Review,
	Comment,
	FillForms,
	Read,
];

/** The room's members in DocSpace's order: owner, managers, groups, users by role, guests, pending invitations. */
export function orderedMembers(state: EmulatorState, room: Folder): RoomMember[] {
	const owner: RoomMember = { subjectId: room.createdBy, subjectType: 0, access: RoomManager };
	const rank = (m: RoomMember): number => {
		if (m.subjectType === SubjectType.Group) return 100;
		const user = state.getUser(m.subjectId);
		if (m.access === RoomManager) return 10;
		if (user?.activationStatus === 2) return 400;
		if (user?.type === 'Guest') return 300;
		return 200 + ROLE_ORDER.indexOf(m.access);
	};
	const visible = room.members.filter(
		(m) =>
			m.access !== None &&
			m.subjectId !== room.createdBy &&
			(m.subjectType === SubjectType.Group
				? state.groups.has(m.subjectId)
				: state.users.has(m.subjectId)),
	);
	return [owner, ...[...visible].sort((a, b) => rank(a) - rank(b))];
}

export function memberShareDto(
	scope: DtoScope,
	room: Folder,
	member: RoomMember,
	manage: boolean,
): Record<string, unknown> {
	const isOwner = member.subjectType === SubjectType.User && member.subjectId === room.createdBy;
	const base = {
		access: member.access,
		isLocked: isOwner,
		isOwner,
		canEditAccess: manage && !isOwner,
		canEditInternal: false,
		canEditDenyDownload: false,
		canEditExpirationDate: false,
		canRevoke: manage && !isOwner,
		subjectType: member.subjectType,
	};
	if (member.subjectType === SubjectType.Group) {
		const group = scope.state.groups.get(member.subjectId);
		return {
			...base,
			sharedToGroup: group ? groupSummaryDto(scope, group) : { id: member.subjectId },
		};
	}
	const user = scope.state.getUser(member.subjectId);
	return { ...base, sharedToUser: user ? employeeFullDto(scope, user) : { id: member.subjectId } };
}

export function isExpired(state: EmulatorState, link: RoomLink): boolean {
	return (
		link.expirationDate !== undefined && link.expirationDate.getTime() <= state.now().getTime()
	);
}

export function linkShareDto(
	scope: DtoScope,
	link: RoomLink,
	manage: boolean,
): Record<string, unknown> {
	const invitation = link.subjectType === SubjectType.InvitationLink;
	return {
		access: link.access,
		sharedLink: {
			id: link.id,
			title: link.title,
			shareLink: invitation
				? `${scope.portalUrl}/rooms/share?key=${link.key}`
				: `${scope.portalUrl}/s/${link.key}`,
			expirationDate: link.expirationDate ? apiDate(link.expirationDate) : undefined,
			linkType: invitation ? LinkType.Invitation : LinkType.External,
			password: manage ? link.password : undefined,
			denyDownload: link.denyDownload,
			isExpired: isExpired(scope.state, link),
			primary: link.subjectType === SubjectType.PrimaryExternalLink,
			internal: link.internal,
			requestToken: invitation ? undefined : link.key,
			maxUseCount: invitation ? link.maxUseCount : undefined,
			currentUseCount: invitation ? 0 : undefined,
		},
		isLocked: false,
		isOwner: false,
		canEditAccess: manage,
		canEditInternal: manage && !invitation,
		canEditDenyDownload: manage && !invitation,
		canEditExpirationDate: manage,
		canRevoke: manage,
		subjectType: link.subjectType,
	};
}
