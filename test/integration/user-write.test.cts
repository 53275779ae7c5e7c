/** User → Invite, Update, Change Type, Enable / Disable and Delete through n8n's engine against the emulator. */
import { randomUUID } from 'node:crypto';

import { byId } from '../harness/docspace.cjs';
import {
	calls,
	emulator,
	expectItemError,
	fromInput,
	newUser,
	run,
	user,
	useUserEmulator,
	writes,
} from './user.fixtures.cjs';
import { expectErrorItemAt } from '../harness/items.cjs';

useUserEmulator();

describe('User → Invite', () => {
	test('creates a pending user of the chosen type and returns the profile', async () => {
		const { status, error, items } = await run(
			user('invite', { email: 'new.roomadmin@example.com', type: 'RoomAdmin', simplify: false }),
		);
		expect(error).toBeUndefined();
		expect(status).toBe('success');
		const invited = emulator.state.findUserByEmail('new.roomadmin@example.com');
		expect(invited).toBeDefined();
		expect(invited?.type).toBe('RoomAdmin');
		expect(invited?.activationStatus).toBe(2);
		expect(invited?.status).toBe(1);
		const [post] = calls('POST', '/api/2.0/people/invite');
		expect(post.body).toEqual({
			invitations: [{ email: 'new.roomadmin@example.com', type: 'RoomAdmin' }],
		});
		expect(items).toHaveLength(1);
		expect(items[0].json).toMatchObject({
			id: invited?.id,
			email: 'new.roomadmin@example.com',
			isRoomAdmin: true,
			activationStatus: 2,
		});
	});

	test('sends the invitation language when given', async () => {
		const { error } = await run(
			user('invite', { email: 'lang@example.com', type: 'User', options: { culture: 'de-DE' } }),
		);
		expect(error).toBeUndefined();
		expect(calls('POST', '/api/2.0/people/invite')[0].body).toEqual({
			invitations: [{ email: 'lang@example.com', type: 'User' }],
			culture: 'de-DE',
		});
		expect(emulator.state.findUserByEmail('lang@example.com')?.type).toBe('User');
	});

	test.each([
		['not-an-email', /“Email” is not a valid email address/],
		['', /“Email” is empty/],
		['two@@example.com', /“Email” is not a valid email address/],
	])('refuses %p before calling DocSpace', async (email, pattern) => {
		const before = emulator.state.users.size;
		// From an expression, as n8n itself refuses an empty required field typed into the node.
		const { status, error } = await run(
			user('invite', { email: '={{ $json.email }}', type: 'User' }),
			{ input: [{ json: { email } }] },
		);
		expect(status).toBe('error');
		expectItemError(error, pattern);
		expect(emulator.requests.filter((r) => r.path.startsWith('/api/2.0/people'))).toHaveLength(0);
		expect(emulator.state.users.size).toBe(before);
	});

	test('each item is invited on its own; a bad one is reported with its item index', async () => {
		const { items } = await run(user('invite', { email: '={{ $json.email }}', type: 'User' }), {
			input: [
				{ json: { email: 'item0@example.com' } },
				{ json: { email: 'item1-at-example.com' } },
			],
			node: { onError: 'continueRegularOutput' },
		});
		expect(items).toHaveLength(2);
		expect(items[0].json.email).toBe('item0@example.com');
		expect(String(items[1].json.error)).toMatch(/“Email” is not a valid email address/);
		expectErrorItemAt(items[1], 1);
		expect(emulator.state.findUserByEmail('item0@example.com')).toBeDefined();
		expect(calls('POST', '/api/2.0/people/invite')).toHaveLength(1);
	});
});

