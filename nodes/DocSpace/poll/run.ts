import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { Cursor } from './cursor';
import { timeOf } from './cursor';
import type { PollEvent, SortedListing } from './events';
import { isPollEvent, LISTINGS } from './events';
import { toItem } from './output';
import {
	fingerprint,
	fingerprints,
	listPeople,
	newUsers,
	registrationTime,
	updatedUsers,
} from './people';
import { formSource, listingQuery, watchedForm, watchedFormRoom } from './query';
import { isFormCursors, roomSubmissions } from './formRoom';
import type { ListingQuery } from './scan';
import { scan } from './scan';
import type { PollState } from './state';
import { isCursor } from './state';
import { listSubmissions, newSubmissions, submissionEntry } from './submissions';

type PollResult = INodeExecutionData[][] | null;

function selectedEvent(this: IPollFunctions): PollEvent {
	const event = this.getNodeParameter('event') as unknown;
	if (!isPollEvent(event)) {
		throw new NodeOperationError(
			this.getNode(),
			`The parameter “Event” has an unknown value “${String(event)}”`,
			{
				description: 'Pick the event from the list again.',
			},
		);
	}
	return event;
}

function nothingYet(this: IPollFunctions): NodeOperationError {
	return new NodeOperationError(
		this.getNode(),
		'DocSpace has nothing yet that matches this trigger',
		{
			description:
				'Create a matching item in DocSpace (or pick another folder or room) and fetch the test event again.',
		},
	);
}

const emitted = (items: INodeExecutionData[]): PollResult => (items.length > 0 ? [items] : null);

async function pollSorted(
	this: IPollFunctions,
	event: PollEvent,
	listing: SortedListing,
	state: PollState,
): Promise<PollResult> {
	const query: ListingQuery = listingQuery.call(this, listing);
	const key = `${event} ${query.path} ${JSON.stringify(query.qs)}`;
	const emits = listing.emits ?? (() => true);
	const item = (entry: IDataObject) =>
		toItem(event, entry, { time: listing.time(entry), actor: listing.actor(entry) });

	if (this.getMode() === 'manual') {
		// The newest entries, to show one whose fields the user can map.
		const { changed } = await scan.call(this, listing, query, { ids: [] }, { stopAtNewest: true });
		const byTime = (a: IDataObject, b: IDataObject) =>
			(listing.time(b) ?? 0) - (listing.time(a) ?? 0);
		const pool = changed.some(emits) ? changed.filter(emits) : changed;
		const latest = [...pool].sort(byTime)[0];
		if (!latest) throw nothingYet.call(this);
		return [[item(latest)]];
	}
	if (state.key !== key || !isCursor(state.cursor)) {
		// First activation (or another event or place): remember where things stand, emit nothing.
		const { next } = await scan.call(this, listing, query, { ids: [] }, { stopAtNewest: true });
		Object.assign(state, { key, cursor: next, fingerprints: undefined });
		return null;
	}
	const { changed, next } = await scan.call(this, listing, query, state.cursor);
	// Key and cursor are written together, so a cursor never lands under another listing's key.
	Object.assign(state, { key, cursor: next });
	return emitted(changed.filter(emits).map(item));
}

type Since = (cursor: Cursor) => { changed: IDataObject[]; next: Cursor };

/** Events whose whole list is read every poll; `since` picks the entries after a cursor, newest first. */
function pollWholeList(
	this: IPollFunctions,
	state: PollState,
	key: string,
	since: Since,
	item: (entry: IDataObject) => INodeExecutionData,
): PollResult {
	if (this.getMode() === 'manual') {
		const [latest] = since({ ids: [] }).changed;
		if (!latest) throw nothingYet.call(this);
		return [[item(latest)]];
	}
	if (state.key !== key || !isCursor(state.cursor)) {
		Object.assign(state, { key, cursor: since({ ids: [] }).next, fingerprints: undefined });
		return null;
	}
	const { changed, next } = since(state.cursor);
	Object.assign(state, { key, cursor: next });
	return emitted(changed.map(item));
}

async function pollPeople(
	this: IPollFunctions,
	event: PollEvent,
	state: PollState,
): Promise<PollResult> {
	const people = await listPeople.call(this);
	if (event === 'user.created') {
		const creationItem = (user: IDataObject) =>
			toItem(event, user, {
				time: registrationTime(user),
				actor: (user.createdBy as IDataObject)?.id,
			});
		return pollWholeList.call(
			this,
			state,
			event,
			(cursor) => newUsers(people, cursor),
			creationItem,
		);
	}
	const updateItem = (user: IDataObject) => toItem(event, user, { version: fingerprint(user) });
	if (this.getMode() === 'manual') {
		const [newest] = newUsers(people, { ids: [] }).changed;
		if (!newest) throw nothingYet.call(this);
		return [[updateItem(newest)]];
	}
	const previous = state.key === event ? state.fingerprints : undefined;
	Object.assign(state, { key: event, cursor: undefined, fingerprints: fingerprints(people) });
	return previous ? emitted(updatedUsers(people, previous).map(updateItem)) : null;
}

const submissionItem = (event: PollEvent, entry: IDataObject, version: string) =>
	toItem(event, entry, { time: timeOf(entry.createOn), version });

async function pollRoomSubmissions(
	this: IPollFunctions,
	event: PollEvent,
	state: PollState,
): Promise<PollResult> {
	const roomId = watchedFormRoom.call(this);
	const key = `${event} room ${roomId}`;
	const known = state.key === key && isFormCursors(state.forms) ? state.forms : undefined;
	const mode = this.getMode() === 'manual' ? 'manual' : known ? 'next' : 'baseline';
	const { changed, forms } = await roomSubmissions.call(this, roomId, known ?? {}, mode);
	// Submission numbers restart at 1 in every form, so the form's id is part of the version.
	const items = changed.map((entry) =>
		submissionItem(event, entry, `${String(entry.formId)}.${String(entry.id)}`),
	);
	if (mode === 'manual') {
		if (!items[0]) throw nothingYet.call(this);
		return [[items[0]]];
	}
	Object.assign(state, { key, cursor: undefined, fingerprints: undefined, forms });
	return mode === 'baseline' ? null : emitted(items);
}

async function pollSubmissions(
	this: IPollFunctions,
	event: PollEvent,
	state: PollState,
): Promise<PollResult> {
	if (formSource.call(this) === 'room') return await pollRoomSubmissions.call(this, event, state);
	const fileId = watchedForm.call(this);
	const entries = (await listSubmissions.call(this, fileId)).map((submission) =>
		submissionEntry(fileId, submission),
	);
	const item = (entry: IDataObject) => submissionItem(event, entry, String(entry.id));
	return pollWholeList.call(
		this,
		state,
		`${event} ${fileId}`,
		(cursor) => newSubmissions(entries, cursor),
		item,
	);
}

/** One poll: the changes since the last one, or nothing on the first activation. */
export async function poll(this: IPollFunctions): Promise<PollResult> {
	const event = selectedEvent.call(this);
	const state = this.getWorkflowStaticData('node') as PollState;
	const listing = LISTINGS[event];
	if (listing.kind === 'people') return await pollPeople.call(this, event, state);
	if (listing.kind === 'submissions') return await pollSubmissions.call(this, event, state);
	return await pollSorted.call(this, event, listing, state);
}
