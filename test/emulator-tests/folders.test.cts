import { auth as admin, emulator as emu, useEmulator } from './emulator.fixture.cjs';
import { basic, call } from '../emulator/client.cjs';
import { BIG_FOLDER } from '../emulator/seed.cjs';

useEmulator();

const get = (path: string, headers = admin) => call(emu.url, path, { headers });

describe('envelopes', () => {
	it('wraps a success exactly as DocSpace', async () => {
		const answer = await get(`/api/2.0/files/file/${emu.state.seedIds.files.docx}`);
		expect(answer.status).toBe(200);
		expect(answer.headers.get('content-type')).toBe('application/json; charset=utf-8');
		expect(Object.keys(answer.json)).toEqual([
			'response',
			'count',
			'links',
			'status',
			'statusCode',
		]);
		expect(answer.json).toMatchObject({ count: 1, status: 0, statusCode: 200 });
		expect(answer.json.links).toEqual([
			{ href: `${emu.url}/api/2.0/files/file/${emu.state.seedIds.files.docx}`, action: 'GET' },
		]);
		const file = answer.json.response;
		expect(file).toMatchObject({
			id: emu.state.seedIds.files.docx,
			title: 'Project plan.docx',
			folderId: emu.state.seedIds.myDocuments,
			version: 1,
			fileExst: '.docx',
			fileType: 7,
			fileEntryType: 2,
			rootFolderType: 5,
			viewUrl: `${emu.url}/filehandler.ashx?action=download&fileid=${file.id}`,
			webUrl: `${emu.url}/doceditor?fileid=${file.id}`,
			created: '2025-01-02T10:17:12.0000000Z',
		});
		expect(file.pureContentLength).toBe(emu.state.getFile(file.id)!.content.length);
		expect(file.createdBy.id).toBe(emu.state.seedIds.users.admin);
		expect(emu.state.getFile(file.id)!.content.subarray(0, 2).toString()).toBe('PK');
	});

	it('answers errors with the error envelope', async () => {
		const missing = await get('/api/2.0/files/file/987654');
		expect(missing.status).toBe(404);
		expect(missing.json).toEqual({
			error: {
				message: 'The required file was not found',
				type: expect.any(String),
				stack: expect.any(String),
				hresult: expect.any(Number),
			},
			status: 1,
			statusCode: 404,
		});
		const unknownRoute = await get('/api/2.0/no/such/route');
		expect(unknownRoute.status).toBe(404);
		expect(unknownRoute.json).toMatchObject({ status: 1, statusCode: 404 });
	});

	it.each(['0', '101', 'ten'])('rejects count=%s with the validation envelope', async (count) => {
		const answer = await get(`/api/2.0/files/${emu.state.seedIds.bigFolder}?count=${count}`);
		expect(answer.status).toBe(400);
		expect(answer.json).toMatchObject({
			status: 1,
			statusCode: 400,
			response: { status: 400, errors: { count: [expect.any(String)] } },
		});
	});

	it('serves an HTML page outside the API', async () => {
		for (const path of ['/', '/some/site/']) {
			const answer = await get(path, {});
			expect(answer.status).toBe(200);
			expect(answer.headers.get('content-type')).toContain('text/html');
			expect(answer.text).toContain('DocSpace emulator');
		}
	});
});

