/**
 * Groups, following DocSpace-server's GroupController: a manager is also a
 * member; unknown, disabled and guest users are skipped without an error when they are added
 * as members or set as manager; only POST answers with the member list.
 */
import {
	HttpError,
	bodyField,
	currentUser,
	defineRoute,
	forbidden,
	notFound,
	ok,
	queryBool,
	queryEnum,
	queryParam,
	validation,
	type RouteContext,
} from '../http.cjs';
import { emitWebhookEvent } from '../webhooks/deliver.cjs';
import { readPaging } from '../listing.cjs';
import type { Group, User } from '../model.cjs';
import { GUID, guidList, personDto, typeOf } from './people.cjs';

const GROUP_NOT_FOUND = 'group not found';
const MAX_NAME = 128;
const NO_GUID = '00000000-0000-0000-0000-000000000000';

/** `{id:guid}` routes: anything else does not match, which is a 404 as well. */
function requireGroup(ctx: RouteContext): Group {
	const id = ctx.params.id.toLowerCase();
	const group = GUID.test(id) ? ctx.state.groups.get(id) : undefined;
	if (!group) throw notFound(GROUP_NOT_FOUND);
	return group;
}

/** Reading groups is open to portal members; guests are refused. */
function requireReader(ctx: RouteContext): User {
	const user = currentUser(ctx);
	if (typeOf(user) === 'Guest') throw forbidden();
	return user;
}

/** Action_EditGroups and Action_AddRemoveUser: DocSpace admins. */
function requireEditor(ctx: RouteContext): User {
	const user = currentUser(ctx);
	if (!ctx.state.isAdmin(user)) throw forbidden();
	return user;
}

export function membersOf(ctx: RouteContext, group: Group): User[] {
	const ids = [...new Set([...(group.managerId ? [group.managerId] : []), ...group.memberIds])];
	return ids.map((id) => ctx.state.getUser(id)).filter((u): u is User => u !== undefined);
}

function groupDto(
	ctx: RouteContext,
	group: Group,
	includeMembers: boolean,
): Record<string, unknown> {
	const manager = group.managerId ? ctx.state.getUser(group.managerId) : undefined;
	const members = membersOf(ctx, group);
	return {
		id: group.id,
		name: group.name,
		category: NO_GUID,
		isLDAP: false,
		isSystem: false,
		manager: manager ? personDto(ctx, manager) : undefined,
		members: includeMembers ? members.map((u) => personDto(ctx, u)) : undefined,
		membersCount: members.length,
		shared: false,
	};
}

/** TransferUserToDepartmentAsync: silently skips unknown, disabled and guest users. */
function addMember(
	ctx: RouteContext,
	group: Group,
	userId: string | undefined,
	asManager: boolean,
): void {
	const user = userId ? ctx.state.getUser(userId) : undefined;
	if (!user || user.status === 2 || typeOf(user) === 'Guest') return;
	if (asManager) group.managerId = user.id;
	if (!group.memberIds.includes(user.id)) group.memberIds.push(user.id);
}

function removeMember(group: Group, userId: string): void {
	group.memberIds = group.memberIds.filter((id) => id !== userId);
	if (group.managerId === userId) group.managerId = undefined;
}

/** groupName: required on create (1..128), optional on update (0..128). */
function readName(ctx: RouteContext, required: boolean): string | undefined {
	const name = bodyField(ctx.body, 'groupName');
	if (name === undefined || name === null) {
		if (required)
			throw new HttpError(validation({ GroupName: ['The GroupName field is required.'] }));
		return undefined;
	}
	if (typeof name !== 'string')
		throw new HttpError(
			validation({ '$.groupName': ['The JSON value could not be converted to System.String.'] }),
		);
	if (required && name.length === 0)
		throw new HttpError(validation({ GroupName: ['The GroupName field is required.'] }));
	if (name.length > MAX_NAME) {
		throw new HttpError(
			validation({
				GroupName: [
					`The field GroupName must be a string or array type with a maximum length of '${MAX_NAME}'.`,
				],
			}),
		);
	}
	return name;
}

function readManager(ctx: RouteContext): string | undefined {
	const value = bodyField(ctx.body, 'groupManager');
	if (value === undefined || value === null) return undefined;
	if (typeof value !== 'string' || !GUID.test(value)) {
		throw new HttpError(
			validation({ '$.groupManager': ['The JSON value could not be converted to System.Guid.'] }),
		);
	}
	return value.toLowerCase();
}

