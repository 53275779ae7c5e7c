/**
 * Seed portals. 'default': people, a group, credentials, documents, a 250-entry folder and a
 * room of every type. 'empty': the same people and credentials, but no group and no content
 * (content ids are 0 and `groups.marketing` is '').
 * Ids and secrets are derived from fixed labels, so they are the same on every start.
 */
import { pdfForm, SAMPLE_FORM_FIELDS } from './formPdf.cjs';
import { createHash } from 'node:crypto';
import { sampleContent } from './content.cjs';
import { type RoomTypeValue, FileShare, OAUTH_SCOPES, RoomType } from './model.cjs';
import { type EmulatorState, stableSecret } from './state.cjs';
import type { SeedSecrets } from './types.cjs';

export interface SeedIds {
	users: { admin: string; roomAdmin: string; user: string; user2: string; disabled: string };
	groups: { marketing: string };
	apiKeys: { full: string; filesRead: string };
	/** Section roots: the admin's My documents and Trash, the plain user's My documents, Rooms, Archive. */
	myDocuments: number;
	trash: number;
	userMyDocuments: number;
	virtualRooms: number;
	archive: number;
	/** In the admin's My documents: 30 folders + 220 files = exactly 250 entries. */
	bigFolder: number;
	/** In the admin's My documents: Projects/2025. */
	folders: { projects: number; projects2025: number };
	/** docx/xlsx/pptx/pdf in the admin's My documents; roadmap in Projects/2025; userDocx in the user's My documents; customRoomDocx in the Custom room. */
	files: {
		docx: number;
		xlsx: number;
		pptx: number;
		pdf: number;
		roadmap: number;
		userDocx: number;
		customRoomDocx: number;
	};
	rooms: {
		fillingForms: number;
		collaboration: number;
		custom: number;
		public: number;
		vdr: number;
		ai: number;
		archived: number;
	};
}

export const BIG_FOLDER = { folders: 30, files: 220 };

const BIG_EXTENSIONS = [
	'.docx',
	'.xlsx',
	'.pptx',
	'.pdf',
	'.txt',
	'.png',
	'.csv',
	'.md',
	'.zip',
	'.mp4',
];

