/**
 * Who submitted each completed copy of a form, and the copy's file ID.
 *
 * DocSpace's submission record (FormResultsDto) holds only `createOn` and the answers, whose
 * `FormNumber` entry is the copy's number. DocSpace saves each completed copy, created by the
 * submitter, in the form's results folder (the original form's FileDto `resultsFolderId`, Form
 * Filling rooms only) as “N - First Last - Form (dd-MM-yyyy H-mm).pdf”, N being that number.
 * A submission is linked to the one PDF there whose title starts with its number; when there is
 * none or more than one (renamed, moved, deleted or copied files, no results folder, no access to
 * it) `completedFormId` and `submittedBy` are null.
 */
import type { IDataObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import type { DocSpaceContext } from '../transport/credentials';
import { asNodeError } from '../transport/errors';
import { isRecord } from '../transport/json';
import { docSpacePaginate, pickFolderContent } from '../transport/paginate';
import { docSpaceCall } from '../transport/request';
import { apiPath } from '../transport/path';
import { fetchSubmissions } from './submissions';

/** DocSpace FilterType 1: files only. */
const FILES_ONLY = 1;

export interface Submitter extends IDataObject {
	id: string;
	name: string | null;
	email: string | null;
}

/** The form number a completed copy's title starts with. */
export function formNumberOfTitle(title: unknown): number | undefined {
	const match = typeof title === 'string' ? /^(\d+) - .*\.pdf$/i.exec(title) : null;
	return match ? Number(match[1]) : undefined;
}

/** The PDFs of the form's results folder by the number their title starts with. */
async function completedCopies(
	this: DocSpaceContext,
	formId: string,
	itemIndex?: number,
): Promise<Map<number, IDataObject[]>> {
	const byNumber = new Map<number, IDataObject[]>();
	const form = await docSpaceCall.call(this, {
		method: 'GET',
		path: apiPath`files/file/${formId}`,
		itemIndex,
	});
	if (form.resultsFolderId === undefined || form.resultsFolderId === null) return byNumber;
	let files: IDataObject[];
	try {
		files = await docSpacePaginate.call(this, {
			path: apiPath`files/${String(form.resultsFolderId)}`,
			qs: { filterType: FILES_ONLY },
			pick: pickFolderContent,
			itemIndex,
		});
	} catch (error) {
		// A results folder the account may not open (or that is gone) links nothing.
		if (error instanceof NodeApiError && ['403', '404'].includes(String(error.httpCode)))
			return byNumber;
		throw asNodeError.call(this, error, itemIndex);
	}
	for (const file of files) {
		const number = formNumberOfTitle(file.title);
		if (number === undefined || file.fileEntryType === 1) continue;
		byNumber.set(number, [...(byNumber.get(number) ?? []), file]);
	}
	return byNumber;
}

/** The completed copy's creator, with the e-mail from the profile when the account may read it. */
async function submitterOf(
	this: DocSpaceContext,
	file: IDataObject,
	emails: Map<string, Promise<string | null>>,
): Promise<Submitter | null> {
	const creator = isRecord(file.createdBy) ? file.createdBy : undefined;
	if (!creator || typeof creator.id !== 'string') return null;
	const id = creator.id;
	let email = emails.get(id);
	if (!email) {
		// Anonymous fillers (a public link) are DocSpace's Guest account, which has no profile.
		email =
			creator.isAnonim === true
				? Promise.resolve(null)
				: docSpaceCall
						.call(this, { method: 'GET', path: apiPath`people/${id}` })
						.then((user) => (typeof user.email === 'string' ? user.email : null))
						.catch(() => null);
		emails.set(id, email);
	}
	return {
		id,
		name: typeof creator.displayName === 'string' ? creator.displayName : null,
		email: await email,
	};
}

/**
 * The submissions of a form (see fetchSubmissions), each with `submittedBy` and
 * `completedFormId` taken from its completed copy.
 */
export async function fetchLinkedSubmissions(
	this: DocSpaceContext,
	formId: string,
	options: { limit?: number; itemIndex?: number },
): Promise<IDataObject[]> {
	const submissions = await fetchSubmissions.call(this, formId, options);
	if (submissions.length === 0) return submissions;
	const copies = await completedCopies.call(this, formId, options.itemIndex);
	const emails = new Map<string, Promise<string | null>>();
	const linked: IDataObject[] = [];
	for (const submission of submissions) {
		const candidates = copies.get(Number(submission.formNumber)) ?? [];
		const copy = candidates.length === 1 ? candidates[0] : undefined;
		linked.push({
			...submission,
			submittedBy: copy ? await submitterOf.call(this, copy, emails) : null,
			completedFormId: copy ? (copy.id as number) : null,
		});
	}
	return linked;
}
