import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { docSpaceApiList } from '../../transport/request';
import { simplifyOutput } from '../common.descriptions';
import { toItems } from '../helpers';
import { LinkType } from './access';
import { onRoom, roomIdOf, roomParameter, roomPath, summarizeLink } from './shared';

const properties: INodeProperties[] = [
	{ ...roomParameter, description: 'The room whose links to list' },
	{
		displayName: 'Link Type',
		name: 'linkType',
		type: 'options',
		options: [
			{ name: 'All', value: 'all' },
			{ name: 'External', value: LinkType.External, description: 'Links that open the room without an account' },
			{ name: 'Invitation', value: LinkType.Invitation, description: 'Links that make whoever opens them a member' },
		],
		default: 'all',
	},
	simplifyOutput,
];

export const description = updateDisplayOptions({ show: { resource: ['room'], operation: ['getLinks'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const roomId = roomIdOf.call(this, i);
	const linkType = this.getNodeParameter('linkType', i, 'all') as string | number;
	const links = await onRoom(this, roomId, i, async () =>
		await docSpaceApiList.call(this, 'GET', roomPath(roomId, '/links'), undefined, linkType === 'all' ? undefined : { type: linkType }, i),
	);
	const simplify = this.getNodeParameter('simplify', i, true) as boolean;
	return toItems.call(this, simplify ? links.map(summarizeLink) : links);
}
