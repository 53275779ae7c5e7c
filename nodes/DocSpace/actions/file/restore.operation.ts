import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { fileLocator, simplifyOutput, waitOptions } from '../common.descriptions';
import { loadEntry, TRASH_FOLDER_TYPE } from '../entry';
import {
	conflictResolveProperty,
	DESTINATION,
	destinationFolderProperty,
	transfer,
} from '../transfer';
import { asNodeError, isNotFound, locatorId } from '../../shared/validation';

const properties: INodeProperties[] = [
	{ ...fileLocator, description: 'The file in the trash to restore' },
	{
		...destinationFolderProperty,
		required: false,
		description:
			'Where to restore the file. Leave empty to put it back into the folder it was deleted from.',
	},
	conflictResolveProperty,
	waitOptions,
	simplifyOutput,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['file'], operation: ['restore'] } },
	properties,
);

function hasDestination(this: IExecuteFunctions, i: number): boolean {
	const chosen = this.getNodeParameter(DESTINATION.name, i, '') as IDataObject | string | undefined;
	const value = typeof chosen === 'object' && chosen !== null ? chosen.value : chosen;
	return value !== undefined && value !== null && String(value).trim() !== '';
}

/** The folder a file in the trash was deleted from. */
async function originalFolder(
	this: IExecuteFunctions,
	file: IDataObject,
	i: number,
): Promise<IDataObject> {
	const originId = file.originId;
	const unknown = (why: string) =>
		new NodeOperationError(
			this.getNode(),
			`The file “${String(file.title)}” cannot go back: ${why}`,
			{
				itemIndex: i,
				description: `Choose where to restore it with “${DESTINATION.label}”.`,
			},
		);
	if (originId === undefined || originId === null || originId === '')
		throw unknown('DocSpace does not say where it was deleted from');
	try {
		return await loadEntry.call(this, 'folder', String(originId), DESTINATION.label, i);
	} catch (error) {
		if (isNotFound(error))
			throw unknown(`the folder it was deleted from (ID ${String(originId)}) no longer exists`);
		throw asNodeError.call(this, error, i);
	}
}

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const fileId = locatorId.call(this, 'file', i);
	const chosenDestination = hasDestination.call(this, i)
		? locatorId.call(this, 'folder', i, DESTINATION)
		: undefined;
	const file = await loadEntry.call(this, 'file', fileId, 'File', i);
	if (file.rootFolderType !== TRASH_FOLDER_TYPE) {
		throw new NodeOperationError(
			this.getNode(),
			`The file “${String(file.title)}” is not in the trash`,
			{
				itemIndex: i,
				description:
					'Only files in the trash can be restored. To put a file somewhere else, use the Move operation.',
			},
		);
	}
	// DocSpace has no restore endpoint: an entry in Trash carries originId and is moved back there.
	const destination = chosenDestination
		? await loadEntry.call(this, 'folder', chosenDestination, DESTINATION.label, i)
		: await originalFolder.call(this, file, i);
	return await transfer.call(this, 'file', 'move', file, destination, i, 'restored');
}
