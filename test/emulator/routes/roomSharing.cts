/**
 * Room members and links: `GET|PUT files/rooms/{id}/share` and
 * `GET|PUT files/rooms/{id}/links`.
 *
 * As in DocSpace's FileSharingAceHelper:
 * - an access level the room type does not offer to that kind of subject, or Room Manager for a
 *   portal user or guest, is refused with 403 "The role is not available for this user type"
 *   (InvalidOperationException); entries before it in the batch stay applied, groups go first;
 * - inviting an unknown email creates a Guest whose invitation is pending;
 * - unknown or disabled accounts are skipped without an error, so the answer lists only what was
 *   applied; it lists the entries named by `id` (not those named by email);
 * - a room holds at most one invitation link, one primary and (custom and public rooms) five more
 *   external links; a link past the limit is not created and the answer is empty.
 */
import { randomUUID } from 'node:crypto';
import {
	bodyField,
	currentUser,
	defineRoute,
	fail,
	HttpError,
	ok,
	queryEnum,
	queryParam,
	validation,
	type RouteContext,
} from '../http.cjs';
import { readPaging } from '../listing.cjs';
import { requireRoom } from '../lookup.cjs';
import { type Folder, type RoomMember, type RoomTypeValue, FileShare } from '../model.cjs';
import {
	canManageRoom,
	DEFAULT_LINK_TITLE,
	LINK_ACCESS,
	linkLimit,
	LinkType,
	linkShareDto,
	memberAccessAllowed,
	memberShareDto,
	newLink,
	orderedMembers,
	roomLinks,
	SubjectType,
	userTypeAllows,
	type RoomLink,
} from '../roomStore.cjs';
import { requireManagedRoom } from './rooms.cjs';

const ROLE_NOT_AVAILABLE = 'The role is not available for this user type';
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const ShareFilterType = {
	UserOrGroup: 0,
	InvitationLink: 1,
	ExternalLink: 2,
	AdditionalExternalLink: 4,
	PrimaryExternalLink: 8,
	User: 16,
	Group: 32,
	Link: 64,
};

function roleNotAvailable(): HttpError {
	return new HttpError(fail(403, ROLE_NOT_AVAILABLE, 'System.InvalidOperationException'));
}

function memberName(ctx: RouteContext, member: RoomMember): string {
	if (member.subjectType === SubjectType.Group)
		return ctx.state.groups.get(member.subjectId)?.name ?? '';
	const user = ctx.state.getUser(member.subjectId);
	if (!user) return '';
	// A pending invitation is listed under the email address it was sent to.
	return user.activationStatus === 2 ? user.email : `${user.firstName} ${user.lastName}`.trim();
}

// ---- members ----

defineRoute('GET', '/api/2.0/files/rooms/{id}/share', (ctx) => {
	const paging = readPaging(ctx);
	const filterType = queryEnum(ctx, 'filterType', ShareFilterType) ?? ShareFilterType.UserOrGroup;
	const room = requireRoom(ctx, ctx.params.id);
	const manage = canManageRoom(ctx.state, currentUser(ctx), room);
	const search = (queryParam(ctx, 'filterValue') ?? '').trim().toLowerCase();
	let entries: Array<Record<string, unknown>>;
	if (
		[ShareFilterType.UserOrGroup, ShareFilterType.User, ShareFilterType.Group].includes(filterType)
	) {
		const members = orderedMembers(ctx.state, room).filter(
			(m) =>
				(filterType === ShareFilterType.UserOrGroup ||
					(filterType === ShareFilterType.User
						? m.subjectType === SubjectType.User
						: m.subjectType === SubjectType.Group)) &&
				(!search || memberName(ctx, m).toLowerCase().includes(search)),
		);
		entries = members.map((m) => memberShareDto(ctx, room, m, manage));
	} else {
		const wanted = {
			[ShareFilterType.InvitationLink]: [SubjectType.InvitationLink],
			[ShareFilterType.ExternalLink]: [SubjectType.ExternalLink, SubjectType.PrimaryExternalLink],
			[ShareFilterType.AdditionalExternalLink]: [SubjectType.ExternalLink],
			[ShareFilterType.PrimaryExternalLink]: [SubjectType.PrimaryExternalLink],
		}[filterType] ?? [
			SubjectType.InvitationLink,
			SubjectType.ExternalLink,
			SubjectType.PrimaryExternalLink,
		];
		entries = manage
			? roomLinks(ctx.state, room.id)
					.filter((l) => (wanted as number[]).includes(l.subjectType))
					.map((l) => linkShareDto(ctx, l, manage))
			: [];
	}
	const page = entries.slice(paging.startIndex, paging.startIndex + paging.count);
	return ok(page, { total: entries.length });
});

interface Invitation {
	id?: string;
	email?: string;
	access?: number;
}

