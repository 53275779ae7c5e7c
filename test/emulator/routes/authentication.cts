/**
 * Session authentication: POST/GET /api/2.0/authentication and logout.
 */
import { bodyField, defineRoute, fail, ok, type RouteContext, type Reply } from '../http.cjs';
import { apiDate } from '../dto/format.cjs';

function cookie(token: string, expires: Date | null): string {
	return `asc_auth_key=${token}; path=/; HttpOnly; SameSite=Lax${expires ? `; expires=${expires.toUTCString()}` : ''}`;
}

function login(ctx: RouteContext): Reply {
	const userName = bodyField(ctx.body, 'userName');
	const password = bodyField(ctx.body, 'password');
	if (
		typeof userName !== 'string' ||
		typeof password !== 'string' ||
		userName === '' ||
		password === ''
	) {
		return fail(400, 'userName, password or passworHash is empty');
	}
	const user = ctx.state.findUserByEmail(userName);
	if (!user || user.password !== password) return fail(401, 'User authentication failed');
	if (user.status !== 1)
		return fail(403, 'The user is disabled', 'System.InvalidOperationException');
	const session = ctx.state.createSession(user.id);
	const response = {
		token: session.token,
		expires: session.expiresAt ? apiDate(session.expiresAt) : undefined,
		sms: false,
		tfa: false,
	};
	return ok(response, { headers: { 'set-cookie': cookie(session.token, session.expiresAt) } });
}

defineRoute('POST', '/api/2.0/authentication', login, { anonymous: true });

defineRoute('GET', '/api/2.0/authentication', (ctx) => ok(ctx.principal !== undefined), {
	anonymous: true,
});

defineRoute(
	'POST',
	'/api/2.0/authentication/logout',
	(ctx) => {
		if (ctx.principal?.sessionToken) ctx.state.sessions.delete(ctx.principal.sessionToken);
		return ok(null, { headers: { 'set-cookie': cookie('', new Date(0)) } });
	},
	{ anonymous: true },
);
