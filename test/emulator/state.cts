/**
 * The in-memory portal. A plain class: maps of entities plus helpers that route modules reuse.
 * Tests may read and change everything here directly.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import {
	type ApiKey,
	type EmployeeType,
	type Entry,
	type FileEntry,
	type Folder,
	type Group,
	type OAuthClient,
	type OAuthCode,
	type OAuthToken,
	type RoomMember,
	type RoomTypeValue,
	type Session,
	type User,
	FolderType,
	ROOM_FOLDER_TYPE,
} from './model.cjs';
import type { SeedIds } from './seed.cjs';
import {
	type ContentSource,
	ContentDirectory,
	storeContent,
	StoredFile,
	StoredVersion,
} from './stored-content.cjs';

export interface NewUser {
	email: string;
	password: string;
	firstName: string;
	lastName: string;
	type: EmployeeType;
	id?: string;
	status?: 1 | 2;
	activationStatus?: 0 | 1 | 2 | 4;
	isOwner?: boolean;
	createdBy?: string;
	created?: Date;
}

export interface NewFolder {
	title: string;
	parentId: number;
	createdBy: string;
	folderType?: number;
	created?: Date;
	tags?: string[];
}

export interface NewRoom {
	title: string;
	roomType: RoomTypeValue;
	createdBy: string;
	members?: RoomMember[];
	tags?: string[];
	quotaLimit?: number;
	created?: Date;
	/** Put the room straight into the Archive. */
	archived?: boolean;
}

export interface NewFile {
	title: string;
	folderId: number;
	createdBy: string;
	/** Bytes, or a stored content the file takes over (e.g. `state.storage.copy(other.stored)`). */
	content?: ContentSource;
	created?: Date;
	isForm?: boolean;
}

/** Section roots shared by all users. */
export interface PortalRoots {
	virtualRooms: number;
	archive: number;
}

export class EmulatorState {
	/** Set by the server once it listens, e.g. `http://127.0.0.1:43123`. */
	portalUrl = '';
	/** Added to the wall clock by `now()`; tests move time with `advanceClock()`. */
	clockOffsetMs = 0;
	/** HS256 key of the OAuth server's access tokens. */
	readonly jwtSecret = randomBytes(32);

	readonly users = new Map<string, User>();
	readonly groups = new Map<string, Group>();
	readonly folders = new Map<number, Folder>();
	readonly files = new Map<number, FileEntry>();
	/** By key id. */
	readonly apiKeys = new Map<string, ApiKey>();
	/** By token. */
	readonly sessions = new Map<string, Session>();
	readonly oauth = {
		clients: new Map<string, OAuthClient>(),
		codes: new Map<string, OAuthCode>(),
		/** By jti. */
		accessTokens: new Map<string, OAuthToken>(),
		refreshTokens: new Map<string, OAuthToken>(),
		/** The user `/oauth2/authorize` approves as; defaults to the portal owner. */
		approveAsUserId: undefined as string | undefined,
	};

	/** The temp directory holding every stored file content (and upload session chunks). */
	readonly storage = new ContentDirectory();

	readonly roots: PortalRoots;
	/** Ids of notable seed entities (see seed.cts); zero/empty values when not seeded. */
	seedIds!: SeedIds;

	private nextFolderId = 1;
	/** Files get their own id sequence, as in DocSpace; it starts higher so ids rarely collide. */
	private nextFileId = 1000;

	constructor(readonly accessTokenTtlSeconds = 3600) {
		const system = '00000000-0000-0000-0000-000000000000';
		this.roots = {
			virtualRooms: this.createFolder({
				title: 'Rooms',
				parentId: 0,
				createdBy: system,
				folderType: FolderType.VirtualRooms,
			}).id,
			archive: this.createFolder({
				title: 'Archive',
				parentId: 0,
				createdBy: system,
				folderType: FolderType.Archive,
			}).id,
		};
	}

	now(): Date {
		return new Date(Date.now() + this.clockOffsetMs);
	}

	advanceClock(ms: number): void {
		this.clockOffsetMs += ms;
	}

	// ---- users and groups ----

