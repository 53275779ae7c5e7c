/**
 * Runs the DocSpace Poll Trigger the way n8n's poller does: `poll()` on n8n-core's real
 * PollContext, on a real Workflow whose static data stays between polls. `restart()` plays an
 * n8n restart: the static data goes through JSON (as n8n stores it) into a new Workflow.
 */
import { PollContext } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	INode,
	IWorkflowExecuteAdditionalData,
	Workflow,
	WorkflowExecuteMode,
} from 'n8n-workflow';

import { DocSpacePollTrigger } from '../../nodes/DocSpace/DocSpacePollTrigger.node';
import type { AuthenticationMethod } from '../../nodes/DocSpace/transport/credentials';
import { credentialTypeOf } from '../../nodes/DocSpace/transport/credentials';
import type { Emulator } from '../emulator/index.cjs';
import { credentialData } from './docspace.cjs';
import { TestCredentialsHelper } from './n8n.cjs';
import { triggerAdditionalData, triggerNode, triggerWorkflow } from './trigger.cjs';

export interface PollOptions {
	emulator: Emulator;
	parameters: Record<string, unknown>;
	authentication?: AuthenticationMethod;
	credentials?: ICredentialDataDecryptedObject;
}

export interface PollOutcome {
	/** The `json` of each emitted item; empty when the poll returned nothing. */
	items: IDataObject[];
	error?: Error;
}

export class PollHarness {
	readonly nodeType = new DocSpacePollTrigger();
	readonly node: INode;
	readonly workflow: Workflow;
	private additionalData?: IWorkflowExecuteAdditionalData;

	constructor(
		private readonly options: PollOptions,
		staticData: IDataObject = {},
	) {
		this.node = triggerNode({
			id: 'poll-node',
			name: 'DocSpace Poll Trigger',
			nodeType: this.nodeType,
			parameters: options.parameters,
			authentication: options.authentication,
		});
		this.workflow = triggerWorkflow({
			id: 'poll-test',
			name: 'Poll test',
			node: this.node,
			nodeType: this.nodeType,
			staticData,
		});
	}

	/** The node's static data, as n8n would persist it. */
	get staticData(): IDataObject {
		return this.workflow.getStaticData('node', this.node);
	}

	private async data(): Promise<IWorkflowExecuteAdditionalData> {
		if (this.additionalData) return this.additionalData;
		const authentication =
			(this.node.parameters.authentication as AuthenticationMethod) ?? 'apiKey';
		const stored =
			this.options.credentials ?? (await credentialData(this.options.emulator, authentication));
		this.additionalData = triggerAdditionalData(
			new TestCredentialsHelper(
				{ [credentialTypeOf(authentication)]: stored },
				() => this.workflow,
			),
		);
		return this.additionalData;
	}

	/** One poll as n8n runs it: 'trigger' for an active workflow, 'manual' for "Fetch Test Event". */
	async poll(mode: WorkflowExecuteMode = 'trigger'): Promise<PollOutcome> {
		const context = new PollContext(
			this.workflow,
			this.node,
			await this.data(),
			mode,
			mode === 'manual' ? 'manual' : 'activate',
		);
		try {
			const result = await this.nodeType.poll.call(context);
			return { items: (result?.[0] ?? []).map((item) => item.json) };
		} catch (error) {
			return { items: [], error: error as Error };
		}
	}

	/** The same workflow after an n8n restart: static data as stored, everything else new. */
	restart(): PollHarness {
		return new PollHarness(
			this.options,
			JSON.parse(JSON.stringify(this.workflow.staticData)) as IDataObject,
		);
	}
}
