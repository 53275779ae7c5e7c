/**
 * Runs the DocSpace Trigger the way n8n's webhook service does, with n8n-core's real contexts:
 * `HookContext` for `webhookMethods.default.checkExists/create/delete` (activation and
 * deactivation) and `WebhookContext` for `webhook()`, on a real `Workflow` whose static data
 * persists between calls. A small HTTP server plays n8n's webhook endpoint: it keeps the raw
 * body, routes HEAD to the `setup` webhook and POST to `default`, and answers like n8n
 * (`noWebhookResponse` → the node answered itself; `workflowData` → an execution is recorded).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HookContext, WebhookContext } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	INode,
	INodeExecutionData,
	INodeType,
	INodeTypes,
	IWebhookData,
	IWebhookDescription,
	IWorkflowExecuteAdditionalData,
	WorkflowActivateMode,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { NodeHelpers, Workflow } from 'n8n-workflow';

import { DocSpaceTrigger } from '../../nodes/DocSpace/DocSpaceTrigger.node';
import type { AuthenticationMethod } from '../../nodes/DocSpace/transport/credentials';
import { credentialTypeOf } from '../../nodes/DocSpace/transport/credentials';
import type { Emulator } from '../emulator';
import { credentialData } from './docspace';
import { PACKAGE, TestCredentialsHelper } from './n8n';

export interface ReceivedRequest {
	method: string;
	headers: Record<string, string | string[] | undefined>;
	body: string;
	status: number;
	responseBody: string;
	/** Whether the node asked n8n to start an execution. */
	executed: boolean;
}

export interface TriggerOptions {
	emulator: Emulator;
	parameters: Record<string, unknown>;
	authentication?: AuthenticationMethod;
	/** Replaces the credential data (e.g. another Base URL). */
	credentials?: ICredentialDataDecryptedObject;
	/** What n8n's WEBHOOK_URL would be; defaults to this harness's own server. */
	webhookBaseUrl?: string;
	workflowName?: string;
	/** n8n's mode for the webhook methods: 'trigger' for an active workflow, 'manual' for "listen for test event". */
	mode?: WorkflowExecuteMode;
}

export class NodeTypes implements INodeTypes {
	constructor(private readonly types: Record<string, INodeType>) {}
	getByName(type: string) {
		return this.types[type];
	}
	getByNameAndVersion(type: string): INodeType {
		const nodeType = this.types[type];
		if (!nodeType) throw new Error(`Unknown node type ${type}`);
		return nodeType;
	}
	getKnownTypes() {
		return {};
	}
}

/** What n8n hands a trigger's contexts outside an execution. */
export function triggerAdditionalData(credentialsHelper: TestCredentialsHelper, webhookBaseUrl = ''): IWorkflowExecuteAdditionalData {
	return {
		credentialsHelper,
		executionId: undefined,
		currentNodeExecutionIndex: 0,
		variables: {},
		restApiUrl: 'http://localhost:5678/rest',
		instanceBaseUrl: 'http://localhost:5678/',
		webhookBaseUrl,
		webhookWaitingBaseUrl: '',
		webhookTestBaseUrl: '',
		formWaitingBaseUrl: '',
	} as unknown as IWorkflowExecuteAdditionalData;
}

/** What `res` is to a node inside n8n: the parts of express's Response nodes use. */
class ResponseLike {
	constructor(private readonly res: ServerResponse) {}
	status(code: number) {
		this.res.statusCode = code;
		return this;
	}
	send(body?: string | Buffer) {
		if (body !== undefined && !this.res.writableEnded) this.res.write(body);
		return this;
	}
	json(body: unknown) {
		this.res.setHeader('content-type', 'application/json');
		return this.send(JSON.stringify(body));
	}
	end() {
		if (!this.res.writableEnded) this.res.end();
		return this;
	}
	get headersSent() {
		return this.res.headersSent;
	}
}

export class TriggerHarness {
	readonly nodeType = new DocSpaceTrigger();
	readonly node: INode;
	readonly workflow: Workflow;
	/** The `workflowData` of every execution the trigger started. */
	readonly executions: INodeExecutionData[][][] = [];
	readonly received: ReceivedRequest[] = [];
	private server?: Server;
	private additionalData?: IWorkflowExecuteAdditionalData;
	private baseUrl = '';

	constructor(private readonly options: TriggerOptions) {
		const authentication = options.authentication ?? 'apiKey';
		const type = credentialTypeOf(authentication);
		this.node = {
			id: 'trigger-node',
			name: 'DocSpace Trigger',
			type: `${PACKAGE}.${this.nodeType.description.name}`,
			typeVersion: 1,
			position: [0, 0],
			webhookId: '7d3c1e52-5b1a-4c0e-9a55-2f6d8c4b1a90',
			parameters: { authentication, ...options.parameters } as INode['parameters'],
			credentials: { [type]: { id: type, name: type } },
		};
		this.workflow = new Workflow({
			id: 'trigger-test',
			name: options.workflowName ?? 'Trigger test',
			active: true,
			nodes: [this.node],
			connections: {},
			settings: { executionOrder: 'v1' },
			staticData: {},
			nodeTypes: new NodeTypes({ [this.node.type]: this.nodeType }),
		});
	}

