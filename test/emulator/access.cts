/**
 * Who may see and change what. A simplified model of DocSpace's FileSecurity:
 * - personal sections (My documents, Trash) belong to their owner only (admins included);
 * - portal admins have full access to every room; others need the room creator role or a
 *   room membership (directly or through a group);
 * - the Rooms and Archive roots are readable by everyone (listings show only visible rooms);
 * - archived rooms are read-only.
 */
import { type Entry, type Folder, type User, FileShare, FolderType } from './model.cjs';
import type { EmulatorState } from './state.cjs';
import { isPublicTemplate, seesPublicTemplate } from './templateStore.cjs';

/** 0 (None) stands for full/owner access, as DocSpace reports it; null = no access at all. */
export function accessTo(state: EmulatorState, user: User, entry: Entry): number | null {
	const root = state.rootOf(entry);
	if (!root) return null;
	if (root.folderType === FolderType.USER || root.folderType === FolderType.Trash) {
		return root.ownerId === user.id ? FileShare.None : null;
	}
	if (root.folderType === FolderType.RoomTemplates) return templateAccess(state, user, entry);
	if (root.folderType !== FolderType.VirtualRooms && root.folderType !== FolderType.Archive)
		return null;
	const room = state.roomOf(entry);
	if (!room) return FileShare.Read; // the section root itself
	const access = roomAccess(state, user, room);
	if (access === null) return null;
	return state.isArchived(room) && access !== FileShare.None ? FileShare.Read : access;
}

export function roomAccess(state: EmulatorState, user: User, room: Folder): number | null {
	if (state.isAdmin(user) || room.createdBy === user.id) return FileShare.None;
	const direct = room.members.find((m) => m.subjectType === 0 && m.subjectId === user.id);
	if (direct) return direct.access === FileShare.None ? null : direct.access;
	const groupIds = new Set(state.groupsOfUser(user.id).map((g) => g.id));
	const viaGroup = room.members.find((m) => m.subjectType === 2 && groupIds.has(m.subjectId));
	return viaGroup && viaGroup.access !== FileShare.None ? viaGroup.access : null;
}

export function canRead(state: EmulatorState, user: User, entry: Entry): boolean {
	return accessTo(state, user, entry) !== null;
}

const WRITE_ACCESS: number[] = [
	FileShare.None,
	FileShare.ReadWrite,
	FileShare.RoomManager,
	FileShare.ContentCreator,
	FileShare.Editing,
];

/** May create, rename or change content. Archived rooms, Trash and the room roots are read-only. */
export function canWrite(state: EmulatorState, user: User, entry: Entry): boolean {
	const access = accessTo(state, user, entry);
	if (access === null || !WRITE_ACCESS.includes(access)) return false;
	const room = state.roomOf(entry);
	if (room) return !state.isArchived(room);
	return state.rootOf(entry)?.folderType === FolderType.USER;
}

/** May manage the room itself or delete entries (room managers and owners). */
export function canManage(state: EmulatorState, user: User, entry: Entry): boolean {
	const access = accessTo(state, user, entry);
	return (
		access === FileShare.None || access === FileShare.RoomManager || access === FileShare.ReadWrite
	);
}

/**
 * Room templates: full access for their creator, read access for the users and groups they were
 * shared with, and for every non-guest when public. Portal admins get no access of their own: another
 * user's private template is refused to them too.
 */
function templateAccess(state: EmulatorState, user: User, entry: Entry): number | null {
	const template = state.roomOf(entry);
	if (!template) return FileShare.Read; // the section root itself
	if (template.createdBy === user.id) return FileShare.None;
	const groupIds = new Set(state.groupsOfUser(user.id).map((g) => g.id));
	const shared = template.members.some(
		(m) =>
			(m.subjectType === 0 ? m.subjectId === user.id : groupIds.has(m.subjectId)) &&
			m.access !== FileShare.None,
	);
	if (shared) return FileShare.Read;
	return isPublicTemplate(state, template.id) && seesPublicTemplate(user) ? FileShare.Read : null;
}
