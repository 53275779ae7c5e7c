/**
 * PDF forms: `isformpdf`, start / stop / resume / edit filling, roles and their mapping, the
 * submissions with their field metadata, and the fill result of one filling session. Filling
 * itself happens in the editor; `POST /emulator/forms/{fileId}/fill` stands in for it (see
 * formFill.cts). Form state lives in formStore.cts.
 *
 * Who may do what (as DocSpace's FilesController documents it):
 * - start filling, map roles (which starts a virtual data room form), stop, resume, edit: room
 *   managers (and the owner and portal admins) and content creators; stopping a filling somebody
 *   else started belongs to room managers alone;
 * - roles and submissions: anyone who can read the form; a form never started has no roles and
 *   its submissions are refused;
 * - the fill result: no sign-in at all, the filling session id is the secret;
 * - forms exist in Form Filling rooms and virtual data rooms only, and only for PDF files the
 *   ONLYOFFICE editor made (isformpdf).
 */
import { roomAccess } from '../access.cjs';
import { canManageRoom } from '../roomStore.cjs';
import { employeeFullDto } from '../dto/people.cjs';
import { fileDto } from '../dto/files.cjs';
import { apiDate } from '../dto/format.cjs';
import { emitFormEvent } from '../formEvents.cjs';
import { isOnlyOfficeForm, MARKER_WINDOW } from '../formPdf.cjs';
import {
	FormFillingManageAction,
	FormFillingStatus,
	findSession,
	formFileDto,
	formFilling,
	formLayout,
	roleNames,
	roomFormOptions,
	type FormFilling,
} from '../formStore.cjs';
import {
	badRequest,
	bodyField,
	currentUser,
	defineRoute,
	forbidden,
	HttpError,
	notFound,
	ok,
	queryParam,
	validation,
	type RouteContext,
} from '../http.cjs';
import { readPaging } from '../listing.cjs';
import { MESSAGES, requireFile } from '../lookup.cjs';
import { type FileEntry, type Folder, extensionOf, FileShare, RoomType } from '../model.cjs';
import type { EmulatorState } from '../state.cjs';

export const FORM_MESSAGES = {
	notForm: 'The file is not a PDF form',
	notFormRoom: 'Form filling is available only in Form Filling rooms and virtual data rooms',
	alreadyStarted: 'Form filling has already started',
	notStarted: 'Form filling has not started',
	notStopped: 'Form filling is not stopped',
	rolesNotMapped: 'Assign every role of the form to a room member before filling starts',
	sessionNotFound: 'The filling session was not found',
};

const FORM_ROOM_TYPES: number[] = [RoomType.FillingFormsRoom, RoomType.VirtualDataRoom];

export function isPdfForm(file: FileEntry): boolean {
	return (
		extensionOf(file.title) === '.pdf' && isOnlyOfficeForm(file.stored.readHead(MARKER_WINDOW))
	);
}

/** A form in a form room: 404 unknown, 403 no access, 400 not a form or not in a form room. */
export function requireForm(
	ctx: RouteContext,
	rawId: string | number,
): { file: FileEntry; room: Folder } {
	const file = requireFile(ctx, rawId);
	const room = ctx.state.roomOf(file);
	if (!room || !FORM_ROOM_TYPES.includes(room.roomType ?? 0))
		throw badRequest(FORM_MESSAGES.notFormRoom);
	if (!isPdfForm(file)) throw badRequest(FORM_MESSAGES.notForm);
	return { file, room };
}

/** Room managers (and the owner and portal admins) and content creators start the filling of forms. */
function mayStartFilling(ctx: RouteContext, room: Folder): boolean {
	const user = currentUser(ctx);
	return (
		canManageRoom(ctx.state, user, room) ||
		roomAccess(ctx.state, user, room) === FileShare.ContentCreator
	);
}

