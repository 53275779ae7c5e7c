import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { docSpaceList } from '../../transport/request';
import { simplifyOutput } from '../common.descriptions';
import { simplifiedItems } from '../helpers';
import { locatorId, withParameterNotFound } from '../../shared/validation';
import { LinkType } from './access';
import { roomParameter, roomPath, summarizeLink } from './shared';

const properties: INodeProperties[] = [
	{ ...roomParameter, description: 'The room whose links to list' },
	{
		displayName: 'Link Type',
		name: 'linkType',
		type: 'options',
		options: [
			{ name: 'All', value: 'all' },
			{
				name: 'External',
				value: LinkType.External,
				description: 'Links that open the room without an account',
			},
			{
				name: 'Invitation',
				value: LinkType.Invitation,
				description: 'Links that make whoever opens them a member',
			},
		],
		default: 'all',
	},
	simplifyOutput,
];

export const description = updateDisplayOptions(
	{ show: { resource: ['room'], operation: ['getLinks'] } },
	properties,
);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const roomId = locatorId.call(this, 'room', i);
	const linkType = this.getNodeParameter('linkType', i, 'all') as string | number;
	const links = await withParameterNotFound(
		this,
		{ kind: 'room', id: roomId },
		i,
		async () =>
			await docSpaceList.call(this, {
				method: 'GET',
				path: roomPath(roomId, '/links'),
				qs: linkType === 'all' ? undefined : { type: linkType },
				itemIndex: i,
			}),
	);
	return simplifiedItems.call(this, i, links, summarizeLink);
}