describe('User → Update', () => {
	test('changes the name, location and comment of the credential’s own profile', async () => {
		const admin = emulator.state.getUser(emulator.state.seedIds.users.admin);
		const { items, error } = await run(
			user('update', {
				userId: byId(admin?.id ?? ''),
				updateFields: {
					firstName: 'Alexandra',
					lastName: 'Owner-Smith',
					location: 'Riga',
					comment: 'Portal owner',
				},
			}),
		);
		expect(error).toBeUndefined();
		expect(admin?.firstName).toBe('Alexandra');
		expect(admin?.lastName).toBe('Owner-Smith');
		expect(items[0].json).toMatchObject({
			firstName: 'Alexandra',
			location: 'Riga',
			notes: 'Portal owner',
		});
		const [put] = calls('PUT', '/api/2.0/people/');
		expect(put.body).toEqual({
			firstName: 'Alexandra',
			lastName: 'Owner-Smith',
			location: 'Riga',
			comment: 'Portal owner',
		});
	});

	test('says clearly that DocSpace keeps another user’s name, and changes nothing else', async () => {
		const target = newUser();
		const { status, error } = await run(
			user('update', {
				userId: byId(target.id),
				updateFields: { firstName: 'Renamed', email: 'renamed@example.com' },
			}),
		);
		expect(status).toBe('error');
		expectItemError(error, /DocSpace did not change “First Name” of the user/);
		expect(target.firstName).not.toBe('Renamed');
		expect(target.email).not.toBe('renamed@example.com');
		expect(calls('POST', '/api/2.0/people/email')).toHaveLength(0);
	});

	test('changes another user’s email', async () => {
		const target = newUser();
		const { items, error } = await run(
			user('update', { userId: byId(target.id), updateFields: { email: 'changed@example.com' } }),
		);
		expect(error).toBeUndefined();
		expect(target.email).toBe('changed@example.com');
		expect(calls('POST', '/api/2.0/people/email')[0].body).toEqual({
			userId: target.id,
			email: 'changed@example.com',
		});
		expect(items[0].json.email).toBe('changed@example.com');
	});

	test('replaces the user’s groups', async () => {
		const target = newUser();
		const { state } = emulator;
		const old = state.createGroup({ name: `Old ${target.id}`, memberIds: [target.id] });
		const kept = state.createGroup({ name: `Kept ${target.id}`, memberIds: [target.id] });
		const added = state.createGroup({ name: `Added ${target.id}` });
		const { items, error } = await run(
			user('update', {
				userId: byId(target.id),
				updateFields: { groupIds: `${kept.id}, ${added.id}` },
			}),
		);
		expect(error).toBeUndefined();
		expect(old.memberIds).not.toContain(target.id);
		expect(kept.memberIds).toContain(target.id);
		expect(added.memberIds).toContain(target.id);
		expect(calls('PUT', `/api/2.0/group/${added.id}/members`)[0].body).toEqual({
			members: [target.id],
		});
		expect(calls('DELETE', `/api/2.0/group/${old.id}/members`)[0].body).toEqual({
			members: [target.id],
		});
		expect((items[0].json.groups as Array<{ id: string }>).map((g) => g.id).sort()).toEqual(
			[kept.id, added.id].sort(),
		);
	});

	test.each([
		[{}, /“Update Fields” is empty/],
		[{ firstName: '  ' }, /“First Name” is empty/],
		[{ email: 'nope' }, /“Email” is not a valid email address/],
		[{ groupIds: 'marketing' }, /“Group IDs” holds “marketing”, which is not a group ID/],
	])('refuses %p before changing anything', async (updateFields, pattern) => {
		const target = newUser();
		const { status, error } = await run(user('update', { userId: byId(target.id), updateFields }));
		expect(status).toBe('error');
		expectItemError(error, pattern);
		expect(writes()).toHaveLength(0);
	});

	test('an unknown group names the field', async () => {
		const target = newUser();
		const unknown = randomUUID();
		const { error } = await run(
			user('update', { userId: byId(target.id), updateFields: { groupIds: unknown } }),
		);
		expectItemError(
			error,
			new RegExp(`The parameter “Group IDs” names no group DocSpace can find: “${unknown}”`),
		);
		expect(writes()).toHaveLength(0);
	});

	test('an unknown user names the parameter', async () => {
		const { error } = await run(
			user('update', { userId: byId(randomUUID()), updateFields: { location: 'Oslo' } }),
		);
		expectItemError(error, /The parameter “User” names no user DocSpace can find: “.*”/);
		expect(writes()).toHaveLength(0);
	});
});

describe('User → Change Type', () => {
	test('makes a user a room admin', async () => {
		const target = newUser();
		const { items, error } = await run(
			user('changeType', { userId: byId(target.id), type: 'RoomAdmin', simplify: false }),
		);
		expect(error).toBeUndefined();
		expect(target.type).toBe('RoomAdmin');
		expect(items[0].json).toMatchObject({ id: target.id, isRoomAdmin: true });
		const [put] = calls('PUT', '/api/2.0/people/type/');
		expect(put.path).toBe('/api/2.0/people/type/RoomAdmin');
		expect(put.body).toEqual({ userIds: [target.id] });
	});

	test('makes a user a guest', async () => {
		const target = newUser();
		const { error } = await run(user('changeType', { userId: byId(target.id), type: 'Guest' }));
		expect(error).toBeUndefined();
		expect(target.type).toBe('Guest');
	});

	test('reports that DocSpace left the owner unchanged', async () => {
		const owner = emulator.state.owner();
		const { status, error } = await run(
			user('changeType', { userId: byId(owner.id), type: 'User' }),
		);
		expect(status).toBe('error');
		expectItemError(error, /DocSpace did not make the user .* a User/);
		expect(owner.type).toBe('DocSpaceAdmin');
	});

	test('refuses a disabled user before calling DocSpace', async () => {
		const target = newUser({ disabled: true });
		const { error } = await run(user('changeType', { userId: byId(target.id), type: 'RoomAdmin' }));
		expectItemError(error, /is disabled/);
		expect(writes()).toHaveLength(0);
		expect(target.type).toBe('User');
	});
});

