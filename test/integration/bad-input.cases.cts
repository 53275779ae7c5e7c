/**
 * The bad-input matrix: each case is one item the node must refuse with a message that names the
 * problem, without changing the portal (reads may reach it; writes must not).
 */
import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import type { Emulator, FaultRule } from '../emulator/index.cjs';
import type { AuthenticationMethod } from '../../nodes/DocSpace/transport/credentials';
import { byId, byUrl, credentialData } from '../harness/docspace.cjs';

export interface BadInput {
	name: string;
	parameters: (e: Emulator) => Record<string, unknown>;
	message: RegExp;
	description?: RegExp;
	input?: IDataObject;
	binary?: boolean;
	authentication?: AuthenticationMethod;
	credentials?: (e: Emulator) => Promise<ICredentialDataDecryptedObject>;
	fault?: (e: Emulator) => FaultRule;
}

const ids = (e: Emulator) => e.state.seedIds;
/** As an expression, so that n8n's own parameter checks let the value through to the node, as at run time. */
const x = (value: unknown) =>
	typeof value === 'string' && value.startsWith('=') ? value : `={{ ${JSON.stringify(value)} }}`;
const id = (value: unknown) => byId(x(value));
const folderCreate = (title: unknown) => () => ({
	resource: 'folder',
	operation: 'create',
	parentFolderId: byId('@my'),
	title: x(title),
});
const folderRename = (title: unknown) => (e: Emulator) => ({
	resource: 'folder',
	operation: 'rename',
	folderId: byId(ids(e).folders.projects),
	title: x(title),
});
const fileRename = (title: unknown) => (e: Emulator) => ({
	resource: 'file',
	operation: 'rename',
	fileId: byId(ids(e).files.docx),
	title: x(title),
});
const roomCreate =
	(title: unknown, extra: IDataObject = {}) =>
	() => ({ resource: 'room', operation: 'create', title: x(title), roomType: 5, ...extra });
const groupCreate = (groupName: unknown) => () => ({
	resource: 'group',
	operation: 'create',
	groupName: x(groupName),
});
const contents = (limit: unknown) => () => ({
	resource: 'folder',
	operation: 'getContents',
	folderId: byId('@my'),
	returnAll: false,
	limit: x(limit),
});
const fileGet = (version: unknown) => (e: Emulator) => ({
	resource: 'file',
	operation: 'get',
	fileId: byId(ids(e).files.docx),
	version: x(version),
});
const invite = (email: unknown) => () => ({
	resource: 'user',
	operation: 'invite',
	email: x(email),
	type: 'User',
});
const roomInvite = (invitee: IDataObject[]) => (e: Emulator) => ({
	resource: 'room',
	operation: 'invite',
	roomId: byId(ids(e).rooms.collaboration),
	invitees: { invitee },
	options: { notify: false },
});
const folderGet = (folderId: unknown) => () => ({ resource: 'folder', operation: 'get', folderId });
const withBaseUrl = (baseUrl: string) => async (e: Emulator) => ({
	...(await credentialData(e, 'apiKey')),
	baseUrl,
});
const long = (n: number) => 'x'.repeat(n);

const EMPTY = /The parameter “Name” is empty/;
const TEXT_OBJECT = /must be text, but the expression gave an object/;
const TEXT_LIST = /must be text, but the expression gave a list/;
const LIMIT = /The parameter “Limit” must be a whole number of 1 or more/;
const VERSION = /The parameter “Version” must be a whole number of 0 or more/;
const NOT_EMAIL = /The parameter “Email” is not a valid email address/;
const FOREIGN = /links to another portal: https:\/\/other\.example, not http:\/\/127\.0\.0\.1:\d+/;

