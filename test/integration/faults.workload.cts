/**
 * The mixed workload of the fault-injection test: each step runs the action node over many items
 * (Continue On Fail on) and judges every item's report against the emulator's state.
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import type { Emulator, FaultRule, RecordedRequest } from '../emulator/index.cjs';
import type { FileEntry, Folder } from '../emulator/model.cjs';
import type { AuthenticationMethod } from '../../nodes/DocSpace/transport/credentials';
import { byId, runDocSpace } from '../harness/docspace.cjs';

const HTML = { 'content-type': 'text/html' };
const JSON_TYPE = { 'content-type': 'application/json' };

/** Faults before the portal saw the request, and after it applied it. */
export const FAULT_KINDS: FaultRule[] = [
	{ status: 503, headers: HTML, body: '<html><body>503 Service Unavailable</body></html>' },
	{ status: 502, headers: JSON_TYPE, body: '{"message":"Bad gateway"}' },
	{ status: 504, headers: HTML, body: '<html>504 Gateway Time-out</html>' },
	{ reset: true },
	// DocSpace's own rate limiter: no body, rate-limit headers.
	{
		status: 429,
		headers: {
			'retry-after': '0',
			'x-ratelimit-limit': '1500',
			'x-ratelimit-remaining': '0',
			'x-ratelimit-reset': '1',
		},
	},
	{
		after: true,
		status: 503,
		headers: HTML,
		body: '<html><body>503 Service Unavailable</body></html>',
	},
	{ after: true, status: 502, headers: JSON_TYPE, body: '{"message":"Bad gateway"}' },
	{ after: true, status: 504, headers: JSON_TYPE, body: '{"message":"Gateway timeout"}' },
	{ after: true, reset: true },
	{ after: true, truncate: true },
	// A proxy's rate limiter after forwarding: a page, no rate-limit headers.
	{
		after: true,
		status: 429,
		headers: { ...HTML, 'retry-after': '0' },
		body: '<html>Too Many Requests</html>',
	},
];

export interface Tally {
	items: number;
	done: number;
	failed: number;
	unknown: number;
	verifiedAfterFault: number;
	duplicated: number;
	missing: number;
	wrong: string[];
}

export const emptyTally = (): Tally => ({
	items: 0,
	done: 0,
	failed: 0,
	unknown: 0,
	verifiedAfterFault: 0,
	duplicated: 0,
	missing: 0,
	wrong: [],
});

type Report = 'done' | 'failed' | 'unknown';

function reportOf(item: INodeExecutionData | undefined): Report {
	const error = item?.json.error;
	if (typeof error !== 'string') return 'done';
	return /^The outcome is unknown: check .+ before running again/.test(error)
		? 'unknown'
		: 'failed';
}

interface Step {
	name: string;
	parameters: Record<string, unknown>;
	inputs: IDataObject[];
	/** How many times the item's effect is present in the portal now (0, 1, or more when duplicated). */
	effect: (input: IDataObject, output: IDataObject) => number;
	/** The item's writes among the recorded requests. */
	writes?: (input: IDataObject, request: RecordedRequest) => boolean;
	/** Reads only: a done report must be complete. */
	readOnly?: boolean;
}

export class Workload {
	readonly tally = emptyTally();

	constructor(
		private readonly emulator: Emulator,
		private readonly authentication: AuthenticationMethod,
	) {}

	private get state() {
		return this.emulator.state;
	}

	private async run(step: Step): Promise<INodeExecutionData[]> {
		const from = this.emulator.requests.length;
		const { items, error } = await runDocSpace({
			emulator: this.emulator,
			authentication: this.authentication,
			parameters: step.parameters,
			input: step.inputs.map((json) => ({ json })),
			node: { onError: 'continueRegularOutput' },
		});
		if (error) throw new Error(`${step.name}: the run failed as a whole: ${error.message}`);
		const requests = this.emulator.requests.slice(from);
		step.inputs.forEach((input, index) => {
			const outputs = items.filter((item) => (item.pairedItem as { item: number }).item === index);
			const report = reportOf(outputs[0]);
			const count = step.readOnly ? 0 : step.effect(input, outputs[0]?.json ?? {});
			this.judge(step, index, report, count, outputs);
			const faultedAfter =
				step.writes &&
				requests.some((r) => r.fault === 'after' && r.method !== 'GET' && step.writes?.(input, r));
			if (faultedAfter && report === 'done') this.tally.verifiedAfterFault++;
		});
		return items;
	}

