import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { binaryContent, uploadToFolder } from '../../transport/upload';
import { roomLocator } from '../common.descriptions';
import { toItems } from '../helpers';
import { invalidParameter, locatorId, requiredText } from '../validation';
import { inputBinaryField } from '../file/shared';
import { formCall } from './shared';

const properties: INodeProperties[] = [
	{ ...roomLocator, description: 'The Form Filling room or virtual data room to put the form into' },
	{ ...inputBinaryField, hint: 'The name of the input binary field containing the PDF form' },
	{
		displayName: 'Start Filling',
		name: 'startFilling',
		type: 'boolean',
		default: true,
		description: 'Whether to open the form for filling right after the upload',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'File Name',
				name: 'fileName',
				type: 'string',
				default: '',
				placeholder: 'e.g. Application.pdf',
				description: 'Name of the form in DocSpace, ending in .pdf; the binary’s own file name by default',
			},
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['form'], operation: ['uploadForm'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const roomId = locatorId.call(this, 'room', i);
	const options = this.getNodeParameter('options', i, {}) as IDataObject;
	const content = await binaryContent.call(this, i, String(this.getNodeParameter('binaryPropertyName', i, 'data')), 'Input Binary Field');
	content.fileName = requiredText.call(this, 'File Name', options.fileName ?? content.fileName, i, { example: 'Application.pdf' });
	if (!content.fileName.toLowerCase().endsWith('.pdf')) {
		throw invalidParameter.call(this, i, `A form must be a PDF file, and “${content.fileName}” is not`, 'Upload a PDF form made in the ONLYOFFICE editor, or set “File Name” to a name ending in .pdf.');
	}
	const uploaded = await uploadToFolder.call(this, roomId, content, { itemIndex: i, createNewIfExist: true });
	const file = (uploaded.file ?? uploaded) as IDataObject;
	const fileId = String(file.id);
	const check = await formCall.call(this, fileId, i, 'GET', '/isformpdf');
	if (check.value !== true) {
		throw new NodeOperationError(this.getNode(), `“${content.fileName}” was uploaded (file ${fileId}), but DocSpace does not take it for a PDF form`, {
			itemIndex: i,
			description: 'DocSpace fills only PDF forms made in the ONLYOFFICE editor (a PDF with fields made elsewhere is a plain PDF to it). Open the PDF in DocSpace, save it as a form, and use that file.',
		});
	}
	const form = this.getNodeParameter('startFilling', i, true) ? await formCall.call(this, fileId, i, 'PUT', '/startfilling') : file;
	return toItems.call(this, form);
}
