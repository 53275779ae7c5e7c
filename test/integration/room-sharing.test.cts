/**
 * Room → Invite or Change Access, Remove Member, Get Members, Get Links and Set Link through
 * n8n's engine against the emulator, and the emulator's own sharing rules.
 */
import type { IDataObject } from 'n8n-workflow';

import { roomLinks } from '../emulator/roomStore.cjs';
import { byId } from '../harness/docspace.cjs';
import {
	emulator,
	expectOnlyReads,
	freshRoom,
	ids,
	member,
	requestsTo,
	run,
	useRoomEmulator,
} from './room.fixtures.cjs';
import { expectAtItem } from '../harness/items.cjs';

useRoomEmulator();

describe('Invite or Change Access', () => {
	const invite = (roomId: number, invitee: IDataObject[], extra: IDataObject = {}) =>
		run('invite', { roomId: byId(roomId), invitees: { invitee }, ...extra });

	test('a user by ID, a group and an unknown email (who becomes a guest)', async () => {
		const room = freshRoom('Team room', 5);
		const { error, items } = await invite(
			room.id,
			[
				{ kind: 'user', userId: ids().users.user, access: 10 },
				{ kind: 'group', groupId: ids().groups.marketing, access: 6 },
				{ kind: 'email', email: 'new.person@example.org', access: 2 },
			],
			{ options: { notify: false, message: 'Welcome' } },
		);
		expect(error).toBeUndefined();
		expect(member(room, ids().users.user)?.access).toBe(10);
		expect(member(room, ids().groups.marketing)).toMatchObject({ subjectType: 2, access: 6 });
		const guest = emulator.state.findUserByEmail('new.person@example.org');
		expect(guest).toMatchObject({ type: 'Guest', activationStatus: 2 });
		expect(member(room, guest?.id ?? '')?.access).toBe(2);
		expect(items.map((i) => [i.json.type, i.json.accessName])).toEqual([
			['user', 'Editor'],
			['group', 'Commenter'],
			['user', 'Viewer'],
		]);
		expect(items[2].json).toMatchObject({ email: 'new.person@example.org', pending: true });
		expect(requestsTo('PUT', new RegExp(`/files/rooms/${room.id}/share$`))[0].body).toEqual({
			invitations: [
				{ id: ids().users.user, access: 10 },
				{ id: ids().groups.marketing, access: 6 },
				{ email: 'new.person@example.org', access: 2 },
			],
			notify: false,
			message: 'Welcome',
		});
	});

	test('changing the access of an existing member', async () => {
		const room = freshRoom('Change room', 2);
		room.members.push({ subjectId: ids().users.user2, subjectType: 0, access: 2 });
		const { error, items } = await invite(room.id, [
			{ kind: 'email', email: 'USER2@example.com', access: 11 },
		]);
		expect(error).toBeUndefined();
		expect(member(room, ids().users.user2)?.access).toBe(11);
		expect(items[0].json).toMatchObject({ id: ids().users.user2, accessName: 'Content Creator' });
	});

	test('an access level the room type does not offer is refused, listing the valid ones', async () => {
		const room = freshRoom('Collab', 2);
		const { error } = await invite(room.id, [
			{ kind: 'user', userId: ids().users.user, access: 10 },
			{ kind: 'user', userId: ids().users.user2, access: 5 },
		]);
		expect(error?.message).toBe(
			'The parameter “Invitees → entry 2 → Access” is “Reviewer”, which a Collaboration Room does not offer',
		);
		expectAtItem(error, 0);
		expect(error?.description).toBe(
			'“Collab” is a Collaboration Room. Valid access levels for people there: Content Creator, Editor, Room Manager, Viewer.',
		);
		expectOnlyReads();
		expect(room.members).toEqual([]);
	});

	test('groups cannot be room managers; form filling rooms have no editors', async () => {
		const custom = freshRoom('Custom', 5);
		const group = await invite(custom.id, [
			{ kind: 'group', groupId: ids().groups.marketing, access: 9 },
		]);
		expect(group.error?.message).toMatch(
			/“Room Manager”, which a Custom Room does not offer to groups$/,
		);
		expectAtItem(group.error, 0);
		expect(group.error?.description).toMatch(
			/for groups there: Commenter, Content Creator, Editor, Reviewer, Viewer\.$/,
		);
		const forms = freshRoom('Forms', 1);
		const editor = await invite(forms.id, [{ kind: 'user', userId: ids().users.user, access: 10 }]);
		expect(editor.error?.description).toMatch(
			/for people there: Content Creator, Form Filler, Room Manager\.$/,
		);
		expectOnlyReads();
	});

	test('an invalid email or ID is refused before calling DocSpace', async () => {
		const room = freshRoom('Strict', 5);
		const users = emulator.state.users.size;
		const email = await invite(room.id, [{ kind: 'email', email: 'not-an-email', access: 2 }]);
		expect(email.error?.message).toBe(
			'The parameter “Invitees → entry 1 → Email” is not a valid email address: “not-an-email”',
		);
		expectAtItem(email.error, 0);
		const id = await invite(room.id, [{ kind: 'user', userId: 'bob', access: 2 }]);
		expect(id.error?.message).toMatch(
			/“Invitees → entry 1 → User ID” is not a DocSpace ID: “bob”$/,
		);
		expectAtItem(id.error, 0);
		const none = await invite(room.id, []);
		expect(none.error?.message).toBe('The parameter “Invitees” is empty');
		expectAtItem(none.error, 0);
		expect(emulator.requests).toHaveLength(0);
		expect(emulator.state.users.size).toBe(users);
		expect(room.members).toEqual([]);
	});

	test('DocSpace refuses Room Manager for a plain user: a clear message', async () => {
		const room = freshRoom('Managers', 5);
		const { error } = await invite(room.id, [
			{ kind: 'user', userId: ids().users.user, access: 9 },
		]);
		expect(error?.message).toMatch(/refused an access level for “Managers”/);
		expectAtItem(error, 0);
		expect(error?.description).toMatch(/Portal users and guests cannot be Room Managers/);
		expect(member(room, ids().users.user)).toBeUndefined();
	});

	test('an account DocSpace skips is reported', async () => {
		const room = freshRoom('Skips', 5);
		const { error } = await invite(room.id, [
			{ kind: 'user', userId: ids().users.disabled, access: 2 },
		]);
		expect(error?.message).toMatch(/did not give the requested access to .* in “Skips”$/);
		expectAtItem(error, 0);
		expect(member(room, ids().users.disabled)).toBeUndefined();
	});
});

