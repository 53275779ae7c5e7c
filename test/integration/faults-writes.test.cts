/**
 * Each write with a verifier, faulted once after DocSpace applied it: reported as done, done once.
 * The same write faulted before the portal saw it is sent again; one faulted so that the portal may
 * still be working (504) is reported as "outcome unknown", never repeated.
 */
import type { IDataObject } from 'n8n-workflow';

import type { Emulator, FaultRule } from '../emulator/index.cjs';
import type { Folder } from '../emulator/model.cjs';
import { byId, runDocSpace } from '../harness/docspace.cjs';
import { useFaultEmulator } from './faults.fixtures.cjs';
import { expectAtItem } from '../harness/items.cjs';

const current = useFaultEmulator();
let emulator: Emulator;
beforeEach(() => {
	emulator = current();
});

const state = () => emulator.state;
const admin = () => state().seedIds.users.admin;
const folder = (title: string, parentId = state().seedIds.myDocuments): Folder =>
	state().createFolder({ title, parentId, createdBy: admin() });
const run = async (parameters: Record<string, unknown>) =>
	await runDocSpace({ emulator, parameters });
const writes = (path: RegExp) =>
	emulator.requests.filter((r) => r.method !== 'GET' && path.test(r.path));

const AFTER: Array<[string, FaultRule]> = [
	[
		'a 503 page',
		{
			after: true,
			status: 503,
			headers: { 'content-type': 'text/html' },
			body: '<html>503</html>',
		},
	],
	['a reset', { after: true, reset: true }],
	['a cut-off answer', { after: true, truncate: true }],
	['a proxy 429', { after: true, status: 429, body: 'slow down' }],
];

