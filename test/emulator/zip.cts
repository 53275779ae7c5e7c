/**
 * A ZIP writer (stored entries, no compression), as DocSpace's bulk download builds archives:
 * folders become directory entries `name/`, names are UTF-8 (general purpose flag bit 11).
 * The archive is written to a file, copying each stored content a piece at a time.
 */
import { closeSync, openSync, readSync, writeSync } from 'node:fs';
import { crc32 } from 'node:zlib';
import type { StoredContent } from './stored-content.cjs';

export interface ZipEntry {
	/** Path inside the archive; a directory ends in `/`. */
	name: string;
	content?: StoredContent;
}

const UTF8_FLAG = 0x0800;
const COPY_PIECE = 1024 * 1024;

/** Writes the archive of `entries` to the file `target` and returns its size in bytes. */
export function writeZipArchive(target: string, entries: ZipEntry[]): number {
	const out = openSync(target, 'w');
	try {
		let offset = 0;
		const write = (bytes: Buffer) => {
			writeSync(out, bytes, 0, bytes.length, offset);
			offset += bytes.length;
		};
		const piece = Buffer.alloc(COPY_PIECE);
		const centrals: Buffer[] = [];
		for (const entry of entries) {
			const name = Buffer.from(entry.name, 'utf8');
			const size = entry.content?.size ?? 0;
			const headerAt = offset;
			const local = Buffer.alloc(30);
			local.writeUInt32LE(0x04034b50, 0);
			local.writeUInt16LE(20, 4);
			local.writeUInt16LE(UTF8_FLAG, 6);
			local.writeUInt32LE(size, 18);
			local.writeUInt32LE(size, 22);
			local.writeUInt16LE(name.length, 26);
			write(local);
			write(name);
			let crc = 0;
			if (entry.content && size > 0) {
				const source = openSync(entry.content.path, 'r');
				try {
					for (let copied = 0; copied < size; ) {
						const got = readSync(source, piece, 0, Math.min(COPY_PIECE, size - copied), copied);
						if (got === 0) throw new Error(`${entry.content.path} is shorter than ${size} bytes`);
						const bytes = piece.subarray(0, got);
						crc = crc32(bytes, crc);
						write(bytes);
						copied += got;
					}
				} finally {
					closeSync(source);
				}
			}
			const crcField = Buffer.alloc(4);
			crcField.writeUInt32LE(crc, 0);
			writeSync(out, crcField, 0, 4, headerAt + 14);
			const central = Buffer.alloc(46);
			central.writeUInt32LE(0x02014b50, 0);
			central.writeUInt16LE(20, 4);
			central.writeUInt16LE(20, 6);
			central.writeUInt16LE(UTF8_FLAG, 8);
			central.writeUInt32LE(crc, 16);
			central.writeUInt32LE(size, 20);
			central.writeUInt32LE(size, 24);
			central.writeUInt16LE(name.length, 28);
			central.writeUInt32LE(entry.name.endsWith('/') ? 0x10 : 0, 38);
			central.writeUInt32LE(headerAt, 42);
			centrals.push(central, name);
		}
		const entriesEnd = offset;
		const directory = Buffer.concat(centrals);
		write(directory);
		const end = Buffer.alloc(22);
		end.writeUInt32LE(0x06054b50, 0);
		end.writeUInt16LE(entries.length, 8);
		end.writeUInt16LE(entries.length, 10);
		end.writeUInt32LE(directory.length, 12);
		end.writeUInt32LE(entriesEnd, 16);
		write(end);
		return offset;
	} finally {
		closeSync(out);
	}
}