function readInvitations(ctx: RouteContext): Invitation[] {
	const value = bodyField(ctx.body, 'invitations');
	if (value === undefined || value === null) return [];
	if (!Array.isArray(value))
		throw new HttpError(
			validation({
				'$.invitations': ['The JSON value could not be converted to RoomInvitation[].'],
			}),
		);
	return value.map((raw: unknown, index) => {
		const id = bodyField(raw, 'id');
		const email = bodyField(raw, 'email');
		const access = bodyField(raw, 'access');
		if (id !== undefined && id !== null && (typeof id !== 'string' || !GUID.test(id))) {
			throw new HttpError(
				validation({
					[`$.invitations[${index}].id`]: ['The JSON value could not be converted to System.Guid.'],
				}),
			);
		}
		if (
			email !== undefined &&
			email !== null &&
			(typeof email !== 'string' || !EMAIL.test(email.trim()))
		) {
			throw new HttpError(
				validation({
					[`Invitations[${index}].Email`]: ['The Email field is not a valid e-mail address.'],
				}),
			);
		}
		if (
			access !== undefined &&
			access !== null &&
			(typeof access !== 'number' || !Object.values(FileShare).includes(access as never))
		) {
			throw new HttpError(
				validation({
					[`$.invitations[${index}].access`]: [
						'The JSON value could not be converted to ASC.Files.Core.Security.FileShare.',
					],
				}),
			);
		}
		return {
			id: typeof id === 'string' ? id.toLowerCase() : undefined,
			email: typeof email === 'string' && email.trim() ? email.trim() : undefined,
			access: typeof access === 'number' ? access : undefined,
		};
	});
}

function setMember(room: Folder, subjectId: string, subjectType: 0 | 2, access: number): void {
	const existing = room.members.find((m) => m.subjectId === subjectId);
	if (access === FileShare.None) {
		room.members = room.members.filter((m) => m.subjectId !== subjectId);
	} else if (existing) {
		existing.access = access;
	} else {
		room.members.push({ subjectId, subjectType, access });
	}
}

defineRoute('PUT', '/api/2.0/files/rooms/{id}/share', (ctx) => {
	const invitations = readInvitations(ctx);
	const room = requireManagedRoom(ctx, ctx.params.id);
	const { state } = ctx;
	if (invitations.length === 0) return ok({ error: 0 });

	const resolved = invitations
		.filter((inv) => inv.access !== undefined)
		.map((inv) => ({ ...inv, group: inv.id ? state.groups.get(inv.id) : undefined }))
		// Groups are processed first.
		.sort((a, b) => Number(b.group !== undefined) - Number(a.group !== undefined));
	for (const inv of resolved) {
		const access = inv.access as number;
		if (inv.group) {
			if (!memberAccessAllowed(room, SubjectType.Group, access)) throw roleNotAvailable();
			setMember(room, inv.group.id, SubjectType.Group, access);
			continue;
		}
		if (!memberAccessAllowed(room, SubjectType.User, access)) throw roleNotAvailable();
		let user = inv.id
			? state.getUser(inv.id)
			: inv.email
				? state.findUserByEmail(inv.email)
				: undefined;
		if (!user && inv.email && !inv.id && access !== FileShare.None) {
			user = state.createUser({
				email: inv.email,
				password: randomUUID(),
				firstName: '',
				lastName: '',
				type: 'Guest',
				activationStatus: 2,
				createdBy: currentUser(ctx).id,
			});
		}
		// Unknown accounts, the owner and disabled accounts are skipped silently.
		if (!user || user.id === room.createdBy || (user.status === 2 && access !== FileShare.None))
			continue;
		if (!userTypeAllows(user, access)) throw roleNotAvailable();
		setMember(room, user.id, SubjectType.User, access);
	}
	room.updated = state.now();

	const manage = canManageRoom(state, currentUser(ctx), room);
	const named = new Set(
		invitations.map((inv) => inv.id).filter((id): id is string => id !== undefined),
	);
	const members = orderedMembers(state, room)
		.filter((m) => named.has(m.subjectId.toLowerCase()))
		.map((m) => memberShareDto(ctx, room, m, manage));
	return ok({ members, error: 0 });
});

// ---- links ----

defineRoute('GET', '/api/2.0/files/rooms/{id}/links', (ctx) => {
	const type = queryEnum(ctx, 'type', LinkType);
	const room = requireRoom(ctx, ctx.params.id);
	if (!canManageRoom(ctx.state, currentUser(ctx), room)) return ok([]);
	const links = roomLinks(ctx.state, room.id).filter(
		(l) =>
			type === undefined ||
			(type === LinkType.Invitation) === (l.subjectType === SubjectType.InvitationLink),
	);
	return ok(links.slice(0, 100).map((l) => linkShareDto(ctx, l, true)));
});

function optional<T>(
	ctx: RouteContext,
	name: string,
	check: (v: unknown) => v is T,
	type: string,
): T | undefined {
	const value = bodyField(ctx.body, name);
	if (value === undefined || value === null) return undefined;
	if (!check(value))
		throw new HttpError(
			validation({ [`$.${name}`]: [`The JSON value could not be converted to ${type}.`] }),
		);
	return value;
}

