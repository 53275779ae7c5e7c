/**
 * Shared setup of the Form resource and form trigger tests: one emulator per test file, rooms
 * with PDF forms, and filling a form as a user would in the editor (the emulator's fill endpoint).
 */
import type { INodeExecutionData } from 'n8n-workflow';

import type { Emulator } from '../emulator/index.cjs';
import { startEmulator } from '../emulator/index.cjs';
import { pdfForm, SAMPLE_FORM_FIELDS, type FormField } from '../emulator/formPdf.cjs';
import { formFilling } from '../emulator/formStore.cjs';
import { FileShare, type FileEntry, type Folder } from '../emulator/model.cjs';
import { runDocSpace } from '../harness/docspace.cjs';
import type { EmulatorState } from '../emulator/state.cjs';

export let emulator: Emulator;
export const ids = () => emulator.state.seedIds;

export function useFormEmulator(): void {
	beforeAll(async () => {
		emulator = await startEmulator();
	});
	afterAll(async () => await emulator.close());
	beforeEach(() => emulator.clearRequests());
}

export const run = (
	operation: string,
	parameters: Record<string, unknown> = {},
	input?: INodeExecutionData[],
) => runDocSpace({ emulator, parameters: { resource: 'form', operation, ...parameters }, input });

let count = 0;

/** A Form Filling room (or a virtual data room) owned by the admin; the seed's plain user may fill in it. */
export function formRoom(roomType: 1 | 8 = 1, fillers: string[] = [ids().users.user]): Folder {
	return emulator.state.createRoom({
		title: `Forms ${++count}`,
		roomType,
		createdBy: ids().users.admin,
		members: fillers.map((subjectId) => ({
			subjectId,
			subjectType: 0,
			access: FileShare.FillForms,
		})),
	});
}

export function formIn(
	room: Folder,
	options: { fields?: FormField[]; roles?: string[]; started?: boolean } = {},
): FileEntry {
	const file = emulator.state.createFile({
		title: `Application ${++count}.pdf`,
		folderId: room.id,
		createdBy: ids().users.admin,
		content: pdfForm(options.fields ?? SAMPLE_FORM_FIELDS, { roles: options.roles }),
		isForm: true,
	});
	if (options.started)
		Object.assign(formFilling(emulator.state, file.id), {
			started: true,
			startedBy: ids().users.admin,
		});
	return file;
}

export interface FillAnswer {
	status: number;
	body: {
		fillingSessionId?: string;
		completed?: boolean;
		formNumber?: number;
		completedFormId?: number;
		error?: string;
	};
}

/** Fills the form as `userId` would in the editor and presses Complete & Submit. */
export async function fill(
	fileId: number,
	userId: string,
	values: Record<string, unknown>,
): Promise<FillAnswer> {
	const response = await fetch(`${emulator.url}/emulator/forms/${fileId}/fill`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ userId, values }),
	});
	return { status: response.status, body: (await response.json()) as FillAnswer['body'] };
}

/** A submitter as Get Submissions and the trigger's form data name them, read from the emulator. */
export function submitterIn(state: EmulatorState, userId: string) {
	const user = state.getUser(userId);
	return { id: userId, name: `${user?.firstName} ${user?.lastName}`, email: user?.email };
}

/** Every read of the form's results folder is refused (403) until the emulator's faults are cleared. */
export function forbidResultsFolder(emulator: Emulator, formId: number): void {
	const folderId = formFilling(emulator.state, formId).resultsFolderId;
	emulator.faults.add({
		method: 'GET',
		path: new RegExp(`/files/${String(folderId)}$`),
		status: 403,
		times: Infinity,
	});
}

export const requestsTo = (method: string, path: RegExp) =>
	emulator.requests.filter((r) => r.method === method && path.test(r.path));

export function binaryInput(fileName: string, content: Buffer): INodeExecutionData[] {
	return [
		{
			json: {},
			binary: { data: { data: content.toString('base64'), mimeType: 'application/pdf', fileName } },
		},
	];
}
