// Editor check: a workflow built in the canvas as a person builds it. Manual Trigger, then the
// DocSpace node from the node creator, Resource and Operation chosen in the node panel, a folder
// picked from "From List" by searching, Execute step, and the output table read.
import { N8N_MAJOR } from '../lib/n8n.mjs';
import { assert } from '../lib/report.mjs';
import { sleep } from '../lib/procs.mjs';
import { chooseOption } from './forms.mjs';

const q = JSON.stringify;
const NDV = '[data-test-id="ndv"]';
const SEARCH = `(document.querySelector('[data-test-id="node-creator-search-bar"] input') ?? document.querySelector('[data-test-id="node-creator-search-bar"]'))`;
const item = (text) =>
	`[...document.querySelectorAll('[data-test-id="node-creator"] [data-test-id="item-iterator-item"], [data-test-id="node-creator"] [data-test-id="node-creator-item-name"]')].find((e) => e.offsetParent && e.innerText.split('\\n')[0].trim() === ${q(text)})`;

/** Clicks `trigger` until the node creator opens (a click while the canvas settles may be lost), else the canvas's own + button. */
async function openNodeCreator(page, trigger) {
	for (const target of [trigger, trigger, '[data-test-id="node-creator-plus-button"]']) {
		await page.click(target).catch(() => {});
		if (await page.becomesTrue(`!!${SEARCH}`, 6000)) return;
		await sleep(1000);
	}
	throw new Error(`the node creator did not open (clicked ${trigger})`);
}

async function searchNodeCreator(page, text) {
	await page.waitFor(`!!${SEARCH}`, 15000, 'the node creator');
	await sleep(600); // it slides in and may re-render its search bar
	await page.fill(SEARCH, text);
	await sleep(800);
}

/** The folder to pick: a folder in My documents, with what the emulator says it holds. */
async function pickTarget(emu) {
	const my = await emu.docspace('GET', '/api/2.0/files/@my');
	const folder = my.folders.find((f) => f.title === 'Projects') ?? my.folders[0];
	assert(folder, 'the seed portal has no folder in My documents');
	const content = await emu.docspace('GET', `/api/2.0/files/${folder.id}`);
	return { folder, titles: [...content.folders, ...content.files].map((e) => e.title) };
}

export async function canvasCheck({ ctx, page, check, shot, appName }) {
	await check(
		'editor: build a workflow in the canvas: node creator → Folder / Get Contents → folder from "From List" by search → Execute step → output table',
		async () =>
			buildAndRun({ ctx, page, shot, appName }).catch(async (err) => {
				await shot(page, '29-canvas-FAILED');
				throw err;
			}),
	);
}

