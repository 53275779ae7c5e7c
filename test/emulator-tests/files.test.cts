/**
 * The emulator's upload sessions, chunk handler, file handler and file settings, over plain HTTP,
 * as DocSpace documents them.
 */
import { auth, emulator, useEmulator } from './emulator.fixture.cjs';
import { api, createSession, folder, postFile as chunk } from './http.fixtures.cjs';
import { fileStore } from '../emulator/file-store.cjs';

useEmulator();

describe('chunked upload session', () => {
	test('create_session answers {success, data} in the envelope with location and bytes_total', async () => {
		const target = folder('Sessions');
		const { status, json } = await api(
			'POST',
			`/api/2.0/files/${target.id}/upload/create_session`,
			{ fileName: 'a.bin', fileSize: 5 },
		);
		expect(status).toBe(200);
		expect(json.status).toBe(0);
		expect(json.response.success).toBe(true);
		expect(json.response.data).toMatchObject({
			bytes_total: 5,
			path: [emulator.state.seedIds.myDocuments, target.id],
		});
		expect(json.response.data.location).toBe(
			`${emulator.url}/ChunkedUploader.ashx?uid=${json.response.data.id}`,
		);
	});

	test('intermediate chunks get 200 with the session, the final one 201 with data.file', async () => {
		const session = await createSession(folder('Chunks').id, { fileName: 'b.bin', fileSize: 6 });
		const { location } = session;
		const first = await chunk(location, Buffer.from('abc'));
		expect(first.status).toBe(200);
		expect(first.json).toMatchObject({
			success: true,
			data: { id: session.id, bytes_total: 6 },
		});
		const last = await chunk(location, Buffer.from('def'));
		expect(last.status).toBe(201);
		expect(last.json).toMatchObject({
			success: true,
			data: {
				title: 'b.bin',
				uploaded: true,
				version: 1,
				file: { title: 'b.bin', pureContentLength: 6 },
			},
		});
		expect(emulator.state.getFile(last.json.data.id)?.content.toString()).toBe('abcdef');
	});

	test('errors come as HTTP 200 with success:false: another user, unknown session, empty chunk', async () => {
		const target = folder('Errors');
		const { location } = await createSession(target.id, { fileName: 'c.bin', fileSize: 3 });
		const basicUser = {
			authorization: `Basic ${Buffer.from(`${emulator.secrets.userEmail}:${emulator.secrets.userPassword}`).toString('base64')}`,
		};
		for (const attempt of [
			await chunk(location, Buffer.from('abc'), basicUser),
			await chunk(`${emulator.url}/ChunkedUploader.ashx?uid=nope`, Buffer.from('abc')),
			await chunk(location, Buffer.from('abc'), {}),
		]) {
			expect(attempt).toEqual({
				status: 200,
				json: {
					success: false,
					message: 'Not authorized or session with specified upload id already expired',
				},
			});
		}
		expect(await chunk(location, Buffer.alloc(0))).toEqual({
			status: 200,
			json: { success: false, message: 'Empty file' },
		});
		expect(emulator.state.childrenOf(target.id).files).toHaveLength(0);
	});

	test('chunks above the portal limit are refused', async () => {
		const target = folder('Limit');
		fileStore(emulator.state).maxChunkSize = 4;
		try {
			const { location } = await createSession(target.id, { fileName: 'd.bin', fileSize: 5 });
			const answer = await chunk(location, Buffer.from('12345'));
			expect(answer.status).toBe(200);
			expect(answer.json.success).toBe(false);
		} finally {
			fileStore(emulator.state).maxChunkSize = 10 * 1024 * 1024;
		}
	});

	test('same title: a new version unless createNewIfExist; edit_session always adds a version', async () => {
		const target = folder('Versions');
		const upload = async (text: string, createNewIfExist: boolean) => {
			const { location } = await createSession(target.id, {
				fileName: 'v.txt',
				fileSize: text.length,
				createNewIfExist,
			});
			return (await chunk(location, Buffer.from(text))).json.data;
		};
		const one = await upload('1', false);
		const two = await upload('22', false);
		expect(two).toMatchObject({ id: one.id, version: 2 });
		const copy = await upload('333', true);
		expect(copy).toMatchObject({ title: 'v (1).txt', version: 1 });

		const session = await api('POST', `/api/2.0/files/file/${one.id}/edit_session?fileSize=4`);
		const edited = await chunk(session.json.response.data.location, Buffer.from('4444'));
		expect(edited.json.data).toMatchObject({ id: one.id, version: 3 });
		expect(emulator.state.getFile(one.id)?.versions.map((v) => v.content.toString())).toEqual([
			'1',
			'22',
			'4444',
		]);
	});

	test('create_session: a missing file name is a 400 validation reply; @my is not a folder id there', async () => {
		expect(
			(
				await api(
					'POST',
					`/api/2.0/files/${emulator.state.seedIds.myDocuments}/upload/create_session`,
					{ fileSize: 1 },
				)
			).status,
		).toBe(400);
		expect(
			(
				await api('POST', '/api/2.0/files/@my/upload/create_session', {
					fileName: 'x',
					fileSize: 1,
				})
			).status,
		).toBe(404);
	});
});

