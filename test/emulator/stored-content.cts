/**
 * Stored file bytes live on disk: every content (each version of each file, each bulk-download
 * archive) is one file `stored-N` in the emulator's temp directory, the directory that also holds
 * the chunk bytes of open upload sessions (see file-store.cts). Nothing keeps the bytes in memory:
 * `file.content` reads them from disk on every access, DTOs use `contentSize`, and downloads stream
 * the file. The directory is made on first use and removed by `emulator.close()` (and, for an
 * emulator that was never closed, when the process exits).
 *
 * For tests (`emulator.state` is the EmulatorState):
 *
 * ```ts
 * const file = emulator.state.getFile(id);
 * file.content;                 // a Buffer read from disk now
 * file.contentSize;             // its size, without reading it
 * file.stored.path;             // the file holding the current version
 * file.versions[0].stored;      // the same for an older version
 * emulator.state.storage.path;  // the temp directory (undefined before the first write)
 * ```
 */
import {
	closeSync,
	copyFileSync,
	createReadStream,
	mkdtempSync,
	openSync,
	readFileSync,
	readSync,
	renameSync,
	rmSync,
	writeFileSync,
	type ReadStream,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FileEntry, FileVersion } from './model.cjs';

/** Read size of download streams: the default 64 KiB pieces make a 200 MiB download about 5 times slower. */
const STREAM_PIECE = 4 * 1024 * 1024;

/** Bytes kept in one file of the emulator's temp directory; never changed once written. */
export class StoredContent {
	constructor(
		readonly path: string,
		readonly size: number,
	) {}

	/** All the bytes (loads the whole file). */
	read(): Buffer {
		return readFileSync(this.path);
	}

	/** At most the first `bytes` bytes. */
	readHead(bytes: number): Buffer {
		const head = Buffer.alloc(Math.min(bytes, this.size));
		const fd = openSync(this.path, 'r');
		try {
			let filled = 0;
			while (filled < head.length) {
				const got = readSync(fd, head, filled, head.length - filled, filled);
				if (got === 0) break;
				filled += got;
			}
			return head.subarray(0, filled);
		} finally {
			closeSync(fd);
		}
	}

	/** A stream of the first `limit` bytes (all of them by default). */
	stream(limit = this.size): ReadStream {
		return createReadStream(this.path, {
			start: 0,
			end: Math.min(limit, this.size) - 1,
			highWaterMark: STREAM_PIECE,
		});
	}
}

/** Directories of live emulators, removed when the process exits in case an emulator was never closed. */
const liveDirectories = new Set<string>();
let exitHookInstalled = false;

function removeLiveDirectoriesAtExit(): void {
	if (exitHookInstalled) return;
	exitHookInstalled = true;
	process.once('exit', () => {
		for (const dir of liveDirectories) rmSync(dir, { recursive: true, force: true });
	});
}

/** The emulator's temp directory and the stored contents in it. */
export class ContentDirectory {
	private dir?: string;
	private nextContent = 1;

	/** The directory, or undefined before anything was written (and after `remove()`). */
	get path(): string | undefined {
		return this.dir;
	}

	/** A path in the directory (made now if needed) for a file of this name. */
	pathOf(name: string): string {
		if (!this.dir) {
			this.dir = mkdtempSync(path.join(tmpdir(), 'docspace-emulator-'));
			liveDirectories.add(this.dir);
			removeLiveDirectoriesAtExit();
		}
		return path.join(this.dir, name);
	}

	private newContentPath(): string {
		return this.pathOf(`stored-${this.nextContent++}`);
	}

	write(bytes: Buffer): StoredContent {
		const target = this.newContentPath();
		writeFileSync(target, bytes);
		return new StoredContent(target, bytes.length);
	}

	/** A new stored copy of `source` (a kernel-side file copy). */
	copy(source: StoredContent): StoredContent {
		const target = this.newContentPath();
		copyFileSync(source.path, target);
		return new StoredContent(target, source.size);
	}

	/** Takes over a file of this directory (e.g. an upload session's bytes) as stored content. */
	adopt(file: string, size: number): StoredContent {
		const target = this.newContentPath();
		renameSync(file, target);
		return new StoredContent(target, size);
	}

	/** A new content path for the caller to write (joined upload chunks, a ZIP archive). */
	reserve(): string {
		return this.newContentPath();
	}

	discard(content: StoredContent): void {
		rmSync(content.path, { force: true });
	}

	/** Removes the directory with everything in it; called when the emulator stops. */
	remove(): void {
		if (!this.dir) return;
		rmSync(this.dir, { recursive: true, force: true });
		liveDirectories.delete(this.dir);
		this.dir = undefined;
	}
}

/** What a new version is stored from: bytes, or a stored content that the version takes over. */
export type ContentSource = Buffer | StoredContent;

export function storeContent(storage: ContentDirectory, source: ContentSource): StoredContent {
	return source instanceof StoredContent ? source : storage.write(source);
}

/** A file version whose bytes are a file on disk. */
export class StoredVersion implements FileVersion {
	constructor(
		private readonly storage: ContentDirectory,
		public stored: StoredContent,
		public version: number,
		public created: Date,
		public createdBy: string,
		public comment: string,
	) {}

	get content(): Buffer {
		return this.stored.read();
	}

	/** Replaces the version's bytes. */
	set content(bytes: Buffer) {
		const previous = this.stored;
		this.stored = this.storage.write(bytes);
		this.storage.discard(previous);
	}

	get contentSize(): number {
		return this.stored.size;
	}
}

export interface StoredFileFields {
	id: number;
	title: string;
	folderId: number;
	created: Date;
	createdBy: string;
	isForm: boolean;
	first: StoredVersion;
}

/** A file whose current content is its last version's file on disk. */
export class StoredFile implements FileEntry {
	readonly kind = 'file';
	id: number;
	title: string;
	folderId: number;
	version = 1;
	versionGroup = 1;
	versions: StoredVersion[];
	created: Date;
	createdBy: string;
	updated: Date;
	updatedBy: string;
	comment = '';
	locked = false;
	isForm: boolean;

	constructor(fields: StoredFileFields) {
		this.id = fields.id;
		this.title = fields.title;
		this.folderId = fields.folderId;
		this.versions = [fields.first];
		this.created = fields.created;
		this.createdBy = fields.createdBy;
		this.updated = fields.created;
		this.updatedBy = fields.createdBy;
		this.isForm = fields.isForm;
	}

	private get current(): StoredVersion {
		return this.versions[this.versions.length - 1];
	}

	get content(): Buffer {
		return this.current.content;
	}

	/** Replaces the current version's bytes (no new version). */
	set content(bytes: Buffer) {
		this.current.content = bytes;
	}

	get contentSize(): number {
		return this.current.contentSize;
	}

	get stored(): StoredContent {
		return this.current.stored;
	}
}