function requireManagedForm(
	ctx: RouteContext,
	rawId: string | number,
): { file: FileEntry; room: Folder; filling: FormFilling } {
	const { file, room } = requireForm(ctx, rawId);
	if (!mayStartFilling(ctx, room) || ctx.state.isArchived(room))
		throw forbidden(MESSAGES.accessDenied);
	return { file, room, filling: formFilling(ctx.state, file.id) };
}

function rolesComplete(file: FileEntry, room: Folder, filling: FormFilling): boolean {
	if (room.roomType !== RoomType.VirtualDataRoom) return true;
	const names = roleNames(file, room);
	return names.every((name) => filling.roles.some((r) => r.roleName === name));
}

function start(ctx: RouteContext, file: FileEntry, room: Folder, filling: FormFilling): void {
	if (filling.started && !filling.stopped) throw badRequest(FORM_MESSAGES.alreadyStarted);
	if (!rolesComplete(file, room, filling)) throw badRequest(FORM_MESSAGES.rolesNotMapped);
	filling.started = true;
	filling.stopped = false;
	filling.startedBy = currentUser(ctx).id;
	filling.pending = {};
	for (const role of filling.roles) role.submitted = false;
}

defineRoute('GET', '/api/2.0/files/file/{fileId}/isformpdf', (ctx) =>
	ok(isPdfForm(requireFile(ctx, ctx.params.fileId))),
);

defineRoute('PUT', '/api/2.0/files/file/{fileId}/startfilling', (ctx) => {
	const { file, room, filling } = requireManagedForm(ctx, ctx.params.fileId);
	start(ctx, file, room, filling);
	return ok(formFileDto(ctx, file));
});

function requiredFormId(ctx: RouteContext): number {
	const value = bodyField(ctx.body, 'formId');
	if (value === undefined || value === null)
		throw new HttpError(validation({ FormId: ['The FormId field is required.'] }));
	if (typeof value !== 'number' || !Number.isInteger(value))
		throw new HttpError(
			validation({ '$.formId': ['The JSON value could not be converted to System.Int32.'] }),
		);
	return value;
}

defineRoute('PUT', '/api/2.0/files/file/{fileId}/manageformfilling', (ctx) => {
	const formId = requiredFormId(ctx);
	const rawAction = bodyField(ctx.body, 'action') ?? FormFillingManageAction.Stop;
	if (
		typeof rawAction !== 'number' ||
		!Object.values<number>(FormFillingManageAction).includes(rawAction)
	) {
		throw new HttpError(
			validation({
				'$.action': [
					'The JSON value could not be converted to ASC.Files.Core.ApiModels.FormFillingManageAction.',
				],
			}),
		);
	}
	const { file, room, filling } = requireManagedForm(ctx, formId);
	const user = currentUser(ctx);
	switch (rawAction) {
		case FormFillingManageAction.Stop:
			if (!filling.started || filling.stopped) throw badRequest(FORM_MESSAGES.notStarted);
			if (filling.startedBy !== user.id && !canManageRoom(ctx.state, user, room))
				throw forbidden(MESSAGES.accessDenied);
			filling.stopped = true;
			filling.stoppedBy = user.id;
			void emitFormEvent(ctx.state, 'form.stopped', file, user.id);
			break;
		case FormFillingManageAction.Resume:
			if (!filling.stopped) throw badRequest(FORM_MESSAGES.notStopped);
			filling.stopped = false;
			filling.stoppedBy = undefined;
			break;
		case FormFillingManageAction.Start:
			start(ctx, file, room, filling);
			break;
		default:
			// Edit: filling ends and the form can be changed; a copy in progress is dropped.
			filling.started = false;
			filling.stopped = false;
			filling.pending = {};
			for (const role of filling.roles) role.submitted = false;
	}
	return ok(null);
});

