/** Room → Create and Update with the form options of Form Filling rooms. */
import { roomFormOptions } from '../emulator/formStore.cjs';
import { byId } from '../harness/docspace.cjs';
import { emulator, freshRoom, requestsTo, run, useRoomEmulator } from './room.fixtures.cjs';

useRoomEmulator();

test('a Form Filling room created with both form options', async () => {
	const { error, items } = await run('create', {
		title: 'Applications',
		roomType: 1,
		additionalFields: { saveFormAsXLSX: true, sendFormToExternalDB: true },
	});
	expect(error).toBeUndefined();
	expect(requestsTo('POST', /\/files\/rooms$/)[0].body).toEqual({
		title: 'Applications',
		roomType: 1,
		saveFormAsXLSX: true,
		sendFormToExternalDB: true,
	});
	expect(roomFormOptions(emulator.state, Number(items[0].json.id))).toEqual({
		saveFormAsXLSX: true,
		sendFormToExternalDB: true,
	});
	expect(items[0].json).toMatchObject({ saveFormAsXLSX: true, sendFormToExternalDB: true });
});

test('form options are not sent for other room types', async () => {
	const { error } = await run('create', {
		title: 'Team',
		roomType: 2,
		additionalFields: { saveFormAsXLSX: true },
	});
	expect(error).toBeUndefined();
	expect(requestsTo('POST', /\/files\/rooms$/)[0].body).toEqual({ title: 'Team', roomType: 2 });
});

test('Update switches a form option of a Form Filling room', async () => {
	const room = freshRoom('Forms to update', 1);
	const { error } = await run('update', {
		roomId: byId(room.id),
		updateFields: { saveFormAsXLSX: true },
	});
	expect(error).toBeUndefined();
	expect(requestsTo('PUT', new RegExp(`/files/rooms/${room.id}$`))[0].body).toEqual({
		saveFormAsXLSX: true,
	});
	expect(roomFormOptions(emulator.state, room.id).saveFormAsXLSX).toBe(true);
});

test('Update refuses a form option for a room of another type, without changing it', async () => {
	const room = freshRoom('Custom room', 5);
	const { error } = await run('update', {
		roomId: byId(room.id),
		updateFields: { sendFormToExternalDB: true },
	});
	expect(error?.message).toMatch(/applies to Form Filling rooms only/);
	expect(requestsTo('PUT', /\/files\/rooms\/\d+$/)).toEqual([]);
});
