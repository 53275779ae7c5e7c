/**
 * Small but structurally real file contents for seed files: OOXML documents are real ZIP
 * archives (stored, uncompressed), PDFs have a header, objects and %%EOF, PNGs are 1×1 images.
 */
import { extensionOf } from './model.cjs';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
	let c = n;
	for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
	return c >>> 0;
});

function crc32(data: Buffer): number {
	let crc = 0xffffffff;
	for (const byte of data) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
	return (crc ^ 0xffffffff) >>> 0;
}

/** A ZIP archive with the entries stored uncompressed. */
export function storedZip(entries: Array<[string, string]>): Buffer {
	const locals: Buffer[] = [];
	const centrals: Buffer[] = [];
	let offset = 0;
	for (const [name, text] of entries) {
		const nameBytes = Buffer.from(name);
		const data = Buffer.from(text);
		const crc = crc32(data);
		const local = Buffer.alloc(30);
		local.writeUInt32LE(0x04034b50, 0);
		local.writeUInt16LE(20, 4);
		local.writeUInt32LE(crc, 14);
		local.writeUInt32LE(data.length, 18);
		local.writeUInt32LE(data.length, 22);
		local.writeUInt16LE(nameBytes.length, 26);
		const central = Buffer.alloc(46);
		central.writeUInt32LE(0x02014b50, 0);
		central.writeUInt16LE(20, 4);
		central.writeUInt16LE(20, 6);
		central.writeUInt32LE(crc, 16);
		central.writeUInt32LE(data.length, 20);
		central.writeUInt32LE(data.length, 24);
		central.writeUInt16LE(nameBytes.length, 28);
		central.writeUInt32LE(offset, 42);
		locals.push(local, nameBytes, data);
		centrals.push(central, nameBytes);
		offset += local.length + nameBytes.length + data.length;
	}
	const centralSize = centrals.reduce((n, b) => n + b.length, 0);
	const end = Buffer.alloc(22);
	end.writeUInt32LE(0x06054b50, 0);
	end.writeUInt16LE(entries.length, 8);
	end.writeUInt16LE(entries.length, 10);
	end.writeUInt32LE(centralSize, 12);
	end.writeUInt32LE(offset, 16);
	return Buffer.concat([...locals, ...centrals, end]);
}

const OOXML: Record<string, { part: string; type: string; xml: (text: string) => string }> = {
	'.docx': {
		part: 'word/document.xml',
		type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml',
		xml: (t) =>
			`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>${t}</w:t></w:r></w:p></w:body></w:document>`,
	},
	'.xlsx': {
		part: 'xl/workbook.xml',
		type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
		xml: (t) =>
			`<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets><sheet name="${t}" sheetId="1"/></sheets></workbook>`,
	},
	'.pptx': {
		part: 'ppt/presentation.xml',
		type: 'application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml',
		xml: (t) =>
			`<p:presentation xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"><!-- ${t} --></p:presentation>`,
	},
};

const PNG_1X1 =
	'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

function escapeXml(text: string): string {
	return text
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;');
}

/** Content that fits the title's extension, mentioning `text`. */
export function sampleContent(title: string, text = title): Buffer {
	const ext = extensionOf(title);
	const ooxml = OOXML[ext];
	if (ooxml) {
		return storedZip([
			[
				'[Content_Types].xml',
				`<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/${ooxml.part}" ContentType="${ooxml.type}"/></Types>`,
			],
			[ooxml.part, `<?xml version="1.0" encoding="UTF-8"?>${ooxml.xml(escapeXml(text))}`],
		]);
	}
	if (ext === '.pdf') {
		return Buffer.from(
			`%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n` +
				`3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >> endobj\n% ${text}\ntrailer << /Root 1 0 R >>\n%%EOF\n`,
		);
	}
	if (ext === '.png') return Buffer.from(PNG_1X1, 'base64');
	if (ext === '.zip') return storedZip([['readme.txt', text]]);
	if (ext === '.csv') return Buffer.from(`name,value\n"${text}",1\n`);
	return Buffer.from(`${text}\n`);
}
