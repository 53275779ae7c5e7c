/**
 * Room templates: save a room as a template (`POST files/roomtemplate`, then
 * `GET files/roomtemplate/status`), create a room from a template (`POST files/rooms/fromtemplate`,
 * then `GET files/rooms/fromtemplate/status`), and a template's public setting. Listing
 * templates is `GET files/rooms?searchArea=Templates` (rooms.cts). State: templateStore.cts.
 *
 * As DocSpace has it: saving a room as a template needs room-manager rights on a room under Rooms
 * (an archived or unknown room is missing: 404; other refusals 403), checked before the task starts.
 * The template keeps the room's type, tags, settings and content, except the service folders of
 * forms. `public: true` drops `share` and `groups` and shares the template with everyone. The status
 * endpoints report the caller's latest task (an empty response when there is none), `error` empty
 * unless it failed. Only the template's owner may change its public setting, which also takes every
 * other share away; reading it needs read access to the template (admins have none of their own).
 * Creating a room from a template needs the right to create rooms and read access to the template.
 */
import {
	badRequest,
	bodyField,
	currentUser,
	defineRoute,
	forbidden,
	HttpError,
	notFound,
	ok,
	validation,
	type RouteContext,
} from '../http.cjs';
import { MESSAGES, requireRoom } from '../lookup.cjs';
import type { Folder, RoomTypeValue } from '../model.cjs';
import { canManageRoom, portalTags } from '../roomStore.cjs';
import {
	copyContent,
	isPublicTemplate,
	isTemplate,
	setPublicTemplate,
	templatesRoot,
	templateTasks,
	type TaskKind,
	type TemplateTask,
} from '../templateStore.cjs';
import { emitWebhookEvent } from '../webhooks/deliver.cjs';
import { ROOM_MESSAGES } from './rooms.cjs';

const TEMPLATE_MESSAGES = {
	templateNotFound: 'The room template was not found',
};

function invalid(field: string, message: string): HttpError {
	return new HttpError(validation({ [field]: [message] }));
}

function requiredInt(ctx: RouteContext, name: string, label: string): number {
	const value = bodyField(ctx.body, name);
	if (value === undefined || value === null)
		throw invalid(label, `The ${label} field is required.`);
	if (typeof value !== 'number' || !Number.isInteger(value))
		throw invalid(`$.${name}`, 'The JSON value could not be converted to System.Int32.');
	return value;
}

function optionalStrings(ctx: RouteContext, name: string): string[] | undefined {
	const value = bodyField(ctx.body, name);
	if (value === undefined || value === null) return undefined;
	if (!Array.isArray(value) || value.some((v) => typeof v !== 'string'))
		throw invalid(`$.${name}`, 'The JSON value could not be converted to System.String[].');
	return value.map((v: string) => v.trim()).filter(Boolean);
}

function optionalBool(ctx: RouteContext, name: string): boolean | undefined {
	const value = bodyField(ctx.body, name);
	if (value === undefined || value === null) return undefined;
	if (typeof value !== 'boolean')
		throw invalid(`$.${name}`, 'The JSON value could not be converted to System.Boolean.');
	return value;
}

function mayCreateRooms(ctx: RouteContext): void {
	const user = currentUser(ctx);
	if (user.type === 'User' || user.type === 'Guest') throw forbidden(ROOM_MESSAGES.createDenied);
}

function requireTemplate(ctx: RouteContext, id: number): Folder {
	const template = ctx.state.getFolder(id);
	if (!template || !isTemplate(ctx.state, template))
		throw notFound(TEMPLATE_MESSAGES.templateNotFound);
	return requireRoom(ctx, id);
}

function statusDto(
	ctx: RouteContext,
	task: TemplateTask,
	idName: 'templateId' | 'roomId',
): Record<string, unknown> {
	return {
		[idName]: task.resultId ?? 0,
		progress: templateTasks(ctx.state).progressOf(task),
		error: task.error ?? '',
		isCompleted: task.done,
	};
}

function latestStatus(ctx: RouteContext, kind: TaskKind, idName: 'templateId' | 'roomId') {
	const task = templateTasks(ctx.state).latest(kind, currentUser(ctx).id);
	return ok(task ? statusDto(ctx, task, idName) : null);
}

function tagsFor(ctx: RouteContext, given: string[] | undefined, fallback: string[]): string[] {
	const tags = given ?? fallback;
	for (const tag of tags) portalTags(ctx.state).add(tag);
	return [...tags];
}

