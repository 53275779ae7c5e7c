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

/**
 * What the nodes' credential test (`testedBy`) asks the portal with a credential of this type:
 * GET `path` on the portal's API, and what to check when DocSpace refuses the secret (HTTP 401).
 */
export interface CredentialProbe {
	path: string;
	rejected: string;
}
