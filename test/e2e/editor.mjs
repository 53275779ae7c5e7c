// Editor checks: the real n8n editor in headless Chromium over CDP (lib/cdp.mjs).
import { join } from 'node:path';

import { accessLevelCheck } from './editor/access.mjs';
import { memberPickerCheck } from './editor/members.mjs';
import { canvasCheck } from './editor/canvas.mjs';
import { credentialEditorChecks } from './editor/credentials.mjs';
import { publishCheck } from './editor/publish.mjs';
import { Browser, findChromium } from './lib/cdp.mjs';
import { sleep } from './lib/procs.mjs';

const q = JSON.stringify;
/** Texts of the elements matching `selector` (trimmed, whitespace collapsed). */
const textsOf = (selector) =>
	`[...document.querySelectorAll(${q(selector)})].map((e) => e.innerText.replace(/\\s+/g, ' ').trim())`;

export async function editorChecks({
	ctx,
	n8n,
	check,
	skip,
	shotsDir,
	runDir,
	pkg,
	nodeType,
	declaresTrigger,
	credentialTypes,
	secrets,
}) {
	const name = 'editor checks in headless Chromium';
	const bin = findChromium();
	if (!bin) {
		await check(name, () => {
			throw new Error(
				'chromium not found: test/e2e/install.sh installs Debian chromium (as root); E2E_UI=0 skips these checks',
			);
		});
		return;
	}
	const wf = ctx.editorWorkflow;
	if (!wf) {
		skip(name, 'no workflow with the DocSpace node was created (the workflow checks failed)');
		return;
	}
	let browser;
	const shots = [];
	const shot = async (page, label) => shots.push(await page.screenshot(shotsDir, label));
	const ok = await check('editor: headless Chromium opens the workflow canvas', async () => {
		browser = await Browser.launch({
			bin,
			userDataDir: join(runDir, 'chromium-profile'),
			logFile: join(runDir, 'chromium.log'),
		});
		const { page } = browser;
		await page.setCookie('n8n-auth', n8n.cookie, n8n.base);
		await page.goto(`${n8n.base}/workflow/${wf.id}`);
		await page.waitFor(
			`!!document.querySelector('[data-test-id="node-creator-plus-button"]') && document.body.innerText.includes(${q(wf.nodeName)})`,
			90000,
			'the canvas with the DocSpace node',
		);
		await sleep(800);
		await shot(page, '01-canvas');
	});
	if (!ok) return browser?.close();
	const { page } = browser;

	await check('editor: node creator search finds our nodes with the package icon', async () => {
		const appName = ctx.nodeDisplayName(nodeType);
		await page.click('[data-test-id="node-creator-plus-button"]');
		await page.waitFor(
			`!!document.querySelector('[data-test-id="node-creator-search-bar"]')`,
			15000,
			'the node creator',
		);
		await page.eval(
			`(document.querySelector('[data-test-id="node-creator-search-bar"] input') ?? document.querySelector('[data-test-id="node-creator-search-bar"]')).focus(), true`,
		);
		await page.type('ONLYOFFICE DocSpace');
		await page
			.waitFor(
				`${textsOf('[data-test-id="node-creator-item-name"]')}.includes(${q(appName)})`,
				15000,
				`"${appName}" in the node creator search results`,
			)
			.catch(async (err) => {
				await shot(page, '02-node-creator-FAILED');
				throw new Error(
					`${err.message}; listed: ${q(await page.eval(textsOf('[data-test-id="node-creator-item-name"]')))}`,
				);
			});
		await sleep(500);
		await shot(page, '02-node-creator-search');
		const icons = await page.eval(
			`[...document.querySelectorAll('[data-test-id="node-creator"] img')].map((i) => i.src)`,
		);
		const ourIcons = [
			...new Set(icons.filter((s) => s.includes(`/icons/${pkg}/`) && s.endsWith('.svg'))),
		];
		if (!ourIcons.length)
			throw new Error(`no icon from /icons/${pkg}/…svg next to "${appName}" (images: ${q(icons)})`);
		for (const src of ourIcons) {
			const res = await fetch(src, { headers: { cookie: `n8n-auth=${n8n.cookie}` } });
			const type = res.headers.get('content-type') ?? '';
			if (!res.ok || !type.includes('svg')) throw new Error(`${src} -> ${res.status} ${type}`);
		}
		// n8n groups "X" and "X Trigger" under one app entry: open it and look for both sections
		await page.eval(
			`[...document.querySelectorAll('[data-test-id="node-creator-item-name"]')].find((e) => e.innerText.trim() === ${q(appName)}).click(), true`,
		);
		const categories = await page.waitFor(
			`(() => { const c = ${textsOf('[data-test-id="node-creator-category-item"]')}; return c.length ? c : null; })()`,
			10000,
			`the actions of "${appName}"`,
		);
		const actions = categories.find((c) => /^Actions \(\d+\)/.test(c));
		if (!actions) throw new Error(`no actions listed under "${appName}" (${q(categories)})`);
		let triggers = 'no trigger declared';
		if (declaresTrigger) {
			triggers = categories.find((c) => /^Triggers \(\d+\)/.test(c));
			if (!triggers)
				throw new Error(
					`"${appName}" lists no triggers although the package declares the trigger node (${q(categories)})`,
				);
			await page.eval(
				`[...document.querySelectorAll('[data-test-id="node-creator-category-item"]')].find((e) => /^Triggers/.test(e.innerText.trim())).click(), true`,
			);
			await sleep(700);
			const panel = await page.eval(
				`document.querySelector('[data-test-id="node-creator"]').innerText`,
			);
			const after = panel
				.slice(panel.lastIndexOf('Triggers ('))
				.split('\n')
				.slice(1, 3)
				.join(' / ');
			triggers = `${triggers}: ${after}`;
		}
		await shot(page, '03-node-creator-actions-and-triggers');
		await page.press('Escape', 'Escape', 27);
		return `"${appName}" → ${actions}, ${triggers}; icon ${new URL(ourIcons[0]).pathname}`;
	});

	await check('editor: the node panel renders the Resource and Operation dropdowns', async () => {
		await page.press('Escape', 'Escape', 27);
		await page.click('[data-test-id="canvas-default-node"]', 2); // double click opens the node details view
		await page.waitFor(
			`!!document.querySelector('[data-test-id="ndv"] [data-test-id="parameter-input-resource"]')`,
			30000,
			'the Resource parameter in the node details view',
		);
		await sleep(500);
		const valueOf = (name) =>
			page.eval(
				`document.querySelector('[data-test-id="ndv"] [data-test-id="parameter-input-${name}"] input')?.value ?? null`,
			);
		const resource = await valueOf('resource');
		const operation = await valueOf('operation');
		if (!resource || !operation)
			throw new Error(`Resource = ${resource}, Operation = ${operation}`);
		await page.click(
			'[data-test-id="ndv"] [data-test-id="parameter-input-resource"] .select-trigger',
		);
		const options = await page
			.waitFor(
				`(() => { const o = [...document.querySelectorAll('.el-select-dropdown__item')].filter((e) => e.offsetParent).map((e) => e.innerText.trim()).filter(Boolean); return o.length ? o : null; })()`,
				5000,
				'the Resource options',
			)
			.catch(() => []);
		await shot(page, '04-node-parameters');
		await page.press('Escape', 'Escape', 27);
		if (!options.includes('File') || !options.includes('Folder'))
			throw new Error(
				`the Resource dropdown does not offer File and Folder (options: ${q(options)})`,
			);
		return `Resource = ${resource} [${options.join(', ')}], Operation = ${operation}`;
	});

	await credentialEditorChecks({
		ctx,
		page,
		popup: browser.popup,
		check,
		shot,
		credentialTypes,
		secrets,
	});
	await canvasCheck({ ctx, page, check, shot, appName: ctx.nodeDisplayName(nodeType) });
	await accessLevelCheck({ ctx, page, check, shot, workflow: wf });
	await memberPickerCheck({ ctx, page, check, shot, workflow: wf });
	if (declaresTrigger && ctx.triggerReady) await publishCheck({ ctx, page, check, shot });
	else skip('editor: publish the trigger example', 'the trigger checks did not run');

	console.log(`     screenshots: ${shotsDir} (${shots.length} files)`);
	await browser.close();
}
