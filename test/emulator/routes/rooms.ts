/**
 * Room reads (API.md §3.4): the Rooms section with its filters, and room info.
 */
import { canRead } from '../access';
import { currentUser, defineRoute, ok, queryBool, queryEnum, queryEnumList, queryList, queryParam } from '../http';
import { folderContentDto, folderDto } from '../dto/files';
import { pageOf, readPaging, sortEntries } from '../listing';
import { requireRoom } from '../lookup';
import { RoomType } from '../model';

const SEARCH_AREA = { Active: 0, Archive: 1, Any: 2, RecentByLinks: 3, Templates: 4, Knowledge: 5, ResultStorage: 6, AiAgents: 7 };

defineRoute('GET', '/api/2.0/files/rooms', (ctx) => {
	const paging = readPaging(ctx);
	const user = currentUser(ctx);
	const { state } = ctx;
	const types = queryEnumList(ctx, 'type', RoomType);
	const area = queryEnum(ctx, 'searchArea', SEARCH_AREA) ?? SEARCH_AREA.Active;
	const search = (queryParam(ctx, 'filterValue') ?? '').trim().toLowerCase();
	const tags = queryList(ctx, 'tags').map((t) => t.toLowerCase());
	const withoutTags = queryBool(ctx, 'withoutTags') ?? false;

	const parents =
		area === SEARCH_AREA.Archive ? [state.roots.archive] : area === SEARCH_AREA.Any ? [state.roots.virtualRooms, state.roots.archive] : [state.roots.virtualRooms];
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
	const current = state.getFolder(area === SEARCH_AREA.Archive ? state.roots.archive : state.roots.virtualRooms);
	if (!current) throw new Error('the Rooms section is missing');
	return ok(folderContentDto(ctx, current, pageOf(sorted, [], paging)));
});

defineRoute('GET', '/api/2.0/files/rooms/{id}', (ctx) => ok(folderDto(ctx, requireRoom(ctx, ctx.params.id))));
