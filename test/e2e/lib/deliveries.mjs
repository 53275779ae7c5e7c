// Real signed deliveries the emulator sent, sent again to n8n exactly as they were (same bytes,
// same headers): what DocSpace does when it retries, and what a replay looks like.

/** The emulator's delivery attempts to `url` that n8n answered 2xx. */
export function acceptedDeliveries(emu, url) {
	return emu.emu.webhooks.deliveries.filter(
		(d) => d.url === url && d.status >= 200 && d.status <= 299,
	);
}

/** POST the logged attempt again to `url` (default: where it went). */
export async function resend(delivery, url = delivery.url) {
	const res = await fetch(url, {
		method: 'POST',
		headers: delivery.requestHeaders,
		body: delivery.requestBody,
	});
	return { status: res.status, text: await res.text() };
}

/** Sends `count` copies at the same moment; returns the answers. */
export async function resendConcurrently(delivery, count, urls = [delivery.url]) {
	return await Promise.all(
		Array.from({ length: count }, async (_, i) => await resend(delivery, urls[i % urls.length])),
	);
}

/** POST until n8n has registered the webhook again (404 while it activates workflows after a start). */
export async function resendWhenRegistered(delivery, { timeoutMs = 60000 } = {}) {
	const t0 = Date.now();
	for (;;) {
		const answer = await resend(delivery);
		if (answer.status !== 404 || Date.now() - t0 > timeoutMs) return answer;
		await new Promise((r) => setTimeout(r, 500));
	}
}
