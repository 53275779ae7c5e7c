import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { uploadToFolder } from '../../transport/upload';
import { optionsCollection, roomLocator } from '../common.descriptions';
import { toItems } from '../helpers';
import { invalidParameter, locatorId, requiredText } from '../../shared/validation';
import { inputBinary, inputBinaryField } from '../file/shared';
import { checkFormAndStart, startFillingField } from './shared';

const properties: INodeProperties[] = [
	{
		...roomLocator,
		description: 'The Form Filling room or virtual data room to put the form into',
	},
	{ ...inputBinaryField, hint: 'The name of the input binary field containing the PDF form' },
	startFillingField,
	optionsCollection([
		{
			displayName: 'File Name',
			name: 'fileName',
			type: 'string',
			default: '',
			placeholder: 'e.g. Application.pdf',
			description:
				'Name of the form in DocSpace, ending in .pdf; the binary’s own file name by default',
		},
	]),
];

export const description = updateDisplayOptions(
	{ show: { resource: ['form'], operation: ['uploadForm'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const roomId = locatorId.call(this, 'room', i);
	const options = this.getNodeParameter('options', i, {}) as IDataObject;
	const content = await inputBinary.call(this, i);
	content.fileName = requiredText.call(this, 'File Name', options.fileName ?? content.fileName, i, {
		example: 'Application.pdf',
	});
	if (!content.fileName.toLowerCase().endsWith('.pdf')) {
		throw invalidParameter.call(
			this,
			i,
			`A form must be a PDF file, and “${content.fileName}” is not`,
			'Upload a PDF form made in the ONLYOFFICE editor, or set “File Name” to a name ending in .pdf.',
		);
	}
	const uploaded = await uploadToFolder.call(this, roomId, content, {
		itemIndex: i,
		createNewIfExist: true,
	});
	const form = await checkFormAndStart.call(this, (uploaded.file ?? uploaded) as IDataObject, i);
	return toItems.call(this, form);
}
