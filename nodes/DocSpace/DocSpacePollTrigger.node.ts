import type { INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { listSearch } from './methods';
import { pollAuthenticationMethods, pollProperties } from './poll/description';
import { poll } from './poll/run';
import { credentialsFor } from './shared/authentication.description';

export class DocSpacePollTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'ONLYOFFICE DocSpace Poll Trigger',
		name: 'docSpacePollTrigger',
		icon: { light: 'file:../../icons/docspace.svg', dark: 'file:../../icons/docspace.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{ $parameter["event"] }}',
		description: 'Starts the workflow when DocSpace has new or changed files, folders, rooms or users, by asking it at regular intervals',
		defaults: { name: 'ONLYOFFICE DocSpace Poll Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: credentialsFor(pollAuthenticationMethods),
		properties: pollProperties,
	};

	methods = { listSearch };

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		return await poll.call(this);
	}
}