describe.each(AFTER)('after the effect, %s', (_name, fault) => {
	test('Folder → Create reports the folder it created, once', async () => {
		const parent = folder(`Parent ${_name}`);
		emulator.faults.add({ ...fault, method: 'POST', path: `/api/2.0/files/folder/${parent.id}` });
		const { items, error } = await run({
			resource: 'folder',
			operation: 'create',
			parentFolderId: byId(parent.id),
			title: 'Once',
		});
		expect(error).toBeUndefined();
		const created = state().childrenOf(parent.id).folders;
		expect(created.map((f) => f.title)).toEqual(['Once']);
		expect(items[0].json).toMatchObject({ id: created[0].id, title: 'Once' });
		expect(writes(/\/files\/folder\//)).toHaveLength(1);
	});

	test('Room → Create, Group → Create and User → Invite report what they created, once', async () => {
		emulator.faults.add({ ...fault, method: 'POST', path: '/api/2.0/files/rooms' });
		const room = await run({
			resource: 'room',
			operation: 'create',
			title: `Room ${_name}`,
			roomType: 5,
		});
		expect(room.error).toBeUndefined();
		const rooms = [...state().folders.values()].filter((f) => f.title === `Room ${_name}`);
		expect(rooms).toHaveLength(1);
		expect(room.items[0].json.id).toBe(rooms[0].id);

		emulator.faults.add({ ...fault, method: 'POST', path: '/api/2.0/group' });
		const group = await run({
			resource: 'group',
			operation: 'create',
			groupName: `Group ${_name}`,
		});
		expect(group.error).toBeUndefined();
		const groups = [...state().groups.values()].filter((g) => g.name === `Group ${_name}`);
		expect(groups).toHaveLength(1);
		expect(group.items[0].json.id).toBe(groups[0].id);

		const email = `invitee-${_name.replace(/\W+/g, '-')}@example.org`;
		emulator.faults.add({ ...fault, method: 'POST', path: '/api/2.0/people/invite' });
		const user = await run({ resource: 'user', operation: 'invite', email, type: 'User' });
		expect(user.error).toBeUndefined();
		expect(user.items[0].json.email).toBe(email);
		expect(writes(/\/files\/rooms$|\/group$|\/people\/invite$/)).toHaveLength(3);
	});

	test('Folder → Copy finds the operation it started and reports the copy, once', async () => {
		const source = folder(`Source ${_name}`);
		const destination = folder(`Destination ${_name}`);
		emulator.faults.add({ ...fault, method: 'PUT', path: '/api/2.0/files/fileops/copy' });
		const { items, error } = await run({
			resource: 'folder',
			operation: 'copy',
			folderId: byId(source.id),
			destinationFolderId: byId(destination.id),
			conflictResolveType: 'Skip',
		});
		expect(error).toBeUndefined();
		const copies = state().childrenOf(destination.id).folders;
		expect(copies.map((f) => f.title)).toEqual([source.title]);
		expect(items[0].json).toMatchObject({ id: copies[0].id, title: source.title });
		expect(writes(/\/fileops\/copy$/)).toHaveLength(1);
	});

	test('Room → Invite checks the members and does not send the invitations again', async () => {
		const room = state().createRoom({ title: `Invite ${_name}`, roomType: 5, createdBy: admin() });
		emulator.faults.add({ ...fault, method: 'PUT', path: `/api/2.0/files/rooms/${room.id}/share` });
		const { items, error } = await run({
			resource: 'room',
			operation: 'invite',
			roomId: byId(room.id),
			invitees: { invitee: [{ kind: 'user', userId: state().seedIds.users.user, access: 10 }] },
			options: { notify: true },
		});
		expect(error).toBeUndefined();
		expect(
			state()
				.getFolder(room.id)
				?.members.find((m) => m.subjectId === state().seedIds.users.user)?.access,
		).toBe(10);
		expect((items[0].json as IDataObject).accessName).toBe('Editor');
		expect(writes(/\/share$/)).toHaveLength(1);
	});
});

test('before the portal saw it, a create is sent again and done once', async () => {
	const parent = folder('Before parent');
	emulator.faults.add({ method: 'POST', status: 503 });
	const { error } = await run({
		resource: 'folder',
		operation: 'create',
		parentFolderId: byId(parent.id),
		title: 'Again',
	});
	expect(error).toBeUndefined();
	expect(
		state()
			.childrenOf(parent.id)
			.folders.map((f) => f.title),
	).toEqual(['Again']);
	expect(writes(/\/files\/folder\//).map((r) => r.fault ?? 'none')).toEqual(['before', 'none']);
});

test('a 504 with nothing found is "outcome unknown", saying what to check, and is not repeated', async () => {
	const parent = folder('Gateway parent');
	emulator.faults.add({ method: 'POST', status: 504 });
	const { error } = await run({
		resource: 'folder',
		operation: 'create',
		parentFolderId: byId(parent.id),
		title: 'Maybe',
	});
	expect(error?.message).toBe(
		'The outcome is unknown: check whether “Gateway parent” already holds a new folder “Maybe” before running again',
	);
	expectAtItem(error, 0);
	expect(error?.description).toMatch(/HTTP 504/);
	expect(error?.context?.outcomeUnknown).toBe(true);
	expect(writes(/\/files\/folder\//)).toHaveLength(1);
});

test('a delete whose answer is lost is not repeated (it would empty the trash) and says what to check', async () => {
	const target = folder('Delete me');
	emulator.faults.add({
		method: 'PUT',
		path: '/api/2.0/files/fileops/delete',
		after: true,
		status: 502,
	});
	const { error } = await run({
		resource: 'folder',
		operation: 'delete',
		folderId: byId(target.id),
	});
	expect(error?.message).toMatch(
		/^The outcome is unknown: check whether the folder “Delete me” \(ID \d+\) is already in the trash or gone before running again/,
	);
	expect(writes(/\/fileops\/delete$/)).toHaveLength(1);
	expect(state().getFolder(target.id)).toBeDefined();
});

test('a read is repeated after a lost answer; DocSpace’s limiter is waited out for a write', async () => {
	emulator.faults.add({
		method: 'GET',
		path: '/api/2.0/files/@my',
		after: true,
		reset: true,
		times: 2,
	});
	const read = await run({ resource: 'folder', operation: 'get', folderId: byId('@my') });
	expect(read.error).toBeUndefined();
	const parent = folder('Limiter parent');
	emulator.faults.add({
		method: 'POST',
		status: 429,
		headers: { 'retry-after': '0', 'x-ratelimit-remaining': '0' },
	});
	const write = await run({
		resource: 'folder',
		operation: 'create',
		parentFolderId: byId(parent.id),
		title: 'Limited',
	});
	expect(write.error).toBeUndefined();
	expect(
		state()
			.childrenOf(parent.id)
			.folders.map((f) => f.title),
	).toEqual(['Limited']);
});

test('a copy DocSpace accepted but that cannot be followed is "outcome unknown", not a plain failure', async () => {
	const source = folder('Followed source');
	const destination = folder('Followed destination');
	emulator.faults.add({
		method: 'GET',
		path: '/api/2.0/files/fileops',
		status: 502,
		times: Infinity,
	});
	const { error } = await run({
		resource: 'folder',
		operation: 'copy',
		folderId: byId(source.id),
		destinationFolderId: byId(destination.id),
		conflictResolveType: 'Skip',
	});
	expect(error?.message).toBe(
		'The outcome is unknown: check whether “Followed source” was copied to “Followed destination” before running again',
	);
	expectAtItem(error, 0);
	expect(error?.description).toMatch(
		/^DocSpace accepted the request, but reading what it did failed: The DocSpace portal answered with a server error \(HTTP 502\)/,
	);
	expect(writes(/\/fileops\/copy$/)).toHaveLength(1);
});
