/**
 * Rooms: the Rooms section with its filters, room info, create, update, tags, and
 * archive / unarchive / delete as background file operations. Members and links are in
 * roomSharing.cts.
 *
 * As in DocSpace, only the owner, portal admins and room admins create rooms; room managers
 * (and the owner and portal admins) change them; an archived room only takes unarchive and delete.
 */
import { canRead } from '../access.cjs';
import { emitWebhookEvent } from '../webhooks/deliver.cjs';
import { folderContentDto, folderDto } from '../dto/files.cjs';
import type { DtoScope } from '../dto/format.cjs';
import {
	badRequest,
	bodyField,
	currentUser,
	defineRoute,
	forbidden,
	HttpError,
	ok,
	queryBool,
	queryEnum,
	queryEnumList,
	queryList,
	queryParam,
	validation,
	type RouteContext,
} from '../http.cjs';
import { pageOf, readPaging, sortEntries } from '../listing.cjs';
import { requireRoom } from '../lookup.cjs';
import { type Folder, type RoomTypeValue, RoomType } from '../model.cjs';
import { OperationFailure, operationDto, startOperation } from '../operations.cjs';
import {
	canManageRoom,
	forgetRoom,
	portalTags,
	roomLifetime,
	setRoomLifetime,
	type RoomLifetime,
} from '../roomStore.cjs';
import { templatesRoot } from '../templateStore.cjs';
import { applyRoomFormOptions, roomFormFields } from './forms.cjs';

const SEARCH_AREA = {
	Active: 0,
	Archive: 1,
	Any: 2,
	RecentByLinks: 3,
	Templates: 4,
	Knowledge: 5,
	ResultStorage: 6,
	AiAgents: 7,
};

export const ROOM_MESSAGES = {
	manageDenied: "You don't have enough permission to perform the operation",
	archiveDenied: "You don't have enough permission to archive the room",
	createDenied: "You don't have enough permission to create",
	invalidTitle: 'Incorrect title',
};

/** FolderDto of a room, with the settings kept outside the Folder entity. */
export function roomDto(scope: DtoScope, room: Folder): Record<string, unknown> {
	const lifetime = roomLifetime(scope.state, room);
	return {
		...folderDto(scope, room),
		...(lifetime ? { lifetime } : {}),
		...roomFormFields(scope.state, room),
	};
}

/** A room the current user may change: 404 unknown, 403 no manager right or archived. */
export function requireManagedRoom(
	ctx: RouteContext,
	rawId: string,
	options: { allowArchived?: boolean } = {},
): Folder {
	const room = requireRoom(ctx, rawId);
	if (!canManageRoom(ctx.state, currentUser(ctx), room))
		throw forbidden(ROOM_MESSAGES.manageDenied);
	if (!options.allowArchived && ctx.state.isArchived(room))
		throw forbidden(ROOM_MESSAGES.manageDenied);
	return room;
}

/** `tags` of GET files/rooms is a JSON array ("serialized format"); a plain list is accepted too. */
function tagFilter(ctx: RouteContext): string[] {
	const text = queryParam(ctx, 'tags');
	if (text === undefined || text.trim() === '') return [];
	if (text.trim().startsWith('[')) {
		try {
			const parsed: unknown = JSON.parse(text);
			if (Array.isArray(parsed)) return parsed.map((t) => String(t).toLowerCase());
		} catch {
			throw new HttpError(validation({ tags: [`The value '${text}' is not valid for tags.`] }));
		}
	}
	return queryList(ctx, 'tags').map((t) => t.toLowerCase());
}

