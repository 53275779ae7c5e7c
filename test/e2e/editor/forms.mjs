// Steps in n8n's editor a person takes, shared by the editor checks: open a new credential form,
// fill a parameter, pick from a dropdown, read what a form or panel shows.
import { sleep } from '../lib/procs.mjs';

const q = JSON.stringify;
export const DIALOG = '[data-test-id="credential-edit-dialog"]';

/** Visible text of the first element matching `selector` (whitespace collapsed), or ''. */
export const textOf = (page, selector) =>
	page.eval(
		`(() => { const e = [...document.querySelectorAll(${q(selector)})].find((x) => x.offsetParent); return e ? e.innerText.replace(/\\s+/g, ' ').trim() : ''; })()`,
	);

/** From the credentials overview: Create credential → search the type → pick it → Continue. */
export async function openNewCredential(page, typeDisplayName) {
	await page.waitFor(
		`!document.querySelector(${q(DIALOG)})`,
		10000,
		'the previous credential form to close',
	);
	await page.clickOn(
		`document.querySelector('[data-test-id="add-resource-credential"]') ?? [...document.querySelectorAll('button')].find((b) => b.offsetParent && b.innerText.trim() === 'Create credential')`,
		1,
		'no "Create credential" button',
	);
	await page.waitFor(
		`!!document.querySelector('[data-test-id="new-credential-type-select"]')`,
		15000,
		'the new-credential dialog',
	);
	await page.click('[data-test-id="new-credential-type-select"]');
	await sleep(300);
	await page.eval(
		`document.querySelector('[data-test-id="new-credential-type-select"] input')?.focus(), true`,
	);
	await page.type('DocSpace');
	const option = `[...document.querySelectorAll('[data-test-id="new-credential-type-select-option"]')].find((e) => e.offsetParent && e.innerText.trim() === ${q(typeDisplayName)})`;
	// wait until the list is filtered (options move while it is), then click
	const visible = `[...document.querySelectorAll('[data-test-id="new-credential-type-select-option"]')].filter((e) => e.offsetParent)`;
	await page.waitFor(
		`${visible}.length > 0 && ${visible}.every((e) => e.innerText.includes('DocSpace')) && !!${option}`,
		10000,
		`"${typeDisplayName}" among the credential types`,
	);
	await sleep(300);
	await page.clickOn(option);
	await page.waitFor(
		`document.querySelector('[data-test-id="new-credential-type-select"] input')?.value === ${q(typeDisplayName)}`,
		5000,
		`"${typeDisplayName}" chosen`,
	);
	// the option list overlaps the Continue button until it has closed
	await page.waitFor(`${visible}.length === 0`, 5000, 'the credential type list to close');
	await page.click('[data-test-id="new-credential-type-button"]');
	await page.waitFor(
		`!!document.querySelector(${q(DIALOG)}) && !!document.querySelector(${q(`${DIALOG} [data-test-id="parameter-input-baseUrl"] input`)})`,
		20000,
		`the ${typeDisplayName} form`,
	);
	await sleep(500);
}

/** Types `value` into the form's parameter `name` (replacing what it held). */
export const fillParameter = (page, name, value, scope = DIALOG) =>
	page.fill(
		`${scope} [data-test-id="parameter-input-${name}"] input, ${scope} [data-test-id="parameter-input-${name}"] textarea`,
		value,
	);

/** Opens the dropdown of parameter `name` and clicks the option reading `label`. */
export async function chooseOption(page, name, label, scope = DIALOG) {
	const option = `[...document.querySelectorAll('.el-select-dropdown__item, [role="option"]')].find((e) => e.offsetParent && e.innerText.split('\\n')[0].trim() === ${q(label)})`;
	// a click while the panel still renders may be lost: open the list again if it did not open
	for (let attempt = 0; attempt < 3; attempt++) {
		await page.click(`${scope} [data-test-id="parameter-input-${name}"] input`);
		if (await page.becomesTrue(`!!${option}`, 3000)) break;
		await sleep(700); // (no Escape here: in the node panel it would close the panel)
	}
	await page.waitFor(`!!${option}`, 5000, `option "${label}" of ${name}`).catch(async (err) => {
		const offered = await page.eval(
			`[...document.querySelectorAll('.el-select-dropdown__item, [role="option"]')].filter((e) => e.offsetParent).map((e) => e.innerText.split('\\n')[0].trim())`,
		);
		throw new Error(`${err.message}; offered ${q(offered)}`);
	});
	await sleep(400); // the list slides open: click once it is in place
	await page.clickOn(option);
	const input = `document.querySelector(${q(`${scope} [data-test-id="parameter-input-${name}"] input`)})`;
	await page.waitFor(`${input}?.value === ${q(label)}`, 5000, `"${label}" chosen for ${name}`);
	await sleep(300);
}

/** Clicks Save in the credential form, waits for n8n's credential test and reads its verdict as the form shows it: { ok, text }. */
export async function saveAndReadTest(page) {
	// n8n takes a moment to take in a field just typed into; a click before that may be lost
	await sleep(700);
	let tested = page.nextResponse('/rest/credentials/test', 10000);
	await page.click('[data-test-id="credential-save-button"]');
	await tested.catch(async () => {
		tested = page.nextResponse('/rest/credentials/test');
		await page.click('[data-test-id="credential-save-button"]');
		await tested;
	});
	// n8n's callout (an el-tag): the verdict row, then the reason (shown after "More details")
	const banner = `[...document.querySelectorAll(${q(`${DIALOG} .el-tag`)})].find((e) => e.offsetParent && /Connection tested successfully|Couldn.t connect/.test(e.innerText))`;
	const text = () => page.eval(`${banner}?.innerText.replace(/\\s+/g, ' ').trim() ?? ''`);
	await page.waitFor(`!!${banner}`, 10000, 'the credential test banner');
	// a failure banner gets its "More details" link (n8n's reason) a moment later
	await page
		.waitFor(
			`/Connection tested successfully|More details/.test(${banner}?.innerText ?? '')`,
			3000,
			'the banner to settle',
		)
		.catch(() => {});
	const shown = await text();
	if (shown.includes('Connection tested successfully')) return { ok: true, text: shown };
	// n8n shows the reason after a click on "More details"
	const more = `[...${banner}.querySelectorAll('a, span')].find((e) => e.innerText.trim() === 'More details')`;
	if (await page.eval(`!!(${banner} && ${more})`)) {
		await page.clickOn(more);
		await page
			.waitFor(
				`${banner}.innerText.replace(/\\s+/g, ' ').trim().length > ${shown.length + 5}`,
				5000,
				'the details of the failed test',
			)
			.catch(() => {});
	}
	return { ok: false, text: await text() };
}

/** Closes the open credential form with its close button (confirming "Close without saving?" if asked). */
export async function closeDialog(page) {
	await page.clickOn(
		`[...document.querySelectorAll('.el-dialog__headerbtn')].find((b) => b.offsetParent)`,
		1,
		'no close button on the credential form',
	);
	await sleep(500);
	const confirm = `[...document.querySelectorAll('.el-message-box button')].find((b) => b.offsetParent && b.innerText.trim() === 'Close')`;
	if (await page.eval(`!!${confirm}`)) await page.clickOn(confirm);
	await page.waitFor(
		`!document.querySelector(${q(DIALOG)})`,
		10000,
		'the credential form to close',
	);
}
