/**
 * Small PDF forms: building them for tests and the sandbox, and reading back the fields a
 * form offers. DocSpace only treats a PDF as a form (`isformpdf`, filling) when the ONLYOFFICE
 * editor made it: such files carry the `/ONLYOFFICEFORM` marker near the start. An AcroForm PDF
 * made elsewhere is a plain PDF to DocSpace.
 *
 * Fields are AcroForm widgets: `/FT /Tx` text (a number when its format action is
 * `AFNumber_Format`, a date with `AFDate_FormatEx("<format>")`), `/FT /Btn` check boxes and
 * `/FT /Ch` combo boxes with `/Opt` choices. Roles (who fills in which turn) are the emulator's
 * own `/OORoles` array in the catalog.
 */

export type FormFieldType = 'text' | 'number' | 'checkbox' | 'date' | 'combobox';

export interface FormField {
	key: string;
	type: FormFieldType;
	/** Dates: the format the value is written in, e.g. `yyyy-mm-dd` or `mm/dd/yyyy`. */
	format?: string;
	/** Combo boxes: the choices. */
	possibleValues?: string[];
}

/** The fields of the seed portal's application form, one of each kind. */
export const SAMPLE_FORM_FIELDS: FormField[] = [
	{ key: 'fullName', type: 'text' },
	{ key: 'age', type: 'number' },
	{ key: 'startDate', type: 'date', format: 'mm/dd/yyyy' },
	{ key: 'remote', type: 'checkbox' },
	{ key: 'team', type: 'combobox', possibleValues: ['Sales', 'Support', 'Engineering'] },
];

export interface ParsedForm {
	fields: FormField[];
	roles: string[];
}

/** DocSpace reads only the start of a file to tell a form from a plain PDF. */
export const MARKER_WINDOW = 1024;
const MARKER = '/ONLYOFFICEFORM';

const escape = (text: string) => text.replace(/[\\()]/g, (c) => `\\${c}`);
const unescape = (text: string) => text.replace(/\\(.)/g, '$1');

function fieldObject(field: FormField, value: string | undefined): string {
	const name = `/T (${escape(field.key)})`;
	if (field.type === 'checkbox')
		return `/FT /Btn ${name}${value === undefined ? '' : ` /V /${value === 'true' ? 'Yes' : 'Off'}`}`;
	const v = value === undefined ? '' : ` /V (${escape(value)})`;
	if (field.type === 'combobox') {
		return `/FT /Ch /Ff 131072 ${name} /Opt [${(field.possibleValues ?? []).map((o) => `(${escape(o)})`).join(' ')}]${v}`;
	}
	const format =
		field.type === 'number'
			? ' /AA << /F << /S /JavaScript /JS (AFNumber_Format\\(2, 0, 0, 0, "", true\\);) >> >>'
			: field.type === 'date'
				? ` /AA << /F << /S /JavaScript /JS (AFDate_FormatEx\\("${escape(field.format ?? 'mm/dd/yyyy')}"\\);) >> >>`
				: '';
	return `/FT /Tx ${name}${format}${v}`;
}

/**
 * A one-page PDF form with these fields; `values` fills them in (check boxes take
 * 'true'/'false'). `onlyOfficeMarker: false` makes an AcroForm PDF DocSpace does not accept.
 */
export function pdfForm(
	fields: FormField[],
	options: { roles?: string[]; values?: Record<string, string>; onlyOfficeMarker?: boolean } = {},
): Buffer {
	const first = 4;
	const refs = fields.map((_, i) => `${first + i} 0 R`).join(' ');
	const roles = options.roles?.length
		? ` /OORoles [${options.roles.map((r) => `(${escape(r)})`).join(' ')}]`
		: '';
	const lines = [
		'%PDF-1.7',
		options.onlyOfficeMarker === false ? '%' : `%${MARKER}`,
		`1 0 obj << /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [${refs}] >>${roles} >> endobj`,
		'2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj',
		'3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >> endobj',
		...fields.map(
			(field, i) =>
				`${first + i} 0 obj << ${fieldObject(field, options.values?.[field.key])} >> endobj`,
		),
		'trailer << /Root 1 0 R >>',
		'%%EOF',
		'',
	];
	return Buffer.from(lines.join('\n'), 'latin1');
}

/** Whether DocSpace takes this file for a PDF form (GET files/file/{id}/isformpdf). */
export function isOnlyOfficeForm(content: Buffer): boolean {
	return (
		content.subarray(0, 5).toString('latin1') === '%PDF-' &&
		content.subarray(0, MARKER_WINDOW).toString('latin1').includes(MARKER)
	);
}

const STRING = String.raw`\(((?:\\.|[^\\)])*)\)`;

/** The fields and roles of a PDF form, in the order they are laid out. */
export function parseForm(content: Buffer): ParsedForm {
	const text = content.toString('latin1');
	const fields: FormField[] = [];
	for (const object of text.split('endobj')) {
		const kind = /\/FT \/(Tx|Btn|Ch)\b/.exec(object)?.[1];
		const key = new RegExp(`/T ${STRING}`).exec(object)?.[1];
		if (!kind || key === undefined) continue;
		const field: FormField = { key: unescape(key), type: 'text' };
		if (kind === 'Btn') field.type = 'checkbox';
		else if (kind === 'Ch') {
			field.type = 'combobox';
			const options = /\/Opt \[([^\]]*)\]/.exec(object)?.[1] ?? '';
			field.possibleValues = [...options.matchAll(new RegExp(STRING, 'g'))].map((m) =>
				unescape(m[1]),
			);
		} else if (object.includes('AFNumber_Format')) field.type = 'number';
		else {
			const date = new RegExp(String.raw`AFDate_FormatEx\\\("((?:\\.|[^"])*)"`).exec(object);
			if (date) Object.assign(field, { type: 'date', format: unescape(date[1]) });
		}
		fields.push(field);
	}
	const rolesText = /\/OORoles \[([^\]]*)\]/.exec(text)?.[1] ?? '';
	const roles = [...rolesText.matchAll(new RegExp(STRING, 'g'))].map((m) => unescape(m[1]));
	return { fields, roles };
}
