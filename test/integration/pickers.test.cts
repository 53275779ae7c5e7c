/** The node's editor lists (loadOptions and From List search) against the emulator's portal. */
import type { INodeProperties } from 'n8n-workflow';

import { DocSpace } from '../../nodes/DocSpace/DocSpace.node';
import type { Emulator } from '../emulator/index.cjs';
import { EXTS_CONVERTIBLE } from '../emulator/file-store.cjs';
import { CULTURES } from '../emulator/routes/settings.cjs';
import { byId, fromList, runDocSpace } from '../harness/docspace.cjs';
import { useEmulator } from '../harness/emulator.cjs';
import { listSearch, loadOptions } from '../harness/editor.cjs';

let emulator: Emulator;
useEmulator((started) => (emulator = started));

const ids = () => emulator.state.seedIds;
const gets = (path: string) =>
	emulator.requests.filter((r) => r.method === 'GET' && r.path === path);

describe('Room → Invite: access levels of the chosen room', () => {
	const levels = async (roomId: number | undefined, kind = 'user') =>
		await loadOptions('getRoomAccessLevels', {
			emulator,
			parameters: {
				resource: 'room',
				operation: 'invite',
				...(roomId === undefined ? {} : { roomId: fromList(roomId) }),
				invitees: { invitee: [{ kind, access: 11 }] },
			},
			path: 'parameters.invitees.invitee[0].access',
		});

	test('a Public room offers only Content Creator and Room Manager, read from the room', async () => {
		const options = await levels(ids().rooms.public);
		expect(options.map((o) => o.name).sort()).toEqual(['Content Creator', 'Room Manager']);
		expect(gets(`/api/2.0/files/rooms/${ids().rooms.public}`)).toHaveLength(1);
	});

	test('groups are never offered Room Manager', async () => {
		const options = await levels(ids().rooms.public, 'group');
		expect(options.map((o) => o.value)).toEqual([11]);
	});

	test('each invitee entry gets the levels for its own Invite By', async () => {
		const parameters = {
			resource: 'room',
			operation: 'invite',
			roomId: fromList(ids().rooms.public),
			invitees: {
				invitee: [
					{ kind: 'group', access: 11 },
					{ kind: 'email', access: 11 },
				],
			},
		};
		const second = await loadOptions('getRoomAccessLevels', {
			emulator,
			parameters,
			path: 'parameters.invitees.invitee[1].access',
		});
		expect(second.map((o) => o.name).sort()).toEqual(['Content Creator', 'Room Manager']);
		const first = await loadOptions('getRoomAccessLevels', {
			emulator,
			parameters,
			path: 'parameters.invitees.invitee[0].access',
		});
		expect(first.map((o) => o.name)).toEqual(['Content Creator']);
	});

	test('a Custom room offers every level but Form Filler, a form filling room its own', async () => {
		expect((await levels(ids().rooms.custom)).map((o) => o.name).sort()).toEqual([
			'Commenter',
			'Content Creator',
			'Editor',
			'Reviewer',
			'Room Manager',
			'Viewer',
		]);
		expect((await levels(ids().rooms.fillingForms)).map((o) => o.name).sort()).toEqual([
			'Content Creator',
			'Form Filler',
			'Room Manager',
		]);
	});

	test('without a room every level is listed and nothing is asked', async () => {
		expect(await levels(undefined)).toHaveLength(7);
		expect(emulator.requests).toHaveLength(0);
	});

	test('each level offered for the Public room is one the portal accepts there', async () => {
		const room = ids().rooms.public;
		for (const option of (await levels(room)).filter((o) => o.value !== 9)) {
			const { error } = await runDocSpace({
				emulator,
				parameters: {
					resource: 'room',
					operation: 'invite',
					roomId: byId(room),
					invitees: {
						invitee: [{ kind: 'user', userId: ids().users.user2, access: option.value }],
					},
				},
			});
			expect(error).toBeUndefined();
			expect(
				emulator.state.getFolder(room)?.members.find((m) => m.subjectId === ids().users.user2)
					?.access,
			).toBe(option.value);
		}
	});
});

