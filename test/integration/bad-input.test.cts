/**
 * The bad-input matrix: every case is refused with a message that names the problem, nothing is
 * written to the portal, nothing crashes; with Continue On Fail, the refused item is paired to its
 * input and the good items beside it are done as usual.
 */
import type { Emulator } from '../emulator/index.cjs';
import { byId, runDocSpace } from '../harness/docspace.cjs';
import { useFaultEmulator } from './faults.fixtures.cjs';
import { badInputs } from './bad-input.cases.cjs';
import { expectErrorItemAt } from '../harness/items.cjs';

const current = useFaultEmulator();
let emulator: Emulator;
beforeEach(() => {
	emulator = current();
});

/** What a user could see changed: every folder, file, user and group with the fields that matter. */
function portal(): string {
	const { state } = emulator;
	return JSON.stringify([
		[...state.folders.values()].map((f) => [
			f.id,
			f.title,
			f.parentId,
			f.members?.map((m) => [m.subjectId, m.access]),
		]),
		[...state.files.values()].map((f) => [f.id, f.title, f.folderId, f.version]),
		[...state.users.values()].map((u) => [u.id, u.email, u.status]),
		[...state.groups.values()].map((g) => [g.id, g.name, g.memberIds]),
	]);
}

const UNCLEAR = /\[object Object\]|NaN|undefined|could not be reached|“[^”]*” is empty.*\[object/;
const binaryItem = {
	json: {},
	binary: {
		data: {
			data: Buffer.from('hello').toString('base64'),
			mimeType: 'text/plain',
			fileName: 'hello.txt',
		},
	},
};

test('the matrix has at least 70 cases', () => {
	expect(badInputs.length).toBeGreaterThanOrEqual(70);
});

test.each(badInputs.map((c) => [c.name, c] as const))('%s', async (_name, bad) => {
	const before = portal();
	if (bad.fault) emulator.faults.add(bad.fault(emulator));
	const { error } = await runDocSpace({
		emulator,
		authentication: bad.authentication,
		parameters: bad.parameters(emulator),
		credentials: bad.credentials ? await bad.credentials(emulator) : undefined,
		input: [bad.binary ? binaryItem : { json: bad.input ?? {} }],
	});
	expect(error).toBeDefined();
	expect(['NodeApiError', 'NodeOperationError']).toContain(error?.name);
	expect(error?.message).toMatch(bad.message);
	expect(error?.message).not.toMatch(UNCLEAR);
	if (bad.description) expect(error?.description).toMatch(bad.description);
	// With Continue On Fail: the same refusal as the item's output, paired to it.
	if (bad.fault) emulator.faults.add(bad.fault(emulator));
	const continued = await runDocSpace({
		emulator,
		authentication: bad.authentication,
		parameters: bad.parameters(emulator),
		credentials: bad.credentials ? await bad.credentials(emulator) : undefined,
		input: [bad.binary ? binaryItem : { json: bad.input ?? {} }],
		node: { onError: 'continueRegularOutput' },
	});
	expect(continued.error).toBeUndefined();
	expect(continued.items).toHaveLength(1);
	expect(continued.items[0].pairedItem).toEqual({ item: 0 });
	expect(String(continued.items[0].json.error)).toMatch(bad.message);
	expect(
		emulator.requests.filter(
			(r) =>
				r.method !== 'GET' && r.path.startsWith('/api/') && r.fault === undefined && r.status < 400,
		),
	).toEqual([]);
	expect(portal()).toBe(before);
});

const TEXT_ERRORS = {
	object: /^The parameter “Name” must be text, but the expression gave an object/,
	invisible: /^The parameter “Name” holds only invisible characters/,
	path: /^The parameter “Name” contains a path separator/,
};

describe('with Continue On Fail', () => {
	test.each([
		['an object as the name', '={{ $json.name }}', { name: { a: 1 } }, TEXT_ERRORS.object],
		['a name of zero-width spaces', '={{ $json.name }}', { name: '\u200B' }, TEXT_ERRORS.invisible],
		['a path as the name', '={{ $json.name }}', { name: '../x' }, TEXT_ERRORS.path],
	])(
		'%s: the bad item is paired to its input, the good ones are created',
		async (_name, title, bad, message) => {
			const parent = emulator.state.createFolder({
				title: `Pairing ${_name}`,
				parentId: emulator.state.seedIds.myDocuments,
				createdBy: emulator.state.seedIds.users.admin,
			});
			const { items, error } = await runDocSpace({
				emulator,
				parameters: {
					resource: 'folder',
					operation: 'create',
					parentFolderId: byId(parent.id),
					title,
				},
				input: [{ json: { name: 'Good one' } }, { json: bad }, { json: { name: 'Good two' } }],
				node: { onError: 'continueRegularOutput' },
			});
			expect(error).toBeUndefined();
			expect(items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
			expect(items[0].json).toMatchObject({ title: 'Good one', parentId: parent.id });
			expect(String(items[1].json.error)).toMatch(message);
			expectErrorItemAt(items[1], 1);
			expect(items[2].json).toMatchObject({ title: 'Good two', parentId: parent.id });
			expect(
				emulator.state
					.childrenOf(parent.id)
					.folders.map((f) => f.title)
					.sort(),
			).toEqual(['Good one', 'Good two']);
		},
	);
});

test('a unicode name is kept exactly', async () => {
	const title = 'Отчёт 2026 — 報告 📁';
	const { items, error } = await runDocSpace({
		emulator,
		parameters: { resource: 'folder', operation: 'create', parentFolderId: byId('@my'), title },
	});
	expect(error).toBeUndefined();
	expect(items[0].json.title).toBe(title);
	expect(
		emulator.state
			.childrenOf(emulator.state.seedIds.myDocuments)
			.folders.filter((f) => f.title === title),
	).toHaveLength(1);
});

test('a link of the same portal is accepted', async () => {
	const { error, items } = await runDocSpace({
		emulator,
		parameters: {
			resource: 'folder',
			operation: 'get',
			folderId: {
				__rl: true,
				mode: 'url',
				value: `${emulator.url}/rooms/shared/filter?folder=${emulator.state.seedIds.folders.projects}`,
			},
		},
	});
	expect(error).toBeUndefined();
	expect(items[0].json.id).toBe(emulator.state.seedIds.folders.projects);
});