	private judge(
		step: Step,
		index: number,
		report: Report,
		count: number,
		outputs: INodeExecutionData[],
	): void {
		const t = this.tally;
		t.items++;
		t[report]++;
		const where = `${this.authentication} ${step.name} #${index}`;
		if (outputs.length === 0) t.wrong.push(`${where}: no output item`);
		if (step.readOnly) {
			if (report === 'done') {
				const complete = step.effect(step.inputs[index], { count: outputs.length });
				if (complete !== 1) t.wrong.push(`${where}: the listing is incomplete`);
			}
			return;
		}
		if (count > 1) t.duplicated++;
		if (report === 'done' && count === 0) t.missing++;
		const right = report === 'done' ? count === 1 : report === 'failed' ? count === 0 : count <= 1;
		if (!right)
			t.wrong.push(
				`${where}: reported ${report} (${String(outputs[0]?.json.error ?? '')}) but the effect is there ${count} times`,
			);
	}

	private foldersIn(parentId: number, title: string): Folder[] {
		return this.state.childrenOf(parentId).folders.filter((f) => f.title === title);
	}

	/** 1 in the trash, 0 where it was; 2 when gone for good: deleted twice (again from the trash). */
	private deletions(entry: Folder | FileEntry | undefined): number {
		if (!entry) return 2;
		return this.state.rootOf(entry)?.folderType === 3 ? 1 : 0;
	}

