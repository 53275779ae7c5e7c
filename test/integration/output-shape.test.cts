/**
 * What the node's output items look like: Simplify on the operations that return a file or a
 * user record, room type names beside their numbers, and the room on member items.
 */
import type { Emulator } from '../emulator/index.cjs';
import { startEmulator } from '../emulator/index.cjs';
import { byId, runDocSpace } from '../harness/docspace.cjs';

let emulator: Emulator;
beforeAll(async () => {
	emulator = await startEmulator();
});
afterAll(async () => await emulator.close());

const ids = () => emulator.state.seedIds;
const run = async (parameters: Record<string, unknown>) => {
	const result = await runDocSpace({ emulator, parameters });
	expect(result.error).toBeUndefined();
	return result.items.map((item) => item.json);
};

/** Keys of the full records that never belong in a short view. */
const NOISE = /^(avatar|security|createdBy|updatedBy|viewAccessibility|shareSettings|rootFolder)/;

describe('Simplify on file records', () => {
	const cases: Array<[string, () => Record<string, unknown>]> = [
		['get', () => ({ operation: 'get', fileId: byId(ids().files.docx) })],
		[
			'rename',
			() => ({ operation: 'rename', fileId: byId(ids().files.pptx), title: 'Pitch deck v2.pptx' }),
		],
		[
			'create',
			() => ({
				operation: 'create',
				folderId: byId(ids().myDocuments),
				title: `Empty ${Date.now()}`,
				fileType: '.docx',
			}),
		],
		[
			'copy',
			() => ({
				operation: 'copy',
				fileId: byId(ids().files.xlsx),
				destinationFolderId: byId(ids().folders.projects),
				conflictResolveType: 'Duplicate',
			}),
		],
	];

	test.each(cases)(
		'File → %s is short by default and full with Simplify off',
		async (_, parameters) => {
			const [short] = await run({ resource: 'file', ...parameters() });
			expect(short).toEqual(
				expect.objectContaining({
					id: expect.any(Number),
					title: expect.any(String),
					fileExst: expect.any(String),
				}),
			);
			expect(Object.keys(short).filter((key) => NOISE.test(key))).toEqual([]);
			const [full] = await run({ resource: 'file', ...parameters(), simplify: false });
			expect(Object.keys(full).filter((key) => NOISE.test(key)).length).toBeGreaterThan(0);
			expect(Object.keys(full).length).toBeGreaterThan(Object.keys(short).length);
		},
	);
});

describe('Simplify on user records', () => {
	const cases: Array<[string, () => Record<string, unknown>]> = [
		['get', () => ({ operation: 'get', getBy: 'user', userId: byId(ids().users.user) })],
		['get (current user)', () => ({ operation: 'get', getBy: 'me' })],
		['disable', () => ({ operation: 'disable', userId: byId(ids().users.user2) })],
		['enable', () => ({ operation: 'enable', userId: byId(ids().users.user2) })],
		[
			'changeType',
			() => ({ operation: 'changeType', userId: byId(ids().users.user2), type: 'User' }),
		],
	];

	test.each(cases)(
		'User → %s has no avatar URLs by default, with the type spelled out',
		async (_, parameters) => {
			const [short] = await run({ resource: 'user', ...parameters() });
			expect(Object.keys(short).filter((key) => key.startsWith('avatar'))).toEqual([]);
			expect(short).toEqual(
				expect.objectContaining({
					id: expect.any(String),
					email: expect.any(String),
					type: expect.any(String),
				}),
			);
			const [full] = await run({ resource: 'user', ...parameters(), simplify: false });
			expect(Object.keys(full).filter((key) => key.startsWith('avatar')).length).toBeGreaterThan(0);
		},
	);
});

describe('rooms read well', () => {
	test('Room → Get Many puts the type’s name beside its number, with Simplify on and off', async () => {
		for (const simplify of [true, false]) {
			const rooms = await run({
				resource: 'room',
				operation: 'getMany',
				returnAll: true,
				simplify,
			});
			const publicRoom = rooms.find((room) => room.id === ids().rooms.public);
			expect(publicRoom).toEqual(
				expect.objectContaining({ roomType: 6, roomTypeName: 'Public Room' }),
			);
			expect(rooms.find((room) => room.id === ids().rooms.vdr)).toEqual(
				expect.objectContaining({ roomType: 8, roomTypeName: 'Virtual Data Room' }),
			);
			const keys = Object.keys(publicRoom ?? {});
			expect(keys.indexOf('roomTypeName')).toBe(keys.indexOf('roomType') + 1);
		}
	});

	test('Room → Get names the type', async () => {
		const [room] = await run({
			resource: 'room',
			operation: 'get',
			roomId: byId(ids().rooms.collaboration),
		});
		expect(room).toEqual(
			expect.objectContaining({ roomType: 2, roomTypeName: 'Collaboration Room' }),
		);
	});

	test('Room → Get Members says which room each member is in', async () => {
		const members = await run({
			resource: 'room',
			operation: 'getMembers',
			roomId: byId(ids().rooms.custom),
			returnAll: true,
		});
		expect(members.length).toBeGreaterThan(1);
		for (const member of members)
			expect(member).toEqual(
				expect.objectContaining({ roomId: ids().rooms.custom, roomTitle: 'Custom room' }),
			);
		const full = await run({
			resource: 'room',
			operation: 'getMembers',
			roomId: byId(ids().rooms.custom),
			returnAll: true,
			simplify: false,
		});
		expect(full[0]).toEqual(
			expect.objectContaining({
				roomId: ids().rooms.custom,
				roomTitle: 'Custom room',
				sharedToUser: expect.any(Object),
			}),
		);
	});

	test('Room → Invite answers with the room on each member', async () => {
		const [member] = await run({
			resource: 'room',
			operation: 'invite',
			roomId: byId(ids().rooms.public),
			invitees: { invitee: [{ kind: 'user', userId: ids().users.user, access: 11 }] },
		});
		expect(member).toEqual(
			expect.objectContaining({
				id: ids().users.user,
				roomId: ids().rooms.public,
				roomTitle: 'Public room',
				accessName: 'Content Creator',
			}),
		);
	});
});