defineRoute('GET', '/api/2.0/files/file/{fileId}/formroles', (ctx) => {
	const { file, room } = requireForm(ctx, ctx.params.fileId);
	const filling = formFilling(ctx.state, file.id);
	if (!filling.started) return ok([]);
	const current = filling.roles.find((r) => !r.submitted);
	const roles = roleNames(file, room).map((roleName, index) => {
		const assigned = filling.roles.find((r) => r.roleName === roleName);
		const user = assigned ? ctx.state.getUser(assigned.userId) : undefined;
		const stoppedBy = filling.stoppedBy ? ctx.state.getUser(filling.stoppedBy) : undefined;
		const isCurrent = assigned !== undefined && assigned === current;
		const status = assigned?.submitted
			? FormFillingStatus.Complete
			: isCurrent && filling.stopped
				? FormFillingStatus.Stopped
				: isCurrent || room.roomType !== RoomType.VirtualDataRoom
					? FormFillingStatus.YourTurn
					: FormFillingStatus.None;
		return {
			roleName,
			roleColor: assigned?.roleColor,
			user: user ? employeeFullDto(ctx, user) : undefined,
			sequence: assigned?.sequence ?? index + 1,
			submitted: assigned?.submitted ?? false,
			stopedBy: stoppedBy ? employeeFullDto(ctx, stoppedBy) : undefined,
			history: assigned?.submittedAt ? { '2': apiDate(assigned.submittedAt) } : undefined,
			roleStatus: status,
		};
	});
	return ok(roles);
});

defineRoute('POST', '/api/2.0/files/file/{fileId}/formrolemapping', (ctx) => {
	const formId = requiredFormId(ctx);
	const rawRoles = bodyField(ctx.body, 'roles');
	if (!Array.isArray(rawRoles))
		throw new HttpError(validation({ Roles: ['The Roles field is required.'] }));
	const { file, room, filling } = requireManagedForm(ctx, formId);
	if (rawRoles.length === 0) {
		// An empty mapping resets the filling.
		Object.assign(filling, { roles: [], started: false, stopped: false, pending: {} });
		return ok(null);
	}
	const names = roleNames(file, room);
	const roles = rawRoles.map((raw: unknown, index) => {
		const roleName = bodyField(raw, 'roleName');
		const userId = String(bodyField(raw, 'userId') ?? '').toLowerCase();
		const sequence = bodyField(raw, 'sequence') ?? index + 1;
		if (typeof roleName !== 'string' || !names.includes(roleName))
			throw badRequest(`The form has no role “${String(roleName)}”`);
		const user = ctx.state.getUser(userId);
		if (!user || !ctx.state.roomOf(file) || !canFill(ctx.state, user.id, room))
			throw badRequest(`The user ${userId} is not a member of the room who may fill in forms`);
		if (typeof sequence !== 'number' || !Number.isInteger(sequence) || sequence < 1)
			throw new HttpError(
				validation({
					[`$.roles[${index}].sequence`]: [
						'The JSON value could not be converted to System.Int32.',
					],
				}),
			);
		const roleColor = bodyField(raw, 'roleColor');
		return {
			roleName,
			userId: user.id,
			sequence,
			roleColor: typeof roleColor === 'string' ? roleColor : undefined,
			submitted: false,
		};
	});
	if (new Set(roles.map((r) => r.roleName)).size !== roles.length)
		throw badRequest('A role can be given to one user only');
	filling.roles = roles.sort((a, b) => a.sequence - b.sequence);
	// Saving the mapping starts the filling, recorded as started by the caller.
	Object.assign(filling, {
		started: true,
		stopped: false,
		stoppedBy: undefined,
		startedBy: currentUser(ctx).id,
		pending: {},
	});
	return ok(null);
});

/** Users with Form filler access or more (and managers, admins, the owner) fill forms. */
export function canFill(state: EmulatorState, userId: string, room: Folder): boolean {
	const user = state.getUser(userId);
	if (!user) return false;
	if (canManageRoom(state, user, room)) return true;
	const member = room.members.find((m) => m.subjectType === 0 && m.subjectId === user.id);
	const groups = new Set(state.groupsOfUser(user.id).map((g) => g.id));
	const viaGroup = room.members.find((m) => m.subjectType === 2 && groups.has(m.subjectId));
	return (member ?? viaGroup) !== undefined && (member ?? viaGroup)?.access !== 0;
}