defineRoute('GET', '/api/2.0/files/rooms', (ctx) => {
	const paging = readPaging(ctx);
	const user = currentUser(ctx);
	const { state } = ctx;
	const types = queryEnumList(ctx, 'type', RoomType);
	const area = queryEnum(ctx, 'searchArea', SEARCH_AREA) ?? SEARCH_AREA.Active;
	const search = (queryParam(ctx, 'filterValue') ?? '').trim().toLowerCase();
	const tags = tagFilter(ctx);
	const withoutTags = queryBool(ctx, 'withoutTags') ?? false;

	const templates = area === SEARCH_AREA.Templates ? templatesRoot(state) : undefined;
	const parents = templates
		? [templates.id]
		: area === SEARCH_AREA.Archive
			? [state.roots.archive]
			: area === SEARCH_AREA.Any
				? [state.roots.virtualRooms, state.roots.archive]
				: [state.roots.virtualRooms];
	const rooms = [...state.folders.values()].filter(
		(f) =>
			f.roomType !== undefined &&
			parents.includes(f.parentId) &&
			canRead(state, user, f) &&
			(types.length === 0 || types.includes(f.roomType)) &&
			(!search || f.title.toLowerCase().includes(search)) &&
			(tags.length === 0 || f.tags.some((t) => tags.includes(t.toLowerCase()))) &&
			(!withoutTags || f.tags.length === 0),
	);
	const sorted = sortEntries(ctx, rooms).sort((a, b) => Number(b.pinned) - Number(a.pinned));
	const current =
		templates ??
		state.getFolder(area === SEARCH_AREA.Archive ? state.roots.archive : state.roots.virtualRooms);
	if (!current) throw new Error('the Rooms section is missing');
	return ok(folderContentDto(ctx, current, pageOf(sorted, [], paging)));
});

defineRoute('GET', '/api/2.0/files/rooms/{id}', (ctx) =>
	ok(roomDto(ctx, requireRoom(ctx, ctx.params.id))),
);

// ---- body readers (model binding errors are 400 validation replies) ----

function invalid(field: string, message: string): HttpError {
	return new HttpError(validation({ [field]: [message] }));
}

function optionalBool(ctx: RouteContext, name: string): boolean | undefined {
	const value = bodyField(ctx.body, name);
	if (value === undefined || value === null) return undefined;
	if (typeof value !== 'boolean')
		throw invalid(`$.${name}`, `The JSON value could not be converted to System.Boolean.`);
	return value;
}

function optionalNumber(ctx: RouteContext, name: string): number | undefined {
	const value = bodyField(ctx.body, name);
	if (value === undefined || value === null) return undefined;
	const number = typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value;
	if (typeof number !== 'number' || !Number.isInteger(number))
		throw invalid(`$.${name}`, 'The JSON value could not be converted to System.Int64.');
	return number;
}

function optionalTitle(ctx: RouteContext): string | undefined {
	const value = bodyField(ctx.body, 'title');
	if (value === undefined || value === null) return undefined;
	if (typeof value !== 'string')
		throw invalid('$.title', 'The JSON value could not be converted to System.String.');
	if (value.length > 170)
		throw invalid('Title', 'The field Title must be a string with a maximum length of 170.');
	return value.trim();
}

function tagNames(ctx: RouteContext, name: string, required: boolean): string[] | undefined {
	const value = bodyField(ctx.body, name);
	if (value === undefined || value === null) {
		if (required)
			throw invalid(
				name === 'names' ? 'Names' : name,
				`The ${name === 'names' ? 'Names' : name} field is required.`,
			);
		return undefined;
	}
	if (!Array.isArray(value))
		throw invalid(`$.${name}`, 'The JSON value could not be converted to System.String[].');
	const names: string[] = [];
	for (const raw of value) {
		if (typeof raw !== 'string' || !raw.trim() || raw.trim().length > 255)
			throw badRequest('Tag name is invalid');
		if (!names.some((n) => n.toLowerCase() === raw.trim().toLowerCase())) names.push(raw.trim());
	}
	return names;
}

function lifetimeOf(ctx: RouteContext): RoomLifetime | null | undefined {
	const value = bodyField(ctx.body, 'lifetime');
	if (value === undefined) return undefined;
	if (value === null) return null;
	if (typeof value !== 'object' || Array.isArray(value))
		throw invalid('$.lifetime', 'The JSON value could not be converted to RoomDataLifetimeDto.');
	const period = bodyField(value, 'period') ?? 0;
	const amount = bodyField(value, 'value') ?? 0;
	if (![0, 1, 2].includes(Number(period)))
		throw invalid(
			'$.lifetime.period',
			'The JSON value could not be converted to RoomDataLifetimePeriod.',
		);
	if (!Number.isInteger(Number(amount)) || Number(amount) < 0)
		throw invalid('$.lifetime.value', 'The JSON value could not be converted to System.Int32.');
	const enabled = bodyField(value, 'enabled');
	return {
		enabled: enabled === undefined || enabled === null ? true : enabled === true,
		value: Number(amount),
		period: Number(period),
		deletePermanently: bodyField(value, 'deletePermanently') === true,
	};
}

