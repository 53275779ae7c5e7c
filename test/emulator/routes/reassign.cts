/**
 * Data reassignment, following DocSpace-server's ReassignController and UserTypeController:
 * `POST people/reassign/start` hands the rooms and room files of a disabled user to an active
 * room admin or DocSpace admin (and deletes the profile when asked); `POST people/type` lowers an
 * active user to User or Guest while handing their rooms over the same way. Both run in the
 * background (see ../userTasks) and are polled by user ID. DocSpace refuses a recipient or a
 * source it does not accept with a 400 "Can not reassign data to/from user with id = …".
 */
import {
	HttpError,
	badRequest,
	bodyField,
	currentUser,
	defineRoute,
	forbidden,
	ok,
	validation,
	type RouteContext,
} from '../http.cjs';
import type { User } from '../model.cjs';
import type { EmulatorState } from '../state.cjs';
import { emitWebhookEvent } from '../webhooks/deliver.cjs';
import { type UserTaskKind, progressDto, userTasks } from '../userTasks.cjs';
import {
	EMPLOYEE_TYPE,
	GUID,
	TYPE_BY_NUMBER,
	TYPE_RANK,
	ensureSections,
	parseEnumValue,
	removeUser,
	requireUser,
	typeOf,
} from './people.cjs';

function requireAdmin(ctx: RouteContext): User {
	const caller = currentUser(ctx);
	if (!ctx.state.isAdmin(caller)) throw forbidden();
	return caller;
}

function guidField(ctx: RouteContext, name: string, required: boolean): string | undefined {
	const value = bodyField(ctx.body, name);
	if ((value === undefined || value === null) && !required) return undefined;
	if (typeof value !== 'string' || !GUID.test(value)) {
		throw new HttpError(
			validation({ [`$.${name}`]: ['The JSON value could not be converted to System.Guid.'] }),
		);
	}
	return value.toLowerCase();
}

const canOwnRooms = (user: User) => TYPE_RANK[typeOf(user)] >= TYPE_RANK.RoomAdmin;

/** Moves rooms and the entries in rooms from one user to another. */
function transferRooms(state: EmulatorState, fromId: string, toId: string): void {
	for (const entry of [...state.folders.values(), ...state.files.values()]) {
		if (entry.createdBy !== fromId || !state.roomOf(entry)) continue;
		entry.createdBy = toId;
	}
}

function recipient(ctx: RouteContext, id: string, source?: User): User {
	const user = ctx.state.getUser(id);
	if (!user || !canOwnRooms(user) || user.status === 2 || user.id === source?.id) {
		throw badRequest(`Can not reassign data to user with id = ${id}`);
	}
	return user;
}

function progressRoute(kind: UserTaskKind) {
	return (ctx: RouteContext) => {
		requireAdmin(ctx);
		// The task outlives a profile it deletes, so the ID is not looked up.
		const task = userTasks(ctx.state).latest(kind, ctx.params.userid.toLowerCase());
		return ok(task ? userTasks(ctx.state).poll(task) : null);
	};
}

defineRoute('POST', '/api/2.0/people/reassign/start', (ctx) => {
	const { state } = ctx;
	const caller = requireAdmin(ctx);
	const toId = guidField(ctx, 'toUserId', true) as string;
	const fromId = guidField(ctx, 'fromUserId', true) as string;
	const to = recipient(ctx, toId);
	const from = state.getUser(fromId);
	if (
		!from ||
		from.isOwner ||
		from.id === caller.id ||
		from.status !== 2 ||
		(typeOf(from) === 'DocSpaceAdmin' && !caller.isOwner)
	) {
		throw badRequest(`Can not reassign data from user with id = ${fromId}`);
	}
	const deleteProfile = bodyField(ctx.body, 'deleteProfile') === true;
	const task = userTasks(state).start('reassign', from.id, ctx.body, () => {
		transferRooms(state, from.id, to.id);
		if (deleteProfile && state.getUser(from.id)) removeUser(state, from, caller.id);
	});
	return ok(progressDto(state, task));
});

defineRoute('GET', '/api/2.0/people/reassign/progress/{userid}', progressRoute('reassign'));

defineRoute('POST', '/api/2.0/people/type', (ctx) => {
	const { state } = ctx;
	const caller = requireAdmin(ctx);
	const type = TYPE_BY_NUMBER[parseEnumValue('type', bodyField(ctx.body, 'type'), EMPLOYEE_TYPE)];
	// Only the types that cannot own rooms; the others go through PUT people/type/{type}.
	if (type !== 'User' && type !== 'Guest') throw badRequest('Can not update user type');
	const userId = guidField(ctx, 'userId', true) as string;
	const user = requireUser(ctx, userId);
	if (user.isOwner || (typeOf(user) === 'DocSpaceAdmin' && !caller.isOwner)) throw forbidden();
	if (user.id === caller.id || user.status === 2) throw badRequest('Can not update user type');
	const to = recipient(ctx, guidField(ctx, 'reassignUserId', false) ?? caller.id, user);
	const task = userTasks(state).start('type', user.id, ctx.body, () => {
		transferRooms(state, user.id, to.id);
		user.type = type;
		ensureSections(state, user);
		void emitWebhookEvent(state, 'user.updated', user, { actorId: caller.id });
	});
	return ok(progressDto(state, task));
});

defineRoute('GET', '/api/2.0/people/type/progress/{userid}', progressRoute('type'));
