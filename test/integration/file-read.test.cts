/** File → Get, Download, Get Many and Get Versions through n8n's engine against the emulator. */
import { byId, byUrl } from '../harness/docspace.cjs';
import {
	binaryInput,
	calls,
	download,
	emulator,
	expr,
	filesIn,
	freshFolder,
	ids,
	run,
	storedFile,
	useFileEmulator,
} from './file.fixtures.cjs';
import { expectAtItem } from '../harness/items.cjs';

useFileEmulator();

describe('Get', () => {
	test('an unknown id is a clear 404', async () => {
		const { error } = await run({ operation: 'get', fileId: byId(999999) });
		expect(error?.message).toMatch(/^DocSpace could not find the requested item/);
		expectAtItem(error, 0);
		expect(error?.httpCode).toBe('404');
	});

	test('a file link that is no DocSpace file link', async () => {
		const { error } = await run({
			operation: 'get',
			fileId: byUrl(expr(`${emulator.url}/rooms/shared/12`)),
		});
		expect(error?.message).toBe(
			`The parameter “File” does not hold a DocSpace link to a file: “${emulator.url}/rooms/shared/12”`,
		);
		expectAtItem(error, 0);
		expect(emulator.requests).toHaveLength(0);
	});
});

describe('Download', () => {
	test('the bytes, name and type of the file, with the file as JSON', async () => {
		const source = emulator.state.getFile(ids.files.docx);
		const { error, items } = await download(ids.files.docx);
		expect(error).toBeUndefined();
		const binary = items[0].binary?.data;
		expect(binary).toMatchObject({
			fileName: 'Project plan.docx',
			mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
		});
		expect(
			Buffer.from(binary?.data ?? '', 'base64').equals(source?.content ?? Buffer.alloc(1)),
		).toBe(true);
		expect(items[0].json).toMatchObject({ id: ids.files.docx, title: 'Project plan.docx' });
		const [handler] = calls('GET', '/filehandler.ashx');
		expect(handler.query).toEqual({ action: 'download', fileid: String(ids.files.docx) });
		expect(handler.headers.authorization).toBe(`Bearer ${emulator.secrets.apiKey}`);
	});

	test('converted to PDF: checked against files/settings, different bytes and extension', async () => {
		const source = emulator.state.getFile(ids.files.docx);
		const { error, items } = await download(ids.files.docx, { convertTo: 'PDF' });
		expect(error).toBeUndefined();
		expect(calls('GET', '/api/2.0/files/settings')).toHaveLength(1);
		expect(calls('GET', '/filehandler.ashx')[0].query).toMatchObject({ outputtype: '.pdf' });
		const binary = items[0].binary?.data;
		expect(binary).toMatchObject({ fileName: 'Project plan.pdf', mimeType: 'application/pdf' });
		const bytes = Buffer.from(binary?.data ?? '', 'base64');
		expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
		expect(bytes.equals(source?.content ?? Buffer.alloc(0))).toBe(false);
	});

	test('a conversion the portal does not offer is refused with the offered formats', async () => {
		const { error } = await download(ids.files.xlsx, { convertTo: 'pptx' });
		expect(error?.message).toBe(
			'DocSpace cannot convert “Budget 2025.xlsx” to .pptx (parameter “Convert To”)',
		);
		expectAtItem(error, 0);
		expect(error?.description).toContain('.csv, .ods');
		expect(calls('GET', '/filehandler.ashx')).toHaveLength(0);
	});

	test('an older version, keeping the other binaries of the input item', async () => {
		const folder = freshFolder();
		const file = storedFile(folder.id, 'v.txt', Buffer.from('v1'));
		emulator.state.addFileVersion(file.id, Buffer.from('v2'), ids.users.admin);
		const input = binaryInput('other.txt', Buffer.from('other'), 'text/plain', 'other');
		const { error, items } = await download(file.id, { version: 1 }, input);
		expect(error).toBeUndefined();
		expect(Buffer.from(items[0].binary?.data.data ?? '', 'base64').toString()).toBe('v1');
		expect(items[0].binary?.other.fileName).toBe('other.txt');
		expect(items[0].json).toMatchObject({ version: 1 });
	});

	test('a refused download (bare 403 from the file handler) is a clear error', async () => {
		emulator.faults.add({ method: 'GET', path: '/filehandler.ashx', status: 403 });
		const { status, error, items } = await download(ids.files.docx);
		expect(status).toBe('error');
		expect(error?.message).toMatch(/^DocSpace denied permission for this action/);
		expectAtItem(error, 0);
		expect(error?.httpCode).toBe('403');
		expect(items).toHaveLength(0);
	});

	test('an unknown file is a clear 404 before any download', async () => {
		const { error } = await download(999999);
		expect(error?.message).toMatch(/could not find/);
		expectAtItem(error, 0);
		expect(calls('GET', '/filehandler.ashx')).toHaveLength(0);
	});
});

