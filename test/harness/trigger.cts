/**
 * Runs the DocSpace Trigger the way n8n's webhook service does, with n8n-core's real contexts:
 * `HookContext` for `webhookMethods.default.checkExists/create/delete` (activation and
 * deactivation) and `WebhookContext` for `webhook()`. Static data lives the way n8n keeps it: as
 * JSON in a "database"; every activation and every request builds a new `Workflow` from it, and
 * the change is written back only when n8n would write it (n8n's `saveStaticData`, flag
 * `__dataChanged`): after activation; for a webhook request in the callback that answers it,
 * which n8n 2.x reaches before it starts the execution when the node answered itself
 * (`noWebhookResponse`), and after starting it otherwise, when building the execution's
 * `Workflow` over the same object has reset the flag. A small HTTP server plays n8n's webhook
 * endpoint: it keeps the raw body, routes HEAD to the `setup` webhook and POST to `default`, and
 * answers like n8n (`noWebhookResponse` → the node answered itself; `workflowData` → an
 * execution is recorded).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { HookContext, LoadOptionsContext, WebhookContext } from 'n8n-core';
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
import type { Emulator } from '../emulator/index.cjs';
import { credentialData } from './docspace.cjs';
import { PACKAGE, TestCredentialsHelper } from './n8n.cjs';

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
	/**
	 * How many n8n webhook processes receive the deliveries, in turn (queue mode); each loads its
	 * own copy of the package, so nothing but the stored static data is shared. Default 1, the
	 * package as this test file loaded it.
	 */
	webhookProcesses?: number;
	/** Serve n8n's webhook endpoint over https with this key and certificate (PEM). */
	tls?: { key: string; cert: string };
}

/** The trigger as another n8n process would load it: its own copy of every module. */
function loadInAnotherProcess(): DocSpaceTrigger {
	let loaded: DocSpaceTrigger | undefined;
	jest.isolateModules(() => {
		const module = require('../../nodes/DocSpace/DocSpaceTrigger.node') as {
			DocSpaceTrigger: new () => DocSpaceTrigger;
		};
		loaded = new module.DocSpaceTrigger();
	});
	if (!loaded) throw new Error('could not load the trigger again');
	return loaded;
}

let harnessCount = 0;

