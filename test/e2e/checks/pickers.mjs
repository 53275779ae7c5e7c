// g. The node's editor lists through n8n's own dynamic-node-parameters endpoints (what the editor calls).
import { CRED_TYPES, NODE_TYPE } from '../lib/config.mjs';
import { assert, check } from '../lib/report.mjs';

export async function pickerChecks(ctx) {
	const { n8n, seed } = ctx;
	const auth = 'apiKey';
	const type = CRED_TYPES[auth];
	const request = (parameters, path, extra) => {
		const { id, name } = ctx.credentials[auth] ?? {};
		assert(id, 'the API-key credential was not created');
		return {
			nodeTypeAndVersion: { name: NODE_TYPE, version: 1 },
			credentials: { [type]: { id, name } },
			currentNodeParameters: { authentication: auth, ...parameters },
			path,
			...extra,
		};
	};
	const loadOptions = (parameters, path, methodName) =>
		n8n.rest('POST', '/dynamic-node-parameters/options', request(parameters, path, { methodName }));
	const locatorResults = (parameters, path, methodName, filter) =>
		n8n.rest(
			'POST',
			'/dynamic-node-parameters/resource-locator-results',
			request(parameters, path, { methodName, ...(filter ? { filter } : {}) }),
		);
	const search = async (...args) => ((await locatorResults(...args)) ?? {}).results ?? [];
	/** The access levels n8n lists for one entry of Room → Invite in the seed's Public room. */
	const publicRoomLevels = async (kinds, index) => {
		const options = await loadOptions(
			{
				resource: 'room',
				operation: 'invite',
				roomId: { __rl: true, mode: 'list', value: seed.publicRoomId },
				invitees: { invitee: kinds.map((kind) => ({ kind, access: 11 })) },
			},
			`parameters.invitees.invitee[${index}].access`,
			'getRoomAccessLevels',
		);
		return (options ?? []).map((o) => o.name).sort();
	};
	await check(
		'editor list: Room → Invite offers only the Public room’s access levels',
		async () => {
			const mark = ctx.emu.mark();
			const names = await publicRoomLevels(['user'], 0);
			assert(
				JSON.stringify(names) === JSON.stringify(['Content Creator', 'Room Manager']),
				`n8n lists ${JSON.stringify(names)}`,
			);
			assert(
				ctx.emu
					.since(mark)
					.some(
						(q) => q.method === 'GET' && q.path === `/api/2.0/files/rooms/${seed.publicRoomId}`,
					),
				'the room was not read from the portal',
			);
		},
	);
	await check(
		'editor list: a group invitee in the Public room is offered Content Creator only (the entry’s own Invite By)',
		async () => {
			const names = await publicRoomLevels(['user', 'group'], 1);
			assert(
				JSON.stringify(names) === JSON.stringify(['Content Creator']),
				`n8n lists ${JSON.stringify(names)}`,
			);
		},
	);
	await check('editor list: languages come from the portal’s settings/cultures', async () => {
		const options = await loadOptions(
			{ resource: 'user', operation: 'invite' },
			'parameters.options.culture',
			'getCultures',
		);
		assert(
			(options ?? []).some((o) => o.value === 'de' && /German/.test(o.name)),
			`n8n lists ${JSON.stringify(options).slice(0, 200)}`,
		);
	});
	await check(
		'editor list: From List finds a room’s file by search and says where it is',
		async () => {
			const result = await locatorResults(
				{ resource: 'file', operation: 'get' },
				'parameters.fileId',
				'searchFiles',
				seed.fileTitle,
			);
			const entry = (result?.results ?? []).find((r) => String(r.value) === seed.fileId);
			assert(entry, `no entry for file ${seed.fileId}: ${JSON.stringify(result).slice(0, 300)}`);
			assert(
				entry.name === `${seed.fileTitle} · ${seed.roomTitle}`,
				`the entry reads “${entry.name}”`,
			);
		},
	);
	await check('editor list: User → Enable lists disabled users only', async () => {
		const users = await search(
			{ resource: 'user', operation: 'enable' },
			'parameters.userId',
			'searchDisabledUsers',
		);
		const names = users.map((r) => r.name);
		assert(
			names.length > 0 && names.every((n) => /disabled@example\.com/.test(n)),
			`n8n lists ${JSON.stringify(names)}`,
		);
	});
	const seeded = await memberSeed(ctx.emu);
	await check(
		'editor list: Room → Remove Member lists the chosen room’s members (users and groups) but its owner',
		async () => {
			const results = await search(
				{
					resource: 'room',
					operation: 'removeMember',
					roomId: { __rl: true, mode: 'id', value: String(seeded.room.id) },
				},
				'parameters.member',
				'searchRoomMembers',
			);
			const values = results.map((r) => String(r.value)).sort();
			const expected = seeded.members
				.filter((m) => !m.isOwner)
				.map((m) => m.id)
				.sort();
			assert(
				JSON.stringify(values) === JSON.stringify(expected),
				`n8n lists ${JSON.stringify(results.map((r) => r.name))}, the room has ${JSON.stringify(seeded.members.map((m) => m.name))}`,
			);
			assert(!values.includes(seeded.owner), 'the owner is listed');
			return `"${seeded.room.title}" → ${results.map((r) => r.name).join(', ')}`;
		},
	);
	await check(
		'editor list: Room → Invite’s User picker inside the Invitees entries finds active users by search',
		async () => {
			const results = await search(
				{
					resource: 'room',
					operation: 'invite',
					roomId: { __rl: true, mode: 'id', value: String(seeded.room.id) },
					invitees: { invitee: [{ kind: 'user', access: 11 }] },
				},
				'parameters.invitees.invitee[0].userId',
				'searchActiveUsers',
				'rita',
			);
			const emails = results.map((r) => r.name.replace(/^.*\((.*)\)$/, '$1'));
			assert(
				JSON.stringify(emails) === JSON.stringify(['roomadmin@example.com']),
				`n8n lists ${JSON.stringify(results.map((r) => r.name))}`,
			);
		},
	);
	await check('editor list: Group → Remove Members offers the chosen group’s members', async () => {
		const options = await loadOptions(
			{
				resource: 'group',
				operation: 'removeMembers',
				groupId: { __rl: true, mode: 'list', value: seeded.group.id },
			},
			'parameters.members',
			'getGroupMembers',
		);
		const values = (options ?? []).map((o) => String(o.value)).sort();
		const expected = seeded.groupMembers.map((u) => String(u.id)).sort();
		assert(
			values.length > 0 && JSON.stringify(values) === JSON.stringify(expected),
			`n8n lists ${JSON.stringify((options ?? []).map((o) => o.name))}, the group has ${JSON.stringify(seeded.groupMembers.map((u) => u.email))}`,
		);
	});
}