async function buildAndRun({ ctx, page, shot, appName }) {
	const { folder, titles } = await pickTarget(ctx.emu);
	assert(titles.length, `the seed folder "${folder.title}" is empty`);
	await page.goto(new URL('workflow/new', `${ctx.n8n.base}/`).href);
	await page.waitFor(
		`!!document.querySelector('[data-test-id="canvas-add-button"]')`,
		60000,
		'an empty canvas',
	);
	await openNodeCreator(page, '[data-test-id="canvas-add-button"]');
	await searchNodeCreator(page, 'Manual');
	await page.clickOn(
		`[...document.querySelectorAll('[data-test-id="node-creator-item-name"]')].find((e) => e.offsetParent && /manual/i.test(e.innerText))`,
		1,
		'no Manual Trigger in the node creator',
	);
	await page.waitFor(
		`!!document.querySelector('[data-test-id="canvas-handle-plus-wrapper"], [data-test-id="canvas-handle-plus"]')`,
		15000,
		'the trigger on the canvas',
	);
	await page.press('Escape', 'Escape', 27); // 1.x opens the trigger's panel
	await sleep(500);

	await openNodeCreator(
		page,
		'[data-test-id="canvas-handle-plus-wrapper"], [data-test-id="canvas-handle-plus"]',
	);
	await searchNodeCreator(page, 'DocSpace');
	await page.waitFor(`!!${item(appName)}`, 10000, `"${appName}" in the node creator`);
	await page.clickOn(item(appName));
	await page.waitFor(`!!${item('Get a file')}`, 10000, 'the actions of the DocSpace node');
	await shot(page, '20-canvas-node-creator-actions');
	await page.clickOn(item('Get a file'));
	await page.waitFor(
		`!!document.querySelector('${NDV} [data-test-id="parameter-input-resource"]')`,
		30000,
		'the node panel',
	);

	// now as if the action had been the wrong one: switch Resource and Operation in the panel
	await chooseOption(page, 'resource', 'Folder', NDV);
	await chooseOption(page, 'operation', 'Get Contents', NDV);
	const locator = `${NDV} [data-test-id="resource-locator-folderId"]`;
	await page.waitFor(`!!document.querySelector(${q(locator)})`, 10000, 'the Folder picker');
	const mode = await page.eval(
		`document.querySelector(${q(`${locator} [data-test-id="rlc-mode-selector"] input`)})?.value`,
	);
	assert(
		/from list/i.test(mode ?? ''),
		`the Folder picker starts in mode "${mode}", not From List`,
	);
	await page.click(`${locator} [data-test-id="rlc-input"]`);
	const rlcSearch = `(document.querySelector('[data-test-id="rlc-search"] input') ?? document.querySelector('[data-test-id="rlc-search"]'))`;
	await page.waitFor(`!!${rlcSearch}?.offsetParent`, 10000, 'the search box of From List');
	await page.fill(rlcSearch, folder.title.slice(0, 4));
	// an entry is named `<title> · <where it is>`: "2025 · My documents / Projects" is not Projects
	const entry = `[...document.querySelectorAll('[data-test-id="rlc-item"]')].find((e) => e.offsetParent && e.innerText.trim().startsWith(${q(folder.title)}))`;
	const listed = `[...document.querySelectorAll('[data-test-id="rlc-item"]')].filter((e) => e.offsetParent).map((e) => e.innerText.trim())`;
	// n8n 1.x sends no search request from this box (the emulator sees none) and keeps the full list
	const narrowed = N8N_MAJOR >= 2 ? `${listed}.length <= 5` : 'true';
	await page
		.waitFor(`!!${entry} && ${narrowed}`, 15000, `"${folder.title}" among the search results`)
		.catch(async (err) => {
			throw new Error(`${err.message}; listed ${q(await page.eval(listed))}`);
		});
	const found = await page.eval(listed);
	const searched = N8N_MAJOR >= 2 ? q(found) : `n8n 1.x: ${found.length} entries, not narrowed`;
	await shot(page, '21-from-list-search');
	// the picked name shows in the picker; 1.x's long list may still grow (next page) under the pointer
	const picked = `(() => { const i = document.querySelector(${q(`${locator} [data-test-id="rlc-input"]`)}); return (i?.tagName === 'INPUT' ? i : i?.querySelector('input'))?.value ?? ''; })()`;
	for (let attempt = 0; attempt < 3; attempt++) {
		if (attempt > 0) {
			await page.click(`${locator} [data-test-id="rlc-input"]`);
			await page.waitFor(`!!${entry}`, 10000, `"${folder.title}" in the list again`);
			await sleep(1000);
		}
		await page.clickOn(entry);
		if (await page.becomesTrue(`${picked}.includes(${q(folder.title)})`, 3000)) break;
	}
	const value = await page.eval(picked);
	assert(
		value.includes(folder.title),
		`the Folder picker shows "${value}" after a click on "${folder.title}"`,
	);
	await sleep(500);
	await shot(page, '22-node-parameters');

	await page.click(`${NDV} [data-test-id="node-execute-button"]`);
	const table = `${NDV} [data-test-id="output-panel"] table`;
	await page
		.waitFor(`!!document.querySelector(${q(table)})`, 30000, 'the output table')
		.catch(async (err) => {
			await shot(page, '23-output-FAILED');
			throw new Error(
				`${err.message}; the output panel shows: ${await page.eval(`document.querySelector('${NDV} [data-test-id="output-panel"]')?.innerText.slice(0, 300)`)}`,
			);
		});
	await sleep(500);
	await shot(page, '23-output-table');
	const cells = await page.eval(
		`[...document.querySelectorAll(${q(`${table} td`)})].map((c) => c.innerText.trim())`,
	);
	const missing = titles.filter((t) => !cells.includes(t));
	assert(!missing.length, `the output table lacks ${q(missing)} (cells: ${q(cells.slice(0, 20))})`);
	await page.click(`${NDV} [data-test-id="ndv-close-button"]`).catch(() => {});
	return `searched "${folder.title.slice(0, 4)}" → ${searched}; table shows ${q(titles)}`;
}
