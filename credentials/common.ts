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
 * n8n's credential test request: GET `url` on the portal's API, with our advice instead of a bare
 * "Unauthorized" or "Not Found". `rejected` says what to check when DocSpace refuses the secret.
 * Accept: application/json keeps web apps that answer every path with their HTML page (n8n
 * itself, for one) from passing as a portal: they answer 404 to it.
 */
export function credentialTest(url: string, rejected: string): ICredentialTestRequest {
	return {
		request: { baseURL: apiBaseUrlExpression, url, headers: { Accept: 'application/json' } },
		rules: [
			{ type: 'responseCode', properties: { value: 401, message: rejected } },
			{
				type: 'responseCode',
				properties: {
					value: 404,
					message:
						'No DocSpace portal answers at this Base URL (HTTP 404). Enter the portal address as you open it in the browser, e.g. https://yourportal.onlyoffice.com.',
				},
			},
		],
	};
}
