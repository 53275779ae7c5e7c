import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { secretsSeenBy } from '../transport/credentials';
import { scrubDeep } from '../transport/errors';
import { forgetLinkOrigins } from '../transport/linkOrigins';
import { resources } from './resources';

function withItemIndex(this: IExecuteFunctions, error: unknown, itemIndex: number): Error {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		// n8n shows the item itself; the message stays as written.
		error.context.itemIndex ??= itemIndex;
		return error;
	}
	return new NodeOperationError(this.getNode(), error as Error, { itemIndex });
}

/** The node's single item loop: dispatches each item and owns pairing and continue-on-fail. */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const output: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		forgetLinkOrigins(this);
		try {
			const resource = this.getNodeParameter('resource', itemIndex) as string;
			const operationName = this.getNodeParameter('operation', itemIndex) as string;
			const operation = resources[resource]?.operations[operationName];
			if (!operation) {
				throw new NodeOperationError(
					this.getNode(),
					`The operation “${operationName}” is not supported for the resource “${resource}”`,
					{ itemIndex },
				);
			}
			const results = await operation.execute.call(this, itemIndex, items[itemIndex]);
			for (const result of results) output.push({ ...result, pairedItem: { item: itemIndex } });
		} catch (error) {
			const failure = withItemIndex.call(this, error, itemIndex);
			// Whatever an error carries (also from n8n or a proxy's echo) leaves without secrets.
			scrubDeep(failure, secretsSeenBy(this));
			if (this.continueOnFail()) {
				output.push({
					json: {
						error: failure.message,
						...('description' in failure && failure.description
							? { description: failure.description }
							: {}),
					},
					pairedItem: { item: itemIndex },
				});
				continue;
			}
			throw failure;
		}
	}
	return [output];
}
