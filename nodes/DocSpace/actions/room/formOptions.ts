/** The form options of Form Filling rooms (CreateRoomRequestDto / UpdateRoomRequest). */
import type { IDataObject, INodeProperties } from 'n8n-workflow';

export const formOptionFields: INodeProperties[] = [
	{
		displayName: 'Save Form Results as XLSX',
		name: 'saveFormAsXLSX',
		type: 'boolean',
		default: false,
		description:
			'Whether DocSpace also collects the answers of the room’s forms in a spreadsheet (Form Filling rooms only)',
	},
	{
		displayName: 'Send Form Data to External Database',
		name: 'sendFormToExternalDB',
		type: 'boolean',
		default: false,
		description:
			'Whether DocSpace sends the answers of the room’s forms to the portal’s external database (Form Filling rooms only)',
	},
];

/** The form options set in `fields`, as DocSpace's request body wants them. */
export function formOptionsBody(fields: IDataObject): IDataObject {
	const body: IDataObject = {};
	for (const { name } of formOptionFields)
		if (fields[name] !== undefined) body[name] = fields[name] === true;
	return body;
}
