import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { docSpaceCall } from '../../transport/request';
import { roomLocator } from '../common.descriptions';
import { toItems } from '../helpers';
import {
	invalidParameter,
	locatorId,
	optionalText,
	withParameterNotFound,
} from '../../shared/validation';
import { checkFormAndStart, formLocator, startFillingField } from './shared';
import { apiPath } from '../../transport/path';

const properties: INodeProperties[] = [
	{
		...roomLocator,
		description: 'The Form Filling room or virtual data room to put the form into',
	},
	{
		...formLocator,
		displayName: 'Template Form',
		name: 'templateFileId',
		description: 'A PDF form in DocSpace to copy, e.g. one kept in My documents',
	},
	{
		displayName: 'Title',
		name: 'title',
		type: 'string',
		default: '',
		placeholder: 'e.g. Job application.pdf',
		description: 'Name of the new form, ending in .pdf; the template’s name by default',
	},
	startFillingField,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['form'], operation: ['createFromFile'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const roomId = locatorId.call(this, 'room', i);
	const templateId = locatorId.call(this, 'file', i, {
		name: 'templateFileId',
		label: 'Template Form',
	});
	const entity = { kind: 'file' as const, id: templateId, label: 'Template Form' };
	const template = await withParameterNotFound(
		this,
		entity,
		i,
		async () =>
			await docSpaceCall.call(this, {
				method: 'GET',
				path: apiPath`files/file/${templateId}`,
				itemIndex: i,
			}),
	);
	const title =
		optionalText.call(this, 'Title', this.getNodeParameter('title', i, ''), i) ||
		String(template.title);
	if (!title.toLowerCase().endsWith('.pdf')) {
		throw invalidParameter.call(
			this,
			i,
			`A form must be a PDF file, and “${title}” is not`,
			'Pick a PDF form as the template, or give a title ending in .pdf.',
		);
	}
	const created = await withParameterNotFound(
		this,
		{ kind: 'room', id: roomId },
		i,
		async () =>
			await docSpaceCall.call(this, {
				method: 'POST',
				path: apiPath`files/${roomId}/file`,
				body: { title, templateId: Number(templateId) },
				itemIndex: i,
			}),
	);
	return toItems.call(this, await checkFormAndStart.call(this, created as IDataObject, i));
}
