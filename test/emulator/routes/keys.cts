/**
 * API keys: the key of the current request and the permission catalogue.
 */
import { defineRoute, fail, ok } from '../http.cjs';
import { apiKeyDto } from '../dto/keys.cjs';
import { API_KEY_PERMISSIONS } from '../model.cjs';

defineRoute('GET', '/api/2.0/keys/@self', (ctx) => {
	const apiKey = ctx.principal?.apiKey;
	return apiKey
		? ok(apiKeyDto(ctx, apiKey))
		: fail(404, 'The request was not authenticated with an API key');
});

defineRoute('GET', '/api/2.0/keys/permissions', () => ok([...API_KEY_PERMISSIONS]));