	/** Creates a user; non-guests also get their own My documents and Trash. */
	createUser(input: NewUser): User {
		const user: User = {
			id: input.id ?? randomUUID(),
			email: input.email,
			password: input.password,
			firstName: input.firstName,
			lastName: input.lastName,
			userName: input.email.split('@')[0],
			type: input.type,
			status: input.status ?? 1,
			activationStatus: input.activationStatus ?? 1,
			isOwner: input.isOwner ?? false,
			cultureName: 'en-US',
			created: input.created ?? this.now(),
			createdBy: input.createdBy,
		};
		this.users.set(user.id, user);
		if (user.type !== 'Guest') {
			for (const [title, folderType] of [
				['My documents', FolderType.USER],
				['Trash', FolderType.Trash],
			] as const) {
				const root = this.createFolder({
					title,
					parentId: 0,
					createdBy: user.id,
					folderType,
					created: user.created,
				});
				root.ownerId = user.id;
			}
		}
		return user;
	}

	getUser(id: string): User | undefined {
		return this.users.get(id);
	}

	findUserByEmail(email: string): User | undefined {
		const wanted = email.trim().toLowerCase();
		for (const user of this.users.values()) if (user.email.toLowerCase() === wanted) return user;
		return undefined;
	}

	owner(): User {
		for (const user of this.users.values()) if (user.isOwner) return user;
		throw new Error('the portal has no owner');
	}

	/** DocSpace admins (including the owner) see and manage everything outside personal sections. */
	isAdmin(user: User): boolean {
		return user.isOwner || user.type === 'DocSpaceAdmin';
	}

	createGroup(input: {
		name: string;
		managerId?: string;
		memberIds?: string[];
		id?: string;
		created?: Date;
	}): Group {
		const group: Group = {
			id: input.id ?? randomUUID(),
			name: input.name,
			managerId: input.managerId,
			memberIds: [...(input.memberIds ?? [])],
			created: input.created ?? this.now(),
		};
		this.groups.set(group.id, group);
		return group;
	}

	groupsOfUser(userId: string): Group[] {
		return [...this.groups.values()].filter(
			(g) => g.memberIds.includes(userId) || g.managerId === userId,
		);
	}

	// ---- folders, rooms, files ----

	createFolder(input: NewFolder): Folder {
		const at = input.created ?? this.now();
		const folder: Folder = {
			kind: 'folder',
			id: this.nextFolderId++,
			title: input.title,
			parentId: input.parentId,
			folderType: input.folderType ?? FolderType.Default,
			created: at,
			createdBy: input.createdBy,
			updated: at,
			updatedBy: input.createdBy,
			tags: [...(input.tags ?? [])],
			members: [],
			pinned: false,
			private: false,
			indexing: false,
			denyDownload: false,
		};
		this.folders.set(folder.id, folder);
		return folder;
	}

	createRoom(input: NewRoom): Folder {
		const room = this.createFolder({
			title: input.title,
			parentId: input.archived ? this.roots.archive : this.roots.virtualRooms,
			createdBy: input.createdBy,
			folderType: ROOM_FOLDER_TYPE[input.roomType],
			created: input.created,
			tags: input.tags,
		});
		room.roomType = input.roomType;
		room.members = [...(input.members ?? [])];
		room.quotaLimit = input.quotaLimit;
		return room;
	}

	createFile(input: NewFile): FileEntry {
		const at = input.created ?? this.now();
		const stored = storeContent(this.storage, input.content ?? Buffer.alloc(0));
		const id = this.nextFileId++;
		const file = new StoredFile({
			id,
			title: input.title,
			folderId: input.folderId,
			created: at,
			createdBy: input.createdBy,
			isForm: input.isForm ?? false,
			first: new StoredVersion(this.storage, stored, 1, at, input.createdBy, ''),
		});
		this.files.set(id, file);
		return file;
	}

	/**
	 * Stores new content (bytes, or a stored content it takes over) as a new version (DocSpace's
	 * default on re-upload) and returns the file.
	 */
	addFileVersion(fileId: number, content: ContentSource, userId: string, comment = ''): FileEntry {
		const file = this.files.get(fileId);
		if (!file) throw new Error(`no file ${fileId}`);
		const at = this.now();
		const stored = storeContent(this.storage, content);
		file.version += 1;
		file.versionGroup += 1;
		file.versions.push(new StoredVersion(this.storage, stored, file.version, at, userId, comment));
		file.updated = at;
		file.updatedBy = userId;
		return file;
	}

	/** Forgets a file and deletes the disk files of all its versions. */
	removeFile(fileId: number): void {
		const file = this.files.get(fileId);
		if (!file) return;
		this.files.delete(fileId);
		for (const version of file.versions) this.storage.discard(version.stored);
	}

