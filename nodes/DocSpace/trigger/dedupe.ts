/**
 * Remembering accepted DocSpace events, so that a redelivery starts nothing.
 *
 * Why the ids are kept twice. n8n loads the workflow's static data from its database for every
 * production webhook request and saves it only when the object is flagged as changed
 * (`__dataChanged`), in the callback that answers the request. When the node returns
 * `workflowData` and lets n8n answer, n8n 2.x starts the execution first, and starting it builds
 * another `Workflow` over the same static data object, which resets that flag to false
 * (`WorkflowRunner.run` → `establishContextForPersistence` → `ObservableObject.create`); the
 * save then finds nothing changed and the ids are lost. The execution itself runs on static
 * data freshly read from the database, so it cannot save them either. (n8n 1.x answers an
 * `onReceived` webhook, and saves, before it starts the execution.) When the node answers the
 * request itself (`noWebhookResponse`), both call the save before they start the execution, so
 * the ids reach the database, though only after the answer has gone out: another process can still
 * accept a copy sent at once after that answer. n8n offers a webhook no atomic store shared between
 * processes: the save rewrites the whole static data of the workflow unconditionally, two requests
 * read it independently, and n8n 2.x's unique execution `deduplicationKey` is open to trigger nodes'
 * `emit` only, not to webhooks.
 * So the ids are also held in this process's memory, claimed synchronously (no `await` between
 * the check and the claim), which makes concurrent copies within one n8n process safe, and each
 * save writes the union of both.
 */
import type { IWebhookFunctions } from 'n8n-workflow';

import type { TriggerStaticData } from './registration';

/** How many accepted event ids are remembered per trigger node. */
export const RECENT_EVENT_IDS = 500;
/** How many trigger nodes this process remembers ids for (least recently used are dropped). */
const NODES_REMEMBERED = 200;

const accepted = new Map<string, string[]>();

type NodeIdentity = Pick<IWebhookFunctions, 'getNode' | 'getWorkflow'>;

function memoryKey(context: NodeIdentity): string {
	const node = context.getNode();
	return `${context.getWorkflow().id ?? ''}\u0000${node.id ?? node.name}`;
}

function recentInMemory(key: string): string[] {
	const ids = accepted.get(key) ?? [];
	// Map order is insertion order: re-inserting marks the node as recently used.
	accepted.delete(key);
	accepted.set(key, ids);
	while (accepted.size > NODES_REMEMBERED) accepted.delete(accepted.keys().next().value as string);
	return ids;
}

function stored(data: TriggerStaticData): string[] {
	return Array.isArray(data.recentEventIds) ? data.recentEventIds.map(String) : [];
}

/** The last `RECENT_EVENT_IDS` distinct ids of both lists, in order of acceptance where known. */
function merged(fromDatabase: string[], fromMemory: string[]): string[] {
	const memory = new Set(fromMemory);
	const ids = [...fromDatabase.filter((id) => !memory.has(id)), ...fromMemory];
	return ids.slice(-RECENT_EVENT_IDS);
}

export interface EventMemory {
	/** Whether the event was already accepted by this process or, as saved, by any process. */
	has(eventKey: string): boolean;
	/** Records the event as accepted, in memory at once and in the static data n8n saves next. */
	claim(eventKey: string): void;
}

export function eventMemory(context: NodeIdentity, data: TriggerStaticData): EventMemory {
	const key = memoryKey(context);
	return {
		has: (eventKey) => recentInMemory(key).includes(eventKey) || stored(data).includes(eventKey),
		claim: (eventKey) => {
			const ids = [...recentInMemory(key).filter((id) => id !== eventKey), eventKey].slice(
				-RECENT_EVENT_IDS,
			);
			accepted.set(key, ids);
			data.recentEventIds = merged(stored(data), ids);
		},
	};
}

/** Forgets what this process remembered for the node (its subscription was removed). */
export function forgetEvents(context: NodeIdentity): void {
	accepted.delete(memoryKey(context));
}