/** FormMetadata of each field, in layout order. */
function metadataOf(file: FileEntry): Array<Record<string, unknown>> {
	return formLayout(file).fields.map((field) => ({
		key: field.key,
		type: field.type,
		format: field.format,
		possibleValues: field.possibleValues ?? [],
	}));
}

defineRoute('GET', '/api/2.0/files/file/{fileId}/submissions', (ctx) => {
	const { file } = requireForm(ctx, ctx.params.fileId);
	if (!formFilling(ctx.state, file.id).started) throw badRequest(FORM_MESSAGES.notStarted);
	const paging = readPaging(ctx);
	const { fields } = formLayout(file);
	const all = formFilling(ctx.state, file.id).submissions;
	const page = all.slice(paging.startIndex, paging.startIndex + paging.count);
	const submissions = page.map((s) => ({
		createOn: apiDate(s.createOn),
		formsData: [
			{ key: 'FormNumber', value: String(s.number), type: 'text' },
			...fields
				.filter((f) => s.values[f.key] !== undefined)
				.map((f) => ({ key: f.key, value: s.values[f.key], type: f.type })),
		],
	}));
	return ok({ metadata: metadataOf(file), submissions }, { count: page.length, total: all.length });
});

defineRoute(
	'GET',
	'/api/2.0/files/file/fillresult',
	(ctx) => {
		const sessionId = queryParam(ctx, 'fillingSessionId');
		if (sessionId === undefined)
			throw new HttpError(
				validation({ FillingSessionId: ['The FillingSessionId field is required.'] }),
			);
		const found = sessionId ? findSession(ctx.state, sessionId) : undefined;
		if (!found) throw notFound(FORM_MESSAGES.sessionNotFound);
		const original = ctx.state.getFile(found.formId);
		const completed = ctx.state.getFile(found.submission.completedFileId);
		if (!original || !completed) throw notFound(MESSAGES.fileNotFound);
		const room = ctx.state.roomOf(original);
		const caller = ctx.principal?.user;
		const managerId = formFilling(ctx.state, original.id).startedBy ?? original.createdBy;
		const manager = ctx.state.getUser(managerId);
		return ok({
			formNumber: found.submission.number,
			completedForm: fileDto(ctx, completed),
			originalForm: fileDto(ctx, original),
			manager: manager ? employeeFullDto(ctx, manager) : undefined,
			roomId: room?.id,
			isRoomMember:
				room !== undefined &&
				caller !== undefined &&
				(room.createdBy === caller.id || room.members.some((m) => m.subjectId === caller.id)),
		});
	},
	{ anonymous: true },
);

// ---- room options for forms (POST/PUT files/rooms) ----

/** Reads `saveFormAsXLSX` / `sendFormToExternalDB` from a room request; they apply to Form Filling rooms only. */
export function applyRoomFormOptions(ctx: RouteContext, room: Folder): void {
	if (room.roomType !== RoomType.FillingFormsRoom) return;
	const options = roomFormOptions(ctx.state, room.id);
	for (const name of ['saveFormAsXLSX', 'sendFormToExternalDB'] as const) {
		const value = bodyField(ctx.body, name);
		if (value === undefined || value === null) continue;
		if (typeof value !== 'boolean')
			throw new HttpError(
				validation({ [`$.${name}`]: ['The JSON value could not be converted to System.Boolean.'] }),
			);
		options[name] = value;
	}
}

/** The form options a Form Filling room's FolderDto shows. */
export function roomFormFields(state: EmulatorState, room: Folder): Record<string, unknown> {
	if (room.roomType !== RoomType.FillingFormsRoom) return {};
	return { ...roomFormOptions(state, room.id) };
}
