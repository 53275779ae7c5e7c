/**
 * EmployeeDto, EmployeeFullDto and GroupSummaryDto (OpenAPI schemas of the same names).
 */
import type { Group, User } from '../model.cjs';
import { apiDate, type DtoScope } from './format.cjs';

const DEFAULT_AVATAR = '/static/images/default_user_photo_size_82-82.png';

function displayName(user: User): string {
	return `${user.firstName} ${user.lastName}`.trim();
}

export function employeeDto(scope: DtoScope, user: User): Record<string, unknown> {
	return {
		id: user.id,
		displayName: displayName(user),
		avatar: DEFAULT_AVATAR,
		avatarOriginal: DEFAULT_AVATAR,
		avatarMax: DEFAULT_AVATAR,
		avatarMedium: DEFAULT_AVATAR,
		avatarSmall: DEFAULT_AVATAR,
		profileUrl: `${scope.portalUrl}/accounts/people/filter?search=${encodeURIComponent(user.email)}`,
		hasAvatar: false,
		isAnonim: false,
	};
}

/** EmployeeDto for a user id; an unknown id (e.g. the system account) gets a placeholder. */
export function employeeRef(scope: DtoScope, userId: string): Record<string, unknown> {
	const user = scope.state.getUser(userId);
	if (user) return employeeDto(scope, user);
	return { id: userId, displayName: 'System', hasAvatar: false, isAnonim: false };
}

export function groupSummaryDto(scope: DtoScope, group: Group): Record<string, unknown> {
	const manager = group.managerId ? scope.state.getUser(group.managerId) : undefined;
	return { id: group.id, name: group.name, manager: manager?.userName, isSystem: false };
}

export function employeeFullDto(scope: DtoScope, user: User): Record<string, unknown> {
	const { state } = scope;
	const isAdmin = state.isAdmin(user);
	const groups = state.groupsOfUser(user.id);
	const myDocuments = state.myDocumentsOf(user.id);
	const usedSpace = myDocuments
		? state.descendantsOf(myDocuments.id).files.reduce((n, f) => n + f.contentSize, 0)
		: 0;
	return {
		...employeeDto(scope, user),
		firstName: user.firstName,
		lastName: user.lastName,
		userName: user.userName,
		email: user.email,
		contacts: [],
		status: user.status,
		activationStatus: user.activationStatus,
		department: groups.map((g) => g.name).join(', '),
		groups: groups.map((g) => groupSummaryDto(scope, g)),
		isAdmin,
		isRoomAdmin: user.type === 'RoomAdmin',
		isLDAP: false,
		listAdminModules: isAdmin ? [] : undefined,
		isOwner: user.isOwner,
		isVisitor: user.type === 'Guest',
		isCollaborator: user.type === 'User',
		cultureName: user.cultureName,
		mobilePhoneActivationStatus: 0,
		isSSO: false,
		usedSpace,
		createdBy: user.createdBy ? employeeRef(scope, user.createdBy) : undefined,
		registrationDate: apiDate(user.created),
		hasPersonalFolder: myDocuments !== undefined,
		tfaAppEnabled: false,
	};
}