describe('File → Download: the formats the chosen file converts to', () => {
	const formats = async (fileId?: number) =>
		await loadOptions('getConversionFormats', {
			emulator,
			parameters: {
				resource: 'file',
				operation: 'download',
				...(fileId ? { fileId: fromList(fileId) } : {}),
			},
			path: 'parameters.options.convertTo',
		});

	test('a .docx file lists the portal’s targets for .docx, after keeping the format', async () => {
		const options = await formats(ids().files.docx);
		expect(options[0].value).toBe('');
		expect(options.slice(1).map((o) => `.${String(o.value)}`)).toEqual(
			[...EXTS_CONVERTIBLE['.docx']].sort(),
		);
		expect(gets('/api/2.0/files/settings')).toHaveLength(1);
	});

	test('a .pdf file offers what the portal lists for .pdf; a file it does not convert only “keep the format”', async () => {
		expect((await formats(ids().files.pdf)).map((o) => o.value)).toEqual(['', 'docx']);
		const image = emulator.state.createFile({
			title: 'Photo.png',
			folderId: ids().myDocuments,
			createdBy: ids().users.admin,
			content: Buffer.from('png'),
		});
		expect((await formats(image.id)).map((o) => o.value)).toEqual(['']);
	});

	test('a picked format downloads converted', async () => {
		const [, first] = await formats(ids().files.docx);
		const { error, items } = await runDocSpace({
			emulator,
			parameters: {
				resource: 'file',
				operation: 'download',
				fileId: byId(ids().files.docx),
				options: { convertTo: first.value },
			},
		});
		expect(error).toBeUndefined();
		expect(items[0].binary?.data.fileName).toBe(`Project plan.${String(first.value)}`);
	});
});

describe('languages from settings/cultures', () => {
	test('lists each portal language by name, after the portal default', async () => {
		const options = await loadOptions('getCultures', {
			emulator,
			parameters: { resource: 'user', operation: 'invite' },
		});
		expect(options[0]).toMatchObject({ value: '' });
		expect(
			options
				.slice(1)
				.map((o) => o.value)
				.sort(),
		).toEqual([...CULTURES].sort());
		expect(options.find((o) => o.value === 'de')?.name).toBe('German (de)');
		expect(gets('/api/2.0/settings/cultures')).toHaveLength(1);
	});
});

describe('user lists narrowed per operation', () => {
	const node = new DocSpace();
	const listMethodOf = (operation: string, name = 'userId') => {
		const property = node.description.properties.find(
			(p: INodeProperties) =>
				p.name === name &&
				p.displayOptions?.show?.operation?.includes(operation) &&
				p.displayOptions.show.resource?.includes('user'),
		);
		return property?.modes?.find((m) => m.name === 'list')?.typeOptions?.searchListMethod;
	};
	const emails = async (method: string, filter?: string) =>
		(await listSearch(method, { emulator, parameters: { resource: 'user' } }, filter)).results.map(
			(r) => r.name.replace(/^.*\((.*)\)$/, '$1'),
		);

	test('Enable lists disabled users only', async () => {
		expect(listMethodOf('enable')).toBe('searchDisabledUsers');
		const listed = await emails('searchDisabledUsers');
		expect(listed).toEqual(['disabled@example.com']);
	});

	test('Disable and Change Type list active users only', async () => {
		expect(listMethodOf('disable')).toBe('searchActiveUsers');
		expect(listMethodOf('changeType')).toBe('searchActiveUsers');
		const listed = await emails('searchActiveUsers');
		expect(listed).toEqual(
			expect.arrayContaining(['admin@example.com', 'user@example.com', 'roomadmin@example.com']),
		);
		expect(listed).not.toContain('disabled@example.com');
	});

	test('Reassign Rooms To lists active room admins and DocSpace admins, searchable', async () => {
		expect(listMethodOf('changeType', 'reassignTo')).toBe('searchRoomOwners');
		expect(listMethodOf('delete', 'reassignTo')).toBe('searchRoomOwners');
		expect((await emails('searchRoomOwners')).sort()).toEqual([
			'admin@example.com',
			'roomadmin@example.com',
		]);
		expect(await emails('searchRoomOwners', 'rita')).toEqual(['roomadmin@example.com']);
	});
});

