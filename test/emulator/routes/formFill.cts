/**
 * `POST /emulator/forms/{fileId}/fill` `{userId, values}`: what a person does in the editor
 * when they fill in a started form and press Complete & Submit. Not a DocSpace endpoint (the
 * editor talks to the document server); tests and the sandbox use it to fill on a user's behalf.
 *
 * Checks as DocSpace does: the form must be started and not stopped, the user must be allowed to
 * fill in the room, and in a virtual data room it must be their role's turn. Values are checked
 * against the form's fields (unknown keys, numbers, check boxes, combo box choices). The answer is
 * `{fillingSessionId, completed, formNumber?, completedFormId?}`.
 */
import { formFilling, formLayout, newSessionId } from '../formStore.cjs';
import { emitFormEvent } from '../formEvents.cjs';
import { pdfForm, type FormField } from '../formPdf.cjs';
import { bodyField, defineRoute, HttpError, json, type RouteContext } from '../http.cjs';
import { availableTitle } from '../file-store.cjs';
import {
	type FileEntry,
	type Folder,
	type User,
	extensionOf,
	FolderType,
	RoomType,
} from '../model.cjs';
import { canFill, FORM_MESSAGES, isPdfForm } from './forms.cjs';

const failure = (status: number, message: string) =>
	new HttpError(json(status, { error: message }));

function valueOf(field: FormField, raw: unknown): string {
	const wrong = () =>
		failure(400, `The value of the field “${field.key}” does not fit a ${field.type} field`);
	switch (field.type) {
		case 'checkbox':
			if (raw === true || raw === 'true') return 'true';
			if (raw === false || raw === 'false') return 'false';
			throw wrong();
		case 'number': {
			const number =
				typeof raw === 'number'
					? raw
					: typeof raw === 'string' && raw.trim() !== ''
						? Number(raw)
						: NaN;
			if (!Number.isFinite(number)) throw wrong();
			return String(number);
		}
		case 'combobox':
			if (typeof raw !== 'string' || !(field.possibleValues ?? []).includes(raw)) throw wrong();
			return raw;
		default:
			if (typeof raw !== 'string' && typeof raw !== 'number') throw wrong();
			return String(raw);
	}
}

function readValues(ctx: RouteContext, fields: FormField[]): Record<string, string> {
	const raw = bodyField(ctx.body, 'values') ?? {};
	if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
		throw failure(400, 'values must be an object');
	const values: Record<string, string> = {};
	for (const [key, value] of Object.entries(raw)) {
		const field = fields.find((f) => f.key === key);
		if (!field) throw failure(400, `The form has no field “${key}”`);
		values[key] = valueOf(field, value);
	}
	return values;
}

function completeFolder(ctx: RouteContext, room: Folder, userId: string): Folder {
	const existing = ctx.state
		.childrenOf(room.id)
		.folders.find((f) => f.folderType === FolderType.ReadyFormFolder);
	return (
		existing ??
		ctx.state.createFolder({
			title: 'Complete',
			parentId: room.id,
			createdBy: userId,
			folderType: FolderType.ReadyFormFolder,
		})
	);
}

/**
 * Where a form's completed copies go. In a Form Filling room DocSpace gives each form its own
 * FormFillingFolderDone folder inside “Complete”, named after the form, and records it in the
 * form's properties (FileDto `resultsFolderId`); it makes the folder again when it went missing.
 */
function resultsFolder(ctx: RouteContext, form: FileEntry, room: Folder): Folder {
	const complete = completeFolder(ctx, room, room.createdBy);
	if (room.roomType === RoomType.VirtualDataRoom) return complete;
	const filling = formFilling(ctx.state, form.id);
	const known = filling.resultsFolderId ? ctx.state.getFolder(filling.resultsFolderId) : undefined;
	if (
		known &&
		known.folderType === FolderType.FormFillingFolderDone &&
		ctx.state.roomOf(known) === room
	)
		return known;
	const folder = ctx.state.createFolder({
		title: withoutExtension(form.title),
		parentId: complete.id,
		createdBy: form.createdBy,
		folderType: FolderType.FormFillingFolderDone,
	});
	filling.resultsFolderId = folder.id;
	return folder;
}

