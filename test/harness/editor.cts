/**
 * Calls the DocSpace node's editor methods (loadOptions, listSearch) through n8n-core's
 * LoadOptionsContext, with the node's current parameters as the editor sends them.
 */
import { LoadOptionsContext } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	INode,
	INodeListSearchResult,
	INodeParameters,
	INodePropertyOptions,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { DocSpace } from '../../nodes/DocSpace/DocSpace.node';
import type { AuthenticationMethod } from '../../nodes/DocSpace/transport/credentials';
import { credentialTypeOf } from '../../nodes/DocSpace/transport/credentials';
import type { Emulator } from '../emulator/index.cjs';
import { credentialData } from './docspace.cjs';
import { NodeTypes, PACKAGE, TestCredentialsHelper } from './n8n.cjs';

export interface EditorCall {
	emulator: Emulator;
	/** The node's parameters as set in the editor so far. */
	parameters: INodeParameters;
	/** The path of the parameter being filled, e.g. parameters.invitees.invitee[0].access. */
	path?: string;
	authentication?: AuthenticationMethod;
	/** Replaces the credential data, e.g. another account's password. */
	credentials?: ICredentialDataDecryptedObject;
}

async function contextFor(call: EditorCall): Promise<LoadOptionsContext> {
	const authentication = call.authentication ?? 'apiKey';
	const nodeType = new DocSpace();
	const typeName = `${PACKAGE}.${nodeType.description.name}`;
	const credentialType = credentialTypeOf(authentication);
	const parameters = { authentication, ...call.parameters };
	const node: INode = {
		id: 'n',
		name: 'DocSpace',
		type: typeName,
		typeVersion: 1,
		position: [0, 0],
		parameters,
		credentials: { [credentialType]: { id: credentialType, name: credentialType } },
	};
	const workflow = new Workflow({
		id: 'editor',
		active: false,
		nodes: [node],
		connections: {},
		nodeTypes: new NodeTypes({ [typeName]: nodeType }),
	});
	const helper = new TestCredentialsHelper(
		{ [credentialType]: call.credentials ?? (await credentialData(call.emulator, authentication)) },
		() => workflow,
	);
	const additionalData = {
		credentialsHelper: helper,
		currentNodeParameters: parameters,
		variables: {},
	} as unknown as IWorkflowExecuteAdditionalData;
	return new LoadOptionsContext(workflow, node, additionalData, call.path ?? 'parameters');
}

export async function loadOptions(
	method: string,
	call: EditorCall,
): Promise<INodePropertyOptions[]> {
	const fn = new DocSpace().methods.loadOptions[method as keyof DocSpace['methods']['loadOptions']];
	return await fn.call(await contextFor(call));
}

export async function listSearch(
	method: string,
	call: EditorCall,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const fn = new DocSpace().methods.listSearch[method as keyof DocSpace['methods']['listSearch']];
	return await fn.call(await contextFor(call), filter, paginationToken);
}
