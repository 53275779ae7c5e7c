import type { ICredentialTestRequest, INodeProperties } from 'n8n-workflow';

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

/**
 * Rules for n8n's credential test: our advice instead of a bare "Unauthorized" or "Not Found".
 * `rejected` says what to check when DocSpace refuses the secret; a 404 means the address is not
 * a DocSpace portal (or has a page path appended).
 */
export function credentialTestRules(rejected: string): ICredentialTestRequest['rules'] {
	return [
		{ type: 'responseCode', properties: { value: 401, message: rejected } },
		{
			type: 'responseCode',
			properties: {
				value: 404,
				message:
					'No DocSpace portal answers at this Base URL (HTTP 404). Enter the portal address as you open it in the browser, e.g. https://yourportal.onlyoffice.com.',
			},
		},
	];
}
