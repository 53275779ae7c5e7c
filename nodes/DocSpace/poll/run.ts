import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { PeopleListing, PollEvent, SortedListing } from './events';
import { isPollEvent, LISTINGS } from './events';
import { toItem } from './output';
import { fingerprint, fingerprints, listPeople, newUsers, registrationTime, updatedUsers } from './people';
import { listingQuery, watchedForm } from './query';
import type { ListingQuery } from './scan';
import { scan } from './scan';
import type { PollState } from './state';
import { listSubmissions, newSubmissions, submissionEntry } from './submissions';
import { isCursor } from './state';
import { timeOf } from './cursor';

type PollResult = INodeExecutionData[][] | null;

function selectedEvent(this: IPollFunctions): PollEvent {
	const event = this.getNodeParameter('event') as unknown;
	if (!isPollEvent(event)) {
		throw new NodeOperationError(this.getNode(), `The parameter “Event” has an unknown value “${String(event)}”`, {
			description: 'Pick the event from the list again.',
		});
	}
	return event;
}

function nothingYet(this: IPollFunctions): NodeOperationError {
	return new NodeOperationError(this.getNode(), 'DocSpace has nothing yet that matches this trigger', {
		description: 'Create a matching item in DocSpace (or pick another folder or room) and fetch the test event again.',
	});
}

const emitted = (items: INodeExecutionData[]): PollResult => (items.length > 0 ? [items] : null);

async function pollSorted(this: IPollFunctions, event: PollEvent, listing: SortedListing, state: PollState): Promise<PollResult> {
	const query: ListingQuery = listingQuery.call(this, listing);
	const key = `${event} ${query.path} ${JSON.stringify(query.qs)}`;
	const emits = listing.emits ?? (() => true);
	const item = (entry: IDataObject) => toItem(event, entry, { time: listing.time(entry), actor: listing.actor(entry) });

	if (this.getMode() === 'manual') {
		// The newest entries, to show one whose fields the user can map.
		const { changed } = await scan.call(this, listing, query, { ids: [] }, { stopAtNewest: true });
		const byTime = (a: IDataObject, b: IDataObject) => (listing.time(b) ?? 0) - (listing.time(a) ?? 0);
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

async function pollPeople(this: IPollFunctions, event: PollEvent, _listing: PeopleListing, state: PollState): Promise<PollResult> {
	const key = event;
	const people = await listPeople.call(this);
	const creationItem = (user: IDataObject) => toItem(event, user, { time: registrationTime(user), actor: (user.createdBy as IDataObject)?.id });

	if (this.getMode() === 'manual') {
		const { changed } = newUsers(people, { ids: [] });
		if (!changed[0]) throw nothingYet.call(this);
		return [[event === 'user.created' ? creationItem(changed[0]) : toItem(event, changed[0], { version: fingerprint(changed[0]) })]];
	}
	const baseline = state.key !== key;
	if (event === 'user.created') {
		if (baseline || !isCursor(state.cursor)) {
			Object.assign(state, { key, cursor: newUsers(people, { ids: [] }).next, fingerprints: undefined });
			return null;
		}
		const { changed, next } = newUsers(people, state.cursor);
		Object.assign(state, { key, cursor: next });
		return emitted(changed.map(creationItem));
	}
	const previous = state.fingerprints;
	Object.assign(state, { key, cursor: undefined, fingerprints: fingerprints(people) });
	if (baseline || !previous) return null;
	return emitted(updatedUsers(people, previous).map((user) => toItem(event, user, { version: fingerprint(user) })));
}

async function pollSubmissions(this: IPollFunctions, event: PollEvent, state: PollState): Promise<PollResult> {
	const fileId = watchedForm.call(this);
	const key = `${event} ${fileId}`;
	const entries = (await listSubmissions.call(this, fileId)).map((submission) => submissionEntry(fileId, submission));
	const item = (entry: IDataObject) => toItem(event, entry, { time: timeOf(entry.createOn), version: String(entry.id) });
	if (this.getMode() === 'manual') {
		const [latest] = newSubmissions(entries, { ids: [] }).changed;
		if (!latest) throw nothingYet.call(this);
		return [[item(latest)]];
	}
	if (state.key !== key || !isCursor(state.cursor)) {
		Object.assign(state, { key, cursor: newSubmissions(entries, { ids: [] }).next, fingerprints: undefined });
		return null;
	}
	const { changed, next } = newSubmissions(entries, state.cursor);
	Object.assign(state, { key, cursor: next });
	return emitted(changed.map(item));
}

/** One poll: the changes since the last one, or nothing on the first activation. */
export async function poll(this: IPollFunctions): Promise<PollResult> {
	const event = selectedEvent.call(this);
	const state = this.getWorkflowStaticData('node') as PollState;
	const listing = LISTINGS[event];
	if (listing.kind === 'people') return await pollPeople.call(this, event, listing, state);
	if (listing.kind === 'submissions') return await pollSubmissions.call(this, event, state);
	return await pollSorted.call(this, event, listing, state);
}
