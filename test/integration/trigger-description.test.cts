/** The DocSpace Trigger's event list (loadOptions through n8n-core's LoadOptionsContext) and its node description. */
import type { ICredentialDataDecryptedObject, INodePropertyOptions } from 'n8n-workflow';

import { credentialData } from '../harness/docspace.cjs';
import { calls, emulator, trigger, useTriggerEmulator } from './trigger.fixtures.cjs';

useTriggerEmulator();

describe('event list (loadOptions)', () => {
	async function loadEvents(
		authentication: 'apiKey' | 'basicAuth',
		credentials: ICredentialDataDecryptedObject,
	): Promise<INodePropertyOptions[]> {
		const harness = await trigger({ events: [] }, { authentication, credentials });
		const method = harness.nodeType.methods.loadOptions.getWebhookEvents;
		return await method.call(harness.editorContext('events'));
	}

	it('lists what the portal offers an admin, All Events first', async () => {
		const options = await loadEvents('apiKey', await credentialData(emulator, 'apiKey'));
		expect(options[0]).toMatchObject({ name: 'All Events', value: '*' });
		expect(options.map((o) => o.value)).toEqual(
			expect.arrayContaining(['user.created', 'file.uploaded', 'folder.downloaded']),
		);
		expect(options).toHaveLength(37);
		expect(calls('GET', '/api/2.0/settings/webhook/triggers')).toHaveLength(1);
	});

	it('leaves out what a plain user may not use', async () => {
		const options = await loadEvents('basicAuth', {
			baseUrl: emulator.url,
			email: emulator.secrets.userEmail,
			password: emulator.secrets.userPassword,
		});
		const values = options.map((o) => o.value);
		expect(values).toContain('file.created');
		expect(values).not.toContain('user.created');
		expect(values).not.toContain('room.created');
		expect(options).toHaveLength(37 - 8);
	});

	it('falls back to the full static list when the portal cannot be asked', async () => {
		const options = await loadEvents('apiKey', { baseUrl: emulator.url, apiKey: 'sk-wrong' });
		expect(options).toHaveLength(37);
		expect(options.find((o) => o.value === 'agent.deleted')?.name).toBe('AI Agent: Deleted');
	});
});

describe('node description', () => {
	it('offers API key, basic auth and personal access token, not OAuth2, and says why', async () => {
		const harness = await trigger({ events: ['file.created'] });
		const { description } = harness.nodeType;
		const authentication = description.properties.find((p) => p.name === 'authentication');
		expect(authentication?.options?.map((o) => (o as INodePropertyOptions).value)).toEqual([
			'apiKey',
			'basicAuth',
			'personalAccessToken',
		]);
		expect(description.credentials?.map((c) => c.name)).toEqual([
			'docSpaceApiKeyApi',
			'docSpaceBasicAuthApi',
			'docSpacePersonalAccessTokenApi',
		]);
		const notice = description.properties.find((p) => p.type === 'notice');
		expect(notice?.displayName).toMatch(/OAuth2/);
		expect(notice?.displayName).toMatch(/API key/);
		expect(description).toMatchObject({
			name: 'docSpaceTrigger',
			displayName: 'ONLYOFFICE DocSpace Trigger',
			inputs: [],
			group: ['trigger'],
		});
		expect(description.usableAsTool).toBeUndefined();
		expect(
			description.webhooks?.map((w) => [w.name, w.httpMethod, w.path, w.responseMode]),
		).toEqual([
			['setup', 'HEAD', 'webhook', 'onReceived'],
			['default', 'POST', 'webhook', 'onReceived'],
		]);
	});
});
