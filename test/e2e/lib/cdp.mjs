// A small Chrome DevTools Protocol client (zero dependencies; Node 24 has WebSocket and fetch).
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startProcess, stopProcess, sleep, waitFor } from './procs.mjs';

export function findChromium() {
	for (const p of [
		process.env.CHROMIUM_BIN,
		'/usr/bin/chromium',
		'/usr/bin/chromium-browser',
		'/usr/bin/google-chrome',
	]) {
		if (p) {
			try {
				if (statSync(p).isFile()) return p;
			} catch {}
		}
	}
	return null;
}

export class Browser {
	static async launch({ bin, userDataDir, logFile, width = 1400, height = 900 }) {
		mkdirSync(userDataDir, { recursive: true });
		const proc = startProcess(
			'chromium',
			bin,
			[
				'--headless',
				'--no-sandbox',
				'--disable-gpu',
				'--disable-dev-shm-usage',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
				'--disable-extensions',
				'--no-first-run',
				'--no-default-browser-check',
				'--remote-debugging-address=127.0.0.1',
				'--remote-debugging-port=0',
				`--window-size=${width},${height}`,
				`--user-data-dir=${userDataDir}`,
				'about:blank',
			],
			{ logFile },
		);
		const wsLine = await waitFor(
			() => proc.tail.find((l) => l.includes('DevTools listening on ws://')),
			{
				timeoutMs: 30000,
				message: 'chromium DevTools endpoint',
			},
		);
		const port = new URL(wsLine.slice(wsLine.indexOf('ws://'))).port;
		const targets = await waitFor(
			async () => {
				const list = await (await fetch(`http://127.0.0.1:${port}/json/list`)).json();
				return list.find((t) => t.type === 'page') ? list : null;
			},
			{ message: 'chromium page target' },
		);
		const page = new Page(targets.find((t) => t.type === 'page').webSocketDebuggerUrl);
		await page.open();
		await page.send('Page.enable');
		await page.send('Runtime.enable');
		await page.send('Network.enable');
		await page.send('Emulation.setDeviceMetricsOverride', {
			width,
			height,
			deviceScaleFactor: 1,
			mobile: false,
		});
		/** The first other page (a popup) whose URL includes `urlPart`, attached. */
		const popup = async (urlPart, timeoutMs = 20000) => {
			const target = await waitFor(
				async () => {
					const list = await (await fetch(`http://127.0.0.1:${port}/json/list`)).json();
					return list.find((t) => t.type === 'page' && t.url.includes(urlPart));
				},
				{ timeoutMs, intervalMs: 300, message: `a browser window at ${urlPart}` },
			);
			const p = new Page(target.webSocketDebuggerUrl);
			await p.open();
			await p.send('Runtime.enable');
			return p;
		};
		return {
			proc,
			page,
			popup,
			close: async () => {
				page.close();
				await stopProcess(proc, 3000);
			},
		};
	}
}

export class Page {
	constructor(wsUrl) {
		this.wsUrl = wsUrl;
		this.nextId = 0;
		this.pending = new Map();
		this.consoleErrors = [];
		this.listeners = new Set();
	}

	async open() {
		this.ws = new WebSocket(this.wsUrl);
		await new Promise((resolve, reject) => {
			this.ws.addEventListener('open', resolve, { once: true });
			this.ws.addEventListener('error', () => reject(new Error('CDP websocket error')), {
				once: true,
			});
		});
		this.ws.addEventListener('message', (ev) => {
			const msg = JSON.parse(ev.data);
			if (msg.id && this.pending.has(msg.id)) {
				const { resolve, reject, method } = this.pending.get(msg.id);
				this.pending.delete(msg.id);
				if (msg.error) reject(new Error(`${method}: ${msg.error.message}`));
				else resolve(msg.result);
			} else if (msg.method === 'Runtime.exceptionThrown') {
				this.consoleErrors.push(msg.params.exceptionDetails?.exception?.description ?? 'exception');
			}
			// "leave the page with unsaved changes?" and the like: answered yes, as the checks navigate on purpose
			if (msg.method === 'Page.javascriptDialogOpening')
				this.send('Page.handleJavaScriptDialog', { accept: true }).catch(() => {});
			if (msg.method) for (const l of this.listeners) l(msg);
		});
	}

	send(method, params = {}) {
		const id = ++this.nextId;
		return new Promise((resolve, reject) => {
			this.pending.set(id, { resolve, reject, method });
			this.ws.send(JSON.stringify({ id, method, params }));
		});
	}

	async eval(expression) {
		const r = await this.send('Runtime.evaluate', {
			expression,
			returnByValue: true,
			awaitPromise: true,
		});
		if (r.exceptionDetails)
			throw new Error(
				`page error: ${r.exceptionDetails.exception?.description ?? r.exceptionDetails.text}`,
			);
		return r.result.value;
	}

