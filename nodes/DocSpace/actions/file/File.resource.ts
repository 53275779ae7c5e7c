import type { INodeProperties } from 'n8n-workflow';

import type { OperationMap } from '../types';
import * as copy from './copy.operation';
import * as create from './create.operation';
import * as createFromText from './createFromText.operation';
import * as deleteFile from './deleteFile.operation';
import * as download from './download.operation';
import * as downloadZip from './downloadZip.operation';
import * as get from './get.operation';
import * as getLink from './getLink.operation';
import * as getMany from './getMany.operation';
import * as getVersions from './getVersions.operation';
import * as manageLinks from './manageLinks.operation';
import * as move from './move.operation';
import * as rename from './rename.operation';
import * as replaceContent from './replaceContent.operation';
import * as restore from './restore.operation';
import * as upload from './upload.operation';

export const operations: OperationMap = {
	copy,
	create,
	createFromText,
	delete: deleteFile,
	download,
	downloadZip,
	get,
	getLink,
	getMany,
	getVersions,
	manageLinks,
	move,
	rename,
	replaceContent,
	restore,
	upload,
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['file'] } },
		options: [
			{
				name: 'Copy',
				value: 'copy',
				action: 'Copy a file',
				description: 'Copy a file into another folder or room',
			},
			{
				name: 'Create',
				value: 'create',
				action: 'Create a file',
				description: 'Create an empty document, spreadsheet, presentation or PDF form',
			},
			{
				name: 'Create From Text',
				value: 'createFromText',
				action: 'Create a file from text',
				description: 'Create a text or HTML file with the given content',
			},
			{
				name: 'Delete',
				value: 'delete',
				action: 'Delete a file',
				description: 'Move a file to the trash or delete it for good',
			},
			{
				name: 'Download',
				value: 'download',
				action: 'Download a file',
				description: 'Download a file into a binary field, optionally converted (e.g. to PDF)',
			},
			{
				name: 'Download as ZIP',
				value: 'downloadZip',
				action: 'Download files and folders as a ZIP archive',
				description:
					'Pack files and folders, with everything in them, into one ZIP archive in a binary field',
			},
			{ name: 'Get', value: 'get', action: 'Get a file', description: 'Get a file’s details' },
			{
				name: 'Get Link',
				value: 'getLink',
				action: 'Get the shared link of a file',
				description:
					'Get the file’s primary external link; DocSpace creates one (read only) if the file has none',
			},
			{
				name: 'Get Many',
				value: 'getMany',
				action: 'Get many files',
				description:
					'Search the files of a folder or room by type, extension or name, one item per file',
			},
			{
				name: 'Get Versions',
				value: 'getVersions',
				action: 'Get the versions of a file',
				description: 'List every stored version of a file, one item per version',
			},
			{
				name: 'Manage Links',
				value: 'manageLinks',
				action: 'Manage the external links of a file',
				description:
					'Create, update, delete or list external links with access, password, expiry and download rules',
			},
			{
				name: 'Move',
				value: 'move',
				action: 'Move a file',
				description: 'Move a file into another folder or room',
			},
			{
				name: 'Rename',
				value: 'rename',
				action: 'Rename a file',
				description: 'Change a file’s name',
			},
			{
				name: 'Replace Content',
				value: 'replaceContent',
				action: 'Replace the content of a file',
				description: 'Store binary data as a new version of an existing file',
			},
			{
				name: 'Restore',
				value: 'restore',
				action: 'Restore a file from the trash',
				description: 'Put a file from the trash back where it was, or into another folder',
			},
			{
				name: 'Upload',
				value: 'upload',
				action: 'Upload a file',
				description: 'Upload binary data of any size into a folder, a room or My documents',
			},
		],
		default: 'upload',
	},
	...copy.description,
	...create.description,
	...createFromText.description,
	...deleteFile.description,
	...download.description,
	...downloadZip.description,
	...get.description,
	...getLink.description,
	...getMany.description,
	...getVersions.description,
	...manageLinks.description,
	...move.description,
	...rename.description,
	...replaceContent.description,
	...restore.description,
	...upload.description,
];
