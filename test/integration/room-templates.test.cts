/** Room → Save as Template, Create From Template, Get Many Templates and Set Template Public against the emulator. */
import { templateTasks, isPublicTemplate, templatesRoot } from '../emulator/templateStore.cjs';
import { byId, runDocSpace } from '../harness/docspace.cjs';
import { emulator, freshRoom, ids, requestsTo, run, useRoomEmulator } from './room.fixtures.cjs';
import { expectAtItem } from '../harness/items.cjs';

useRoomEmulator();

beforeEach(() => {
	templateTasks(emulator.state).durationMs = 0;
});

function roomWithContent(title: string) {
	const room = freshRoom(title, 1);
	room.tags = ['hr'];
	emulator.state.createFile({
		title: 'Welcome.docx',
		folderId: room.id,
		createdBy: ids().users.admin,
	});
	const folder = emulator.state.createFolder({
		title: 'Policies',
		parentId: room.id,
		createdBy: ids().users.admin,
	});
	emulator.state.createFile({
		title: 'Leave.pdf',
		folderId: folder.id,
		createdBy: ids().users.admin,
	});
	return room;
}

function treeOf(folderId: number): string[] {
	const { folders, files } = emulator.state.childrenOf(folderId);
	return [
		...files.map((f) => f.title),
		...folders.flatMap((f) => [`${f.title}/`, ...treeOf(f.id).map((t) => `${f.title}/${t}`)]),
	].sort();
}

async function saveTemplate(roomId: number, templateFields: Record<string, unknown> = {}) {
	return await run('saveAsTemplate', { roomId: byId(roomId), templateFields });
}

describe('Save as Template', () => {
	test('copies the room’s type, tags and content into a template and waits for the task', async () => {
		const room = roomWithContent('Onboarding');
		templateTasks(emulator.state).durationMs = 600;
		const { error, items } = await saveTemplate(room.id, {
			title: 'Onboarding template',
			public: true,
		});
		expect(error).toBeUndefined();
		const template = emulator.state.getFolder(Number(items[0].json.id));
		expect(template).toMatchObject({
			title: 'Onboarding template',
			roomType: 1,
			tags: ['hr'],
			parentId: templatesRoot(emulator.state).id,
		});
		expect(treeOf(Number(template?.id))).toEqual(treeOf(room.id));
		expect(isPublicTemplate(emulator.state, Number(template?.id))).toBe(true);
		expect(requestsTo('POST', /\/files\/roomtemplate$/)[0].body).toEqual({
			roomId: room.id,
			title: 'Onboarding template',
			public: true,
		});
		expect(requestsTo('GET', /\/files\/roomtemplate\/status$/).length).toBeGreaterThan(1);
	});

	test('a task DocSpace fails reports its error', async () => {
		const room = roomWithContent('Broken');
		templateTasks(emulator.state).failNext('Disk quota exceeded');
		const { error } = await saveTemplate(room.id);
		expect(error?.message).toBe(
			'DocSpace could not finish saving the room as a template: Disk quota exceeded',
		);
		expectAtItem(error, 0);
	});

	test('the wait time limit ends the wait with a clear message', async () => {
		const room = roomWithContent('Slow');
		templateTasks(emulator.state).durationMs = 60_000;
		const { error } = await run('saveAsTemplate', {
			roomId: byId(room.id),
			options: { waitTimeLimit: 1 },
		});
		expect(error?.message).toMatch(
			/had not finished saving the room as a template when the “Wait Time Limit \(Seconds\)” of 1 s ran out/,
		);
	});

	test('a plain user may not make templates', async () => {
		const room = freshRoom('Member room', 5);
		room.members.push({ subjectId: ids().users.user, subjectType: 0, access: 9 });
		const key = emulator.state.createApiKey({ userId: ids().users.user, name: 'plain' });
		const { error } = await runDocSpace({
			emulator,
			parameters: { resource: 'room', operation: 'saveAsTemplate', roomId: byId(room.id) },
			credentials: { baseUrl: emulator.url, apiKey: key.key },
		});
		expect(error?.message).toMatch(/permission/);
		expect(templateTasks(emulator.state).all.filter((t) => t.userId === ids().users.user)).toEqual(
			[],
		);
	});
});

describe('Create From Template', () => {
	test('a new active room with the template’s type and content, under the given title', async () => {
		const saved = await saveTemplate(roomWithContent('Source').id);
		const templateId = Number(saved.items[0].json.id);
		templateTasks(emulator.state).durationMs = 400;
		const { error, items } = await run('createFromTemplate', {
			templateId: byId(templateId),
			title: 'Onboarding: Anna',
			additionalFields: { tags: 'new hire' },
		});
		expect(error).toBeUndefined();
		const room = emulator.state.getFolder(Number(items[0].json.id));
		expect(room).toMatchObject({
			title: 'Onboarding: Anna',
			roomType: 1,
			parentId: ids().virtualRooms,
			tags: ['new hire'],
		});
		expect(treeOf(Number(room?.id))).toEqual(treeOf(templateId));
		expect(requestsTo('POST', /\/files\/rooms\/fromtemplate$/)[0].body).toEqual({
			templateId,
			title: 'Onboarding: Anna',
			tags: ['new hire'],
		});
	});

	test('a room ID that is not a template is a not-found error naming the Template parameter', async () => {
		const room = freshRoom('Just a room', 2);
		const { error } = await run('createFromTemplate', { templateId: byId(room.id), title: 'X' });
		expect(error?.message).toBe(
			`The parameter “Template” names no room DocSpace can find: “${room.id}”`,
		);
		expectAtItem(error, 0);
	});
});

describe('Get Many Templates and Set Template Public', () => {
	test('lists templates only, and a public template becomes visible to every user', async () => {
		const saved = await saveTemplate(roomWithContent('Listing').id, { title: 'Listed template' });
		const templateId = Number(saved.items[0].json.id);
		const { error, items } = await run('getManyTemplates', {
			returnAll: true,
			filters: { search: 'Listed' },
		});
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json.id)).toEqual([templateId]);
		expect(requestsTo('GET', /\/files\/rooms$/)[0].query).toMatchObject({
			searchArea: '4',
			filterValue: 'Listed',
		});

		const key = emulator.state.createApiKey({ userId: ids().users.user, name: 'viewer' });
		const asUser = () =>
			runDocSpace({
				emulator,
				parameters: { resource: 'room', operation: 'getManyTemplates', returnAll: true },
				credentials: { baseUrl: emulator.url, apiKey: key.key },
			});
		expect((await asUser()).items.map((item) => item.json.id)).not.toContain(templateId);

		const made = await run('setTemplatePublic', { templateId: byId(templateId), public: true });
		expect(made.error).toBeUndefined();
		expect(made.items[0].json).toEqual({ templateId, public: true });
		expect((await asUser()).items.map((item) => item.json.id)).toContain(templateId);

		const back = await run('setTemplatePublic', { templateId: byId(templateId), public: false });
		expect(back.items[0].json).toEqual({ templateId, public: false });
		expect(isPublicTemplate(emulator.state, templateId)).toBe(false);
	});

	test('templates do not show among the active rooms', async () => {
		const saved = await saveTemplate(roomWithContent('Hidden').id);
		const { items } = await run('getMany', { returnAll: true });
		expect(items.map((item) => item.json.id)).not.toContain(saved.items[0].json.id);
	});
});
