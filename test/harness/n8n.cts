/**
 * Runs nodes through n8n-core's real workflow engine (Workflow + WorkflowExecute, real execute
 * contexts and request helpers). n8n keeps its credentials helper in the server package, so this
 * file supplies one that applies a credential type's `authenticate` block the way n8n does.
 */
import { CredentialTestContext, ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	ICredentials,
	ICredentialType,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INode,
	INodeCredentialTestResult,
	INodeExecutionData,
	INodeProperties,
	INodeType,
	INodeTypes,
	IRun,
	IRunExecutionData,
	ITriggerFunctions,
	ITriggerResponse,
	IVersionedNodeType,
	IWorkflowDataProxyAdditionalKeys,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import { ICredentialsHelper, NodeHelpers, Workflow } from 'n8n-workflow';

import { DocSpaceApiKeyApi } from '../../credentials/DocSpaceApiKeyApi.credentials';
import { DocSpaceBasicAuthApi } from '../../credentials/DocSpaceBasicAuthApi.credentials';
import { DocSpaceOAuth2Api } from '../../credentials/DocSpaceOAuth2Api.credentials';
import { DocSpacePersonalAccessTokenApi } from '../../credentials/DocSpacePersonalAccessTokenApi.credentials';
import { docSpaceCredentialTest } from '../../nodes/DocSpace/transport/credentialTest';

export const PACKAGE = 'n8n-nodes-onlyoffice-docspace';

/** The parent of every OAuth2 credential, with the fields n8n's own oAuth2Api defines. */
const oAuth2Api: ICredentialType = {
	name: 'oAuth2Api',
	displayName: 'OAuth2 API',
	properties: [
		{ displayName: 'Grant Type', name: 'grantType', type: 'hidden', default: 'authorizationCode' },
		{ displayName: 'Client ID', name: 'clientId', type: 'string', default: '' },
		{ displayName: 'Client Secret', name: 'clientSecret', type: 'string', default: '' },
		{ displayName: 'Ignore SSL Issues', name: 'ignoreSSLIssues', type: 'boolean', default: false },
	],
};

export const credentialTypes: Record<string, ICredentialType> = Object.fromEntries(
	[
		new DocSpaceApiKeyApi(),
		new DocSpaceBasicAuthApi(),
		new DocSpaceOAuth2Api(),
		new DocSpacePersonalAccessTokenApi(),
		oAuth2Api,
	].map((type) => [type.name, type]),
);

function allProperties(typeName: string): INodeProperties[] {
	const type = credentialTypes[typeName];
	if (!type) return [];
	const inherited = (type.extends ?? []).flatMap(allProperties);
	const own = new Set(type.properties.map((p) => p.name));
	return [...inherited.filter((p) => !own.has(p.name)), ...type.properties];
}

/** Test-side stand-in for the n8n server's credentials helper. */
export class TestCredentialsHelper extends ICredentialsHelper {
	constructor(
		/** Stored credential data by type name; OAuth token refreshes are written back here. */
		readonly store: Record<string, ICredentialDataDecryptedObject>,
		private readonly workflowOf: () => Workflow,
	) {
		super();
	}

	private resolve(value: unknown, node: INode, scope: IWorkflowDataProxyAdditionalKeys): unknown {
		if (typeof value !== 'string' || !value.startsWith('=')) return value;
		return this.workflowOf().expression.getSimpleParameterValue(
			node,
			value,
			'internal',
			scope,
			undefined,
			'',
		);
	}

	async getDecrypted(
		_additionalData: IWorkflowExecuteAdditionalData,
		_nodeCredentials: unknown,
		type: string,
	): Promise<ICredentialDataDecryptedObject> {
		const stored = this.store[type];
		if (!stored) throw new Error(`No test credentials of type ${type}`);
		// Like n8n: defaults first, then the stored data; hidden expressions see the data as $self.
		const data: ICredentialDataDecryptedObject = {};
		for (const property of allProperties(type)) data[property.name] = property.default as never;
		Object.assign(data, structuredClone(stored));
		const node =
			this.workflowOf().getNode('DocSpace') ?? ({ name: 'x', parameters: {} } as unknown as INode);
		for (const [key, value] of Object.entries(data)) {
			data[key] = this.resolve(value, node, { $self: data }) as never;
		}
		return data;
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions,
		workflow: Workflow,
		node: INode,
	): Promise<IHttpRequestOptions> {
		const authenticate = credentialTypes[typeName]?.authenticate;
		if (typeof authenticate === 'function') return await authenticate(credentials, requestOptions);
		if (!authenticate || authenticate.type !== 'generic') return requestOptions;
		const resolve = (value: unknown) =>
			typeof value === 'string' && value.startsWith('=')
				? String(
						workflow.expression.getSimpleParameterValue(
							node,
							value,
							'internal',
							{ $credentials: credentials },
							undefined,
							'',
						) ?? '',
					)
				: value;
		const options = requestOptions as unknown as Record<
			string,
			Record<string, unknown> | undefined
		>;
		for (const [target, entries] of Object.entries(authenticate.properties)) {
			const bag = (options[target] ??= {});
			for (const [key, value] of Object.entries(entries as Record<string, unknown>))
				bag[String(resolve(key))] = resolve(value);
		}
		return requestOptions;
	}

	async preAuthentication() {
		return undefined;
	}

	/** Like n8n: only a type with `restrictToSupportedNodes` limits which nodes may use it. */
	isCredentialUsableByNode(typeName: string, nodeType: string): boolean {
		const type = credentialTypes[typeName];
		return !type?.restrictToSupportedNodes || (type.supportedNodes ?? []).includes(nodeType);
	}

	async runPreAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const data = await credentialTypes[typeName]?.preAuthentication?.call(helpers, credentials);
		return data as ICredentialDataDecryptedObject | undefined;
	}

	getParentTypes(name: string): string[] {
		const parents = credentialTypes[name]?.extends ?? [];
		return [...parents, ...parents.flatMap((parent) => this.getParentTypes(parent))];
	}

	getCredentialsProperties(type: string): INodeProperties[] {
		return allProperties(type);
	}

	async getCredentials(): Promise<ICredentials> {
		throw new Error('not used in tests');
	}

	async updateCredentials(): Promise<void> {}

	async updateCredentialsOauthTokenData(
		_nodeCredentials: unknown,
		type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		this.store[type] = { ...this.store[type], oauthTokenData: data.oauthTokenData };
	}
}

