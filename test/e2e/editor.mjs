// Editor checks: the real n8n editor in headless Chromium over CDP (lib/cdp.mjs).
import { join } from 'node:path';

import { Browser, findChromium } from './lib/cdp.mjs';
import { sleep } from './lib/procs.mjs';

const q = JSON.stringify;
/** Texts of the elements matching `selector` (trimmed, whitespace collapsed). */
const textsOf = (selector) => `[...document.querySelectorAll(${q(selector)})].map((e) => e.innerText.replace(/\\s+/g, ' ').trim())`;

export async function editorChecks({ ctx, n8n, check, skip, shotsDir, runDir, pkg, nodeType, triggerType, declaresTrigger, credTypes, credentialTypes }) {
	const name = 'editor checks in headless Chromium';
	const bin = findChromium();
	if (!bin) {
		await check(name, () => {
			throw new Error('chromium not found: test/e2e/install.sh installs Debian chromium (as root); E2E_UI=0 skips these checks');
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
		browser = await Browser.launch({ bin, userDataDir: join(runDir, 'chromium-profile'), logFile: join(runDir, 'chromium.log') });
		const { page } = browser;
		await page.setCookie('n8n-auth', n8n.cookie, n8n.base);
		await page.goto(`${n8n.base}/workflow/${wf.id}`);
		await page.waitFor(`!!document.querySelector('[data-test-id="node-creator-plus-button"]') && document.body.innerText.includes(${q(wf.nodeName)})`, 90000, 'the canvas with the DocSpace node');
		await sleep(800);
		await shot(page, '01-canvas');
	});
	if (!ok) return browser?.close();
	const { page } = browser;

	await check('editor: node creator search finds our nodes with the package icon', async () => {
		const expected = [ctx.nodeDisplayName(nodeType), ...(declaresTrigger ? [ctx.nodeDisplayName(triggerType)] : [])];
		await page.click('[data-test-id="node-creator-plus-button"]');
		await page.waitFor(`!!document.querySelector('[data-test-id="node-creator-search-bar"]')`, 15000, 'the node creator');
		await page.eval(`(document.querySelector('[data-test-id="node-creator-search-bar"] input') ?? document.querySelector('[data-test-id="node-creator-search-bar"]')).focus(), true`);
		await page.type('ONLYOFFICE DocSpace');
		const found = await page
			.waitFor(`(() => { const t = ${textsOf('[data-test-id="node-creator-item-name"]')}; return ${q(expected)}.every((x) => t.includes(x)) && t; })()`, 15000, `${expected.join(' + ')} in the node creator`)
			.catch(async (err) => {
				await shot(page, '02-node-creator-FAILED');
				throw new Error(`${err.message}; listed: ${q(await page.eval(textsOf('[data-test-id="node-creator-item-name"]')))}`);
			});
		await sleep(500);
		const icons = await page.eval(`[...document.querySelectorAll('[data-test-id="node-creator"] img')].map((i) => i.src)`);
		const ourIcons = icons.filter((s) => s.includes(`/icons/${pkg}/`) && s.endsWith('.svg'));
		if (!ourIcons.length) throw new Error(`no icon from /icons/${pkg}/…svg in the node creator (images: ${q(icons)})`);
		for (const src of new Set(ourIcons)) {
			const res = await fetch(src, { headers: { cookie: `n8n-auth=${n8n.cookie}` } });
			const type = res.headers.get('content-type') ?? '';
			if (!res.ok || !type.includes('svg')) throw new Error(`${src} -> ${res.status} ${type}`);
		}
		await shot(page, '02-node-creator-search');
		await page.press('Escape', 'Escape', 27);
		return `${found.filter((t) => expected.includes(t)).join(', ')}; icon ${new URL(ourIcons[0]).pathname}`;
	});

	await check('editor: the node panel renders the Resource and Operation dropdowns', async () => {
		await page.goto(`${n8n.base}/workflow/${wf.id}/${wf.nodeId}`);
		await page.waitFor(`!!document.querySelector('[data-test-id="ndv"] [data-test-id="parameter-item"]')`, 90000, 'the node details view');
		await sleep(800);
		const params = await page.eval(`[...document.querySelectorAll('[data-test-id="ndv"] [data-test-id="parameter-item"]')].map((e) => ({
			text: e.innerText.replace(/\\s+/g, ' ').trim(), values: [...e.querySelectorAll('input')].map((i) => i.value).filter(Boolean) }))`);
		const find = (label) => params.find((p) => new RegExp(`(^|\\s)${label}(\\s|$)`).test(p.text));
		const resource = find('Resource');
		const operation = find('Operation');
		if (!resource || !operation) throw new Error(`Resource/Operation not rendered; parameters: ${q(params.map((p) => p.text.slice(0, 40)))}`);
		// open the Resource dropdown and read its options
		const opened = await page.eval(`(() => { const item = [...document.querySelectorAll('[data-test-id="ndv"] [data-test-id="parameter-item"]')].find((e) => /(^|\\s)Resource(\\s|$)/.test(e.innerText));
			const input = item && (item.querySelector('.el-select__wrapper, .el-select, input')); if (!input) return false; input.click(); return true; })()`);
		let options = [];
		if (opened) {
			options = await page
				.waitFor(`(() => { const o = [...document.querySelectorAll('.el-select-dropdown__item, [role="option"]')].filter((e) => e.offsetParent).map((e) => e.innerText.trim()).filter(Boolean); return o.length ? o : null; })()`, 5000, 'the Resource options')
				.catch(() => []);
		}
		await shot(page, '03-node-parameters');
		await page.press('Escape', 'Escape', 27);
		if (!options.includes('File') || !options.includes('Folder')) throw new Error(`the Resource dropdown does not offer File and Folder (options: ${q(options)})`);
		return `Resource = ${resource.values[0] ?? '?'} [${options.join(', ')}], Operation = ${operation.values[0] ?? '?'}`;
	});

	await credentialFormChecks({ page, n8n, check, shot, credTypes, credentialTypes });

	console.log(`     screenshots: ${shotsDir} (${shots.length} files)`);
	await browser.close();
}

/** The labels a user must see in the credential form of each of our types. */
function expectedFields(type) {
	const own = type.properties.filter((p) => p.type !== 'hidden' && !p.displayOptions).map((p) => p.displayName);
	return type.extends?.includes('oAuth2Api') ? [...own, 'Client ID', 'Client Secret', 'OAuth Redirect URL'] : own;
}

async function credentialFormChecks({ page, n8n, check, shot, credTypes, credentialTypes }) {
	const types = Object.values(credTypes).map((name) => credentialTypes.find((t) => t.name === name)).filter(Boolean);
	const displayNames = types.map((t) => t.displayName);
	const openTypeSelect = async () => {
		await page.waitFor(`!!document.querySelector('[data-test-id="new-credential-type-select"]')`, 60000, 'the new-credential dialog');
		await page.click('[data-test-id="new-credential-type-select"]');
		await sleep(300);
		await page.eval(`(document.querySelector('[data-test-id="new-credential-type-select"] input'))?.focus(), true`);
		await page.type('DocSpace');
		return page.waitFor(`(() => { const t = ${textsOf('[data-test-id="new-credential-type-select-option"]')}.filter((x) => x); return t.length >= ${types.length} ? t : null; })()`, 10000, 'credential type options');
	};

	let offered = [];
	await check('editor: the new-credential dialog offers the four DocSpace credential types', async () => {
		await page.goto(`${n8n.base}/home/credentials/create`);
		offered = await openTypeSelect().catch(async (err) => {
			await shot(page, '04-credential-types-FAILED');
			throw err;
		});
		await shot(page, '04-credential-types');
		const missing = displayNames.filter((d) => !offered.includes(d));
		if (missing.length) throw new Error(`missing ${q(missing)}; offered ${q(offered)}`);
		return offered.filter((o) => displayNames.includes(o)).join(', ');
	});

	for (const [i, type] of types.entries()) {
		await check(`editor: the ${type.displayName} form shows its fields`, async () => {
			if (i > 0) {
				await page.goto(`${n8n.base}/home/credentials/create`);
				await openTypeSelect();
			}
			const picked = await page.eval(`(() => { const o = [...document.querySelectorAll('[data-test-id="new-credential-type-select-option"]')].find((e) => e.innerText.trim() === ${q(type.displayName)}); if (!o) return false; o.click(); return true; })()`);
			if (!picked) throw new Error(`option ${type.displayName} not found`);
			await sleep(300);
			await page.click('[data-test-id="new-credential-type-button"]');
			await page.waitFor(`!!document.querySelector('[data-test-id="credential-edit-dialog"]')`, 20000, 'the credential form');
			await sleep(1000);
			const text = await page.eval(`document.querySelector('[data-test-id="credential-edit-dialog"]').innerText`);
			const label = `05-credential-form-${type.name}`;
			await shot(page, label);
			const missing = expectedFields(type).filter((f) => !text.includes(f));
			if (missing.length) throw new Error(`missing ${q(missing)} (screenshot ${label}.png)`);
			await page.press('Escape', 'Escape', 27);
			return expectedFields(type).join(', ');
		});
	}
}