const isString = (v: unknown): v is string => typeof v === 'string';
const isBool = (v: unknown): v is boolean => typeof v === 'boolean';
const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);

function readDate(ctx: RouteContext): Date | undefined {
	const text = optional(ctx, 'expirationDate', isString, 'ASC.Api.Core.ApiDateTime');
	if (text === undefined || text === '') return undefined;
	const date = new Date(text);
	if (Number.isNaN(date.getTime()))
		throw new HttpError(
			validation({
				'$.expirationDate': ['The JSON value could not be converted to ASC.Api.Core.ApiDateTime.'],
			}),
		);
	return date;
}

defineRoute('PUT', '/api/2.0/files/rooms/{id}/links', (ctx) => {
	const linkId = optional(
		ctx,
		'linkId',
		(v): v is string => typeof v === 'string' && GUID.test(v),
		'System.Guid',
	);
	const linkType =
		optional(
			ctx,
			'linkType',
			(v): v is number => v === 0 || v === 1,
			'ASC.Files.Core.ApiModels.LinkType',
		) ?? LinkType.Invitation;
	const access =
		optional(
			ctx,
			'access',
			(v): v is number => isInt(v) && Object.values(FileShare).includes(v as never),
			'ASC.Files.Core.Security.FileShare',
		) ?? FileShare.None;
	const title = optional(ctx, 'title', isString, 'System.String');
	if (title !== undefined && title.length > 255)
		throw new HttpError(
			validation({ Title: ['The field Title must be a string with a maximum length of 255.'] }),
		);
	const password = optional(ctx, 'password', isString, 'System.String');
	const denyDownload = optional(ctx, 'denyDownload', isBool, 'System.Boolean');
	const internal = optional(ctx, 'internal', isBool, 'System.Boolean');
	const maxUseCount = optional(ctx, 'maxUseCount', isInt, 'System.Int32');
	let expirationDate = readDate(ctx);
	const room = requireManagedRoom(ctx, ctx.params.id);
	const { state } = ctx;
	const roomType = room.roomType as RoomTypeValue;
	const links = roomLinks(state, room.id);
	const invitation = linkType === LinkType.Invitation;
	const existing = linkId ? links.find((l) => l.id === linkId.toLowerCase()) : undefined;

	if (access === FileShare.None) {
		if (existing) {
			links.splice(links.indexOf(existing), 1);
			if (
				existing.subjectType === SubjectType.PrimaryExternalLink &&
				(roomType === 1 || roomType === 6)
			) {
				links.unshift(
					newLink(currentUser(ctx).id, {
						subjectType: existing.subjectType,
						access: existing.access,
						title: DEFAULT_LINK_TITLE.external,
					}),
				);
			}
		}
		return ok(null);
	}
	const allowed =
		(invitation ? LINK_ACCESS[roomType].invitation : LINK_ACCESS[roomType].external) ?? [];
	if (!allowed.includes(access))
		throw new HttpError(fail(403, ROLE_NOT_AVAILABLE, 'System.InvalidOperationException'));
	if (expirationDate && expirationDate.getTime() <= state.now().getTime()) {
		if (invitation)
			throw new HttpError(
				fail(400, 'The expiration date must be in the future', 'System.ArgumentException'),
			);
		expirationDate = undefined;
	}
	if (existing && (existing.subjectType === SubjectType.InvitationLink) !== invitation)
		return ok(null);

	let link: RoomLink;
	if (existing) {
		link = existing;
	} else {
		const subjectType = invitation
			? SubjectType.InvitationLink
			: links.some((l) => l.subjectType === SubjectType.PrimaryExternalLink)
				? SubjectType.ExternalLink
				: SubjectType.PrimaryExternalLink;
		if (
			links.filter((l) => l.subjectType === subjectType).length >= linkLimit(roomType, subjectType)
		)
			return ok(null);
		link = newLink(currentUser(ctx).id, {
			id: linkId?.toLowerCase(),
			subjectType,
			access,
			title: invitation ? DEFAULT_LINK_TITLE.invitation : DEFAULT_LINK_TITLE.external,
		});
		links.push(link);
	}
	link.access = access;
	if (title !== undefined && title.trim()) link.title = title.trim();
	// The primary external link of a public or form filling room never expires.
	const fixedPrimary =
		link.subjectType === SubjectType.PrimaryExternalLink && (roomType === 1 || roomType === 6);
	link.expirationDate = fixedPrimary ? undefined : expirationDate;
	if (!invitation) {
		link.password = password?.trim() ? password.trim() : undefined;
		link.denyDownload = denyDownload ?? false;
		link.internal = roomType === 6 ? false : (internal ?? false);
	} else {
		link.maxUseCount = maxUseCount;
	}
	return ok(linkShareDto(ctx, link, true));
});
