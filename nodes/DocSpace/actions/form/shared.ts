/** What the form operations share: the form parameter, paths, and reading submissions. */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { docSpaceCall } from '../../transport/request';
import { fileLocator, listedBy } from '../common.descriptions';
import { locatorId, withParameterNotFound } from '../../shared/validation';
import { apiPath } from '../../transport/path';

/** The file locator whose list holds PDF forms only, in My documents and every room. */
export const formLocator: INodeProperties = listedBy(fileLocator, 'searchForms');

export const formParameter: INodeProperties = {
	...formLocator,
	description: 'The PDF form: a file in a Form Filling room or a virtual data room',
};

export const formPath = (fileId: string, suffix = ''): string =>
	apiPath`files/file/${fileId}` + suffix;

export function formId(this: IExecuteFunctions, i: number): string {
	return locatorId.call(this, 'file', i, { label: 'Form' });
}

/** A DocSpace call about the form; its 404 names the Form parameter. */
export async function formCall(
	this: IExecuteFunctions,
	fileId: string,
	i: number,
	method: 'GET' | 'PUT' | 'POST',
	suffix: string,
	body?: IDataObject,
): Promise<IDataObject> {
	return await withParameterNotFound(
		this,
		{ kind: 'file', id: fileId, label: 'Form' },
		i,
		async () =>
			await docSpaceCall.call(this, { method, path: formPath(fileId, suffix), body, itemIndex: i }),
	);
}

export const startFillingField: INodeProperties = {
	displayName: 'Start Filling',
	name: 'startFilling',
	type: 'boolean',
	default: true,
	description: 'Whether to open the form for filling right away',
};

/**
 * Checks with `isformpdf` that DocSpace takes the new file for a form, then starts filling when
 * Start Filling is on. Returns the file as it then stands.
 */
export async function checkFormAndStart(
	this: IExecuteFunctions,
	file: IDataObject,
	i: number,
): Promise<IDataObject> {
	const fileId = String(file.id);
	const check = await formCall.call(this, fileId, i, 'GET', '/isformpdf');
	if (check.value !== true) {
		throw new NodeOperationError(
			this.getNode(),
			`“${String(file.title)}” was stored (file ${fileId}), but DocSpace does not take it for a PDF form`,
			{
				itemIndex: i,
				description:
					'DocSpace fills only PDF forms made in the ONLYOFFICE editor (a PDF with fields made elsewhere is a plain PDF to it). Open the PDF in DocSpace, save it as a form, and use that file.',
			},
		);
	}
	return this.getNodeParameter('startFilling', i, true)
		? await formCall.call(this, fileId, i, 'PUT', '/startfilling')
		: file;
}
