/**
 * ApiKeyResponseDto. The secret is masked as `sk-***{keyPostfix}` unless revealed
 * (only the create response carries the full key).
 */
import type { ApiKey } from '../model.cjs';
import { apiDate, type DtoScope } from './format.cjs';
import { employeeRef } from './people.cjs';

export function apiKeyDto(
	scope: DtoScope,
	apiKey: ApiKey,
	reveal = false,
): Record<string, unknown> {
	const keyPostfix = apiKey.key.slice(-4);
	return {
		id: apiKey.id,
		name: apiKey.name,
		key: reveal ? apiKey.key : `sk-***${keyPostfix}`,
		keyPostfix,
		permissions: [...apiKey.permissions],
		lastUsed: apiKey.lastUsed ? apiDate(apiKey.lastUsed) : undefined,
		createOn: apiDate(apiKey.created),
		createBy: employeeRef(scope, apiKey.userId),
		expiresAt: apiKey.expiresAt ? apiDate(apiKey.expiresAt) : undefined,
		isActive: apiKey.isActive,
	};
}