describe('Remove Member and Get Members', () => {
	test('remove by email and by ID', async () => {
		const room = freshRoom('Leaving', 5);
		room.members.push(
			{ subjectId: ids().users.user, subjectType: 0, access: 2 },
			{ subjectId: ids().groups.marketing, subjectType: 2, access: 11 },
		);
		const byEmail = await run('removeMember', {
			roomId: byId(room.id),
			member: emulator.secrets.userEmail,
		});
		expect(byEmail.error).toBeUndefined();
		expect(byEmail.items[0].json).toMatchObject({
			removed: true,
			roomId: room.id,
			member: { id: ids().users.user, type: 'user' },
		});
		const byGroupId = await run('removeMember', {
			roomId: byId(room.id),
			member: ids().groups.marketing,
		});
		expect(byGroupId.error).toBeUndefined();
		expect(room.members).toEqual([]);
		expect(requestsTo('PUT', /\/share$/).map((r) => r.body)).toEqual([
			{ invitations: [{ id: ids().users.user, access: 0 }], notify: false, force: false },
			{ invitations: [{ id: ids().groups.marketing, access: 0 }], notify: false, force: false },
		]);
	});

	test('not a member, the owner, or not an email/ID: nothing is sent', async () => {
		const room = freshRoom('Keep', 5);
		const stranger = await run('removeMember', {
			roomId: byId(room.id),
			member: 'user2@example.com',
		});
		expect(stranger.error?.message).toBe(
			`The parameter “Member” names no member of room ${room.id}: “user2@example.com”`,
		);
		expectAtItem(stranger.error, 0);
		const owner = await run('removeMember', { roomId: byId(room.id), member: ids().users.admin });
		expect(owner.error?.message).toMatch(/names the owner of room .*, who cannot be removed$/);
		expectAtItem(owner.error, 0);
		const junk = await run('removeMember', { roomId: byId(room.id), member: 'somebody' });
		expect(junk.error?.message).toMatch(/neither an email address nor a DocSpace ID: “somebody”$/);
		expectAtItem(junk.error, 0);
		expectOnlyReads();
	});

	test('get members: owner first, filters, limit', async () => {
		const custom = ids().rooms.custom;
		const all = await run('getMembers', { roomId: byId(custom), returnAll: true });
		expect(all.items.map((i) => [i.json.name, i.json.accessName, i.json.isOwner])).toEqual([
			['Alex Owner', 'Room Manager', true],
			['Rita Manager', 'Room Manager', false],
			['Marketing', 'Content Creator', false],
		]);
		const groups = await run('getMembers', {
			roomId: byId(custom),
			returnAll: true,
			filters: { memberType: 32 },
		});
		expect(groups.items.map((i) => i.json.type)).toEqual(['group']);
		const limited = await run('getMembers', { roomId: byId(custom), returnAll: false, limit: 1 });
		expect(limited.items).toHaveLength(1);
		const raw = await run('getMembers', { roomId: byId(custom), returnAll: true, simplify: false });
		expect(raw.items[1].json).toMatchObject({
			access: 9,
			subjectType: 0,
			sharedToUser: { email: 'roomadmin@example.com' },
		});
		expect(requestsTo('GET', /\/share$/).map((r) => r.query)).toEqual([
			{ filterType: '0', startIndex: '0', count: '100' },
			{ filterType: '32', startIndex: '0', count: '100' },
			{ filterType: '0', startIndex: '0', count: '1' },
			{ filterType: '0', startIndex: '0', count: '100' },
		]);
	});
});

