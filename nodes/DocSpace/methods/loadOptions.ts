/** Option lists filled from the portal, narrowed by what is already chosen in the node. */
import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchResult,
	INodePropertyOptions,
} from 'n8n-workflow';

import { memberAccessFor, memberAccessOptions } from '../actions/room/access';
import { normalizeExtension } from '../transport/download';
import { docSpaceCall, docSpaceList } from '../transport/request';
import { apiPath } from '../transport/path';
import { chosenId } from './chosen';
import { searchGroupCandidates, searchGroupMembers } from './listSearch';

/**
 * Room → Invite: the access levels the chosen room's type offers to the invitee's kind (groups
 * never get Room Manager); every level while no room is chosen.
 */
export async function getRoomAccessLevels(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	const roomId = chosenId(this, 'room');
	if (!roomId) return memberAccessOptions;
	const room = await docSpaceCall.call(this, {
		method: 'GET',
		path: apiPath`files/rooms/${roomId}`,
	});
	const kind = this.getCurrentNodeParameter('&kind') === 'group' ? 'group' : 'user';
	const roomType = Number(room.roomType);
	return memberAccessFor(roomType, kind).map((level) => ({
		name: level.name,
		value: level.value,
		description: level.description,
	}));
}

/** File → Download: the formats the portal converts the chosen file to, after “keep the format”. */
export async function getConversionFormats(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	const keep: INodePropertyOptions = {
		name: 'Keep the File’s Format',
		value: '',
		description: 'Download the file as it is',
	};
	const fileId = chosenId(this, 'file');
	if (!fileId) return [keep];
	const file = await docSpaceCall.call(this, {
		method: 'GET',
		path: apiPath`files/file/${fileId}`,
	});
	const settings = await docSpaceCall.call(this, { method: 'GET', path: 'files/settings' });
	const source = normalizeExtension(String(file.fileExst ?? ''));
	const table = (settings.extsConvertible ?? {}) as IDataObject;
	const targets = Array.isArray(table[source])
		? (table[source] as unknown[]).map((ext) => normalizeExtension(String(ext)))
		: [];
	return [
		keep,
		...[...new Set(targets)]
			.filter((target) => target && target !== source)
			.sort()
			.map((target) => ({
				name: target,
				value: target.slice(1),
				description: `Convert the ${source} file to ${target}`,
			})),
	];
}

/** The portal's languages (`GET settings/cultures`), named in English, after the portal default. */
export async function getCultures(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const cultures = (
		await docSpaceList.call(this, { method: 'GET', path: 'settings/cultures' })
	).map(String);
	const names = new Intl.DisplayNames(['en'], { type: 'language' });
	const named = (code: string) => {
		try {
			return names.of(code) ?? code;
		} catch {
			return code;
		}
	};
	return [
		{ name: 'Portal Default', value: '', description: 'The language set for the portal' },
		...cultures
			.map((code) => ({ name: `${named(code)} (${code})`, value: code }))
			.sort((a, b) => a.name.localeCompare(b.name)),
	];
}

/** Every entry of a From List search, page after page, as options (n8n filters them as one types). */
async function everyEntry(
	context: ILoadOptionsFunctions,
	search: (
		this: ILoadOptionsFunctions,
		filter?: string,
		paginationToken?: string,
	) => Promise<INodeListSearchResult>,
): Promise<INodePropertyOptions[]> {
	const options: INodePropertyOptions[] = [];
	let token: string | undefined;
	do {
		const page = await search.call(context, undefined, token);
		options.push(...page.results.map(({ name, value }) => ({ name, value })));
		token = typeof page.paginationToken === 'string' ? page.paginationToken : undefined;
	} while (token);
	return options;
}

/** Group → Add Members and Create: the users DocSpace puts into groups (active, not guests). */
export async function getGroupCandidates(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	return await everyEntry(this, searchGroupCandidates);
}

/** Group → Remove Members: the chosen group's members. */
export async function getGroupMembers(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	return await everyEntry(this, searchGroupMembers);
}