/** A trigger's `INode` in a one-node test workflow, with a credential of the chosen authentication. */
export function triggerNode(spec: {
	id: string;
	name: string;
	nodeType: INodeType;
	parameters: Record<string, unknown>;
	authentication?: AuthenticationMethod;
	webhookId?: string;
}): INode {
	const authentication = spec.authentication ?? 'apiKey';
	const type = credentialTypeOf(authentication);
	return {
		id: spec.id,
		name: spec.name,
		type: `${PACKAGE}.${spec.nodeType.description.name}`,
		typeVersion: 1,
		position: [0, 0],
		...(spec.webhookId === undefined ? {} : { webhookId: spec.webhookId }),
		parameters: { authentication, ...spec.parameters } as INode['parameters'],
		credentials: { [type]: { id: type, name: type } },
	};
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

/** An active one-node workflow around a trigger's node, over `staticData` itself (not a copy). */
export function triggerWorkflow(spec: {
	id: string;
	name: string;
	node: INode;
	nodeType: INodeType;
	staticData: IDataObject;
}): Workflow {
	return new Workflow({
		id: spec.id,
		name: spec.name,
		active: true,
		nodes: [spec.node],
		connections: {},
		settings: { executionOrder: 'v1' },
		staticData: spec.staticData,
		nodeTypes: new NodeTypes({ [spec.node.type]: spec.nodeType }),
	});
}

/** What n8n hands a trigger's contexts outside an execution. */
export function triggerAdditionalData(
	credentialsHelper: TestCredentialsHelper,
	webhookBaseUrl = '',
): IWorkflowExecuteAdditionalData {
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
	/** The trigger in each webhook process. */
	private webhookProcesses: INodeType[];
	private requestCount = 0;
	private failuresLeft = 0;
	readonly node: INode;
	/** The `Workflow` of the latest activation or request. */
	workflow: Workflow;
	/** The workflow's static data as n8n's database holds it. */
	private database: IDataObject = {};
	/** Each harness is another workflow, as in n8n (the trigger remembers events per workflow and node). */
	private readonly workflowId = `trigger-test-${++harnessCount}`;
	/** The `workflowData` of every execution the trigger started. */
	readonly executions: INodeExecutionData[][][] = [];
	readonly received: ReceivedRequest[] = [];
	private server?: Server;
	private additionalData?: IWorkflowExecuteAdditionalData;
	private baseUrl = '';

	constructor(private readonly options: TriggerOptions) {
		this.node = triggerNode({
			id: 'trigger-node',
			name: 'DocSpace Trigger',
			nodeType: this.nodeType,
			parameters: options.parameters,
			authentication: options.authentication,
			webhookId: '7d3c1e52-5b1a-4c0e-9a55-2f6d8c4b1a90',
		});
		const processes = options.webhookProcesses ?? 1;
		this.webhookProcesses =
			processes === 1 ? [this.nodeType] : Array.from({ length: processes }, loadInAnotherProcess);
		this.workflow = this.loadWorkflow();
	}

	/** The next `count` POSTs are answered 500 before they reach the node (n8n briefly failing). */
	failNextPosts(count: number): void {
		this.failuresLeft = count;
	}

	/** n8n restarted: the webhook processes load the package afresh; the database stays. */
	restart(): void {
		this.webhookProcesses = this.webhookProcesses.map(loadInAnotherProcess);
	}

	/** A `Workflow` over a fresh copy of the stored static data, as n8n builds one per request. */
	private loadWorkflow(staticData: IDataObject = structuredClone(this.database)): Workflow {
		this.workflow = triggerWorkflow({
			id: this.workflowId,
			name: this.options.workflowName ?? 'Trigger test',
			node: this.node,
			nodeType: this.nodeType,
			staticData,
		});
		return this.workflow;
	}

	/** n8n's `saveStaticData`: writes only a change that is still flagged. */
	private saveStaticData(workflow: Workflow): void {
		if (workflow.staticData.__dataChanged !== true) return;
		this.database = JSON.parse(JSON.stringify(workflow.staticData)) as IDataObject;
		workflow.staticData.__dataChanged = false;
	}

	/** The node's static data as stored; changes to it are stored too. */
	get staticData(): IDataObject {
		const key = `node:${this.node.name}`;
		if (!isObject(this.database[key])) this.database[key] = {};
		return this.database[key] as IDataObject;
	}

	/** The production webhook URL the node registers. */
	get webhookUrl(): string {
		return NodeHelpers.getNodeWebhookUrl(this.webhookBase, this.workflow.id, this.node, 'webhook');
	}

	private get webhookBase(): string {
		return this.options.webhookBaseUrl ?? `${this.baseUrl}/webhook`;
	}

	async start(): Promise<this> {
		const authentication =
			(this.node.parameters.authentication as AuthenticationMethod) ?? 'apiKey';
		const type = credentialTypeOf(authentication);
		const data =
			this.options.credentials ?? (await credentialData(this.options.emulator, authentication));
		const listener = (req: IncomingMessage, res: ServerResponse) => {
			this.handle(req, res).catch((error: unknown) => {
				res.statusCode = 500;
				res.end(error instanceof Error ? error.message : String(error));
			});
		};
		const tls = this.options.tls;
		this.server = tls ? createTlsServer(tls, listener) : createServer(listener);
		await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
		this.baseUrl = `${tls ? 'https' : 'http'}://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
		this.additionalData = triggerAdditionalData(
			new TestCredentialsHelper({ [type]: data }, () => this.workflow),
			this.webhookBase,
		);
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

	/** The context the editor gives the node's lists (loadOptions, listSearch) for the parameter at `path`. */
	editorContext(path: string): LoadOptionsContext {
		return new LoadOptionsContext(this.workflow, this.node, this.data, path);
	}

	private get data(): IWorkflowExecuteAdditionalData {
		if (!this.additionalData) throw new Error('call start() first');
		return this.additionalData;
	}

	private hook(activation: WorkflowActivateMode) {
		const methods = this.nodeType.webhookMethods.default;
		const workflow = this.loadWorkflow();
		const context = new HookContext(
			workflow,
			this.node,
			this.data,
			this.options.mode ?? 'trigger',
			activation,
			this.webhookData('default'),
		);
		return { methods, context, workflow };
	}

	/** n8n's createWebhookIfNotExists: checkExists, then create when it answered false; then the save. */
	async activate(activation: WorkflowActivateMode = 'activate'): Promise<void> {
		const { methods, context, workflow } = this.hook(activation);
		try {
			if (!(await methods.checkExists.call(context))) await methods.create.call(context);
		} finally {
			this.saveStaticData(workflow);
		}
	}

	/** n8n's deleteWebhook on deactivation. */
	async deactivate(): Promise<boolean> {
		const { methods, context, workflow } = this.hook('update');
		try {
			return await methods.delete.call(context);
		} finally {
			this.saveStaticData(workflow);
		}
	}

	private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const chunks: Buffer[] = [];
		for await (const chunk of req) chunks.push(chunk as Buffer);
		const rawBody = Buffer.concat(chunks);
		const record: ReceivedRequest = {
			method: req.method ?? '',
			headers: req.headers,
			body: rawBody.toString('utf8'),
			status: 0,
			responseBody: '',
			executed: false,
		};
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
		if (req.method === 'POST' && this.failuresLeft > 0) {
			this.failuresLeft--;
			res.statusCode = 500;
			res.end('{"message":"Error in workflow"}');
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
		const workflow = this.loadWorkflow();
		// n8n reads the workflow from its database, then awaits more queries before the node runs.
		await new Promise((resolve) => setImmediate(resolve));
		const context = new WebhookContext(
			workflow,
			this.node,
			{
				...this.data,
				httpRequest: req,
				httpResponse: response,
			} as unknown as IWorkflowExecuteAdditionalData,
			'webhook',
			this.webhookData(name),
			[],
			null,
		);
		const process = this.webhookProcesses[this.requestCount++ % this.webhookProcesses.length];
		if (!process.webhook) throw new Error('the trigger has no webhook method');
		const result = await process.webhook.call(context);
		// n8n answers (and saves) before the execution when the node answered itself; the save is
		// another database query, so other requests run meanwhile.
		await new Promise((resolve) => setImmediate(resolve));
		if (result.noWebhookResponse) this.saveStaticData(workflow);
		if (result.workflowData) {
			record.executed = true;
			this.executions.push(result.workflowData);
			// n8n 2.x starts the execution on a new Workflow over the same static data object.
			new Workflow({
				id: workflow.id,
				nodes: [this.node],
				connections: {},
				active: true,
				staticData: workflow.staticData,
				nodeTypes: workflow.nodeTypes,
			});
		}
		if (result.noWebhookResponse) {
			response.end();
			return;
		}
		this.saveStaticData(workflow);
		res.statusCode = 200;
		res.setHeader('content-type', 'application/json');
		res.end(
			JSON.stringify(
				result.workflowData
					? { message: 'Workflow was started' }
					: (result.webhookResponse ?? { message: 'Webhook call received' }),
			),
		);
	}
}

const isObject = (value: unknown): value is IDataObject =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

/** A started harness. */
export async function startTrigger(options: TriggerOptions): Promise<TriggerHarness> {
	return await new TriggerHarness(options).start();
}
