import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { docSpaceApiList } from '../transport/request';
import { eventOptions, labelOf, WEBHOOK_EVENTS } from './events';

/**
 * The events the portal offers to this account (`available: true`), or the full static list
 * when the portal cannot be asked (no credential yet, portal offline): the choice is still
 * validated by DocSpace when the workflow is activated.
 */
export async function getWebhookEvents(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	let catalogue: IDataObject[];
	try {
		catalogue = await docSpaceApiList.call(this, 'GET', 'settings/webhook/triggers');
	} catch {
		return eventOptions(WEBHOOK_EVENTS);
	}
	const available = catalogue
		.filter((entry) => typeof entry.name === 'string' && entry.available !== false)
		.map((entry) => ({ name: entry.name as string, label: labelOf(entry.name as string) }));
	return eventOptions(available.length > 0 ? available : WEBHOOK_EVENTS);
}
