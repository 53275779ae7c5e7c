/** Webhooks of the emulated portal: subscriptions (routes/webhooks.ts) and signed deliveries. */
export {
	emitWebhookEvent,
	type EmitOptions,
	type RawWebhookEntity,
	type WebhookEntity,
} from './deliver';
export {
	webhookHub,
	WebhookHub,
	type PasswordPolicy,
	type WebhookDelivery,
	type WebhookSettings,
	type WebhookSubscription,
} from './hub';
export { TRIGGERS, triggerByName, type TriggerInfo } from './catalogue';
