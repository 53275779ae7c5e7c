/** Templates in the Template locator's list (listSearch through n8n-core's LoadOptionsContext). */
import { templatesRoot } from '../emulator/templateStore.cjs';
import { calls, emulator, trigger, useTriggerEmulator } from './trigger.fixtures.cjs';

useTriggerEmulator();

async function searchTemplates(filter?: string, paginationToken?: string) {
	const harness = await trigger({ events: [] });
	return await harness.nodeType.methods.listSearch.searchRoomTemplates.call(
		harness.editorContext('templateId'),
		filter,
		paginationToken,
	);
}

test('lists room templates only, searchable, paged 50 at a time', async () => {
	const { state } = emulator;
	const root = templatesRoot(state);
	const admin = state.seedIds.users.admin;
	for (let n = 1; n <= 55; n++) {
		const template = state.createRoom({
			title: `Intake template ${n}`,
			roomType: 1,
			createdBy: admin,
		});
		template.parentId = root.id;
	}
	const first = await searchTemplates('Intake');
	expect(first.results).toHaveLength(50);
	expect(first.results.every((r) => r.name.startsWith('Intake template '))).toBe(true);
	expect(first.paginationToken).toBe('50');
	const second = await searchTemplates('Intake', String(first.paginationToken));
	expect(second.results).toHaveLength(5);
	expect(second.paginationToken).toBeUndefined();
	expect(calls('GET', '/api/2.0/files/rooms').map((r) => r.query.searchArea)).toEqual(['4', '4']);

	const rooms = (await searchTemplates()).results.map((r) => r.value);
	expect(rooms).not.toContain(String(state.seedIds.rooms.custom));
});