function applyTags(ctx: RouteContext, room: Folder, names: string[]): void {
	for (const name of names) portalTags(ctx.state).add(name);
	room.tags = names;
}

function touch(ctx: RouteContext, room: Folder): void {
	room.updated = ctx.state.now();
	room.updatedBy = currentUser(ctx).id;
}

// ---- create and update ----

defineRoute('POST', '/api/2.0/files/rooms', (ctx) => {
	const user = currentUser(ctx);
	const rawTitle = bodyField(ctx.body, 'title');
	const rawType = bodyField(ctx.body, 'roomType');
	const errors: Record<string, string[]> = {};
	if (rawTitle === undefined || rawTitle === null) errors.Title = ['The Title field is required.'];
	if (rawType === undefined || rawType === null)
		errors.RoomType = ['The RoomType field is required.'];
	if (Object.keys(errors).length > 0) throw new HttpError(validation(errors));
	const roomType =
		typeof rawType === 'string' && !/^\d+$/.test(rawType)
			? RoomType[rawType as keyof typeof RoomType]
			: Number(rawType);
	if (!Object.values(RoomType).includes(roomType as RoomTypeValue)) {
		throw invalid(
			'$.roomType',
			'The JSON value could not be converted to ASC.Files.Core.ApiModels.RoomType.',
		);
	}
	const title = optionalTitle(ctx) ?? '';
	const quota = optionalNumber(ctx, 'quota');
	const indexing = optionalBool(ctx, 'indexing');
	const denyDownload = optionalBool(ctx, 'denyDownload');
	const tags = tagNames(ctx, 'tags', false);
	const lifetime = lifetimeOf(ctx);
	const share = bodyField(ctx.body, 'share');
	if (Array.isArray(share) && share.length > 0)
		throw badRequest('Sharing a room on creation is not supported');
	if (user.type === 'User' || user.type === 'Guest') throw forbidden(ROOM_MESSAGES.createDenied);
	if (!title) throw badRequest(ROOM_MESSAGES.invalidTitle);

	const room = ctx.state.createRoom({
		title,
		roomType: roomType as RoomTypeValue,
		createdBy: user.id,
		quotaLimit: quota !== undefined && quota > 0 ? quota : undefined,
	});
	if (tags) applyTags(ctx, room, tags);
	room.denyDownload = denyDownload ?? false;
	if (roomType === RoomType.VirtualDataRoom) {
		room.indexing = indexing ?? false;
		if (lifetime?.enabled) setRoomLifetime(ctx.state, room, lifetime);
	}
	applyRoomFormOptions(ctx, room);
	void emitWebhookEvent(ctx.state, 'room.created', room, { actorId: user.id });
	return ok(roomDto(ctx, room));
});

const UPDATE_FIELDS = [
	'title',
	'quota',
	'indexing',
	'denyDownload',
	'lifetime',
	'watermark',
	'logo',
	'tags',
	'color',
	'cover',
	'chatSettings',
	'sendFormToExternalDB',
	'saveFormAsXLSX',
];

defineRoute('PUT', '/api/2.0/files/rooms/{id}', (ctx) => {
	const body = ctx.body ?? {};
	if (typeof body !== 'object' || Array.isArray(body))
		throw invalid('$', 'The JSON value could not be converted to UpdateRoomRequest.');
	for (const key of Object.keys(body)) {
		if (!UPDATE_FIELDS.some((f) => f.toLowerCase() === key.toLowerCase())) {
			throw invalid(
				`$.${key}`,
				`The JSON property '${key}' could not be mapped to any .NET member contained in type 'UpdateRoomRequest'.`,
			);
		}
	}
	const title = optionalTitle(ctx);
	const quota = optionalNumber(ctx, 'quota');
	const indexing = optionalBool(ctx, 'indexing');
	const denyDownload = optionalBool(ctx, 'denyDownload');
	const tags = tagNames(ctx, 'tags', false);
	const lifetime = lifetimeOf(ctx);
	const room = requireManagedRoom(ctx, ctx.params.id);

	// A blank title means no change.
	if (title) room.title = title;
	if (quota !== undefined) room.quotaLimit = quota > 0 ? quota : undefined;
	if (tags) applyTags(ctx, room, tags);
	if (denyDownload !== undefined) room.denyDownload = denyDownload;
	if (room.roomType === RoomType.VirtualDataRoom) {
		if (indexing !== undefined) room.indexing = indexing;
		if (lifetime !== undefined)
			setRoomLifetime(ctx.state, room, lifetime?.enabled ? lifetime : undefined);
	}
	applyRoomFormOptions(ctx, room);
	touch(ctx, room);
	void emitWebhookEvent(ctx.state, 'room.updated', room, { actorId: currentUser(ctx).id });
	return ok(roomDto(ctx, room));
});

