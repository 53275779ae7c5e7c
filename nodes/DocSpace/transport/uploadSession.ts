/**
 * One numbered chunk session on the portal: opening answers, its path, finalize and abort.
 * `POST files/{folderId}/session` (or `files/file/{fileId}/edit_session`) opens it,
 * `PUT …/finalize` completes the file (201), `DELETE files/{folderId}/session/{sessionId}` aborts.
 */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { isRecord } from './json';
import { apiPath } from './path';
import { docSpaceCall, docSpaceRequest } from './request';

export interface Session {
	id: string;
	folderId: string;
	/** Server time when the session was opened. */
	created: number;
}

export function sessionOf(
	this: IExecuteFunctions,
	answer: IDataObject,
	folderId: string,
	itemIndex: number,
): Session {
	// `files/{folderId}/session` answers the session itself; edit_session wraps it in {success, data}.
	const data = isRecord(answer.data) ? answer.data : answer;
	if (typeof data.id !== 'string' || !data.id) {
		throw new NodeOperationError(this.getNode(), 'DocSpace did not return an upload session', {
			itemIndex,
			description:
				'The portal answered the upload session request without a session id; check the portal version.',
		});
	}
	const created = Date.parse(String(data.created ?? ''));
	return { id: data.id, folderId, created: Number.isNaN(created) ? 0 : created };
}

export const sessionPath = (session: Session) =>
	apiPath`files/${session.folderId}/session/${session.id}`;

export async function finalize(
	this: IExecuteFunctions,
	session: Session,
	itemIndex: number,
): Promise<IDataObject> {
	const { data } = await docSpaceRequest.call(this, {
		method: 'PUT',
		path: `${sessionPath(session)}/finalize`,
		itemIndex,
	});
	const answer = isRecord(data) ? (data as IDataObject) : {};
	if (isRecord(answer.file)) return answer.file;
	if (answer.id !== undefined)
		return await docSpaceCall.call(this, {
			method: 'GET',
			path: apiPath`files/file/${String(answer.id)}`,
			itemIndex,
		});
	throw new NodeOperationError(this.getNode(), 'DocSpace did not report the uploaded file', {
		itemIndex,
	});
}

export async function abort(
	this: IExecuteFunctions,
	session: Session,
	itemIndex: number,
): Promise<void> {
	try {
		await docSpaceRequest.call(this, { method: 'DELETE', path: sessionPath(session), itemIndex });
	} catch {
		// The session may be gone already; it expires on the portal anyway.
	}
}
