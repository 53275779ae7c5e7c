/**
 * Webhook events of PDF forms. `form.submit` carries `{originalForm, submittedForm}` (both
 * internal File entities); `form.filled.out` and `form.stopped` carry the form's File entity.
 * A subscription's targetId may name the form or any folder or room above it.
 */
import type { FileEntry } from './model.cjs';
import type { EmulatorState } from './state.cjs';
import { emitWebhookEvent, payloadOf } from './webhooks/deliver.cjs';

export function emitFormEvent(
	state: EmulatorState,
	trigger: 'form.submit' | 'form.filled.out' | 'form.stopped',
	form: FileEntry,
	actorId: string,
	completed?: FileEntry,
): Promise<void> {
	if (trigger !== 'form.submit' || !completed)
		return emitWebhookEvent(state, trigger, form, { actorId });
	const payload = {
		originalForm: payloadOf(state, form),
		submittedForm: payloadOf(state, completed),
	};
	const ancestors = state.pathOf(form.folderId).map((f) => f.id);
	return emitWebhookEvent(state, trigger, { payload, id: form.id, ancestors }, { actorId });
}
