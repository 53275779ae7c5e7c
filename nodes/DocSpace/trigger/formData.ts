/**
 * The trigger's “Include Form Data” option: for `form.submit` and `form.filled.out` deliveries,
 * fetch the answers of the submission so the workflow gets them without another node, and
 * optionally the completed PDF as binary.
 *
 * `form.submit` carries `{originalForm, submittedForm}` (internal File entities); the
 * submissions are read as Form → Get Submissions reads them (shared/completedForms.ts) and the one
 * linked to `submittedForm` is taken. `form.filled.out` carries the form itself: its latest
 * submission is taken. A failed look-up does not lose the event: the item then carries
 * `formDataError` instead.
 */
import type {
	IBinaryKeyData,
	IDataObject,
	INodeExecutionData,
	INodeProperties,
	IWebhookFunctions,
} from 'n8n-workflow';

import { fetchLinkedSubmissions, formNumberOfTitle } from '../shared/completedForms';
import { resolveCredentials } from '../transport/credentials';
import { isRecord } from '../transport/json';
import { docSpaceRequest } from '../transport/request';

const FORM_EVENTS = ['form.submit', 'form.filled.out'];

export const formDataOptions: INodeProperties[] = [
	{
		displayName: 'Include Form Data',
		name: 'includeFormData',
		type: 'boolean',
		default: false,
		description:
			'Whether to add, for form.submit and form.filled.out, the submission’s field values, its form number and the completed form’s ID as the field formData',
	},
	{
		displayName: 'Include Completed Form File',
		name: 'includeCompletedForm',
		type: 'boolean',
		default: false,
		description:
			'Whether to also download the completed PDF form into the binary field data (with Include Form Data)',
	},
];

interface FormRefs {
	originalFormId: string;
	completed?: IDataObject;
}

function refsOf(payload: unknown): FormRefs | undefined {
	if (!isRecord(payload)) return undefined;
	if (isRecord(payload.originalForm) && payload.originalForm.id !== undefined) {
		return {
			originalFormId: String(payload.originalForm.id),
			completed: isRecord(payload.submittedForm) ? payload.submittedForm : undefined,
		};
	}
	return payload.id !== undefined ? { originalFormId: String(payload.id) } : undefined;
}

/**
 * The submission of a delivery: for form.submit the one linked to the delivered completed copy
 * (by its ID, else by the number its title starts with), for form.filled.out the latest.
 */
function pick(
	submissions: IDataObject[],
	completed: IDataObject | undefined,
): IDataObject | undefined {
	if (!completed) {
		return [...submissions].sort((a, b) => Number(b.formNumber) - Number(a.formNumber))[0];
	}
	const number = formNumberOfTitle(completed.title);
	return (
		submissions.find((s) => s.completedFormId === completed.id) ??
		submissions.find((s) => number !== undefined && s.formNumber === number)
	);
}

async function completedFile(
	this: IWebhookFunctions,
	completed: IDataObject,
): Promise<IBinaryKeyData> {
	const { portalUrl } = await resolveCredentials(this);
	const result = await docSpaceRequest.call(this, {
		method: 'GET',
		path: `${portalUrl}/filehandler.ashx`,
		qs: { action: 'download', fileid: String(completed.id) },
		encoding: 'arraybuffer',
	});
	const bytes = Buffer.from(result.data as ArrayBuffer);
	const title =
		typeof completed.title === 'string' && completed.title
			? completed.title
			: `form-${String(completed.id)}.pdf`;
	return { data: await this.helpers.prepareBinaryData(bytes, title, 'application/pdf') };
}

/** Adds `formData` (and the completed PDF) to a form event's item when the option is on. */
export async function withFormData(
	this: IWebhookFunctions,
	item: INodeExecutionData,
): Promise<INodeExecutionData> {
	const options = this.getNodeParameter('options', {}) as IDataObject;
	const event = isRecord(item.json.event) ? item.json.event : {};
	if (options.includeFormData !== true || !FORM_EVENTS.includes(String(event.trigger))) return item;
	const refs = refsOf(item.json.payload);
	if (!refs) return { ...item, json: { ...item.json, formDataError: 'The event names no form' } };
	try {
		const submission = pick(
			await fetchLinkedSubmissions.call(this, refs.originalFormId, {}),
			refs.completed,
		);
		const { formNumber, submittedAt, submittedBy, completedFormId, ...fields } = submission ?? {};
		const formData: IDataObject = {
			originalFormId: Number(refs.originalFormId),
			completedFormId: refs.completed?.id ?? completedFormId ?? null,
			formNumber: formNumber ?? null,
			submittedAt: submittedAt ?? null,
			// The delivered copy names its creator even when the results folder cannot be read.
			submittedBy:
				submittedBy ??
				(typeof refs.completed?.createBy === 'string'
					? { id: refs.completed.createBy, name: null, email: null }
					: null),
			fields: submission ? fields : null,
		};
		const binary =
			options.includeCompletedForm === true && refs.completed
				? await completedFile.call(this, refs.completed)
				: undefined;
		return { ...item, json: { ...item.json, formData }, ...(binary ? { binary } : {}) };
	} catch (error) {
		return {
			...item,
			json: { ...item.json, formDataError: error instanceof Error ? error.message : String(error) },
		};
	}
}