describe('file handler', () => {
	const download = (query: string, headers = auth) =>
		fetch(`${emulator.url}/filehandler.ashx?${query}`, { headers });

	test('download: bytes, type and name', async () => {
		const { seedIds } = emulator.state;
		const res = await download(`action=download&fileid=${seedIds.files.pdf}`);
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toBe('application/pdf');
		expect(res.headers.get('content-disposition')).toContain("filename*=UTF-8''Contract.pdf");
		expect(
			Buffer.from(await res.arrayBuffer()).equals(
				emulator.state.getFile(seedIds.files.pdf)?.content ?? Buffer.alloc(0),
			),
		).toBe(true);
	});

	test('outputtype converts when the table allows it, and is ignored otherwise', async () => {
		const { seedIds } = emulator.state;
		const converted = await download(
			`action=download&fileid=${seedIds.files.docx}&outputtype=.pdf`,
		);
		expect(converted.headers.get('content-disposition')).toContain('Project%20plan.pdf');
		expect(
			Buffer.from(await converted.arrayBuffer())
				.subarray(0, 5)
				.toString(),
		).toBe('%PDF-');
		const ignored = await download(`action=download&fileid=${seedIds.files.docx}&outputtype=.mp3`);
		expect(ignored.headers.get('content-disposition')).toContain('Project%20plan.docx');
	});

	test('bare statuses: 404 unknown file, 403 no access or no credentials, 400 unknown action', async () => {
		const { seedIds } = emulator.state;
		expect((await download('action=download&fileid=999999')).status).toBe(404);
		expect((await download(`action=download&fileid=${seedIds.files.docx}`, {})).status).toBe(403);
		const user = {
			authorization: `Basic ${Buffer.from(`${emulator.secrets.userEmail}:${emulator.secrets.userPassword}`).toString('base64')}`,
		};
		expect((await download(`action=download&fileid=${seedIds.files.docx}`, user)).status).toBe(403);
		expect((await download(`action=nonsense&fileid=${seedIds.files.docx}`)).status).toBe(400);
	});

	test('a files:read API key may download (the handler has no scope map)', async () => {
		const res = await download(`action=download&fileid=${emulator.state.seedIds.files.docx}`, {
			authorization: `Bearer ${emulator.secrets.filesReadApiKey}`,
		});
		expect(res.status).toBe(200);
	});
});

test('files/settings lists the conversions and the chunk size', async () => {
	const { json } = await api('GET', '/api/2.0/files/settings');
	expect(json.response.extsConvertible['.docx']).toContain('.pdf');
	expect(json.response.chunkUploadSize).toBe(10 * 1024 * 1024);
});
