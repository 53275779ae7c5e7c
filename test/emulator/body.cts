/**
 * Request body reading and parsing: JSON, urlencoded, multipart/form-data, else raw text.
 */
import type { IncomingMessage } from 'node:http';
import type { MultipartBody, UploadedFile } from './http.cjs';

export function readRawBody(req: IncomingMessage): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => resolve(Buffer.concat(chunks)));
		req.on('error', reject);
	});
}

export interface ParsedBody {
	/** What handlers get as `ctx.body`. */
	value: unknown;
	/** What is recorded (multipart without file contents). */
	recorded: unknown;
	/** Set when the body could not be parsed as its content type says (e.g. broken JSON). */
	error?: string;
}

export function parseBody(raw: Buffer, contentType: string | undefined): ParsedBody {
	if (raw.length === 0) return { value: undefined, recorded: undefined };
	const type = (contentType ?? '').toLowerCase();
	if (type.includes('json')) {
		const text = raw.toString('utf8');
		try {
			const value: unknown = JSON.parse(text);
			return { value, recorded: value };
		} catch (e) {
			return { value: text, recorded: text, error: `invalid JSON: ${(e as Error).message}` };
		}
	}
	if (type.startsWith('application/x-www-form-urlencoded')) {
		const value = Object.fromEntries(new URLSearchParams(raw.toString('utf8')));
		return { value, recorded: value };
	}
	if (type.startsWith('multipart/form-data')) {
		const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType ?? '');
		if (!boundary)
			return {
				value: raw.toString('latin1'),
				recorded: '(multipart without boundary)',
				error: 'no multipart boundary',
			};
		const value = parseMultipart(raw, boundary[1] ?? boundary[2].trim());
		const recorded = {
			fields: value.fields,
			files: value.files.map(({ name, filename, contentType: ct, size }) => ({
				name,
				filename,
				contentType: ct,
				size,
			})),
		};
		return { value, recorded };
	}
	const text = raw.toString('utf8');
	return { value: text, recorded: text };
}

function parseMultipart(raw: Buffer, boundary: string): MultipartBody {
	const body: MultipartBody = { fields: {}, files: [] };
	const delimiter = Buffer.from(`--${boundary}`);
	let pos = raw.indexOf(delimiter);
	while (pos !== -1) {
		const partStart = pos + delimiter.length;
		if (raw.subarray(partStart, partStart + 2).toString() === '--') break; // closing delimiter
		const next = raw.indexOf(delimiter, partStart);
		if (next === -1) break;
		// A part is "\r\n<headers>\r\n\r\n<content>\r\n" between two delimiters.
		const part = raw.subarray(partStart + 2, next - 2);
		const split = part.indexOf('\r\n\r\n');
		if (split !== -1)
			addPart(body, part.subarray(0, split).toString('utf8'), part.subarray(split + 4));
		pos = next;
	}
	return body;
}

function addPart(body: MultipartBody, headerText: string, content: Buffer): void {
	const headers: Record<string, string> = {};
	for (const line of headerText.split('\r\n')) {
		const colon = line.indexOf(':');
		if (colon > 0)
			headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
	}
	const disposition = headers['content-disposition'] ?? '';
	const name = /\bname="([^"]*)"/i.exec(disposition)?.[1] ?? '';
	const encoded = /\bfilename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
	const filename =
		encoded !== undefined ? safeDecode(encoded) : /\bfilename="([^"]*)"/i.exec(disposition)?.[1];
	if (filename === undefined) {
		body.fields[name] = content.toString('utf8');
		return;
	}
	const file: UploadedFile = {
		name,
		filename,
		contentType: headers['content-type'] ?? 'application/octet-stream',
		size: content.length,
		content: Buffer.from(content),
	};
	body.files.push(file);
}

function safeDecode(text: string): string {
	try {
		return decodeURIComponent(text);
	} catch {
		return text;
	}
}
