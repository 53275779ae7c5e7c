/**
 * API keys: the key of the current request and the permission catalogue.
 */
import { defineRoute, fail, ok } from '../http';
import { apiKeyDto } from '../dto/keys';
import { API_KEY_PERMISSIONS } from '../model';

defineRoute('GET', '/api/2.0/keys/@self', (ctx) => {
	const apiKey = ctx.principal?.apiKey;
	return apiKey
		? ok(apiKeyDto(ctx, apiKey))
		: fail(404, 'The request was not authenticated with an API key');
});

defineRoute('GET', '/api/2.0/keys/permissions', () => ok([...API_KEY_PERMISSIONS]));