describe('From List for files and folders: My documents and rooms, with where each entry is', () => {
	const search = async (method: string, filter?: string, token?: string) =>
		await listSearch(
			method,
			{ emulator, parameters: { resource: 'file', operation: 'get' } },
			filter,
			token,
		);

	async function all(method: string, filter?: string) {
		const names: string[] = [];
		let token: string | undefined;
		let pages = 0;
		do {
			const page = await search(method, filter, token);
			names.push(...page.results.map((r) => r.name));
			token = typeof page.paginationToken === 'string' ? page.paginationToken : undefined;
			pages++;
		} while (token && pages < 50);
		return { names, pages };
	}

	test('files in rooms and in My documents subfolders carry their location', async () => {
		const { names } = await all('searchFiles', 'docx');
		expect(names).toEqual(
			expect.arrayContaining([
				'Project plan.docx · My documents',
				'Roadmap.docx · My documents / Projects / 2025',
				'Draft 1.docx · Team collaboration / Drafts',
				'Guide.docx · Custom room',
			]),
		);
		expect(names.every((name) => name.toLowerCase().includes('docx'))).toBe(true);
	});

	test('the search narrows the list and the values are the file IDs', async () => {
		const page = await search('searchFiles', 'roadmap');
		expect(page.results).toEqual([
			expect.objectContaining({
				name: 'Roadmap.docx · My documents / Projects / 2025',
				value: String(ids().files.roadmap),
			}),
		]);
	});

	test('a long listing pages through every entry', async () => {
		const { names, pages } = await all('searchFiles', 'File ');
		expect(pages).toBeGreaterThan(1);
		expect(new Set(names).size).toBe(names.length);
		expect(names.filter((n) => n.endsWith('· My documents / Big folder')).length).toBe(
			[...emulator.state.files.values()].filter(
				(f) => f.folderId === ids().bigFolder && f.title.includes('File '),
			).length,
		);
	});

	test('folders are listed from rooms too', async () => {
		const { names } = await all('searchFolders', 'dr');
		expect(names).toEqual(expect.arrayContaining(['Drafts · Team collaboration']));
	});

	test('the folder list offers My documents and the rooms themselves as places', async () => {
		const rooms = await search('searchFolders', 'public');
		expect(rooms.results[0]).toEqual(
			expect.objectContaining({ name: 'Public room · Rooms', value: String(ids().rooms.public) }),
		);
		const my = await search('searchFolders', 'my doc');
		expect(my.results[0]).toEqual(expect.objectContaining({ name: 'My documents', value: '@my' }));
		const first = await search('searchFolders');
		expect(first.results.map((r) => r.name)).toEqual(
			expect.arrayContaining(['My documents', 'Public room · Rooms', 'Projects · My documents']),
		);
		expect(first.paginationToken).toBeDefined();
		const next = await search('searchFolders', undefined, first.paginationToken as string);
		expect(next.results.length).toBeGreaterThan(0);
		expect(
			next.results
				.map((r) => r.name)
				.filter((name) => name === 'My documents' || name.endsWith('· Rooms')),
		).toEqual([]);
	});

	test('a guest, who has no My documents, still gets the files of the rooms they are in', async () => {
		const guest = emulator.state.createUser({
			email: 'guest.picker@example.com',
			password: 'Guest-Passw0rd!',
			firstName: 'Gia',
			lastName: 'Guest',
			type: 'Guest',
		});
		emulator.state
			.getFolder(ids().rooms.collaboration)
			?.members.push({ subjectId: guest.id, subjectType: 0, access: 2 });
		const page = await listSearch(
			'searchFiles',
			{
				emulator,
				parameters: { resource: 'file', operation: 'get' },
				authentication: 'basicAuth',
				credentials: { baseUrl: emulator.url, email: guest.email, password: 'Guest-Passw0rd!' },
			},
			'draft',
		);
		expect(page.results.map((r) => r.name)).toEqual(['Draft 1.docx · Team collaboration / Drafts']);
		const places = await listSearch('searchFolders', {
			emulator,
			parameters: { resource: 'folder', operation: 'get' },
			authentication: 'basicAuth',
			credentials: { baseUrl: emulator.url, email: guest.email, password: 'Guest-Passw0rd!' },
		});
		expect(places.results.map((r) => r.name)).toContain('Team collaboration · Rooms');
		expect(places.results.map((r) => r.name)).not.toContain('My documents');
	});

	test('rooms show their type beside the name', async () => {
		const page = await listSearch(
			'searchRooms',
			{ emulator, parameters: { resource: 'room' } },
			'Public',
		);
		expect(page.results.map((r) => r.name)).toEqual(['Public room (Public Room)']);
	});
});