	/** The node's static data, as n8n would persist it. */
	get staticData(): IDataObject {
		return this.workflow.getStaticData('node', this.node);
	}

	/** The production webhook URL the node registers. */
	get webhookUrl(): string {
		return NodeHelpers.getNodeWebhookUrl(this.webhookBase, this.workflow.id, this.node, 'webhook');
	}

	private get webhookBase(): string {
		return this.options.webhookBaseUrl ?? `${this.baseUrl}/webhook`;
	}

	async start(): Promise<this> {
		const authentication = (this.node.parameters.authentication as AuthenticationMethod) ?? 'apiKey';
		const type = credentialTypeOf(authentication);
		const data = this.options.credentials ?? (await credentialData(this.options.emulator, authentication));
		this.server = createServer((req, res) => {
			this.handle(req, res).catch((error: unknown) => {
				res.statusCode = 500;
				res.end(error instanceof Error ? error.message : String(error));
			});
		});
		await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
		this.baseUrl = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
		this.additionalData = triggerAdditionalData(new TestCredentialsHelper({ [type]: data }, () => this.workflow), this.webhookBase);
		return this;
	}

	async close(): Promise<void> {
		const server = this.server;
		if (!server) return;
		await new Promise<void>((resolve) => {
			server.close(() => resolve());
			server.closeAllConnections();
		});
	}

	private description(name: 'default' | 'setup'): IWebhookDescription {
		const found = this.nodeType.description.webhooks?.find((w) => w.name === name);
		if (!found) throw new Error(`no ${name} webhook`);
		return found;
	}

	private webhookData(name: 'default' | 'setup'): IWebhookData {
		const description = this.description(name);
		return {
			httpMethod: description.httpMethod as IWebhookData['httpMethod'],
			node: this.node.name,
			path: `${this.node.webhookId}/webhook`,
			webhookDescription: description,
			workflowId: this.workflow.id,
			workflowExecuteAdditionalData: this.data,
			webhookId: this.node.webhookId,
		};
	}

	private get data(): IWorkflowExecuteAdditionalData {
		if (!this.additionalData) throw new Error('call start() first');
		return this.additionalData;
	}

	private hook(activation: WorkflowActivateMode) {
		const methods = this.nodeType.webhookMethods.default;
		const context = new HookContext(this.workflow, this.node, this.data, this.options.mode ?? 'trigger', activation, this.webhookData('default'));
		return { methods, context };
	}

	/** n8n's createWebhookIfNotExists: checkExists, then create when it answered false. */
	async activate(activation: WorkflowActivateMode = 'activate'): Promise<void> {
		const { methods, context } = this.hook(activation);
		if (!(await methods.checkExists.call(context))) await methods.create.call(context);
	}

	/** n8n's deleteWebhook on deactivation. */
	async deactivate(): Promise<boolean> {
		const { methods, context } = this.hook('update');
		return await methods.delete.call(context);
	}

	private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const chunks: Buffer[] = [];
		for await (const chunk of req) chunks.push(chunk as Buffer);
		const rawBody = Buffer.concat(chunks);
		const record: ReceivedRequest = { method: req.method ?? '', headers: req.headers, body: rawBody.toString('utf8'), status: 0, responseBody: '', executed: false };
		this.received.push(record);
		const end = res.end.bind(res) as (chunk?: unknown) => ServerResponse;
		const written: Buffer[] = [];
		const write = res.write.bind(res) as (chunk: unknown) => boolean;
		res.write = ((chunk: string | Buffer) => {
			written.push(Buffer.from(chunk));
			return write(chunk);
		}) as typeof res.write;
		res.end = ((chunk?: string | Buffer) => {
			if (chunk) written.push(Buffer.from(chunk));
			record.status = res.statusCode;
			record.responseBody = Buffer.concat(written).toString('utf8');
			return end(chunk);
		}) as typeof res.end;

		if (!req.url?.endsWith(`/${this.node.webhookId}/webhook`)) {
			res.statusCode = 404;
			res.end('not registered');
			return;
		}
		const name = req.method === 'HEAD' ? 'setup' : req.method === 'POST' ? 'default' : undefined;
		if (!name) {
			res.statusCode = 405;
			res.end();
			return;
		}
		let body: unknown = {};
		try {
			body = rawBody.length ? JSON.parse(rawBody.toString('utf8')) : {};
		} catch {
			body = {};
		}
		Object.assign(req, { rawBody, body, query: {}, params: {} });
		const response = new ResponseLike(res);
		const context = new WebhookContext(
			this.workflow,
			this.node,
			{ ...this.data, httpRequest: req, httpResponse: response } as unknown as IWorkflowExecuteAdditionalData,
			'webhook',
			this.webhookData(name),
			[],
			null,
		);
		const result = await this.nodeType.webhook.call(context);
		if (result.workflowData) {
			record.executed = true;
			this.executions.push(result.workflowData);
		}
		if (result.noWebhookResponse) {
			response.end();
			return;
		}
		res.statusCode = 200;
		res.setHeader('content-type', 'application/json');
		res.end(JSON.stringify(result.workflowData ? { message: 'Workflow was started' } : (result.webhookResponse ?? { message: 'Webhook call received' })));
	}
}

/** A started harness. */
export async function startTrigger(options: TriggerOptions): Promise<TriggerHarness> {
	return await new TriggerHarness(options).start();
}
