/**
 * The trigger's “Include Form Data” option: for `form.submit` and `form.filled.out` deliveries,
 * fetch the answers of the submission so the workflow gets them without another node, and
 * optionally the completed PDF as binary.
 *
 * `form.submit` carries `{originalForm, submittedForm}` (internal File entities); the
 * submission is read from `GET files/file/{originalForm.id}/submissions`. DocSpace does not link
 * a submission to its completed copy, so the one recorded closest to the completed copy's
 * creation wins (the latest on a tie). `form.filled.out` carries the form itself: its latest
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

import { fetchSubmissions } from '../actions/form/submissions';
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

const timeOf = (value: unknown) =>
	typeof value === 'string'
		? Date.parse(value.endsWith('Z') || /[+-]\d\d:?\d\d$/.test(value) ? value : `${value}Z`)
		: NaN;

/** The submission recorded closest to the completed copy's creation; the latest without one. */
function pick(
	submissions: IDataObject[],
	completed: IDataObject | undefined,
): IDataObject | undefined {
	const at = timeOf(completed?.createOn);
	const byNumber = [...submissions].sort((a, b) => Number(b.formNumber) - Number(a.formNumber));
	if (Number.isNaN(at)) return byNumber[0];
	let best: IDataObject | undefined;
	let bestDistance = Infinity;
	for (const submission of byNumber) {
		const distance = Math.abs(timeOf(submission.submittedAt) - at);
		if (distance < bestDistance) [best, bestDistance] = [submission, distance];
	}
	return best ?? byNumber[0];
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
			await fetchSubmissions.call(this, refs.originalFormId, {}),
			refs.completed,
		);
		const { formNumber, submittedAt, ...fields } = submission ?? {};
		const formData: IDataObject = {
			originalFormId: Number(refs.originalFormId),
			completedFormId: refs.completed?.id,
			formNumber,
			submittedAt,
			submittedBy: event.createBy,
			fields,
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
