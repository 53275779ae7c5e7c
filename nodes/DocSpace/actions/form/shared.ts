/** What the form operations share: the form parameter, paths, and reading submissions. */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { docSpaceApi } from '../../transport/request';
import { fileLocator } from '../common.descriptions';
import { locatorId, withParameterNotFound } from '../validation';

export const formParameter: INodeProperties = {
	...fileLocator,
	description: 'The PDF form: a file in a Form Filling room or a virtual data room',
};

export const formPath = (fileId: string, suffix = ''): string => `files/file/${encodeURIComponent(fileId)}${suffix}`;

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
	return await withParameterNotFound(this, { kind: 'file', id: fileId, label: 'Form' }, i, async () =>
		await docSpaceApi.call(this, method, formPath(fileId, suffix), body, undefined, i),
	);
}
