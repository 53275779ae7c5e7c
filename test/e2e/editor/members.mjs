// Editor check: Room → Remove Member, as a person picks the member. The room is chosen by ID, the
// Member picker's From List opened and part of a seeded user's name typed into its search box:
// the visible list must then show that user and not the room's other seeded user.
import { assert } from '../lib/report.mjs';
import { sleep } from '../lib/procs.mjs';
import { openRoomOperation, typeRoomId } from './access.mjs';

const q = JSON.stringify;
const NDV = '[data-test-id="ndv"]';
const MEMBER = `${NDV} [data-test-id="resource-locator-member"]`;
const SEARCH = `(document.querySelector('[data-test-id="rlc-search"] input') ?? document.querySelector('[data-test-id="rlc-search"]'))`;
const listed = `[...document.querySelectorAll('[data-test-id="rlc-item"]')].filter((e) => e.offsetParent).map((e) => e.innerText.trim())`;
const EDITOR = 10; // FileShare.Editing

/** The seed's Custom room with a second seeded user (Ugo Member) made a member for this check. */
async function roomWithTwoUsers(emu) {
	const rooms = (await emu.docspace('GET', '/api/2.0/files/rooms')).folders ?? [];
	const room = rooms.find((r) => r.title === 'Custom room');
	assert(room, 'the seed portal has no "Custom room"');
	const people = await emu.docspace('GET', '/api/2.0/people/filter');
	const list = Array.isArray(people) ? people : [];
	const byEmail = (email) => list.find((u) => u.email === email);
	const wanted = byEmail('roomadmin@example.com');
	const other = byEmail('user2@example.com');
	const owner = list.find((u) => u.isOwner);
	assert(wanted && other && owner, 'the seed portal lacks its room admin, second user or owner');
	await emu.docspace('PUT', `/api/2.0/files/rooms/${room.id}/share`, {
		invitations: [{ id: other.id, access: EDITOR }],
		notify: false,
	});
	return { room, wanted, other, owner };
}

export async function memberPickerCheck({ ctx, page, check, shot, workflow }) {
	await check(
		'editor: Room → Remove Member: typing part of a member’s name in From List shows that member, not the room’s other user',
		async () => {
			const seeded = await roomWithTwoUsers(ctx.emu);
			try {
				return await pickMember({ ctx, page, shot, workflow, ...seeded });
			} catch (err) {
				await shot(page, '28-member-picker-FAILED');
				throw err;
			} finally {
				await ctx.emu
					.docspace('PUT', `/api/2.0/files/rooms/${seeded.room.id}/share`, {
						invitations: [{ id: seeded.other.id, access: 0 }],
						notify: false,
					})
					.catch(() => {});
			}
		},
	);
}

async function pickMember({ ctx, page, shot, workflow, room, wanted, other, owner }) {
	await openRoomOperation({ ctx, page, workflow }, 'Remove Member');
	await typeRoomId(page, room.id);
	await page.waitFor(`!!document.querySelector(${q(MEMBER)})`, 10000, 'the Member picker');
	await page.click(`${MEMBER} [data-test-id="rlc-input"]`);
	await page.waitFor(`!!${SEARCH}?.offsetParent`, 10000, 'the search box of From List');
	// an entry reads “Name (email)”; the parentheses keep admin@… from matching roomadmin@…
	const has = (user) => `${listed}.some((n) => n.includes(${q(`(${user.email})`)}))`;
	await page
		.waitFor(`${has(wanted)} && ${has(other)}`, 15000, 'both users in the unfiltered list')
		.catch(async (err) => {
			throw new Error(`${err.message}; listed ${q(await page.eval(listed))}`);
		});
	const before = await page.eval(listed);
	assert(
		!before.some((n) => n.includes(`(${owner.email})`)),
		`the list offers the room's owner ${owner.email}: ${q(before)}`,
	);
	const part = String(wanted.firstName ?? wanted.displayName).slice(0, 3);
	await page.fill(SEARCH, part);
	// n8n waits a second after the last key before it asks again
	await page
		.waitFor(`${has(wanted)} && !${has(other)}`, 15000, `only "${part}" matches in the list`)
		.catch(async (err) => {
			throw new Error(`${err.message}; listed ${q(await page.eval(listed))}`);
		});
	const after = await page.eval(listed);
	await shot(page, '28-member-picker-search');
	await page.press('Escape', 'Escape', 27);
	await sleep(300);
	await page.click(`${NDV} [data-test-id="ndv-close-button"]`).catch(() => {});
	return `"${room.title}": ${q(before)} → typed "${part}" → ${q(after)}`;
}
