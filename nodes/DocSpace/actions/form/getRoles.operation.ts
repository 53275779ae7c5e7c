import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { docSpaceList } from '../../transport/request';
import { simplifyOutput } from '../common.descriptions';
import { simplifiedItems } from '../helpers';
import { withParameterNotFound } from '../../shared/validation';
import { formId, formParameter, formPath } from './shared';

// FormFillingStatus
const STATUS: Record<number, string> = {
	0: 'none',
	1: 'draft',
	2: 'yourTurn',
	3: 'inProgress',
	4: 'complete',
	5: 'stopped',
};

const properties: INodeProperties[] = [formParameter, simplifyOutput];

export const description = updateDisplayOptions(
	{ show: { resource: ['form'], operation: ['getRoles'] } },
	properties,
);

/** A short view of a FormRoleDto. */
function summarizeRole(role: IDataObject): IDataObject {
	const user = (role.user ?? {}) as IDataObject;
	return {
		roleName: role.roleName,
		sequence: role.sequence,
		userId: user.id,
		userName: user.displayName,
		email: user.email,
		submitted: role.submitted === true,
		status: STATUS[Number(role.roleStatus)] ?? role.roleStatus,
	};
}

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const fileId = formId.call(this, i);
	const roles = await withParameterNotFound(
		this,
		{ kind: 'file', id: fileId, label: 'Form' },
		i,
		async () =>
			await docSpaceList.call(this, {
				method: 'GET',
				path: formPath(fileId, '/formroles'),
				itemIndex: i,
			}),
	);
	return simplifiedItems.call(this, i, roles, summarizeRole);
}