describe('Get Many', () => {
	const getMany = (folderId: number | string, extra: Record<string, unknown>) =>
		run({ operation: 'getMany', folderId: byId(folderId), ...extra });

	test('Return All pages through a folder, files only', async () => {
		const { error, items } = await getMany(ids.bigFolder, { returnAll: true });
		expect(error).toBeUndefined();
		expect(items).toHaveLength(220);
		expect(items.every((i) => i.json.fileEntryType === 2)).toBe(true);
		const pages = calls('GET', `/api/2.0/files/${ids.bigFolder}`);
		// Pages after the first are asked at once, so they may arrive in any order.
		const asked = pages.map((p) => [p.query.startIndex, p.query.count]);
		expect(asked.sort(([a], [b]) => Number(a) - Number(b))).toEqual([
			['0', '100'],
			['100', '100'],
			['200', '100'],
		]);
		expect(pages[0].query).toMatchObject({ filterType: '1', applyFilterOption: '1' });
	});

	test('Limit stops after that many', async () => {
		const { items } = await getMany(ids.bigFolder, { limit: 5 });
		expect(items).toHaveLength(5);
		expect(calls('GET', `/api/2.0/files/${ids.bigFolder}`).map((p) => p.query.count)).toEqual([
			'5',
		]);
	});

	test('by type: documents only', async () => {
		const { items } = await getMany(ids.bigFolder, { returnAll: true, filters: { type: 3 } });
		const titles = items.map((i) => String(i.json.title));
		const expected = filesIn(ids.bigFolder).filter((f) => /\.(docx|txt|md)$/.test(f.title));
		expect(titles.sort()).toEqual(expected.map((f) => f.title).sort());
		expect(calls('GET', `/api/2.0/files/${ids.bigFolder}`)[0].query).toMatchObject({
			filterType: '3',
		});
	});

	test('by extension', async () => {
		const { items } = await getMany(ids.bigFolder, {
			returnAll: true,
			filters: { extension: '.PDF' },
		});
		expect(items).toHaveLength(22);
		expect(items.every((i) => String(i.json.title).endsWith('.pdf'))).toBe(true);
		expect(calls('GET', `/api/2.0/files/${ids.bigFolder}`)[0].query).toMatchObject({
			filterType: '11',
			extension: 'pdf',
		});
	});

	test('by name, in subfolders, in My documents', async () => {
		const { items } = await getMany('@my', {
			returnAll: true,
			filters: { search: 'roadmap', withSubfolders: true },
			simplify: false,
		});
		expect(items.map((i) => i.json.id)).toEqual([ids.files.roadmap]);
		expect(calls('GET', '/api/2.0/files/@my')[0].query).toMatchObject({
			filterValue: 'roadmap',
			withSubFolders: 'true',
		});
		const flat = await getMany('@my', { returnAll: true, filters: { search: 'roadmap' } });
		expect(flat.items).toHaveLength(0);
	});

	test('Extension and Type together are refused', async () => {
		const { error } = await getMany(ids.bigFolder, { filters: { extension: 'pdf', type: 3 } });
		expect(error?.message).toBe('The filters “Extension” and “Type” cannot be combined');
		expectAtItem(error, 0);
		expect(emulator.requests).toHaveLength(0);
	});
});

describe('Get Versions', () => {
	test('one item per version, newest first', async () => {
		const folder = freshFolder();
		const file = storedFile(folder.id, 'h.txt', Buffer.from('1'));
		emulator.state.addFileVersion(file.id, Buffer.from('22'), ids.users.admin);
		emulator.state.addFileVersion(file.id, Buffer.from('333'), ids.users.admin);
		const { error, items } = await run({ operation: 'getVersions', fileId: byId(file.id) });
		expect(error).toBeUndefined();
		expect(items.map((i) => [i.json.version, i.json.pureContentLength])).toEqual([
			[3, 3],
			[2, 2],
			[1, 1],
		]);
		expect(calls('GET', `/api/2.0/files/file/${file.id}/history`)).toHaveLength(1);
	});
});