defineRoute('GET', '/api/2.0/group', (ctx) => {
	requireReader(ctx);
	const paging = readPaging(ctx);
	const text = (queryParam(ctx, 'filterValue') ?? '').trim().toLowerCase();
	const userId = queryParam(ctx, 'userId');
	if (userId !== undefined && userId !== '' && !GUID.test(userId)) {
		throw new HttpError(validation({ userId: [`The value '${userId}' is not valid.`] }));
	}
	const asManager = queryBool(ctx, 'manager') ?? false;
	const member = userId?.toLowerCase();
	const descending = queryEnum(ctx, 'sortOrder', { Ascending: 0, Descending: 1 }) === 1;
	const groups = [...ctx.state.groups.values()]
		.filter(
			(g) =>
				(!text || g.name.toLowerCase().includes(text)) &&
				(!member ||
					(asManager
						? g.managerId === member
						: g.managerId === member || g.memberIds.includes(member))),
		)
		.sort(
			(a, b) => a.name.toLowerCase().localeCompare(b.name.toLowerCase()) * (descending ? -1 : 1),
		);
	const page = groups.slice(paging.startIndex, paging.startIndex + paging.count);
	return ok(
		page.map((g) => groupDto(ctx, g, false)),
		{ total: groups.length },
	);
});

defineRoute('GET', '/api/2.0/group/{id}', (ctx) => {
	requireReader(ctx);
	const group = requireGroup(ctx);
	return ok(groupDto(ctx, group, queryBool(ctx, 'includeMembers') ?? false));
});

defineRoute('POST', '/api/2.0/group', (ctx) => {
	const name = readName(ctx, true) as string;
	const manager = readManager(ctx);
	const members = guidList(ctx, 'members');
	requireEditor(ctx);
	const group = ctx.state.createGroup({ name });
	addMember(ctx, group, manager, true);
	for (const id of members) addMember(ctx, group, id, false);
	void emitWebhookEvent(ctx.state, 'group.created', group, { actorId: currentUser(ctx).id });
	return ok(groupDto(ctx, group, true));
});

defineRoute('PUT', '/api/2.0/group/{id}', (ctx) => {
	const name = readName(ctx, false);
	const manager = readManager(ctx);
	const toAdd = guidList(ctx, 'membersToAdd');
	const toRemove = guidList(ctx, 'membersToRemove');
	requireEditor(ctx);
	const group = requireGroup(ctx);
	if (name !== undefined) group.name = name;
	addMember(ctx, group, manager, true);
	for (const id of toAdd) addMember(ctx, group, id, false);
	for (const id of toRemove) removeMember(group, id);
	void emitWebhookEvent(ctx.state, 'group.updated', group, { actorId: currentUser(ctx).id });
	return ok(groupDto(ctx, group, false));
});

defineRoute('DELETE', '/api/2.0/group/{id}', (ctx) => {
	requireEditor(ctx);
	const group = requireGroup(ctx);
	ctx.state.groups.delete(group.id);
	void emitWebhookEvent(ctx.state, 'group.deleted', group, { actorId: currentUser(ctx).id });
	for (const folder of ctx.state.folders.values()) {
		folder.members = folder.members.filter(
			(m) => !(m.subjectType === 2 && m.subjectId === group.id),
		);
	}
	return ok({ statusCode: 204 });
});

defineRoute('PUT', '/api/2.0/group/{id}/members', (ctx) => {
	const members = guidList(ctx, 'members');
	requireEditor(ctx);
	const group = requireGroup(ctx);
	for (const id of members) addMember(ctx, group, id, false);
	void emitWebhookEvent(ctx.state, 'group.updated', group, { actorId: currentUser(ctx).id });
	return ok(groupDto(ctx, group, false));
});

defineRoute('DELETE', '/api/2.0/group/{id}/members', (ctx) => {
	const members = guidList(ctx, 'members');
	requireEditor(ctx);
	const group = requireGroup(ctx);
	for (const id of members) removeMember(group, id);
	void emitWebhookEvent(ctx.state, 'group.updated', group, { actorId: currentUser(ctx).id });
	return ok(groupDto(ctx, group, false));
});