describe('Links', () => {
	test('a public room has its primary external link', async () => {
		const { error, items } = await run('getLinks', { roomId: byId(ids().rooms.public) });
		expect(error).toBeUndefined();
		expect(items).toHaveLength(1);
		expect(items[0].json).toMatchObject({
			linkType: 'external',
			primary: true,
			accessName: 'Viewer',
			passwordProtected: false,
		});
		expect(String(items[0].json.url)).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/s\//);
	});

	test('create an external link with password, expiry and deny download, then change it', async () => {
		const room = freshRoom('Shared', 5);
		const expires = new Date(Date.now() + 7 * 86400_000).toISOString();
		const created = await run('setLink', {
			roomId: byId(room.id),
			linkType: 1,
			title: 'For partners',
			access: 6,
			options: { password: 'S3cret-pass', expirationDate: expires, denyDownload: true },
		});
		expect(created.error).toBeUndefined();
		const [stored] = roomLinks(emulator.state, room.id);
		expect(stored).toMatchObject({
			title: 'For partners',
			access: 6,
			password: 'S3cret-pass',
			denyDownload: true,
			subjectType: 4,
		});
		expect(stored.expirationDate?.toISOString()).toBe(expires);
		expect(created.items[0].json).toMatchObject({
			id: stored.id,
			linkType: 'external',
			accessName: 'Commenter',
			passwordProtected: true,
			denyDownload: true,
		});
		expect(requestsTo('PUT', /\/links$/)[0].body).toEqual({
			linkType: 1,
			access: 6,
			title: 'For partners',
			expirationDate: expires,
			password: 'S3cret-pass',
			denyDownload: true,
		});

		const changed = await run('setLink', {
			roomId: byId(room.id),
			linkType: 1,
			linkId: stored.id,
			access: 10,
		});
		expect(changed.error).toBeUndefined();
		expect(roomLinks(emulator.state, room.id)).toHaveLength(1);
		expect(stored).toMatchObject({ access: 10, password: undefined, expirationDate: undefined });

		const listed = await run('getLinks', { roomId: byId(room.id), linkType: 1 });
		expect(listed.items.map((i) => i.json.id)).toEqual([stored.id]);
		expect(requestsTo('GET', /\/links$/).at(-1)?.query).toEqual({ type: '1' });
	});

	test('an invitation link in a collaboration room; a second one is not created', async () => {
		const room = freshRoom('Invite link room', 2);
		const first = await run('setLink', {
			roomId: byId(room.id),
			linkType: 0,
			access: 10,
			options: { maxUseCount: 5 },
		});
		expect(first.error).toBeUndefined();
		expect(roomLinks(emulator.state, room.id)).toEqual([
			expect.objectContaining({
				subjectType: 3,
				access: 10,
				maxUseCount: 5,
				title: 'Invitation link',
			}),
		]);
		const second = await run('setLink', { roomId: byId(room.id), linkType: 0, access: 2 });
		expect(second.error?.message).toBe(
			'DocSpace did not create the invitation link in “Invite link room”',
		);
		expectAtItem(second.error, 0);
		expect(roomLinks(emulator.state, room.id)).toHaveLength(1);
	});

	test('link type, access or expiry the room does not allow: nothing is sent', async () => {
		const collab = freshRoom('No external', 2);
		const external = await run('setLink', { roomId: byId(collab.id), linkType: 1, access: 2 });
		expect(external.error?.message).toBe(
			'The parameter “Link Type” is “external”, but a Collaboration Room has no external links',
		);
		expectAtItem(external.error, 0);
		const custom = freshRoom('Custom links', 5);
		const access = await run('setLink', { roomId: byId(custom.id), linkType: 1, access: 11 });
		expect(access.error?.message).toMatch(
			/“Access” is “Content Creator”, which external links of a Custom Room do not offer$/,
		);
		expectAtItem(access.error, 0);
		expect(access.error?.description).toBe(
			'Valid access levels for external links in “Custom links”: Editor, Form Filler, Custom Filter, Reviewer, Commenter, Viewer.',
		);
		const past = await run('setLink', {
			roomId: byId(custom.id),
			linkType: 1,
			access: 2,
			options: { expirationDate: '2020-01-01T00:00:00' },
		});
		expect(past.error?.message).toMatch(/^The parameter “Expiration Date” is in the past/);
		const badId = await run('setLink', {
			roomId: byId(custom.id),
			linkType: 1,
			access: 2,
			linkId: 'abc',
		});
		expect(badId.error?.message).toBe('The parameter “Link ID” is not a link ID: “abc”');
		expectAtItem(badId.error, 0);
		expectOnlyReads();
		expect(roomLinks(emulator.state, custom.id)).toEqual([]);
	});
});

