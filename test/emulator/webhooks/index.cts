/** Webhooks of the emulated portal: subscriptions (routes/webhooks.cts) and signed deliveries. */
export {
	emitWebhookEvent,
	type EmitOptions,
	type RawWebhookEntity,
	type WebhookEntity,
} from './deliver.cjs';
export {
	webhookHub,
	WebhookHub,
	type PasswordPolicy,
	type WebhookDelivery,
	type WebhookSettings,
	type WebhookSubscription,
} from './hub.cjs';
export { TRIGGERS, triggerByName, type TriggerInfo } from './catalogue.cjs';
