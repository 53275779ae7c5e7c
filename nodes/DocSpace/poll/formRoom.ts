import type { IDataObject, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { folderPath } from '../transport/path';
import { docSpacePaginate, pickFolderContent } from '../transport/paginate';
import type { Cursor } from './cursor';
import { timeOf } from './cursor';
import { isCursor } from './state';
import { listSubmissions, newSubmissions, submissionEntry } from './submissions';

/** RoomType 1, FillingFormsRoom (DocSpace may write enums by number or by name). */
const FORM_FILLING_ROOM: unknown[] = [1, 'FillingFormsRoom'];
/** FormFillingStatus 5: the filling was stopped; the form keeps its submissions. */
const STOPPED: unknown[] = [5, 'Stoped'];

/** One cursor per form of the room, by file id. */
export type FormCursors = Record<string, Cursor>;

export function isFormCursors(value: unknown): value is FormCursors {
	return (
		typeof value === 'object' &&
		value !== null &&
		!Array.isArray(value) &&
		Object.values(value).every(isCursor)
	);
}

interface RoomForm {
	id: string;
	title: unknown;
	/** The filling runs: new submissions may arrive (FileDto.startFilling). */
	filling: boolean;
	/** The filling ran at some time, so the form may have submissions. */
	started: boolean;
}

/** The PDF forms at the top of the room (completed copies live in its subfolders), in one paged listing. */
async function roomForms(this: IPollFunctions, roomId: string): Promise<RoomForm[]> {
	let current: IDataObject | undefined;
	const entries = await docSpacePaginate.call(this, {
		path: folderPath(roomId),
		qs: { filterType: 'PdfForm' },
		pick: (result) => {
			current = (result.data as { current?: IDataObject } | undefined)?.current;
			return pickFolderContent(result);
		},
	});
	if (current?.roomType !== undefined && !FORM_FILLING_ROOM.includes(current.roomType)) {
		throw new NodeOperationError(
			this.getNode(),
			`“${String(current.title)}” is not a Form Filling room`,
			{
				description: 'Pick a Form Filling room, or choose Watch: Form and pick one form.',
			},
		);
	}
	return entries
		.filter((entry) => entry.isForm === true)
		.map((entry) => {
			const filling = entry.startFilling === true;
			return {
				id: String(entry.id),
				title: entry.title,
				filling,
				started: filling || STOPPED.includes(entry.formFillingStatus),
			};
		});
}

export type RoomMode = 'baseline' | 'manual' | 'next';

/**
 * The submissions of the room's forms after each form's cursor, newest first, and the next cursors.
 * Only forms being filled are read, one request each (more past 100 submissions); a form the
 * cursors do not know yet is new to the room, so all its submissions count. The baseline reads
 * every form that was ever started and emits nothing; `manual` reads from the start.
 */
export async function roomSubmissions(
	this: IPollFunctions,
	roomId: string,
	previous: FormCursors,
	mode: RoomMode,
): Promise<{ changed: IDataObject[]; forms: FormCursors }> {
	const forms: FormCursors = {};
	const changed: IDataObject[] = [];
	for (const form of await roomForms.call(this, roomId)) {
		const known = mode === 'next' ? previous[form.id] : undefined;
		if (!(mode === 'baseline' ? form.started : form.filling)) {
			forms[form.id] = known ?? { ids: [] };
			continue;
		}
		const entries = (await listSubmissions.call(this, form.id)).map((submission) => ({
			...submissionEntry(form.id, submission),
			formTitle: form.title as IDataObject[keyof IDataObject],
		}));
		const since = newSubmissions(entries, known ?? { ids: [] });
		forms[form.id] = since.next;
		if (mode !== 'baseline') changed.push(...since.changed);
	}
	changed.sort((a, b) => (timeOf(b.createOn) ?? 0) - (timeOf(a.createOn) ?? 0));
	return { changed, forms };
}
