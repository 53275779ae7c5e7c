/**
 * The truth after a finalize whose reply was lost: DocSpace may have completed the file anyway,
 * so it is looked for (a new version of the file, or a file of that name and size created since
 * the session opened) before finalizing once more.
 */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { asNodeError } from './errors';
import { apiPath } from './path';
import { docSpaceCall } from './request';
import type { Session } from './uploadSession';
import { finalize } from './uploadSession';

/** Where a finished upload lands, to find it when the reply to finalize is lost. */
export type Target =
	| { kind: 'folder'; fileName: string }
	| { kind: 'version'; fileId: string; versionBefore: number };

function titleMatches(title: string, fileName: string): boolean {
	const dot = fileName.lastIndexOf('.');
	const [base, ext] = dot > 0 ? [fileName.slice(0, dot), fileName.slice(dot)] : [fileName, ''];
	const lower = title.toLowerCase();
	if (lower === fileName.toLowerCase()) return true;
	// “Keep Both” numbers the new file: `Report (2).pdf`.
	const numbered =
		lower.startsWith(`${base.toLowerCase()} (`) && lower.endsWith(`)${ext.toLowerCase()}`);
	return numbered && /^\d+$/.test(lower.slice(base.length + 2, lower.length - ext.length - 1));
}

const changedSince = (entry: IDataObject, since: number) =>
	Math.max(
		Date.parse(String(entry.updated ?? '')) || 0,
		Date.parse(String(entry.created ?? '')) || 0,
	) >=
	since - 1000;

/** The file a finalize completed although its reply was lost, if DocSpace has it. */
async function completedUpload(
	this: IExecuteFunctions,
	session: Session,
	target: Target,
	size: number,
	itemIndex: number,
): Promise<IDataObject | undefined> {
	if (target.kind === 'version') {
		const file = await docSpaceCall.call(this, {
			method: 'GET',
			path: apiPath`files/file/${target.fileId}`,
			itemIndex,
		});
		return Number(file.version) > target.versionBefore && Number(file.pureContentLength) === size
			? file
			: undefined;
	}
	const dot = target.fileName.lastIndexOf('.');
	const search = dot > 0 ? target.fileName.slice(0, dot) : target.fileName;
	const listing = await docSpaceCall.call(this, {
		method: 'GET',
		path: apiPath`files/${session.folderId}`,
		qs: {
			filterType: 1,
			filterValue: search,
			count: 100,
		},
		itemIndex,
	});
	const files = Array.isArray(listing.files) ? (listing.files as IDataObject[]) : [];
	const found = files
		.filter(
			(f) =>
				titleMatches(String(f.title ?? ''), target.fileName) &&
				Number(f.pureContentLength) === size &&
				changedSince(f, session.created),
		)
		.sort((a, b) => Date.parse(String(b.updated)) - Date.parse(String(a.updated)));
	return found[0];
}

/**
 * Finalizes; when that fails, finds out whether DocSpace completed the file anyway (its reply may
 * have been lost), else tries once more. Throws only when the file is not on the portal.
 */
export async function finalizeTruthfully(
	this: IExecuteFunctions,
	session: Session,
	target: Target,
	size: number,
	itemIndex: number,
): Promise<IDataObject> {
	try {
		return await finalize.call(this, session, itemIndex);
	} catch (error) {
		const found = await completedUpload
			.call(this, session, target, size, itemIndex)
			.catch(() => undefined);
		if (found) return found;
		try {
			return await finalize.call(this, session, itemIndex);
		} catch {
			const failure = asNodeError.call(this, error, itemIndex);
			failure.description =
				`${failure.description ?? ''} DocSpace did not complete the file: nothing was stored, and the upload session is cancelled.`.trim();
			throw failure;
		}
	}
}