export class NodeTypes implements INodeTypes {
	constructor(private readonly types: Record<string, INodeType | IVersionedNodeType>) {}

	getByName(type: string) {
		return this.types[type];
	}

	getByNameAndVersion(type: string, version?: number): INodeType {
		const nodeType = this.types[type];
		if (!nodeType) throw new Error(`Unknown node type ${type}`);
		return NodeHelpers.getVersionedNodeType(nodeType, version);
	}

	getKnownTypes() {
		return {};
	}
}

function manualTrigger(items: INodeExecutionData[]): INodeType {
	return {
		description: {
			displayName: 'Manual Trigger',
			name: 'manualTrigger',
			group: ['trigger'],
			version: 1,
			description: '',
			defaults: { name: 'Manual Trigger' },
			inputs: [],
			outputs: ['main'],
			properties: [],
		},
		async trigger(this: ITriggerFunctions): Promise<ITriggerResponse> {
			return { manualTriggerFunction: async () => this.emit([items]) };
		},
	};
}

export interface RunOptions {
	nodeType: INodeType;
	/** Node parameters. */
	parameters: Record<string, unknown>;
	/** Credential type name → stored data (the one the node uses is picked by `authentication`). */
	credentials: Record<string, ICredentialDataDecryptedObject>;
	input?: INodeExecutionData[];
	nodeName?: string;
	/** Node settings such as onError. */
	node?: Partial<INode>;
}

export interface RunResult {
	run: IRun;
	status: string;
	error?: Error & { description?: string; httpCode?: string; context?: Record<string, unknown> };
	items: INodeExecutionData[];
	helper: TestCredentialsHelper;
}

/** Executes `Manual Trigger → node` through n8n-core and returns the node's output. */
export async function runNode(options: RunOptions): Promise<RunResult> {
	const nodeName = options.nodeName ?? 'DocSpace';
	const typeName = `${PACKAGE}.${options.nodeType.description.name}`;
	const trigger: INode = {
		id: 't',
		name: 'Manual Trigger',
		type: 'test.manualTrigger',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
	};
	const credentialRefs = Object.fromEntries(
		Object.keys(options.credentials).map((type) => [type, { id: type, name: type }]),
	);
	const target: INode = {
		id: 'n',
		name: nodeName,
		type: typeName,
		typeVersion: 1,
		position: [200, 0],
		parameters: options.parameters as INode['parameters'],
		credentials: credentialRefs,
		...options.node,
	};
	const workflow = new Workflow({
		id: 'test',
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [trigger, target],
		connections: { [trigger.name]: { main: [[{ node: target.name, type: 'main', index: 0 }]] } },
		nodeTypes: new NodeTypes({
			'test.manualTrigger': manualTrigger(options.input ?? [{ json: {} }]),
			[typeName]: options.nodeType,
		}),
	});
	const helper = new TestCredentialsHelper(options.credentials, () => workflow);
	const hooks = new ExecutionLifecycleHooks('manual', 'exec-1', {
		id: 'test',
		name: 'test',
		nodes: [],
		connections: {},
		active: false,
		settings: {},
	} as never);
	const additionalData = {
		hooks,
		credentialsHelper: helper,
		executionId: 'exec-1',
		currentNodeExecutionIndex: 0,
		variables: {},
		logAiEvent: () => {},
		restApiUrl: 'http://localhost:5678/rest',
		instanceBaseUrl: 'http://localhost:5678/',
		webhookBaseUrl: 'http://localhost:5678/webhook',
		webhookWaitingBaseUrl: '',
		webhookTestBaseUrl: '',
		formWaitingBaseUrl: '',
	} as unknown as IWorkflowExecuteAdditionalData;
	const runExecutionData = {
		startData: {},
		resultData: { runData: {} },
		executionData: {
			contextData: {},
			metadata: {},
			waitingExecution: {},
			waitingExecutionSource: {},
			nodeExecutionStack: [{ node: trigger, data: { main: [[{ json: {} }]] }, source: null }],
		},
	} as unknown as IRunExecutionData;
	const run = await new WorkflowExecute(
		additionalData,
		'manual',
		runExecutionData,
	).processRunExecutionData(workflow);
	const task = run.data.resultData.runData[nodeName]?.[0];
	return {
		run,
		status: run.status,
		error: run.data.resultData.error as RunResult['error'],
		items: task?.data?.main?.[0] ?? [],
		helper,
	};
}

/**
 * Runs the nodes' credential test (their `testedBy` function) the way n8n's credentials tester
 * does: with the decrypted credential, in n8n-core's own credential test context.
 */
export async function testCredential(
	type: ICredentialType,
	data: ICredentialDataDecryptedObject,
): Promise<INodeCredentialTestResult & { error?: string }> {
	const result = await docSpaceCredentialTest.call(new CredentialTestContext(), {
		id: 'test',
		name: 'Credential Test',
		type: type.name,
		data,
	});
	return { ...result, error: result.status === 'OK' ? undefined : result.message };
}