defineRoute('POST', '/api/2.0/files/roomtemplate', (ctx) => {
	const roomId = requiredInt(ctx, 'roomId', 'RoomId');
	const title = bodyField(ctx.body, 'title');
	if (title !== undefined && title !== null && typeof title !== 'string')
		throw invalid('$.title', 'The JSON value could not be converted to System.String.');
	const tags = optionalStrings(ctx, 'tags');
	const emails = optionalStrings(ctx, 'share') ?? [];
	const groups = optionalStrings(ctx, 'groups') ?? [];
	const isPublic = optionalBool(ctx, 'public') ?? false;
	mayCreateRooms(ctx);
	const user = currentUser(ctx);
	const candidate = ctx.state.getFolder(roomId);
	if (!candidate || candidate.parentId !== ctx.state.roots.virtualRooms)
		throw notFound(MESSAGES.roomNotFound);
	const room = requireRoom(ctx, roomId);
	if (!canManageRoom(ctx.state, user, room)) throw forbidden(ROOM_MESSAGES.manageDenied);
	const name = (typeof title === 'string' && title.trim()) || room.title;
	const members = isPublic
		? []
		: [
				...emails.map((email) => {
					const member = ctx.state.findUserByEmail(email);
					if (!member) throw badRequest(`The user ${email} was not found`);
					return { subjectId: member.id, subjectType: 0 as const, access: 2 };
				}),
				...groups.map((id) => {
					if (!ctx.state.groups.has(id.toLowerCase()))
						throw badRequest(`The group ${id} was not found`);
					return { subjectId: id.toLowerCase(), subjectType: 2 as const, access: 2 };
				}),
			];
	const task = templateTasks(ctx.state).start('template', user.id, () => {
		const source = ctx.state.getFolder(room.id);
		if (!source) throw new Error('The required room was not found');
		const template = ctx.state.createRoom({
			title: name,
			roomType: source.roomType as RoomTypeValue,
			createdBy: user.id,
			members,
			tags: tagsFor(ctx, tags, source.tags),
			quotaLimit: source.quotaLimit,
		});
		Object.assign(template, {
			parentId: templatesRoot(ctx.state).id,
			indexing: source.indexing,
			denyDownload: source.denyDownload,
			private: source.private,
		});
		copyContent(ctx.state, source.id, template.id, user.id);
		setPublicTemplate(ctx.state, template.id, isPublic);
		return template.id;
	});
	return ok(statusDto(ctx, task, 'templateId'));
});

defineRoute('GET', '/api/2.0/files/roomtemplate/status', (ctx) =>
	latestStatus(ctx, 'template', 'templateId'),
);

defineRoute('GET', '/api/2.0/files/roomtemplate/{id}/public', (ctx) => {
	const template = requireTemplate(ctx, Number(ctx.params.id));
	return ok(isPublicTemplate(ctx.state, template.id));
});

defineRoute('PUT', '/api/2.0/files/roomtemplate/public', (ctx) => {
	const id = requiredInt(ctx, 'id', 'Id');
	const value = optionalBool(ctx, 'public') ?? false;
	if (id < 1) throw badRequest('Invalid template id');
	const template = requireTemplate(ctx, id);
	if (template.createdBy !== currentUser(ctx).id) throw forbidden(MESSAGES.accessDenied);
	setPublicTemplate(ctx.state, template.id, value);
	template.members = [];
	return ok(null);
});

defineRoute('POST', '/api/2.0/files/rooms/fromtemplate', (ctx) => {
	const templateId = requiredInt(ctx, 'templateId', 'TemplateId');
	const title = bodyField(ctx.body, 'title');
	if (title === undefined || title === null) throw invalid('Title', 'The Title field is required.');
	if (typeof title !== 'string')
		throw invalid('$.title', 'The JSON value could not be converted to System.String.');
	if (title.length > 170)
		throw invalid('Title', 'The field Title must be a string with a maximum length of 170.');
	const tags = optionalStrings(ctx, 'tags');
	const denyDownload = optionalBool(ctx, 'denyDownload');
	const quota = bodyField(ctx.body, 'quota');
	if (
		quota !== undefined &&
		quota !== null &&
		(typeof quota !== 'number' || !Number.isInteger(quota))
	)
		throw invalid('$.quota', 'The JSON value could not be converted to System.Int64.');
	mayCreateRooms(ctx);
	if (!title.trim()) throw badRequest(ROOM_MESSAGES.invalidTitle);
	const user = currentUser(ctx);
	const template = requireTemplate(ctx, templateId);
	const task = templateTasks(ctx.state).start('room', user.id, () => {
		const source = ctx.state.getFolder(template.id);
		if (!source) throw new Error(TEMPLATE_MESSAGES.templateNotFound);
		const room = ctx.state.createRoom({
			title: title.trim(),
			roomType: source.roomType as RoomTypeValue,
			createdBy: user.id,
			tags: tagsFor(ctx, tags, source.tags),
			quotaLimit: typeof quota === 'number' && quota > 0 ? quota : undefined,
		});
		room.denyDownload = denyDownload ?? false;
		copyContent(ctx.state, source.id, room.id, user.id);
		void emitWebhookEvent(ctx.state, 'room.created', room, { actorId: user.id });
		return room.id;
	});
	return ok(statusDto(ctx, task, 'roomId'));
});

defineRoute('GET', '/api/2.0/files/rooms/fromtemplate/status', (ctx) =>
	latestStatus(ctx, 'room', 'roomId'),
);
