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
	/** The access levels n8n lists for one entry of Room → Invite in the seed's Public room. */
	const publicRoomLevels = async (kinds, index) => {
		const options = await n8n.rest(
			'POST',
			'/dynamic-node-parameters/options',
			request(
				{
					resource: 'room',
					operation: 'invite',
					roomId: { __rl: true, mode: 'list', value: seed.publicRoomId },
					invitees: { invitee: kinds.map((kind) => ({ kind, access: 11 })) },
				},
				`parameters.invitees.invitee[${index}].access`,
				{ methodName: 'getRoomAccessLevels' },
			),
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
		const options = await n8n.rest(
			'POST',
			'/dynamic-node-parameters/options',
			request({ resource: 'user', operation: 'invite' }, 'parameters.options.culture', {
				methodName: 'getCultures',
			}),
		);
		assert(
			(options ?? []).some((o) => o.value === 'de' && /German/.test(o.name)),
			`n8n lists ${JSON.stringify(options).slice(0, 200)}`,
		);
	});
	await check(
		'editor list: From List finds a room’s file by search and says where it is',
		async () => {
			const result = await n8n.rest(
				'POST',
				'/dynamic-node-parameters/resource-locator-results',
				request({ resource: 'file', operation: 'get' }, 'parameters.fileId', {
					methodName: 'searchFiles',
					filter: seed.fileTitle,
				}),
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
		const result = await n8n.rest(
			'POST',
			'/dynamic-node-parameters/resource-locator-results',
			request({ resource: 'user', operation: 'enable' }, 'parameters.userId', {
				methodName: 'searchDisabledUsers',
			}),
		);
		const names = (result?.results ?? []).map((r) => r.name);
		assert(
			names.length > 0 && names.every((n) => /disabled@example\.com/.test(n)),
			`n8n lists ${JSON.stringify(names)}`,
		);
	});
}