	getFolder(id: number): Folder | undefined {
		return this.folders.get(id);
	}

	getFile(id: number): FileEntry | undefined {
		return this.files.get(id);
	}

	isRoom(folder: Folder): boolean {
		return folder.roomType !== undefined;
	}

	isArchived(room: Folder): boolean {
		return room.parentId === this.roots.archive;
	}

	/** Direct children, folders and files. */
	childrenOf(folderId: number): { folders: Folder[]; files: FileEntry[] } {
		const folders = [...this.folders.values()].filter((f) => f.parentId === folderId);
		const files = [...this.files.values()].filter((f) => f.folderId === folderId);
		return { folders, files };
	}

	/** All descendants at any depth, folders and files. */
	descendantsOf(folderId: number): { folders: Folder[]; files: FileEntry[] } {
		const folders: Folder[] = [];
		const files: FileEntry[] = [];
		const queue = [folderId];
		while (queue.length > 0) {
			const children = this.childrenOf(queue.shift() as number);
			folders.push(...children.folders);
			files.push(...children.files);
			queue.push(...children.folders.map((f) => f.id));
		}
		return { folders, files };
	}

	/** The folder chain from the section root down to `folderId` (inclusive). */
	pathOf(folderId: number): Folder[] {
		const chain: Folder[] = [];
		for (
			let f = this.folders.get(folderId);
			f;
			f = f.parentId ? this.folders.get(f.parentId) : undefined
		) {
			chain.unshift(f);
		}
		return chain;
	}

	/** The section root (My documents, Trash, Rooms, Archive) an entry lives in. */
	rootOf(entry: Entry): Folder | undefined {
		const parentId = entry.kind === 'file' ? entry.folderId : entry.id;
		return this.pathOf(parentId)[0];
	}

	/** The room an entry lives in (or is), if any. */
	roomOf(entry: Entry): Folder | undefined {
		const parentId = entry.kind === 'file' ? entry.folderId : entry.id;
		return this.pathOf(parentId).find((f) => this.isRoom(f));
	}

	sectionOf(userId: string, folderType: number): Folder | undefined {
		for (const f of this.folders.values()) {
			if (f.parentId === 0 && f.folderType === folderType && f.ownerId === userId) return f;
		}
		return undefined;
	}

	myDocumentsOf(userId: string): Folder | undefined {
		return this.sectionOf(userId, FolderType.USER);
	}

	trashOf(userId: string): Folder | undefined {
		return this.sectionOf(userId, FolderType.Trash);
	}

	// ---- credentials ----

	/** Creates an API key; pass `key` for a fixed secret, otherwise a random one is made. */
	createApiKey(input: {
		userId: string;
		name: string;
		permissions?: string[];
		key?: string;
		expiresAt?: Date | null;
	}): ApiKey {
		const apiKey: ApiKey = {
			id: randomUUID(),
			name: input.name,
			key: input.key ?? `sk-${randomBytes(24).toString('hex')}`,
			permissions: [...(input.permissions ?? [])],
			userId: input.userId,
			isActive: true,
			expiresAt: input.expiresAt ?? null,
			created: this.now(),
			lastUsed: null,
		};
		this.apiKeys.set(apiKey.id, apiKey);
		return apiKey;
	}

	findApiKey(key: string): ApiKey | undefined {
		for (const k of this.apiKeys.values()) if (k.key === key) return k;
		return undefined;
	}

	/** A session token as `POST /authentication` returns it (hex, never JWT-like, never `sk-`). */
	createSession(
		userId: string,
		options: { token?: string; expiresAt?: Date | null } = {},
	): Session {
		const session: Session = {
			token: options.token ?? randomBytes(32).toString('hex'),
			userId,
			expiresAt:
				options.expiresAt === undefined
					? new Date(this.now().getTime() + 365 * 86400_000)
					: options.expiresAt,
		};
		this.sessions.set(session.token, session);
		return session;
	}

	createOAuthClient(client: OAuthClient): OAuthClient {
		this.oauth.clients.set(client.clientId, client);
		return client;
	}
}

/** A stable pseudo-random secret for a label, so sandbox credentials survive restarts. */
export function stableSecret(label: string, length = 40): string {
	return createHash('sha256').update(`docspace-emulator:${label}`).digest('hex').slice(0, length);
}
