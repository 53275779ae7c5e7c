import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { normalizeExtension } from '../../transport/download';
import { docSpaceCall } from '../../transport/request';

/**
 * Checks that the portal converts `sourceExtension` files to `targetExtension`, using the
 * conversion table of `GET files/settings` (`extsConvertible`).
 */
export async function assertConvertible(
	this: IExecuteFunctions,
	sourceTitle: string,
	sourceExtension: string,
	targetExtension: string,
	itemIndex: number,
	parameterLabel: string,
): Promise<void> {
	const settings = await docSpaceCall.call(this, {
		method: 'GET',
		path: 'files/settings',
		itemIndex,
	});
	const table = (settings.extsConvertible ?? {}) as IDataObject;
	const source = normalizeExtension(sourceExtension);
	const targets = Array.isArray(table[source]) ? (table[source] as unknown[]).map(String) : [];
	if (targets.map(normalizeExtension).includes(targetExtension)) return;
	throw new NodeOperationError(
		this.getNode(),
		`DocSpace cannot convert “${sourceTitle}” to ${targetExtension} (parameter “${parameterLabel}”)`,
		{
			itemIndex,
			description: targets.length
				? `This portal converts ${source || 'such'} files to: ${targets.join(', ')}. Pick one of them, or leave “${parameterLabel}” empty to download the file as it is.`
				: `This portal does not convert ${source || 'such'} files. Leave “${parameterLabel}” empty to download the file as it is.`,
		},
	);
}
