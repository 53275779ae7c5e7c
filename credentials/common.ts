import type { INodeProperties } from 'n8n-workflow';

export const baseUrlProperty: INodeProperties = {
	displayName: 'Base URL',
	name: 'baseUrl',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. https://yourportal.onlyoffice.com',
	hint: 'The address of your DocSpace portal, as you open it in the browser',
};

/** The portal's REST root; accepts a trailing slash or a pasted /api/2.0 suffix. */
export const apiBaseUrlExpression =
	'={{ String($credentials.baseUrl).trim().replace(/\\/+$/, "").replace(/\\/api\\/2\\.0$/i, "") + "/api/2.0" }}';
