// Editor check: Room → Invite or Change Access, as a person fills it. The room is chosen by ID,
// the invitee's Access dropdown opened and its options read; for a Public room they must be only
// what DocSpace lets a Public room's members have, and a Collaboration room must offer more.
import { assert } from '../lib/report.mjs';
import { sleep } from '../lib/procs.mjs';
import { chooseOption } from './forms.mjs';

const q = JSON.stringify;
const NDV = '[data-test-id="ndv"]';
const LOCATOR = `${NDV} [data-test-id="resource-locator-roomId"]`;
const ACCESS = `${NDV} [data-test-id="parameter-input-access"]`;
const ROOM_TYPE = { Collaboration: 2, Public: 6 };
// what DocSpace gives a user in a Public room (its members are Room Managers or Content Creators)
const PUBLIC_LEVELS = ['Content Creator', 'Room Manager'];

export const visibleOptions = `[...document.querySelectorAll('.el-select-dropdown__item, [role="option"]')].filter((e) => e.offsetParent).map((e) => e.innerText.split('\\n')[0].trim()).filter(Boolean)`;

/** The seeded room of a type, as the emulator lists it. */
async function seededRoom(emu, title, roomType) {
	const rooms = await emu.docspace('GET', '/api/2.0/files/rooms');
	const room = (rooms.folders ?? []).find((r) => r.title === title);
	assert(room, `the seed portal has no room "${title}"`);
	assert(
		Number(room.roomType) === roomType,
		`"${title}" has room type ${room.roomType}, not ${roomType}`,
	);
	return room;
}

/** Opens the workflow's DocSpace node on a Room operation, with the Room picker switched to By ID. */
export async function openRoomOperation({ ctx, page, workflow }, operation) {
	await page.goto(new URL(`workflow/${workflow.id}`, `${ctx.n8n.base}/`).href);
	await page.waitFor(
		`document.body.innerText.includes(${q(workflow.nodeName)}) && !!document.querySelector('[data-test-id="canvas-default-node"]')`,
		60000,
		'the workflow with the DocSpace node',
	);
	await sleep(800);
	await page.click('[data-test-id="canvas-default-node"]', 2);
	await page.waitFor(
		`!!document.querySelector('${NDV} [data-test-id="parameter-input-resource"]')`,
		30000,
		'the node panel',
	);
	await chooseOption(page, 'resource', 'Room', NDV);
	await chooseOption(page, 'operation', operation, NDV);
	await page.waitFor(`!!document.querySelector(${q(LOCATOR)})`, 10000, 'the Room picker');
	await chooseMode(page, 'By ID'); // n8n labels the mode named ID "By ID"
}

/** Types the room ID into the Room picker (mode By ID); the value is taken in when the field loses focus. */
export async function typeRoomId(page, roomId) {
	const input = `${LOCATOR} [data-test-id="rlc-input"] input, ${LOCATOR} input[data-test-id="rlc-input"]`;
	await page.fill(`document.querySelector(${q(input)})`, String(roomId));
	await page.press('Tab', 'Tab', 9);
	await sleep(1500); // n8n reloads what depends on the room
}

/** Types the room ID into the picker (mode ID), then opens the first invitee's Access list and reads it. */
async function accessLevelsFor(page, roomId) {
	await typeRoomId(page, roomId);
	let offered = [];
	for (let attempt = 0; attempt < 4 && !offered.length; attempt++) {
		await page.click(`${ACCESS} input`);
		offered = await page
			.waitFor(
				`(() => { const o = ${visibleOptions}; return o.length ? o : null; })()`,
				5000,
				'the Access options',
			)
			.catch(() => []);
		if (!offered.length) await sleep(1000);
	}
	await sleep(500); // a list loaded before the room was taken in is replaced
	offered = await page.eval(visibleOptions);
	return offered;
}

/** Switches the Room picker to `mode` (its mode list may open only on a second click while the panel renders). */
export async function chooseMode(page, mode) {
	const selector = `${LOCATOR} [data-test-id="rlc-mode-selector"]`;
	const option = `[...document.querySelectorAll('.el-select-dropdown__item, [role="option"]')].find((e) => e.offsetParent && e.innerText.trim() === ${q(mode)})`;
	for (let attempt = 0; attempt < 3; attempt++) {
		await page.click(`${selector} input`).catch(() => page.click(selector));
		if (await page.becomesTrue(`!!${option}`, 3000)) break;
		await sleep(700);
	}
	await page
		.waitFor(`!!${option}`, 3000, `the mode "${mode}" of the Room picker`)
		.catch(async (err) => {
			throw new Error(`${err.message}; offered ${q(await page.eval(visibleOptions))}`);
		});
	await sleep(400);
	await page.clickOn(option);
	await page.waitFor(
		`document.querySelector(${q(`${selector} input`)})?.value === ${q(mode)}`,
		5000,
		`mode "${mode}" chosen`,
	);
}

async function closeList(page) {
	await page.click(`${NDV} [data-test-id="resource-locator-roomId"]`).catch(() => {});
	await sleep(400);
}

export async function accessLevelCheck({ ctx, page, check, shot, workflow }) {
	await check(
		'editor: Room → Invite offers only the access levels of a Public room (a Collaboration room offers more)',
		async () =>
			compare({ ctx, page, shot, workflow }).catch(async (err) => {
				await shot(page, '27-access-levels-FAILED');
				throw err;
			}),
	);
}

async function compare({ ctx, page, shot, workflow }) {
	{
		const publicRoom = await seededRoom(ctx.emu, 'Public room', ROOM_TYPE.Public);
		const collaboration = await seededRoom(ctx.emu, 'Team collaboration', ROOM_TYPE.Collaboration);
		await openRoomOperation({ ctx, page, workflow }, 'Invite or Change Access');
		// the form starts with one invitee; if not, add one as a person would
		if (!(await page.eval(`!!document.querySelector(${q(`${ACCESS} input`)})`))) {
			await page.clickOn(
				`[...document.querySelectorAll('${NDV} button')].find((b) => b.offsetParent && b.innerText.trim() === 'Add Invitee')`,
				1,
				'no "Add Invitee" button',
			);
			await page.waitFor(
				`!!document.querySelector(${q(`${ACCESS} input`)})`,
				5000,
				'the Access field of the invitee',
			);
		}

		const inPublic = await accessLevelsFor(page, publicRoom.id);
		await shot(page, '25-access-levels-public-room');
		await closeList(page);
		const inCollaboration = await accessLevelsFor(page, collaboration.id);
		await shot(page, '26-access-levels-collaboration-room');
		await closeList(page);
		await page.click(`${NDV} [data-test-id="ndv-close-button"]`).catch(() => {});

		const sorted = [...inPublic].sort();
		assert(
			q(sorted) === q(PUBLIC_LEVELS),
			`the Access list for the Public room "${publicRoom.title}" offers ${q(inPublic)}, not only ${q(PUBLIC_LEVELS)}`,
		);
		const extra = inCollaboration.filter((level) => !inPublic.includes(level));
		assert(
			extra.includes('Editor') && extra.includes('Viewer'),
			`the Access list for the Collaboration room "${collaboration.title}" offers ${q(inCollaboration)}: no Editor and Viewer beyond the Public room's ${q(inPublic)}`,
		);
		return `Public room → ${q(inPublic)}; Collaboration room → ${q(inCollaboration)}`;
	}
}