// ---- tags ----

defineRoute('PUT', '/api/2.0/files/rooms/{id}/tags', (ctx) => {
	const names = tagNames(ctx, 'names', true) ?? [];
	const room = requireManagedRoom(ctx, ctx.params.id);
	const kept = room.tags.filter((t) => !names.some((n) => n.toLowerCase() === t.toLowerCase()));
	applyTags(ctx, room, [...kept, ...names]);
	void emitWebhookEvent(ctx.state, 'room.updated', room, { actorId: currentUser(ctx).id });
	return ok(roomDto(ctx, room));
});

defineRoute('DELETE', '/api/2.0/files/rooms/{id}/tags', (ctx) => {
	const names = (tagNames(ctx, 'names', true) ?? []).map((n) => n.toLowerCase());
	const room = requireManagedRoom(ctx, ctx.params.id);
	room.tags = room.tags.filter((t) => !names.includes(t.toLowerCase()));
	void emitWebhookEvent(ctx.state, 'room.updated', room, { actorId: currentUser(ctx).id });
	return ok(roomDto(ctx, room));
});

// ---- archive, unarchive, delete: background operations ----

function moveRoom(ctx: RouteContext, destination: 'archive' | 'virtualRooms') {
	const room = requireManagedRoom(ctx, ctx.params.id, { allowArchived: true });
	const user = currentUser(ctx);
	const op = startOperation(ctx, {
		type: 'Move',
		run: () => {
			if (!ctx.state.getFolder(room.id)) throw new OperationFailure(ROOM_MESSAGES.archiveDenied);
			if (!canManageRoom(ctx.state, user, room))
				throw new OperationFailure(ROOM_MESSAGES.archiveDenied);
			room.parentId = ctx.state.roots[destination];
			// DocSpace's FolderDao.MoveFolder sets the modification time and author of what it moves.
			room.updated = ctx.state.now();
			room.updatedBy = user.id;
			void emitWebhookEvent(
				ctx.state,
				destination === 'archive' ? 'room.archived' : 'room.restored',
				room,
				{ actorId: user.id },
			);
			return { folders: [room] };
		},
	});
	return ok(operationDto(ctx, op, { queued: true }));
}

defineRoute('PUT', '/api/2.0/files/rooms/{id}/archive', (ctx) => moveRoom(ctx, 'archive'));
defineRoute('PUT', '/api/2.0/files/rooms/{id}/unarchive', (ctx) => moveRoom(ctx, 'virtualRooms'));

defineRoute('DELETE', '/api/2.0/files/rooms/{id}', (ctx) => {
	const room = requireManagedRoom(ctx, ctx.params.id, { allowArchived: true });
	const { state } = ctx;
	const deleter = currentUser(ctx);
	const op = startOperation(ctx, {
		type: 'Delete',
		run: () => {
			if (!state.getFolder(room.id)) throw new OperationFailure('The required room was not found');
			// Emitted before the removal, while the room is still known.
			void emitWebhookEvent(state, 'room.deleted', room, { actorId: deleter.id });
			const inside = state.descendantsOf(room.id);
			for (const file of inside.files) state.removeFile(file.id);
			for (const folder of inside.folders) state.folders.delete(folder.id);
			state.folders.delete(room.id);
			forgetRoom(state, room.id);
			return {};
		},
	});
	return ok(operationDto(ctx, op, { queued: true }));
});
