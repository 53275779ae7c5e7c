/**
 * Form filling state kept beside the file entities: whether a PDF form was started or stopped,
 * its roles and who fills them, and the completed copies (submissions). Also the form options
 * of Form Filling rooms (`saveFormAsXLSX`, `sendFormToExternalDB`).
 *
 * How DocSpace runs it:
 * - a Form Filling room's forms have one role anyone with the Form filler access (or more) takes;
 *   every completed copy is a submission, numbered 1, 2, … per form;
 * - a virtual data room's forms have the roles the form declares; each role is given to a room
 *   member (`formrolemapping`) before filling starts, and the roles fill in turn by sequence;
 *   the copy is complete once the last role submitted;
 * - completed copies are new PDF files titled “N - First Last - Form (dd-MM-yyyy H-mm).pdf”,
 *   created by the submitter, in the form's own folder (FolderType 27, FormFillingFolderDone)
 *   inside the room's “Complete” folder (FolderType 25, ReadyFormFolder), which the form's
 *   FileDto names as `resultsFolderId`; in a virtual data room they go to “Complete” itself.
 *   The submission record names neither the copy nor the submitter. The original stays unchanged.
 */
import { randomUUID } from 'node:crypto';

import { fileDto } from './dto/files.cjs';
import type { DtoScope } from './dto/format.cjs';
import { parseForm, type ParsedForm } from './formPdf.cjs';
import { type FileEntry, type Folder, RoomType } from './model.cjs';
import type { EmulatorState } from './state.cjs';
import { getOrCreate } from './get-or-create.cjs';

/** FormFillingStatus. */
export const FormFillingStatus = {
	None: 0,
	Draft: 1,
	YourTurn: 2,
	InProgress: 3,
	Complete: 4,
	Stopped: 5,
} as const;

/** FormFillingManageAction. */
export const FormFillingManageAction = { Stop: 0, Resume: 1, Start: 2, Edit: 3 } as const;

/** The single role of a form in a Form Filling room. */
export const ANYONE_ROLE = 'Anyone';

export interface RoleAssignment {
	roleName: string;
	userId: string;
	sequence: number;
	roleColor?: string;
	submitted: boolean;
	submittedAt?: Date;
}

export interface FormSubmission {
	number: number;
	/** When the completed copy was recorded. */
	createOn: Date;
	/** Who completed it (the last role in a virtual data room). */
	userId: string;
	values: Record<string, string>;
	completedFileId: number;
	/** The id DocSpace hands the editor after submitting (`fillresult?fillingSessionId=`). */
	sessionId: string;
}

export interface FormFilling {
	started: boolean;
	stopped: boolean;
	startedBy?: string;
	stoppedBy?: string;
	roles: RoleAssignment[];
	/** Values entered by earlier roles of the copy in progress (virtual data rooms). */
	pending: Record<string, string>;
	submissions: FormSubmission[];
	/** The FormFillingFolderDone folder of the completed copies (Form Filling rooms). */
	resultsFolderId?: number;
}

export interface RoomFormOptions {
	saveFormAsXLSX: boolean;
	sendFormToExternalDB: boolean;
}

interface Store {
	forms: Map<number, FormFilling>;
	rooms: Map<number, RoomFormOptions>;
}

const stores = new WeakMap<EmulatorState, Store>();

function storeOf(state: EmulatorState): Store {
	return getOrCreate(stores, state, () => ({ forms: new Map(), rooms: new Map() }));
}

export function formFilling(state: EmulatorState, fileId: number): FormFilling {
	const { forms } = storeOf(state);
	return getOrCreate(forms, fileId, () => ({
		started: false,
		stopped: false,
		roles: [],
		pending: {},
		submissions: [],
	}));
}

export function roomFormOptions(state: EmulatorState, roomId: number): RoomFormOptions {
	const { rooms } = storeOf(state);
	return getOrCreate(rooms, roomId, () => ({
		saveFormAsXLSX: false,
		sendFormToExternalDB: false,
	}));
}

/** The fields and roles of a form's current version. */
export function formLayout(file: FileEntry): ParsedForm {
	return parseForm(file.content);
}

/** The role names a form is filled by: its own roles, or the single “Anyone” role. */
export function roleNames(file: FileEntry, room: Folder | undefined): string[] {
	const { roles } = formLayout(file);
	return room?.roomType === RoomType.VirtualDataRoom && roles.length > 0 ? roles : [ANYONE_ROLE];
}

export function findSession(
	state: EmulatorState,
	sessionId: string,
): { formId: number; submission: FormSubmission } | undefined {
	for (const [formId, filling] of storeOf(state).forms) {
		const submission = filling.submissions.find((s) => s.sessionId === sessionId);
		if (submission) return { formId, submission };
	}
	return undefined;
}

export function newSessionId(fileId: number): string {
	return `${fileId}_${randomUUID().replace(/-/g, '')}`;
}

export function fillingStatus(filling: FormFilling, userId?: string): number {
	if (filling.stopped) return FormFillingStatus.Stopped;
	if (!filling.started) return FormFillingStatus.None;
	const current = filling.roles.find((r) => !r.submitted);
	if (current && userId && current.userId === userId) return FormFillingStatus.YourTurn;
	return FormFillingStatus.InProgress;
}

/** FileDto of a form, with its filling state. */
export function formFileDto(scope: DtoScope, file: FileEntry): Record<string, unknown> {
	const filling = formFilling(scope.state, file.id);
	const roomType = scope.state.roomOf(file)?.roomType;
	return {
		...fileDto(scope, file),
		startFilling: filling.started && !filling.stopped,
		formFillingStatus: fillingStatus(filling, scope.principal?.user.id),
		// DocSpace names the results folder for original forms of Form Filling rooms only.
		resultsFolderId:
			roomType === RoomType.FillingFormsRoom && filling.started
				? filling.resultsFolderId
				: undefined,
	};
}

/** A file as folder listings show it: forms in form rooms carry their filling state, as in DocSpace. */
export function listedFileDto(scope: DtoScope, file: FileEntry): Record<string, unknown> {
	const roomType = scope.state.roomOf(file)?.roomType;
	const formRoom = roomType === RoomType.FillingFormsRoom || roomType === RoomType.VirtualDataRoom;
	return file.isForm && formRoom ? formFileDto(scope, file) : fileDto(scope, file);
}