describe('folder contents', () => {
	it('pages the 250-entry folder, folders first, totals inside response', async () => {
		const seen: number[] = [];
		const kinds: string[] = [];
		for (const startIndex of [0, 100, 200]) {
			const answer = await get(
				`/api/2.0/files/${emu.state.seedIds.bigFolder}?startIndex=${startIndex}&count=100`,
			);
			expect(answer.json.count).toBe(1);
			const page = answer.json.response;
			expect(page).toMatchObject({ startIndex, total: 250, count: startIndex === 200 ? 50 : 100 });
			expect(page.current).toMatchObject({
				id: emu.state.seedIds.bigFolder,
				title: 'Big folder',
				filesCount: 220,
				foldersCount: 30,
			});
			expect(page.pathParts.map((p: { title: string }) => p.title)).toEqual([
				'My documents',
				'Big folder',
			]);
			for (const f of page.folders) {
				seen.push(f.id);
				kinds.push('folder');
			}
			for (const f of page.files) {
				seen.push(f.id);
				kinds.push('file');
			}
		}
		expect(new Set(seen).size).toBe(BIG_FOLDER.folders + BIG_FOLDER.files);
		expect(kinds.lastIndexOf('folder')).toBe(BIG_FOLDER.folders - 1);
	});

	it.each([
		['filterType=FoldersOnly', 30],
		['filterType=1', 220],
		['filterType=3', 66], // .docx, .txt and .md, 22 each
		['filterType=5', 44],
		['filterType=22', 22],
		['filterType=7', 22],
		['filterType=11&extension=pdf', 22],
		['filterValue=FILE%2000', 9],
		['filterValue=folder', 30],
	])('filters with %s', async (query, total) => {
		const answer = await get(`/api/2.0/files/${emu.state.seedIds.bigFolder}?${query}`);
		expect(answer.json.response.total).toBe(total);
	});

	it('searches sub folders with withSubFolders=true', async () => {
		const flat = await get(`/api/2.0/files/@my?filterValue=roadmap`);
		expect(flat.json.response.total).toBe(0);
		const deep = await get(`/api/2.0/files/@my?filterValue=roadmap&withSubFolders=true`);
		expect(deep.json.response.files.map((f: { id: number }) => f.id)).toEqual([
			emu.state.seedIds.files.roadmap,
		]);
	});

	it('prefers literal routes and answers folder info, 404 and 403', async () => {
		const my = await get('/api/2.0/files/@my');
		expect(my.json.response.current).toMatchObject({ id: emu.state.seedIds.myDocuments, type: 5 });
		const info = await get(`/api/2.0/files/folder/${emu.state.seedIds.folders.projects}`);
		expect(info.json.response).toMatchObject({
			title: 'Projects',
			parentId: emu.state.seedIds.myDocuments,
			fileEntryType: 1,
		});
		expect((await get('/api/2.0/files/999999')).status).toBe(404);
		expect((await get('/api/2.0/files/abc')).status).toBe(404);
		const asUser = { authorization: basic(emu.secrets.userEmail, emu.secrets.userPassword) };
		expect((await get(`/api/2.0/files/${emu.state.seedIds.myDocuments}`, asUser)).status).toBe(403);
		expect((await get('/api/2.0/files/@my', asUser)).json.response.current.id).toBe(
			emu.state.seedIds.userMyDocuments,
		);
	});

	it('lists sections with @root', async () => {
		const root = await get('/api/2.0/files/@root?count=1');
		expect(root.json.response.map((s: { current: { type: number } }) => s.current.type)).toEqual([
			5, 14, 20, 3,
		]);
	});
});

describe('rooms', () => {
	it('lists active rooms, filters by type and area', async () => {
		const all = await get('/api/2.0/files/rooms');
		expect(all.json.response.current.type).toBe(14);
		expect(all.json.response.folders.map((r: { roomType: number }) => r.roomType).sort()).toEqual([
			1, 2, 5, 6, 8, 9,
		]);
		const two = await get('/api/2.0/files/rooms?type=5&type=6');
		expect(two.json.response.total).toBe(2);
		const named = await get('/api/2.0/files/rooms?type=CustomRoom');
		expect(named.json.response.folders.map((r: { id: number }) => r.id)).toEqual([
			emu.state.seedIds.rooms.custom,
		]);
		const archive = await get('/api/2.0/files/rooms?searchArea=1');
		expect(archive.json.response.folders.map((r: { id: number }) => r.id)).toEqual([
			emu.state.seedIds.rooms.archived,
		]);
		expect((await get('/api/2.0/files/rooms?searchArea=2')).json.response.total).toBe(7);
		expect((await get('/api/2.0/files/rooms?filterValue=DATA')).json.response.total).toBe(1);
	});

	it('shows a plain user only the rooms they belong to', async () => {
		const asUser = { authorization: basic(emu.secrets.userEmail, emu.secrets.userPassword) };
		const rooms = await get('/api/2.0/files/rooms', asUser);
		const ids = rooms.json.response.folders.map((r: { id: number }) => r.id).sort();
		const { fillingForms, collaboration, custom } = emu.state.seedIds.rooms;
		expect(ids).toEqual([fillingForms, collaboration, custom].sort());
		expect((await get(`/api/2.0/files/rooms/${emu.state.seedIds.rooms.vdr}`, asUser)).status).toBe(
			403,
		);
	});

	it('answers room info with roomType and a 404 for non-rooms', async () => {
		const room = await get(`/api/2.0/files/rooms/${emu.state.seedIds.rooms.vdr}`);
		expect(room.json.response).toMatchObject({
			title: 'Data room',
			roomType: 8,
			type: 29,
			indexing: true,
			quotaLimit: 104857600,
		});
		expect((await get(`/api/2.0/files/rooms/${emu.state.seedIds.bigFolder}`)).status).toBe(404);
	});
});
