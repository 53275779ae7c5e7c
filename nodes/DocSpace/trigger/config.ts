import type { IDataObject, IHookFunctions, IWebhookFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { locatorSpecs } from '../shared/locators';
import { idFromLocator } from '../shared/validation';
import { docSpaceApiList } from '../transport/request';
import { ALL_EVENTS, triggerMask } from './events';

type TriggerContext = IHookFunctions | IWebhookFunctions;

export const TARGET_TYPES = ['room', 'folder', 'file', 'user', 'group'] as const;
export type TargetType = (typeof TARGET_TYPES)[number];

/** DocSpace limits a webhook name to 50 characters. */
const NAME_LIMIT = 50;

export interface Target {
	type: TargetType;
	id: string;
}

/** What the node's parameters ask DocSpace to send. */
export interface DesiredSubscription {
	name: string;
	uri: string;
	ssl: boolean;
	/** The selected event names (`*` = all). */
	events: string[];
	triggers: number;
	target?: Target;
}

export function selectedEvents(this: TriggerContext): string[] {
	const raw = this.getNodeParameter('events', []) as unknown;
	const list = Array.isArray(raw) ? raw : typeof raw === 'string' ? raw.split(',') : [];
	const names = [...new Set(list.map((v) => String(v).trim()).filter(Boolean))];
	if (names.length === 0) {
		throw new NodeOperationError(this.getNode(), 'The parameter “Events” is empty', {
			description: 'Select at least one event, or All Events.',
		});
	}
	return names;
}

export function selectedTarget(this: TriggerContext): Target | undefined {
	const type = this.getNodeParameter('targetType', 'none') as string;
	if (type === 'none' || !type) return undefined;
	if (!(TARGET_TYPES as readonly string[]).includes(type)) {
		throw new NodeOperationError(
			this.getNode(),
			`The parameter “Target” has an unknown value “${type}”`,
			{
				description: 'Choose None, Room, Folder, File, User or Group.',
			},
		);
	}
	const kind = type as TargetType;
	const raw = this.getNodeParameter(locatorSpecs[kind].name, '') as unknown;
	return { type: kind, id: idFromLocator.call(this, kind, raw, undefined, { allowMy: false }) };
}

function subscriptionName(this: IHookFunctions): string {
	const workflow = this.getWorkflow();
	const name = `n8n: ${workflow.name?.trim() || `workflow ${workflow.id ?? ''}`.trim()}`;
	return name.length > NAME_LIMIT ? `${name.slice(0, NAME_LIMIT - 1)}…` : name;
}

/** Flags for event names this package does not know, from the portal's own catalogue. */
async function portalFlags(this: IHookFunctions, names: string[]): Promise<Map<string, number>> {
	const catalogue = await docSpaceApiList.call(this, 'GET', 'settings/webhook/triggers');
	const flags = new Map<string, number>();
	for (const entry of catalogue as IDataObject[]) {
		if (typeof entry.name === 'string' && names.includes(entry.name))
			flags.set(entry.name, Number(entry.id));
	}
	return flags;
}

export async function desiredSubscription(this: IHookFunctions): Promise<DesiredSubscription> {
	const events = selectedEvents.call(this);
	const target = selectedTarget.call(this);
	let { mask, unknown } = triggerMask(events);
	if (unknown.length > 0)
		({ mask, unknown } = triggerMask(events, await portalFlags.call(this, unknown)));
	if (unknown.length > 0) {
		throw new NodeOperationError(
			this.getNode(),
			`The parameter “Events” holds events DocSpace does not know: ${unknown.join(', ')}`,
			{
				description:
					'Pick the events from the list again; the portal may run an older DocSpace version.',
			},
		);
	}
	const uri = this.getNodeWebhookUrl('default');
	if (!uri)
		throw new NodeOperationError(
			this.getNode(),
			'n8n did not provide a webhook URL for this trigger',
		);
	const { sslVerification = true } = this.getNodeParameter('options', {}) as {
		sslVerification?: boolean;
	};
	return {
		name: subscriptionName.call(this),
		uri,
		// DocSpace refuses ssl:true for an http URL.
		ssl: sslVerification && /^https:/i.test(uri),
		events: events.includes(ALL_EVENTS) ? [ALL_EVENTS] : events,
		triggers: mask,
		target,
	};
}