function stableUuid(label: string): string {
	const h = createHash('sha256').update(`docspace-emulator-id:${label}`).digest('hex');
	return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** Seed timestamps: one minute apart from 2025-01-02T10:11:12Z, in creation order. */
function seedClock(): () => Date {
	let minutes = 0;
	const base = Date.UTC(2025, 0, 2, 10, 11, 12);
	return () => new Date(base + minutes++ * 60_000);
}

export function seedPortal(state: EmulatorState, kind: 'default' | 'empty'): SeedSecrets {
	const at = seedClock();
	const secrets: SeedSecrets = {
		adminEmail: 'admin@example.com',
		adminPassword: 'Admin-Passw0rd!',
		apiKey: `sk-${stableSecret('api-key-full', 48)}`,
		filesReadApiKey: `sk-${stableSecret('api-key-files-read', 48)}`,
		personalAccessToken: stableSecret('personal-access-token', 64),
		oauthClient: {
			clientId: stableUuid('oauth-confidential'),
			clientSecret: stableSecret('oauth-secret', 48),
		},
		oauthPublicClient: { clientId: stableUuid('oauth-public') },
		userEmail: 'user@example.com',
		userPassword: 'User-Passw0rd!',
	};

	const person = (
		label: string,
		email: string,
		password: string,
		first: string,
		last: string,
		type: 'DocSpaceAdmin' | 'RoomAdmin' | 'User',
	) =>
		state.createUser({
			id: stableUuid(label),
			email,
			password,
			firstName: first,
			lastName: last,
			type,
			created: at(),
		});
	const admin = person(
		'admin',
		secrets.adminEmail,
		secrets.adminPassword,
		'Alex',
		'Owner',
		'DocSpaceAdmin',
	);
	admin.isOwner = true;
	const roomAdmin = person(
		'room-admin',
		'roomadmin@example.com',
		'RoomAdmin-Passw0rd!',
		'Rita',
		'Manager',
		'RoomAdmin',
	);
	const user = person('user', secrets.userEmail, secrets.userPassword, 'Uma', 'User', 'User');
	const user2 = person('user2', 'user2@example.com', 'User2-Passw0rd!', 'Ugo', 'Member', 'User');
	const disabled = person(
		'disabled',
		'disabled@example.com',
		'Disabled-Passw0rd!',
		'Dora',
		'Disabled',
		'User',
	);
	disabled.status = 2;
	for (const u of [roomAdmin, user, user2, disabled]) u.createdBy = admin.id;

	const full = state.createApiKey({ userId: admin.id, name: 'Full access', key: secrets.apiKey });
	const filesRead = state.createApiKey({
		userId: admin.id,
		name: 'Files read',
		key: secrets.filesReadApiKey,
		permissions: ['files:read'],
	});
	state.createSession(admin.id, { token: secrets.personalAccessToken });
	state.createOAuthClient({
		...secrets.oauthClient,
		name: 'n8n (confidential)',
		redirectUris: [],
		scopes: [...OAUTH_SCOPES],
	});
	state.createOAuthClient({
		...secrets.oauthPublicClient,
		clientSecret: null,
		name: 'n8n (PKCE)',
		redirectUris: [],
		scopes: [...OAUTH_SCOPES],
	});

	const section = (userId: string, which: 'my' | 'trash'): number => {
		const folder = which === 'my' ? state.myDocumentsOf(userId) : state.trashOf(userId);
		if (!folder) throw new Error('seed user without personal sections');
		return folder.id;
	};
	state.seedIds = {
		users: {
			admin: admin.id,
			roomAdmin: roomAdmin.id,
			user: user.id,
			user2: user2.id,
			disabled: disabled.id,
		},
		groups: { marketing: '' },
		apiKeys: { full: full.id, filesRead: filesRead.id },
		myDocuments: section(admin.id, 'my'),
		trash: section(admin.id, 'trash'),
		userMyDocuments: section(user.id, 'my'),
		virtualRooms: state.roots.virtualRooms,
		archive: state.roots.archive,
		bigFolder: 0,
		folders: { projects: 0, projects2025: 0 },
		files: { docx: 0, xlsx: 0, pptx: 0, pdf: 0, roadmap: 0, userDocx: 0, customRoomDocx: 0 },
		rooms: { fillingForms: 0, collaboration: 0, custom: 0, public: 0, vdr: 0, ai: 0, archived: 0 },
	};
	if (kind === 'default')
		seedContent(state, at, {
			admin: admin.id,
			roomAdmin: roomAdmin.id,
			user: user.id,
			user2: user2.id,
		});
	return secrets;
}

function seedContent(
	state: EmulatorState,
	at: () => Date,
	people: { admin: string; roomAdmin: string; user: string; user2: string },
): void {
	const ids = state.seedIds;
	const marketing = state.createGroup({
		id: stableUuid('group-marketing'),
		name: 'Marketing',
		managerId: people.roomAdmin,
		memberIds: [people.user, people.user2],
		created: at(),
	});
	ids.groups.marketing = marketing.id;

	const file = (
		folderId: number,
		title: string,
		createdBy = people.admin,
		isForm = false,
	): number =>
		state.createFile({
			title,
			folderId,
			createdBy,
			content: sampleContent(title),
			created: at(),
			isForm,
		}).id;
	const folder = (parentId: number, title: string, createdBy = people.admin): number =>
		state.createFolder({ title, parentId, createdBy, created: at() }).id;

	const my = ids.myDocuments;
	ids.files.docx = file(my, 'Project plan.docx');
	ids.files.xlsx = file(my, 'Budget 2025.xlsx');
	ids.files.pptx = file(my, 'Pitch deck.pptx');
	ids.files.pdf = file(my, 'Contract.pdf');
	ids.folders.projects = folder(my, 'Projects');
	ids.folders.projects2025 = folder(ids.folders.projects, '2025');
	ids.files.roadmap = file(ids.folders.projects2025, 'Roadmap.docx');
	ids.files.userDocx = file(ids.userMyDocuments, 'User notes.docx', people.user);

	ids.bigFolder = folder(my, 'Big folder');
	for (let i = 1; i <= BIG_FOLDER.folders; i++)
		folder(ids.bigFolder, `Folder ${String(i).padStart(2, '0')}`);
	for (let i = 1; i <= BIG_FOLDER.files; i++) {
		file(
			ids.bigFolder,
			`File ${String(i).padStart(3, '0')}${BIG_EXTENSIONS[(i - 1) % BIG_EXTENSIONS.length]}`,
		);
	}

	type RoomExtra = {
		members?: Array<[string, 0 | 2, number]>;
		archived?: boolean;
		quotaLimit?: number;
		indexing?: boolean;
	};
	const room = (title: string, roomType: RoomTypeValue, extra: RoomExtra = {}): number => {
		const members = (extra.members ?? []).map(([subjectId, subjectType, access]) => ({
			subjectId,
			subjectType,
			access,
		}));
		const created = state.createRoom({
			title,
			roomType,
			createdBy: people.admin,
			members,
			archived: extra.archived,
			quotaLimit: extra.quotaLimit,
			created: at(),
		});
		created.indexing = extra.indexing ?? false;
		return created.id;
	};
	const r = ids.rooms;
	r.fillingForms = room('Forms room', RoomType.FillingFormsRoom, {
		members: [[people.user, 0, FileShare.FillForms]],
	});
	state.createFile({
		title: 'Application form.pdf',
		folderId: r.fillingForms,
		createdBy: people.admin,
		content: pdfForm(SAMPLE_FORM_FIELDS),
		created: at(),
		isForm: true,
	});
	folder(r.fillingForms, 'Submissions');

	r.collaboration = room('Team collaboration', RoomType.EditingRoom, {
		members: [[people.user, 0, FileShare.Editing]],
	});
	file(r.collaboration, 'Shared notes.docx');
	file(folder(r.collaboration, 'Drafts'), 'Draft 1.docx');

	r.custom = room('Custom room', RoomType.CustomRoom, {
		members: [
			[people.roomAdmin, 0, FileShare.RoomManager],
			[marketing.id, 2, FileShare.ContentCreator],
		],
	});
	ids.files.customRoomDocx = file(r.custom, 'Guide.docx');
	file(r.custom, 'Data.xlsx');
	folder(r.custom, 'Assets');

	r.public = room('Public room', RoomType.PublicRoom);
	file(r.public, 'Brochure.pdf');
	folder(r.public, 'Media');

	r.vdr = room('Data room', RoomType.VirtualDataRoom, {
		quotaLimit: 100 * 1024 * 1024,
		indexing: true,
	});
	file(r.vdr, 'NDA.docx');
	folder(r.vdr, 'Due diligence');

	r.ai = room('AI room', RoomType.AiRoom);
	file(r.ai, 'Knowledge.md');
	folder(r.ai, 'Sources');

	r.archived = room('Old project', RoomType.CustomRoom, {
		archived: true,
		members: [[people.user, 0, FileShare.Read]],
	});
	file(r.archived, 'Final report.docx');
	folder(r.archived, 'Old files');
}