export const badInputs: BadInput[] = [
	// Names
	{ name: 'folder name empty', parameters: folderCreate(''), message: EMPTY },
	{ name: 'folder name of spaces', parameters: folderCreate('   '), message: EMPTY },
	{
		name: 'folder name of zero-width spaces',
		parameters: folderCreate('\u200B\u200B'),
		message: /“Name” holds only invisible characters/,
	},
	{
		name: 'folder name of BOM and joiners',
		parameters: folderCreate('\uFEFF\u200D\u2060'),
		message: /“Name” holds only invisible characters/,
	},
	{
		name: 'folder name with NUL',
		parameters: folderCreate('a\u0000b'),
		message: /“Name” contains a control character \(U\+0000\)/,
	},
	{
		name: 'folder name with a line break',
		parameters: folderCreate('a\nb'),
		message: /“Name” contains a control character \(U\+000A\)/,
	},
	{
		name: 'folder name of 5,000 characters',
		parameters: folderCreate(long(5000)),
		message: /“Name” is 5000 characters long; DocSpace allows 170/,
	},
	{
		name: 'folder name of 171 characters',
		parameters: folderCreate(long(171)),
		message: /“Name” is 171 characters long; DocSpace allows 170/,
	},
	{
		name: 'folder name with ../',
		parameters: folderCreate('../evil'),
		message: /“Name” contains a path separator/,
	},
	{
		name: 'folder name with a backslash',
		parameters: folderCreate('a\\b'),
		message: /“Name” contains a path separator/,
	},
	{
		name: 'folder name from an object',
		parameters: folderCreate('={{ { a: 1 } }}'),
		message: TEXT_OBJECT,
	},
	{
		name: 'folder name from a list',
		parameters: folderCreate('={{ ["a", "b"] }}'),
		message: TEXT_LIST,
	},
	{
		name: 'folder name from a boolean',
		parameters: folderCreate('={{ true }}'),
		message: /must be text, but the expression gave a boolean \(true\)/,
	},
	{ name: 'folder name from null', parameters: folderCreate('={{ null }}'), message: EMPTY },
	{ name: 'folder rename empty', parameters: folderRename(''), message: /“New Name” is empty/ },
	{
		name: 'folder rename with /',
		parameters: folderRename('a/b'),
		message: /“New Name” contains a path separator/,
	},
	{
		name: 'folder rename from an object',
		parameters: folderRename('={{ { title: "x" } }}'),
		message: TEXT_OBJECT,
	},
	{
		name: 'file rename with ..\\',
		parameters: fileRename('..\\x.docx'),
		message: /“New Name” contains a path separator/,
	},
	{
		name: 'file rename of zero-width characters',
		parameters: fileRename('\u200C'),
		message: /“New Name” holds only invisible characters/,
	},
	{
		name: 'upload File Name with ../',
		parameters: () => ({
			resource: 'file',
			operation: 'upload',
			folderId: byId('@my'),
			binaryPropertyName: 'data',
			options: { fileName: x('../../etc/passwd') },
		}),
		binary: true,
		message: /“File Name” contains a path separator/,
	},
	{ name: 'room title empty', parameters: roomCreate(''), message: /“Title” is empty/ },
	{
		name: 'room title of 171 characters',
		parameters: roomCreate(long(171)),
		message: /“Title” is 171 characters long; DocSpace allows 170/,
	},
	{
		name: 'room title from an object',
		parameters: roomCreate('={{ { a: 1 } }}'),
		message: TEXT_OBJECT,
	},
	{
		name: 'room quota negative',
		parameters: roomCreate('Quota room', { additionalFields: { quota: x(-5) } }),
		message: /“Quota \(MB\)” must be a positive number/,
	},
	{ name: 'group name empty', parameters: groupCreate(''), message: EMPTY },
	{
		name: 'group name of 129 characters',
		parameters: groupCreate(long(129)),
		message: /“Name” is 129 characters long; DocSpace allows 128/,
	},
	{ name: 'group name from a list', parameters: groupCreate('={{ [1, 2] }}'), message: TEXT_LIST },
	// Locators
	{
		name: 'folder link to another portal',
		parameters: () => ({
			resource: 'folder',
			operation: 'create',
			parentFolderId: byUrl(x('https://other.example/rooms/personal/filter?folder=3')),
			title: 'X',
		}),
		message: FOREIGN,
	},
	{
		name: 'file link to another portal',
		parameters: () => ({
			resource: 'file',
			operation: 'rename',
			fileId: byUrl(x('https://other.example/doceditor?fileid=5')),
			title: x('y.docx'),
		}),
		message: FOREIGN,
	},
	{
		name: 'room link to another portal',
		parameters: () => ({
			resource: 'room',
			operation: 'archive',
			roomId: byUrl(x('https://other.example/rooms/shared/7/filter')),
		}),
		message: FOREIGN,
	},
	{
		name: 'destination link to another portal',
		parameters: (e) => ({
			resource: 'folder',
			operation: 'move',
			folderId: byId(ids(e).folders.projects),
			destinationFolderId: byUrl(x('https://other.example/rooms/shared/filter?folder=9')),
			conflictResolveType: 'Skip',
		}),
		message: FOREIGN,
	},
	{
		name: 'folder link that is no DocSpace link',
		parameters: folderGet(byUrl(x('http://127.0.0.1/not-docspace'))),
		message: /“Folder” does not hold a DocSpace link to a folder/,
	},
	{
		name: 'folder ID of letters',
		parameters: folderGet(id('abc')),
		message: /“Folder” is not a valid folder ID: “abc”/,
	},
	{
		name: 'folder ID negative',
		parameters: folderGet(id('-1')),
		message: /“Folder” is not a valid folder ID: “-1”/,
	},
	{
		name: 'file ID with a decimal point',
		parameters: () => ({ resource: 'file', operation: 'get', fileId: id('12.5') }),
		message: /“File” is not a valid file ID: “12\.5”/,
	},
	{
		name: 'room ID with a space',
		parameters: () => ({ resource: 'room', operation: 'get', roomId: id('1 2') }),
		message: /“Room” is not a valid room ID/,
	},
	{
		name: 'group ID that is no GUID',
		parameters: () => ({ resource: 'group', operation: 'get', groupId: id('marketing') }),
		message: /“Group” is not a valid group ID: “marketing”/,
	},
	{
		name: 'user ID that is a number',
		parameters: () => ({ resource: 'user', operation: 'get', userId: id('42') }),
		message: /“User” is not a valid user ID: “42”/,
	},
	{
		name: 'folder ID from an object',
		parameters: folderGet(id('={{ { id: 3 } }}')),
		message: TEXT_OBJECT,
	},
	{ name: 'folder ID from a list', parameters: folderGet(id('={{ [3, 4] }}')), message: TEXT_LIST },
	{
		name: 'folder locator from a plain object',
		parameters: folderGet('={{ { id: 3 } }}'),
		message: TEXT_OBJECT,
	},
	{ name: 'folder ID empty', parameters: folderGet(id('')), message: /“Folder” is empty/ },
	{
		name: '@my where My documents cannot be used',
		parameters: () => ({ resource: 'folder', operation: 'delete', folderId: id('@my') }),
		message: /“Folder” is not a valid folder ID: “@my”/,
		description: /My documents \(@my\) cannot be used here/,
	},
	{
		name: 'a file ID given as a folder',
		parameters: (e) => folderGet(byId(ids(e).files.docx))(),
		message: /“Folder” names no folder DocSpace can find/,
	},
	{
		name: 'an unknown file ID',
		parameters: () => ({
			resource: 'file',
			operation: 'rename',
			fileId: id(987654),
			title: 'x.docx',
		}),
		message: /“File” names no file DocSpace can find: “987654”/,
	},
	{
		name: 'an unknown room ID',
		parameters: () => ({ resource: 'room', operation: 'archive', roomId: id(987654) }),
		message: /“Room” names no room DocSpace can find/,
	},
	// Limit and Version
	{ name: 'Limit 0', parameters: contents(0), message: LIMIT },
	{ name: 'Limit negative', parameters: contents(-3), message: LIMIT },
	{ name: 'Limit null', parameters: contents('={{ null }}'), message: LIMIT },
	{ name: 'Limit "abc"', parameters: contents('={{ "abc" }}'), message: LIMIT },
	{ name: 'Limit 2.5', parameters: contents(2.5), message: LIMIT },
	{
		name: 'Limit from an object',
		parameters: contents('={{ { n: 5 } }}'),
		message: /“Limit” must be text, but the expression gave an object/,
	},
	{ name: 'Version -1', parameters: fileGet(-1), message: VERSION },
	{ name: 'Version 1.5', parameters: fileGet(1.5), message: VERSION },
	{ name: 'Version "abc"', parameters: fileGet('={{ "abc" }}'), message: VERSION },
	{
		name: 'download Version -1',
		parameters: (e) => ({
			resource: 'file',
			operation: 'download',
			fileId: byId(ids(e).files.docx),
			binaryPropertyName: 'data',
			options: { version: x(-1) },
		}),
		message: VERSION,
	},
	// Emails and invitees
	{ name: 'invite email without @', parameters: invite('not-an-email'), message: NOT_EMAIL },
	{
		name: 'invite email without a top-level domain',
		parameters: invite('a@b'),
		message: NOT_EMAIL,
	},
	{ name: 'invite email with a space', parameters: invite('a b@example.com'), message: NOT_EMAIL },
	{ name: 'invite email empty', parameters: invite(''), message: /“Email” is empty/ },
	{
		name: 'invite email from an object',
		parameters: invite('={{ { email: "a@example.com" } }}'),
		message: TEXT_OBJECT,
	},
	{
		name: 'the same email twice with different access',
		parameters: roomInvite([
			{ kind: 'email', email: 'twice@example.org', access: 2 },
			{ kind: 'email', email: 'TWICE@example.org', access: 10 },
		]),
		message: /“Invitees” names TWICE@example\.org twice \(entries 1 and 2\)/,
	},
	{
		name: 'the same user twice',
		parameters: (e) =>
			roomInvite([
				{ kind: 'user', userId: ids(e).users.user, access: 2 },
				{ kind: 'user', userId: ids(e).users.user, access: 2 },
			])(e),
		message: /“Invitees” names .+ twice/,
	},
	{ name: 'no invitees', parameters: roomInvite([]), message: /“Invitees” is empty/ },
	{
		name: 'invitee email invalid',
		parameters: roomInvite([{ kind: 'email', email: 'nobody@', access: 2 }]),
		message: /“Invitees → entry 1 → Email” is not a valid email address/,
	},
	{
		name: 'invitee user ID no GUID',
		parameters: roomInvite([{ kind: 'user', userId: 'bob', access: 2 }]),
		message: /“Invitees → entry 1 → User ID” is not a DocSpace ID: “bob”/,
	},
	// Binary input
	{
		name: 'upload without the binary property',
		parameters: () => ({
			resource: 'file',
			operation: 'upload',
			folderId: byId('@my'),
			binaryPropertyName: x('missing'),
		}),
		binary: true,
		message: /missing/,
	},
	{
		name: 'upload of an item without binary data',
		parameters: () => ({
			resource: 'file',
			operation: 'upload',
			folderId: byId('@my'),
			binaryPropertyName: 'data',
		}),
		message: /binary|data/i,
	},
	// Base URL forms
	{
		name: 'Base URL empty',
		parameters: folderGet(byId('@my')),
		credentials: withBaseUrl(''),
		message: /The credential has no Base URL/,
	},
	{
		name: 'Base URL without a scheme',
		parameters: folderGet(byId('@my')),
		credentials: withBaseUrl('portal.example.com'),
		message: /has no http:\/\/ or https:\/\/ scheme/,
	},
	{
		name: 'Base URL that is no URL',
		parameters: folderGet(byId('@my')),
		credentials: withBaseUrl('http://'),
		message: /is not a valid URL/,
	},
	{
		name: 'Base URL of a web page',
		parameters: folderGet(byId('@my')),
		credentials: async (e) => ({
			...(await credentialData(e, 'apiKey')),
			baseUrl: `${e.url}/some/site`,
		}),
		message: /answered with a web page, not the DocSpace API/,
	},
	{
		name: 'an API answer redirected to another origin',
		parameters: folderGet(byId('@my')),
		fault: () => ({
			method: 'GET',
			path: /\/files\/@my$/,
			status: 302,
			headers: { location: 'https://elsewhere.example/api/2.0/files/@my' },
		}),
		message: /answered with a redirect to https:\/\/elsewhere\.example instead of data/,
		description: /not used as the portal’s/,
	},
	// Statuses
	{
		name: '401 wrong API key',
		parameters: folderGet(byId('@my')),
		credentials: async (e) => ({ baseUrl: e.url, apiKey: 'sk-wrong-key-0000' }),
		message: /DocSpace did not accept the credentials/,
	},
	{
		name: '402 plan limit',
		parameters: folderCreate('Quota'),
		fault: () => ({
			method: 'POST',
			status: 402,
			headers: { 'content-type': 'application/json' },
			body: '{"error":{"message":"The quota is exceeded"},"status":1,"statusCode":402}',
		}),
		message: /plan does not allow this: The quota is exceeded/,
	},
	{
		name: '403 denied',
		parameters: folderCreate('Denied'),
		fault: () => ({
			method: 'POST',
			status: 403,
			headers: { 'content-type': 'application/json' },
			body: '{"error":{"message":"Access denied"},"status":1,"statusCode":403}',
		}),
		message: /DocSpace denied permission for this action: Access denied/,
	},
	{
		name: '404 on the write',
		parameters: folderCreate('Gone'),
		fault: () => ({
			method: 'POST',
			status: 404,
			headers: { 'content-type': 'application/json' },
			body: '{"error":{"message":"The folder was not found"},"status":1,"statusCode":404}',
		}),
		message: /could not find the requested item|names no folder/,
	},
	{
		name: '413 too large',
		parameters: () => ({
			resource: 'file',
			operation: 'createFromText',
			folderId: byId('@my'),
			title: 'big',
			content: 'x',
			format: 'text',
		}),
		fault: () => ({ method: 'POST', status: 413 }),
		message: /larger than the DocSpace portal accepts/,
	},
	{
		name: 'Retry-After beyond 60 s',
		parameters: folderGet(byId('@my')),
		fault: () => ({ method: 'GET', status: 429, headers: { 'retry-after': '120' } }),
		message: /rate limiting/,
		description: /asks to wait 120 seconds/,
	},
	{
		name: 'OAuth2 refresh refused',
		parameters: folderGet(byId('@my')),
		authentication: 'oAuth2',
		credentials: async (e) => ({
			...(await credentialData(e, 'oAuth2')),
			oauthTokenData: { access_token: 'expired', refresh_token: 'revoked', token_type: 'Bearer' },
		}),
		message: /did not renew the OAuth2 access token/,
		description: /Reconnect the OAuth2 credential/,
	},
];
