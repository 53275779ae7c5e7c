/** File → Get Link and Manage Links (external links of a file) through n8n's engine against the emulator. */
import { fileLinks } from '../emulator/file-store.cjs';
import { byId } from '../harness/docspace.cjs';
import { calls, emulator, freshFolder, ids, run, useFileEmulator } from './file.fixtures.cjs';
import { expectAtItem } from '../harness/items.cjs';

useFileEmulator();

describe('Links', () => {
	const future = () => new Date(Date.now() + 30 * 86400_000).toISOString();
	function newFile() {
		return emulator.state.createFile({
			title: 'Shared.docx',
			folderId: freshFolder().id,
			createdBy: ids.users.admin,
		});
	}
	const manage = (fileId: number, extra: Record<string, unknown>) =>
		run({ operation: 'manageLinks', fileId: byId(fileId), ...extra });

	test('Get Link creates the primary link once and returns it after', async () => {
		const file = newFile();
		const first = await run({ operation: 'getLink', fileId: byId(file.id) });
		expect(first.error).toBeUndefined();
		const stored = fileLinks(emulator.state, file.id);
		expect(stored).toHaveLength(1);
		expect(first.items[0].json).toMatchObject({
			id: stored[0].id,
			primary: true,
			access: 2,
			url: `${emulator.url}/s/${stored[0].key}`,
		});
		const second = await run({ operation: 'getLink', fileId: byId(file.id) });
		expect(second.items[0].json.id).toBe(stored[0].id);
		expect(fileLinks(emulator.state, file.id)).toHaveLength(1);
	});

	test('Create with access, password, expiration, deny download and title, as stored on the portal', async () => {
		const file = newFile();
		const expires = future();
		const { error, items } = await manage(file.id, {
			linkAction: 'create',
			access: 10,
			linkOptions: {
				password: 'S3cret-pass',
				expirationDate: expires,
				denyDownload: true,
				title: 'Partners',
			},
		});
		expect(error).toBeUndefined();
		const [link] = fileLinks(emulator.state, file.id);
		expect(link).toMatchObject({
			access: 10,
			password: 'S3cret-pass',
			denyDownload: true,
			title: 'Partners',
			subjectType: 1,
		});
		expect(link.expirationDate?.toISOString()).toBe(expires);
		expect(calls('PUT', `/api/2.0/files/file/${file.id}/links`)[0].body).toEqual({
			access: 10,
			password: 'S3cret-pass',
			expirationDate: expires,
			denyDownload: true,
			title: 'Partners',
		});
		expect(items[0].json).toMatchObject({
			id: link.id,
			access: 10,
			passwordProtected: true,
			denyDownload: true,
			title: 'Partners',
		});
		expect(JSON.stringify(items[0].json)).not.toContain('S3cret-pass');
	});

	test('Update changes one setting and keeps the others', async () => {
		const file = newFile();
		const expires = future();
		await manage(file.id, {
			linkAction: 'create',
			access: 5,
			linkOptions: {
				password: 'old-pass-1',
				expirationDate: expires,
				denyDownload: true,
				title: 'T',
			},
		});
		const [link] = fileLinks(emulator.state, file.id);
		emulator.clearRequests();
		const { error } = await manage(file.id, {
			linkAction: 'update',
			linkId: link.id,
			updateFields: { password: 'new-pass-2' },
		});
		expect(error).toBeUndefined();
		expect(fileLinks(emulator.state, file.id)).toHaveLength(1);
		expect(link).toMatchObject({
			access: 5,
			password: 'new-pass-2',
			denyDownload: true,
			title: 'T',
		});
		expect(link.expirationDate?.toISOString()).toBe(expires);
		expect(calls('PUT', `/api/2.0/files/file/${file.id}/links`)[0].body).toMatchObject({
			linkId: link.id,
			access: 5,
			password: 'new-pass-2',
		});
	});

	test('Update can remove the password and the expiry', async () => {
		const file = newFile();
		await manage(file.id, {
			linkAction: 'create',
			linkOptions: { password: 'pass-word-1', expirationDate: future() },
		});
		const [link] = fileLinks(emulator.state, file.id);
		const { error } = await manage(file.id, {
			linkAction: 'update',
			linkId: link.id,
			updateFields: { password: '', expirationDate: '', access: 6 },
		});
		expect(error).toBeUndefined();
		expect(link.password).toBeUndefined();
		expect(link.expirationDate).toBeUndefined();
		expect(link.access).toBe(6);
	});

	test('Get Many lists the links; Delete removes one', async () => {
		const file = newFile();
		await run({ operation: 'getLink', fileId: byId(file.id) });
		await manage(file.id, { linkAction: 'create', access: 6 });
		const listed = await manage(file.id, { linkAction: 'getMany', returnAll: true });
		expect(listed.items.map((i) => i.json.primary)).toEqual([true, false]);
		const extra = fileLinks(emulator.state, file.id).find((l) => l.subjectType === 1);
		const { error, items } = await manage(file.id, { linkAction: 'delete', linkId: extra?.id });
		expect(error).toBeUndefined();
		expect(items[0].json).toEqual({ deleted: true, id: extra?.id });
		expect(fileLinks(emulator.state, file.id).map((l) => l.subjectType)).toEqual([4]);
	});

	test('an expiration date in the past, a bad link ID and an unknown link ID are refused without changes', async () => {
		const file = newFile();
		const past = await manage(file.id, {
			linkAction: 'create',
			linkOptions: { expirationDate: '2020-01-01T00:00:00Z' },
		});
		expect(past.error?.message).toBe(
			'The parameter “Expiration Date” is in the past: 2020-01-01T00:00:00.000Z',
		);
		expectAtItem(past.error, 0);
		const badId = await manage(file.id, { linkAction: 'delete', linkId: 'nope' });
		expect(badId.error?.message).toBe('The parameter “Link ID” is not a link ID: “nope”');
		expectAtItem(badId.error, 0);
		const unknown = await manage(file.id, {
			linkAction: 'update',
			linkId: '6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f',
			updateFields: { title: 'x' },
		});
		expect(unknown.error?.message).toContain('has no external link with the ID');
		expect(calls('PUT', /\/links$/)).toHaveLength(0);
		expect(fileLinks(emulator.state, file.id)).toHaveLength(0);
	});

	test('a file in a room cannot get its own link: DocSpace changes nothing and the node says so', async () => {
		const { error } = await manage(ids.files.customRoomDocx, { linkAction: 'create' });
		expect(error?.message).toBe('DocSpace did not create the link');
		expectAtItem(error, 0);
		expect(fileLinks(emulator.state, ids.files.customRoomDocx)).toHaveLength(0);
	});
});