describe('the emulator follows DocSpace', () => {
	const api = (method: string, path: string, body?: unknown) =>
		fetch(`${emulator.url}/api/2.0/${path}`, {
			method,
			headers: {
				authorization: `Bearer ${emulator.secrets.apiKey}`,
				'content-type': 'application/json',
				accept: 'application/json',
			},
			body: body === undefined ? undefined : JSON.stringify(body),
		});

	test('an access level outside the room type is refused with 403', async () => {
		const room = freshRoom('Raw', 6);
		const reply = await api('PUT', `files/rooms/${room.id}/share`, {
			invitations: [{ id: ids().users.roomAdmin, access: 10 }],
		});
		expect(reply.status).toBe(403);
		expect(await reply.json()).toMatchObject({
			error: { message: 'The role is not available for this user type' },
			status: 1,
			statusCode: 403,
		});
		expect(room.members).toEqual([]);
	});

	test('a member listing names only the id-based invitees; disabled users are skipped', async () => {
		const room = freshRoom('Raw 2', 5);
		const reply = await api('PUT', `files/rooms/${room.id}/share`, {
			invitations: [
				{ id: ids().users.user, access: 2 },
				{ id: ids().users.disabled, access: 2 },
				{ email: 'brand.new@example.net', access: 5 },
			],
		});
		const body = (await reply.json()) as {
			response: { members: Array<{ sharedToUser: { id: string } }> };
		};
		expect(body.response.members.map((m) => m.sharedToUser.id)).toEqual([ids().users.user]);
		expect(room.members.map((m) => m.access).sort()).toEqual([2, 5]);
	});

	test('room creation needs a title and a known room type', async () => {
		expect((await api('POST', 'files/rooms', { roomType: 5 })).status).toBe(400);
		expect((await api('POST', 'files/rooms', { title: 'x', roomType: 3 })).status).toBe(400);
		expect((await api('POST', 'files/rooms', { title: '  ', roomType: 5 })).status).toBe(400);
	});
});
