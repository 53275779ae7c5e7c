// Action-node workflows run by the e2e suite, once per credential type.
// Adding one: put the node(s) into test/e2e/workflows/<name>.json (a Webhook trigger is added in
// front by the driver, `authentication` + `credentials` are filled in per credential type, and
// "{{key}}" strings are replaced from `seed` below), then add an entry here.
//   request: the DocSpace call the emulator must have received (method + path), with the
//            credential's Authorization header;
//   check:   assertions on n8n's output items (array of json objects); throw to fail.

/** IDs looked up on the emulator (through its REST API) before the workflows run. */
export async function seedValues(docspace) {
	const rooms = (await docspace('GET', '/api/2.0/files/rooms')).folders ?? [];
	if (!rooms.length) throw new Error('the emulator has no room in its seed data');
	// a room that can share links (public room, else custom room) for the examples
	const sharing =
		rooms.find((r) => r.roomType === 6) ?? rooms.find((r) => r.roomType === 5) ?? rooms[0];
	// the first room (in listing order) that holds a file directly
	for (const room of rooms) {
		const content = await docspace('GET', `/api/2.0/files/${room.id}`);
		const file = content.files?.[0];
		if (file) {
			return {
				roomId: String(room.id),
				roomTitle: room.title,
				fileId: String(file.id),
				fileTitle: file.title,
				publicRoomId: String(sharing.id),
				publicRoomTitle: sharing.title,
			};
		}
	}
	throw new Error('no seeded room holds a file');
}

export const cases = [
	{
		fixture: 'folder-get-contents.json',
		request: (s) => ({ method: 'GET', path: `/api/2.0/files/${s.roomId}` }),
		check(items, s) {
			if (!items.length) throw new Error('no items returned');
			if (!items.some((i) => String(i.id) === s.fileId || i.title))
				throw new Error(`unexpected items ${JSON.stringify(items).slice(0, 200)}`);
		},
	},
	{
		fixture: 'file-get.json',
		request: (s) => ({ method: 'GET', path: `/api/2.0/files/file/${s.fileId}` }),
		check(items, s) {
			if (items.length !== 1 || String(items[0].id) !== s.fileId)
				throw new Error(`expected file ${s.fileId}, got ${JSON.stringify(items).slice(0, 200)}`);
		},
	},
];
