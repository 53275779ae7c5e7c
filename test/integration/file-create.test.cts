/** File → Create, Create From Text and Rename through n8n's engine against the emulator. */
import type { Folder } from '../emulator/model.cjs';
import { byId } from '../harness/docspace.cjs';
import {
	calls,
	createsAnything,
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

describe('Create', () => {
	test('a document: the extension picks the type and is added to the name', async () => {
		const folder = freshFolder();
		const { error, items } = await run({
			operation: 'create',
			folderId: byId(folder.id),
			title: 'Quarterly report',
			fileType: '.docx',
		});
		expect(error).toBeUndefined();
		expect(calls('POST', `/api/2.0/files/${folder.id}/file`)[0].body).toEqual({
			title: 'Quarterly report.docx',
		});
		const [file] = filesIn(folder.id);
		expect(file.title).toBe('Quarterly report.docx');
		expect(file.content.subarray(0, 2).toString()).toBe('PK');
		expect(items[0].json).toMatchObject({ id: file.id, fileExst: '.docx' });
	});

	test('a PDF form in My documents', async () => {
		const { error, items } = await run({
			operation: 'create',
			folderId: byId('@my'),
			title: 'Application.pdf',
			fileType: '.pdf',
		});
		expect(error).toBeUndefined();
		expect(calls('POST', '/api/2.0/files/@my/file')[0].body).toEqual({ title: 'Application.pdf' });
		const file = emulator.state.getFile(Number(items[0].json.id));
		expect(file).toMatchObject({
			title: 'Application.pdf',
			folderId: ids.myDocuments,
			isForm: true,
		});
	});

	test('an empty name is refused before calling DocSpace', async () => {
		const { error } = await run({
			operation: 'create',
			folderId: byId(ids.myDocuments),
			title: expr(' '),
			fileType: '.xlsx',
		});
		expect(error?.message).toBe('The parameter “File Name” is empty');
		expectAtItem(error, 0);
		expect(emulator.requests).toHaveLength(0);
	});
});

describe('Create From Text', () => {
	const create = (folder: Folder, content: string, extra: Record<string, unknown> = {}) =>
		run({
			operation: 'createFromText',
			folderId: byId(folder.id),
			title: 'Notes',
			content,
			...extra,
		});

	test('a text file with the content, then a new version, then a numbered copy', async () => {
		const folder = freshFolder();
		expect((await create(folder, 'one')).error).toBeUndefined();
		expect(calls('POST', `/api/2.0/files/${folder.id}/text`)[0].body).toEqual({
			title: 'Notes.txt',
			content: 'one',
			createNewIfExist: false,
		});
		await create(folder, 'two');
		await create(folder, 'three', { ifNameExists: 'duplicate' });
		const files = filesIn(folder.id);
		const notes = files.find((f) => f.title === 'Notes.txt');
		expect(notes?.versions.map((v) => v.content.toString())).toEqual(['one', 'two']);
		expect(files.find((f) => f.title === 'Notes (1).txt')?.content.toString()).toBe('three');
	});

	test('HTML goes to the html endpoint', async () => {
		const folder = freshFolder();
		const { error } = await create(folder, '<h1>Hi</h1>', { format: 'html' });
		expect(error).toBeUndefined();
		expect(calls('POST', `/api/2.0/files/${folder.id}/html`)).toHaveLength(1);
		expect(filesIn(folder.id)[0]).toMatchObject({ title: 'Notes.html' });
	});

	test('Skip returns the existing file and writes nothing', async () => {
		const folder = freshFolder();
		const existing = storedFile(folder.id, 'Notes.txt', Buffer.from('keep'));
		const { items } = await create(folder, 'lost', { ifNameExists: 'skip' });
		expect(items[0].json).toMatchObject({ id: existing.id, skipped: true });
		expect(createsAnything()).toHaveLength(0);
		expect(existing.content.toString()).toBe('keep');
	});
});

describe('Rename', () => {
	test('DocSpace keeps the extension', async () => {
		const folder = freshFolder();
		const file = storedFile(folder.id, 'Draft.docx');
		const { error, items } = await run({
			operation: 'rename',
			fileId: byId(file.id),
			title: 'Final',
		});
		expect(error).toBeUndefined();
		expect(calls('PUT', `/api/2.0/files/file/${file.id}`)[0].body).toEqual({ title: 'Final' });
		expect(file.title).toBe('Final.docx');
		expect(items[0].json).toMatchObject({ id: file.id, title: 'Final.docx' });
	});

	test('an empty name is refused before calling DocSpace', async () => {
		const { error } = await run({
			operation: 'rename',
			fileId: byId(ids.files.docx),
			title: expr(' '),
		});
		expect(error?.message).toBe('The parameter “New Name” is empty');
		expectAtItem(error, 0);
		expect(emulator.requests).toHaveLength(0);
		expect(emulator.state.getFile(ids.files.docx)?.title).toBe('Project plan.docx');
	});
});