const withoutExtension = (title: string) =>
	title.slice(0, title.length - extensionOf(title).length);

/** DocSpace's `dd-MM-yyyy H-mm` in a completed copy's title. */
function titleStamp(at: Date): string {
	const two = (n: number) => String(n).padStart(2, '0');
	return `${two(at.getUTCDate())}-${two(at.getUTCMonth() + 1)}-${at.getUTCFullYear()} ${at.getUTCHours()}-${two(at.getUTCMinutes())}`;
}

function complete(
	ctx: RouteContext,
	form: FileEntry,
	room: Folder,
	user: User,
	values: Record<string, string>,
) {
	const filling = formFilling(ctx.state, form.id);
	const number = filling.submissions.length + 1;
	const folder = resultsFolder(ctx, form, room);
	const { fields, roles } = formLayout(form);
	// The filler's draft is “First Last - Form.pdf”; the completed copy puts the form number first.
	const draft = `${user.firstName} ${user.lastName} - ${withoutExtension(form.title)}`;
	const title = availableTitle(
		ctx.state,
		folder.id,
		`${number} - ${draft} (${titleStamp(ctx.state.now())})${extensionOf(form.title)}`,
	);
	const completed = ctx.state.createFile({
		title,
		folderId: folder.id,
		createdBy: user.id,
		content: pdfForm(fields, { roles, values }),
		isForm: true,
	});
	const sessionId = newSessionId(completed.id);
	filling.submissions.push({
		number,
		createOn: completed.created,
		userId: user.id,
		values,
		completedFileId: completed.id,
		sessionId,
	});
	void emitFormEvent(ctx.state, 'form.submit', form, user.id, completed);
	if (room.roomType === RoomType.VirtualDataRoom)
		void emitFormEvent(ctx.state, 'form.filled.out', form, user.id);
	return {
		fillingSessionId: sessionId,
		completed: true,
		formNumber: number,
		completedFormId: completed.id,
	};
}

defineRoute(
	'POST',
	'/emulator/forms/{fileId}/fill',
	(ctx) => {
		const form = ctx.state.getFile(Number(ctx.params.fileId));
		if (!form) throw failure(404, 'The required file was not found');
		const room = ctx.state.roomOf(form);
		if (!room || !isPdfForm(form)) throw failure(400, FORM_MESSAGES.notForm);
		const user = ctx.state.getUser(String(bodyField(ctx.body, 'userId') ?? '').toLowerCase());
		if (!user || !canFill(ctx.state, user.id, room) || ctx.state.isArchived(room))
			throw failure(403, 'Access denied');
		const filling = formFilling(ctx.state, form.id);
		if (!filling.started || filling.stopped) throw failure(400, FORM_MESSAGES.notStarted);
		const values = readValues(ctx, formLayout(form).fields);
		if (room.roomType !== RoomType.VirtualDataRoom)
			return json(200, complete(ctx, form, room, user, values));

		const turn = filling.roles.find((r) => !r.submitted);
		if (!turn) throw failure(400, 'Every role has submitted the form already');
		if (turn.userId !== user.id)
			throw failure(403, `It is the turn of the role “${turn.roleName}”`);
		Object.assign(filling.pending, values);
		turn.submitted = true;
		turn.submittedAt = ctx.state.now();
		if (filling.roles.some((r) => !r.submitted))
			return json(200, { fillingSessionId: newSessionId(form.id), completed: false });
		const result = complete(ctx, form, room, user, filling.pending);
		filling.pending = {};
		return json(200, result);
	},
	{ anonymous: true, bypassAuth: true },
);