	/** Resolves with the first response (Network.responseReceived params) whose URL includes `urlPart`; call before the action that causes it. */
	nextResponse(urlPart, timeoutMs = 30000) {
		return new Promise((resolve, reject) => {
			const timer = setTimeout(() => {
				this.listeners.delete(listener);
				reject(new Error(`no response from ${urlPart} within ${timeoutMs} ms`));
			}, timeoutMs);
			const listener = (msg) => {
				if (msg.method !== 'Network.responseReceived' || !msg.params.response.url.includes(urlPart))
					return;
				clearTimeout(timer);
				this.listeners.delete(listener);
				resolve(msg.params);
			};
			this.listeners.add(listener);
		});
	}

	waitFor(expression, timeoutMs = 30000, message = expression) {
		return waitFor(() => this.eval(expression), { timeoutMs, intervalMs: 300, message });
	}

	/** Whether `expression` becomes truthy within `timeoutMs`: waitFor without its error. */
	becomesTrue(expression, timeoutMs) {
		return this.waitFor(expression, timeoutMs, '').then(
			() => true,
			() => false,
		);
	}

	async goto(url) {
		await this.send('Page.navigate', { url });
	}

	async setCookie(name, value, url) {
		await this.send('Network.setCookie', { name, value, url });
	}

	async type(text) {
		await this.send('Input.insertText', { text });
	}

	async press(key, code = key, keyCode = 0) {
		await this.send('Input.dispatchKeyEvent', {
			type: 'keyDown',
			key,
			code,
			windowsVirtualKeyCode: keyCode,
		});
		await this.send('Input.dispatchKeyEvent', {
			type: 'keyUp',
			key,
			code,
			windowsVirtualKeyCode: keyCode,
		});
	}

	/** Real mouse click (or double click) at the centre of the first element matching `selector`. */
	async click(selector, clickCount = 1) {
		return this.clickOn(
			`document.querySelector(${JSON.stringify(selector)})`,
			clickCount,
			`no element ${selector}`,
		);
	}

	/** Real mouse click at the centre of the element the JS expression `element` evaluates to. */
	async clickOn(element, clickCount = 1, missing = `no element for ${element}`) {
		const box = await this.eval(`(() => { const e = (${element}); if (!e) return null;
			e.scrollIntoView({block: 'center'}); const r = e.getBoundingClientRect(); return {x: r.x + r.width / 2, y: r.y + r.height / 2}; })()`);
		if (!box) throw new Error(missing);
		await this.send('Input.dispatchMouseEvent', { type: 'mouseMoved', x: box.x, y: box.y });
		for (let n = 1; n <= clickCount; n++) {
			for (const type of ['mousePressed', 'mouseReleased']) {
				await this.send('Input.dispatchMouseEvent', {
					type,
					x: box.x,
					y: box.y,
					button: 'left',
					clickCount: n,
				});
			}
		}
	}

	/** Clicks the visible element under `scope` whose own text is exactly `text` (buttons, menu items, tabs). */
	async clickText(text, scope = 'body', tags = 'button, a, li, span, div, label') {
		await this.waitFor(`!!${byText(text, scope, tags)}`, 15000, `"${text}" in ${scope}`);
		await this.clickOn(byText(text, scope, tags));
	}

	/** Clicks into the input (expression or selector), selects what it holds and types `text` as a user would. */
	async fill(input, text) {
		const element = input.includes('(')
			? input
			: `document.querySelector(${JSON.stringify(input)})`;
		await this.clickOn(element);
		await this.eval(`(() => { const e = (${element}); e.focus(); e.select?.(); return true; })()`);
		await this.press('Backspace', 'Backspace', 8);
		await this.type(text);
	}

	async screenshot(dir, name) {
		mkdirSync(dir, { recursive: true });
		const { data } = await this.send('Page.captureScreenshot', { format: 'png' });
		const file = join(dir, `${name}.png`);
		writeFileSync(file, Buffer.from(data, 'base64'));
		return file;
	}

	close() {
		try {
			this.ws?.close();
		} catch {}
	}
}

/** JS expression: the innermost visible element under `scope` matching `tags` whose text is exactly `text`. */
export function byText(text, scope = 'body', tags = 'button, a, li, span, div, label') {
	return `[...document.querySelectorAll(${JSON.stringify(scope)})].flatMap((s) => [...s.querySelectorAll(${JSON.stringify(tags)})])
		.filter((e) => e.offsetParent && e.innerText?.replace(/\\s+/g, ' ').trim() === ${JSON.stringify(text)})
		.sort((a, b) => a.contains(b) ? 1 : b.contains(a) ? -1 : 0)[0]`;
}

export { sleep };
