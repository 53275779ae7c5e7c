/**
 * Shared setup of the File resource tests (file-upload, file-create, file-read, file-links,
 * file-download-transfer, file-streaming):
 * one emulator per test file and the helpers those tests use. Call `useFileEmulator()` at the top
 * of a test file; `emulator` and `ids` are live bindings set in its `beforeAll`.
 */
import type { INodeExecutionData } from 'n8n-workflow';

import type { Emulator, RecordedRequest } from '../emulator/index.cjs';
import { useEmulator } from '../harness/emulator.cjs';
import type { Folder } from '../emulator/model.cjs';
import { authenticationMethods, byId, runDocSpace } from '../harness/docspace.cjs';

export let emulator: Emulator;
export let ids: Emulator['state']['seedIds'];

export function useFileEmulator(): void {
	useEmulator((started) => {
		emulator = started;
		ids = started.state.seedIds;
	});
}

/** A value given as an expression, as data from an earlier node arrives (the editor cannot check it). */
export const expr = (value: string) => `={{ ${JSON.stringify(value)} }}`;

export function binaryInput(
	fileName: string,
	content: Buffer,
	mimeType = 'application/octet-stream',
	property = 'data',
): INodeExecutionData[] {
	return [
		{ json: {}, binary: { [property]: { data: content.toString('base64'), mimeType, fileName } } },
	];
}

export async function run(
	parameters: Record<string, unknown>,
	extra: {
		input?: INodeExecutionData[];
		authentication?: (typeof authenticationMethods)[number];
	} = {},
) {
	return await runDocSpace({ emulator, parameters: { resource: 'file', ...parameters }, ...extra });
}

/** File → Download of the file into the binary property `data`. */
export const download = (
	fileId: number,
	options: Record<string, unknown> = {},
	input?: INodeExecutionData[],
) =>
	run(
		{ operation: 'download', fileId: byId(fileId), binaryPropertyName: 'data', options },
		{ input },
	);

/** File → Download as ZIP into the binary property `data` unless the parameters name another. */
export const downloadZip = (parameters: Record<string, unknown>) =>
	run({ operation: 'downloadZip', binaryPropertyName: 'data', ...parameters });

let folderCount = 0;
/** A fresh folder in the admin's My documents, so tests do not see each other's files. */
export function freshFolder(): Folder {
	return emulator.state.createFolder({
		title: `File tests ${++folderCount}`,
		parentId: ids.myDocuments,
		createdBy: ids.users.admin,
	});
}

/** A folder the admin has made in the parent folder. */
export const storedFolder = (parentId: number, title: string) =>
	emulator.state.createFolder({ title, parentId, createdBy: ids.users.admin });

/** A file the admin has stored in the folder (empty when no content is given). */
export const storedFile = (folderId: number, title: string, content?: Buffer) =>
	emulator.state.createFile({ title, folderId, createdBy: ids.users.admin, content });

export const filesIn = (folderId: number) => emulator.state.childrenOf(folderId).files;
export const calls = (method: string, path: string | RegExp): RecordedRequest[] =>
	emulator.requests.filter(
		(r) => r.method === method && (typeof path === 'string' ? r.path === path : path.test(r.path)),
	);
export const createsAnything = () =>
	emulator.requests.filter((r) => r.method !== 'GET' && r.method !== 'HEAD');
