/**
 * What files keep besides the FileEntry entity: chunked upload sessions, external links, and the
 * portal's file settings (chunk size limit, conversion table). Used by the routes/file*.cts modules and
 * routes/upload.cts.
 *
 * For tests (`emulator.state` is the EmulatorState):
 *
 * ```ts
 * const store = fileStore(emulator.state);
 * store.sessions;              // Map uploadId → UploadSession (chunks received so far)
 * store.completed;             // sessions that ended in a file (storedOrder kept, bytes dropped)
 * store.dir;                   // the emulator's temp directory: chunk bytes of open sessions (one file each)
 *                              // next to the stored file contents (`stored-N`, see stored-content.cts)
 * store.maxChunkSize = 1024;   // the uploader refuses bigger chunks (default 10 MiB)
 * fileLinks(emulator.state, fileId);   // the stored RoomLink-shaped external links of a file
 * ```
 */
import { randomUUID } from 'node:crypto';
import { appendFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { open, readFile } from 'node:fs/promises';
import { type FileEntry, extensionOf } from './model.cjs';
import type { RoomLink } from './roomStore.cjs';
import type { EmulatorState } from './state.cjs';
import { StoredContent, type ContentSource } from './stored-content.cjs';
import { getOrCreate } from './get-or-create.cjs';

/** DocSpace's `files:uploader:chunk-size` default. */
export const DEFAULT_MAX_CHUNK_SIZE = 10 * 1024 * 1024;

/** How long an upload session lives after its last chunk (ChunkedUploadSessionHolder.SlidingExpiration). */
export const SESSION_LIFETIME_MS = 12 * 60 * 60 * 1000;

/** Default lifetime of a new external link to a file (`externalLink:defaultLifetime`). */
export const DEFAULT_FILE_LINK_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

export interface UploadSession {
	id: string;
	userId: string;
	/** create_session: the target folder. */
	folderId: number;
	/** edit_session: the file that gets a new version. */
	fileId?: number;
	fileName: string;
	bytesTotal: number;
	createNewIfExist: boolean;
	/** Bytes the appending `ChunkedUploader.ashx` stored (in its session file), in arrival order. */
	appended: number;
	/** What the numbered REST routes stored: chunk number → its size (a resent number replaces its file). */
	numbered: Map<number, number>;
	/** Chunk numbers in the order they were stored (with repeats). */
	storedOrder: number[];
	bytesUploaded: number;
	created: Date;
	expires: Date;
}

/**
 * FilesSettingsDto.extsConvertible: source extension → extensions the portal converts it to
 * (a subset of DocSpace's table).
 */
export const EXTS_CONVERTIBLE: Record<string, string[]> = {
	'.doc': ['.docx', '.odt', '.pdf', '.rtf', '.txt'],
	'.docx': [
		'.docm',
		'.dotx',
		'.epub',
		'.fb2',
		'.html',
		'.md',
		'.odt',
		'.ott',
		'.pdf',
		'.rtf',
		'.txt',
	],
	'.odt': ['.docx', '.pdf', '.rtf', '.txt'],
	'.rtf': ['.docx', '.odt', '.pdf', '.txt'],
	'.txt': ['.docx', '.odt', '.pdf', '.rtf'],
	'.md': ['.docx', '.odt', '.pdf', '.txt'],
	'.html': ['.docx', '.odt', '.pdf', '.rtf', '.txt'],
	'.xls': ['.csv', '.ods', '.pdf', '.xlsx'],
	'.xlsx': ['.csv', '.ods', '.ots', '.pdf', '.xlsm', '.xltx'],
	'.ods': ['.csv', '.pdf', '.xlsx'],
	'.csv': ['.ods', '.pdf', '.xlsx'],
	'.ppt': ['.odp', '.pdf', '.pptx'],
	'.pptx': ['.odp', '.otp', '.pdf', '.potx', '.pptm'],
	'.odp': ['.pdf', '.pptx'],
	'.pdf': ['.docx'],
};

export interface FileStore {
	sessions: Map<string, UploadSession>;
	/** Completed sessions (their bytes dropped), oldest first. */
	completed: UploadSession[];
	/** External links by file id. */
	links: Map<number, RoomLink[]>;
	/** Chunks above this many bytes are refused by the uploader. */
	maxChunkSize: number;
	/** The emulator's temp directory (`state.storage`), holding the chunk bytes of open sessions. */
	readonly dir: string | undefined;
}

const stores = new WeakMap<EmulatorState, FileStore>();

export function fileStore(state: EmulatorState): FileStore {
	let store = stores.get(state);
	if (!store) {
		store = {
			sessions: new Map(),
			completed: [],
			links: new Map(),
			maxChunkSize: DEFAULT_MAX_CHUNK_SIZE,
			get dir() {
				return state.storage.path;
			},
		};
		stores.set(state, store);
	}
	return store;
}

function sessionFile(
	state: EmulatorState,
	session: UploadSession,
	part: number | 'appended',
): string {
	return state.storage.pathOf(`${session.id}.${part}`);
}

/** Stores numbered chunk `number` of the session on disk, replacing what that number held. */
export function storeNumberedChunk(
	state: EmulatorState,
	session: UploadSession,
	number: number,
	bytes: Buffer,
): void {
	writeFileSync(sessionFile(state, session, number), bytes);
	session.numbered.set(number, bytes.length);
}

/** Appends a chunk to the session's file, as the appending uploader does (a chunk sent twice is stored twice). */
export function appendChunk(state: EmulatorState, session: UploadSession, bytes: Buffer): void {
	appendFileSync(sessionFile(state, session, 'appended'), bytes);
	session.appended += bytes.length;
}

/**
 * Turns the session's bytes into a stored content: numbered chunks 1…K joined on disk (chunk 1's
 * file becomes the content, the others are appended one at a time), else the appended file as is.
 * The session's files are gone afterwards.
 */
export async function takeSessionContent(
	state: EmulatorState,
	session: UploadSession,
): Promise<StoredContent> {
	const { storage } = state;
	if (session.numbered.size === 0) {
		return session.appended > 0
			? storage.adopt(sessionFile(state, session, 'appended'), session.appended)
			: storage.write(Buffer.alloc(0));
	}
	const target = storage.reserve();
	renameSync(sessionFile(state, session, 1), target);
	let size = session.numbered.get(1) ?? 0;
	const output = await open(target, 'a');
	try {
		for (let n = 2; n <= session.numbered.size; n++) {
			const chunk = sessionFile(state, session, n);
			const bytes = await readFile(chunk);
			await output.appendFile(bytes);
			size += bytes.length;
			rmSync(chunk, { force: true });
		}
	} finally {
		await output.close();
	}
	return new StoredContent(target, size);
}

/** Removes the session's files (its bytes), keeping its record. */
export function dropSessionFiles(state: EmulatorState, session: UploadSession): void {
	if (!state.storage.path) return;
	for (const n of session.numbered.keys()) rmSync(sessionFile(state, session, n), { force: true });
	rmSync(sessionFile(state, session, 'appended'), { force: true });
}

/** The stored external links of a file (the live array). */
export function fileLinks(state: EmulatorState, fileId: number): RoomLink[] {
	const { links } = fileStore(state);
	return getOrCreate(links, fileId, () => []);
}

export function newSessionId(): string {
	return randomUUID();
}

/** The file of this title (any case, as DocSpace's database compares) directly in the folder. */
export function fileByTitle(
	state: EmulatorState,
	folderId: number,
	title: string,
): FileEntry | undefined {
	const wanted = title.toLowerCase();
	return state.childrenOf(folderId).files.find((f) => f.title.toLowerCase() === wanted);
}

/**
 * Stores `content` as `title` in the folder: a new version of the file with that title unless
 * `createNewIfExist`, else a new file (numbered when the title is taken).
 */
export function saveFile(
	state: EmulatorState,
	input: {
		folderId: number;
		title: string;
		content: ContentSource;
		createNewIfExist: boolean;
		userId: string;
		isForm?: boolean;
	},
): FileEntry {
	const { folderId, title, content, userId } = input;
	const existing = fileByTitle(state, folderId, title);
	return existing && !input.createNewIfExist
		? state.addFileVersion(existing.id, content, userId)
		: state.createFile({
				title: availableTitle(state, folderId, title),
				folderId,
				createdBy: userId,
				content,
				isForm: input.isForm,
			});
}

/** `Name.ext`, or `Name (1).ext`, `Name (2).ext`… when the folder already has that title. */
export function availableTitle(state: EmulatorState, folderId: number, title: string): string {
	if (!fileByTitle(state, folderId, title)) return title;
	const ext = extensionOf(title);
	const base = ext ? title.slice(0, title.length - ext.length) : title;
	for (let n = 1; ; n++) {
		const candidate = `${base} (${n})${ext}`;
		if (!fileByTitle(state, folderId, candidate)) return candidate;
	}
}