	/** The whole workload; returns the tally. */
	async all(prefix: string): Promise<Tally> {
		const admin = this.state.seedIds.users.admin;
		const ids = this.state.seedIds;
		const parent = this.state.createFolder({
			title: `${prefix} work`,
			parentId: ids.myDocuments,
			createdBy: admin,
		});
		const copies = this.state.createFolder({
			title: `${prefix} copies`,
			parentId: ids.myDocuments,
			createdBy: admin,
		});
		const moved = this.state.createFolder({
			title: `${prefix} moved`,
			parentId: ids.myDocuments,
			createdBy: admin,
		});
		const byTitle = (title: unknown) => this.foldersIn(parent.id, String(title));
		const existing = () => this.state.childrenOf(parent.id).folders;

		const folderTitles = Array.from({ length: 50 }, (_, n) => ({ title: `${prefix} folder ${n}` }));
		await this.run({
			name: 'create folder',
			parameters: {
				resource: 'folder',
				operation: 'create',
				parentFolderId: byId(parent.id),
				title: '={{ $json.title }}',
			},
			inputs: folderTitles,
			effect: (input) => byTitle(input.title).length,
			writes: (input, r) => r.method === 'POST' && (r.body as IDataObject)?.title === input.title,
		});

		const roomTitles = Array.from({ length: 20 }, (_, n) => ({ title: `${prefix} room ${n}` }));
		await this.run({
			name: 'create room',
			parameters: {
				resource: 'room',
				operation: 'create',
				title: '={{ $json.title }}',
				roomType: 5,
			},
			inputs: roomTitles,
			effect: (input) =>
				[...this.state.folders.values()].filter(
					(f) => f.roomType !== undefined && f.title === input.title,
				).length,
			writes: (input, r) => r.method === 'POST' && (r.body as IDataObject)?.title === input.title,
		});

		const pool = existing().slice(0, 35);
		const take = (n: number) => pool.splice(0, n);
		await this.run({
			name: 'rename',
			parameters: {
				resource: 'folder',
				operation: 'rename',
				folderId: byId('={{ $json.id }}'),
				title: '={{ $json.title }}',
			},
			inputs: take(10).map((f) => ({ id: f.id, title: `${f.title} renamed` })),
			effect: (input) => (this.state.getFolder(Number(input.id))?.title === input.title ? 1 : 0),
		});
		const transfer = (
			operation: 'copy' | 'move',
			destination: Folder,
			inputs: IDataObject[],
			effect: Step['effect'],
		) =>
			this.run({
				name: operation,
				parameters: {
					resource: 'folder',
					operation,
					folderId: byId('={{ $json.id }}'),
					destinationFolderId: byId(destination.id),
					conflictResolveType: 'Skip',
				},
				inputs,
				effect,
				writes: (input, r) =>
					r.path.endsWith(`/fileops/${operation}`) &&
					((r.body as IDataObject)?.folderIds as unknown[])?.includes(input.id),
			});
		await transfer(
			'copy',
			copies,
			take(5).map((f) => ({ id: f.id, title: f.title })),
			(input) => this.foldersIn(copies.id, String(input.title)).length,
		);
		await transfer(
			'move',
			moved,
			take(5).map((f) => ({ id: f.id })),
			(input) => (this.state.getFolder(Number(input.id))?.parentId === moved.id ? 1 : 0),
		);
		await this.run({
			name: 'delete',
			parameters: { resource: 'folder', operation: 'delete', folderId: byId('={{ $json.id }}') },
			inputs: take(5).map((f) => ({ id: f.id })),
			effect: (input) => this.deletions(this.state.getFolder(Number(input.id))),
			writes: (input, r) =>
				r.path.endsWith('/fileops/delete') &&
				((r.body as IDataObject)?.folderIds as unknown[])?.includes(input.id),
		});

		const files = Array.from({ length: 5 }, (_, n) =>
			this.state.createFile({
				title: `${prefix} file ${n}.txt`,
				folderId: parent.id,
				createdBy: admin,
				content: Buffer.from('x'),
			}),
		);
		await this.run({
			name: 'delete file',
			parameters: { resource: 'file', operation: 'delete', fileId: byId('={{ $json.id }}') },
			inputs: files.map((f) => ({ id: f.id })),
			effect: (input) => this.deletions(this.state.getFile(Number(input.id))),
		});
		await this.run({
			name: 'restore file',
			parameters: { resource: 'file', operation: 'restore', fileId: byId('={{ $json.id }}') },
			inputs: files
				.filter((f) => this.deletions(this.state.getFile(f.id)) === 1)
				.map((f) => ({ id: f.id })),
			effect: (input) => (this.state.getFile(Number(input.id))?.folderId === parent.id ? 1 : 0),
		});

		const rooms = [...this.state.folders.values()]
			.filter((f) => f.roomType !== undefined && f.title.startsWith(`${prefix} room`))
			.slice(0, 10);
		const memberAccess = (room: Folder, subject: string) =>
			this.state.getFolder(room.id)?.members.find((m) => m.subjectId === subject)?.access;
		await this.run({
			name: 'invite to room',
			parameters: {
				resource: 'room',
				operation: 'invite',
				roomId: byId('={{ $json.id }}'),
				invitees: {
					invitee: [
						{ kind: 'user', userId: ids.users.user, access: 10 },
						{ kind: 'group', groupId: ids.groups.marketing, access: 6 },
					],
				},
				options: { notify: false },
			},
			inputs: rooms.map((r) => ({ id: r.id })),
			effect: (input) => {
				const room = this.state.getFolder(Number(input.id)) as Folder;
				return memberAccess(room, ids.users.user) === 10 &&
					memberAccess(room, ids.groups.marketing) === 6
					? 1
					: 0;
			},
		});
		await this.run({
			name: 'change access',
			parameters: {
				resource: 'room',
				operation: 'invite',
				roomId: byId('={{ $json.id }}'),
				invitees: { invitee: [{ kind: 'user', userId: ids.users.user2, access: 2 }] },
				options: { notify: false },
			},
			inputs: rooms.map((r) => ({ id: r.id })),
			effect: (input) =>
				memberAccess(this.state.getFolder(Number(input.id)) as Folder, ids.users.user2) === 2
					? 1
					: 0,
		});

		const groupNames = Array.from({ length: 5 }, (_, n) => ({ name: `${prefix} group ${n}` }));
		const groupsNamed = (name: unknown) =>
			[...this.state.groups.values()].filter((g) => g.name === name);
		await this.run({
			name: 'create group',
			parameters: {
				resource: 'group',
				operation: 'create',
				groupName: '={{ $json.name }}',
				additionalFields: { members: ids.users.user },
			},
			inputs: groupNames,
			effect: (input) =>
				groupsNamed(input.name).filter((g) => g.memberIds.includes(ids.users.user)).length,
			writes: (input, r) =>
				r.method === 'POST' && (r.body as IDataObject)?.groupName === input.name,
		});
		await this.run({
			name: 'add members',
			parameters: {
				resource: 'group',
				operation: 'addMembers',
				groupId: byId('={{ $json.id }}'),
				members: ids.users.user2,
			},
			inputs: groupNames.flatMap((g) => groupsNamed(g.name)).map((g) => ({ id: g.id })),
			effect: (input) =>
				this.state.groups.get(String(input.id))?.memberIds.includes(ids.users.user2) ? 1 : 0,
		});

		await this.run({
			name: 'invite user',
			parameters: {
				resource: 'user',
				operation: 'invite',
				email: '={{ $json.email }}',
				type: 'User',
			},
			inputs: Array.from({ length: 5 }, (_, n) => ({
				email: `${prefix.toLowerCase()}-invitee-${n}@example.org`,
			})),
			effect: (input) => (this.state.findUserByEmail(String(input.email)) ? 1 : 0),
			writes: (input, r) =>
				r.path.endsWith('/people/invite') && JSON.stringify(r.body).includes(String(input.email)),
		});

		await this.run({
			name: 'list all',
			parameters: {
				resource: 'folder',
				operation: 'getContents',
				folderId: byId('={{ $json.id }}'),
				returnAll: true,
			},
			inputs: [{ id: parent.id }, { id: ids.myDocuments }],
			readOnly: true,
			effect: (input, output) => {
				const { folders, files: inside } = this.state.childrenOf(Number(input.id));
				return folders.length + inside.length === output.count ? 1 : 0;
			},
		});
		return this.tally;
	}
}
