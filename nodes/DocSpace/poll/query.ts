import type { IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { locatorSpecs } from '../shared/locators';
import { folderPath } from '../transport/path';
import { idFromLocator } from '../shared/validation';
import type { SortedListing } from './events';
import type { ListingQuery } from './scan';

/** The folder or room the file and folder events watch. */
function watchedFolder(this: IPollFunctions): string {
	const location = this.getNodeParameter('location', 'room') as string;
	if (location !== 'room' && location !== 'folder') {
		throw new NodeOperationError(
			this.getNode(),
			`The parameter “Watch” has an unknown value “${location}”`,
			{
				description: 'Choose Room or Folder.',
			},
		);
	}
	const raw = this.getNodeParameter(locatorSpecs[location].name, '') as unknown;
	return idFromLocator.call(this, location, raw, undefined);
}

/** The DocSpace listing, sorted newest first by the time the event is about. */
export function listingQuery(this: IPollFunctions, listing: SortedListing): ListingQuery {
	const sort = { sortBy: listing.sortBy, sortOrder: 'Descending' };
	if (listing.source === 'rooms' || listing.source === 'archive') {
		return {
			path: 'files/rooms',
			qs: { ...sort, searchArea: listing.source === 'rooms' ? 'Active' : 'Archive' },
		};
	}
	const withSubFolders = this.getNodeParameter('includeSubfolders', false) === true;
	return {
		path: folderPath(watchedFolder.call(this)),
		qs: {
			...sort,
			filterType: listing.source === 'files' ? 'FilesOnly' : 'FoldersOnly',
			withSubFolders,
		},
	};
}

/** The form whose submissions New Form Submission watches. */
export function watchedForm(this: IPollFunctions): string {
	return idFromLocator.call(
		this,
		'file',
		this.getNodeParameter(locatorSpecs.file.name, '') as unknown,
		undefined,
		{ label: 'Form' },
	);
}

/** The Form Filling room whose forms New Form Submission watches. */
export function watchedFormRoom(this: IPollFunctions): string {
	return idFromLocator.call(
		this,
		'room',
		this.getNodeParameter(locatorSpecs.room.name, '') as unknown,
		undefined,
		{ label: 'Form Filling Room' },
	);
}

/** Whether New Form Submission watches one form or a Form Filling room. */
export function formSource(this: IPollFunctions): 'form' | 'room' {
	const source = this.getNodeParameter('formSource', 'form') as string;
	if (source !== 'form' && source !== 'room') {
		throw new NodeOperationError(
			this.getNode(),
			`The parameter “Watch” has an unknown value “${source}”`,
			{
				description: 'Choose Form or Form Filling Room.',
			},
		);
	}
	return source;
}