/** The seed's Custom room with its members as the portal lists them, and the Marketing group's members. */
async function memberSeed(emu) {
	const rooms = (await emu.docspace('GET', '/api/2.0/files/rooms')).folders ?? [];
	const room = rooms.find((r) => r.title === 'Custom room');
	assert(room, 'the seed portal has no "Custom room"');
	const shares = await emu.docspace('GET', `/api/2.0/files/rooms/${room.id}/share?filterType=0`);
	const members = (Array.isArray(shares) ? shares : (shares.response ?? [])).map((s) => {
		const subject = s.sharedToUser ?? s.sharedToGroup ?? {};
		return {
			id: String(subject.id),
			name: subject.displayName ?? subject.name,
			isOwner: s.isOwner,
		};
	});
	const owner = members.find((m) => m.isOwner)?.id;
	assert(owner && members.length > 1, `the Custom room lists ${JSON.stringify(members)}`);
	const groups = await emu.docspace('GET', '/api/2.0/group');
	const group = (Array.isArray(groups) ? groups : (groups.response ?? [])).find(
		(g) => g.name === 'Marketing',
	);
	assert(group, 'the seed portal has no group "Marketing"');
	const people = await emu.docspace('GET', `/api/2.0/people/filter?groupId=${group.id}`);
	const groupMembers = Array.isArray(people) ? people : (people.response ?? []);
	return { room, members, owner, group, groupMembers };
}
