import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

/** One operation of one resource: its parameters and what it does for one input item. */
export interface Operation {
	description: INodeProperties[];
	execute(
		this: IExecuteFunctions,
		itemIndex: number,
		item: INodeExecutionData,
	): Promise<INodeExecutionData[]>;
}

export type OperationMap = Record<string, Operation>;