describe('User → Enable / Disable', () => {
	test('disables and enables a user', async () => {
		const target = newUser();
		const disabled = await run(user('disable', { userId: byId(target.id) }));
		expect(disabled.error).toBeUndefined();
		expect(target.status).toBe(2);
		expect(disabled.items[0].json).toMatchObject({ id: target.id, status: 2 });
		expect(calls('PUT', '/api/2.0/people/status/2')[0].body).toEqual({ userIds: [target.id] });

		const enabled = await run(user('enable', { userId: byId(target.id) }));
		expect(enabled.error).toBeUndefined();
		expect(target.status).toBe(1);
		expect(calls('PUT', '/api/2.0/people/status/1')).toHaveLength(1);
	});

	test('reports that DocSpace does not disable the credential’s own account', async () => {
		const admin = emulator.state.owner();
		const { error } = await run(user('disable', { userId: byId(admin.id) }));
		expectItemError(error, /DocSpace did not disable the user/);
		expect(admin.status).toBe(1);
	});

	test('an unknown user names the parameter and changes nothing', async () => {
		const { error } = await run(user('disable', { userId: byId(randomUUID()) }));
		expectItemError(error, /The parameter “User” names no user DocSpace can find: “.*”/);
		expect(writes()).toHaveLength(0);
	});
});

describe('User → Delete', () => {
	test('disables an active user first, then deletes them', async () => {
		const target = newUser();
		const group = emulator.state.createGroup({
			name: `Delete ${target.id}`,
			memberIds: [target.id],
		});
		const { items, error } = await run(user('delete', { userId: byId(target.id) }));
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json)).toEqual([{ deleted: true, id: target.id }]);
		expect(emulator.state.getUser(target.id)).toBeUndefined();
		expect(group.memberIds).not.toContain(target.id);
		expect(writes().map((r) => `${r.method} ${r.path}`)).toEqual([
			'PUT /api/2.0/people/status/2',
			`DELETE /api/2.0/people/${target.id}`,
		]);
	});

	test('without “Disable First”, an active user gets a clear message and stays', async () => {
		const target = newUser();
		const { status, error } = await run(
			user('delete', { userId: byId(target.id), disableFirst: false }),
		);
		expect(status).toBe('error');
		expectItemError(error, /is still active, and DocSpace deletes only disabled users/);
		expect((error as { description?: string }).description).toMatch(/Disable First/);
		expect(emulator.state.getUser(target.id)?.status).toBe(1);
		expect(writes().map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
			`DELETE /api/2.0/people/${target.id} 403`,
		]);
	});

	test('without “Disable First”, a disabled user is deleted at once', async () => {
		const target = newUser({ disabled: true });
		const { items, error } = await run(
			user('delete', { userId: byId(target.id), disableFirst: false }),
		);
		expect(error).toBeUndefined();
		expect(items[0].json).toEqual({ deleted: true, id: target.id });
		expect(emulator.state.getUser(target.id)).toBeUndefined();
		expect(writes()).toHaveLength(1);
	});

	test('an unknown user names the parameter', async () => {
		const { error } = await run(user('delete', { userId: byId(randomUUID()) }));
		expectItemError(error, /The parameter “User” names no user DocSpace can find: “.*”/);
		expect(writes()).toHaveLength(0);
	});

	test('a link without a user ID is refused before calling DocSpace', async () => {
		const before = emulator.state.users.size;
		const { error } = await run(user('delete', { userId: fromInput('url') }), {
			input: [{ json: { value: 'https://portal.example.com/rooms/shared/12' } }],
		});
		expectItemError(error, /“User” does not hold a DocSpace link to a user/);
		expect(emulator.requests).toHaveLength(0);
		expect(emulator.state.users.size).toBe(before);
	});
});
