// Real n8n (installed by test/e2e/install.sh into $E2E_DIR/n8n): environment, start/stop, REST + public API.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { startProcess, stopProcess, waitFor } from './procs.mjs';

/** Major version of the n8n under test (run.sh exports E2E_N8N_VERSION; 2 when unset). 1.x differences are switched on this. */
export const N8N_MAJOR = Number(String(process.env.E2E_N8N_VERSION || '2').split('.')[0]);

export function n8nEnv({
	userFolder,
	port = 5678,
	host = '127.0.0.1',
	brokerPort = 5679,
	logLevel = 'info',
}) {
	const base = `http://${host}:${port}`;
	const env = { ...process.env };
	// never inherit n8n settings from the caller's shell
	for (const k of Object.keys(env))
		if (k.startsWith('N8N_') || k === 'WEBHOOK_URL' || k.startsWith('DB_')) delete env[k];
	Object.assign(env, {
		PATH: `${process.env.E2E_NODE_BIN}:${process.env.PATH}`,
		N8N_USER_FOLDER: userFolder, // n8n keeps its state in <userFolder>/.n8n
		N8N_PORT: String(port),
		N8N_LISTEN_ADDRESS: host,
		N8N_HOST: host,
		N8N_PROTOCOL: 'http',
		WEBHOOK_URL: `${base}/`,
		N8N_EDITOR_BASE_URL: `${base}/`,
		N8N_RUNNERS_BROKER_PORT: String(brokerPort),
		N8N_ENCRYPTION_KEY:
			process.env.E2E_N8N_ENCRYPTION_KEY || 'docspace-e2e-encryption-key-0123456789',
		N8N_SECURE_COOKIE: 'false',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_DIAGNOSTICS_CONFIG_FRONTEND: '',
		N8N_DIAGNOSTICS_CONFIG_BACKEND: '',
		EXTERNAL_FRONTEND_HOOKS_URLS: '',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_HIRING_BANNER_ENABLED: 'false',
		N8N_DYNAMIC_BANNERS_ENABLED: 'false',
		N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
		N8N_VERIFIED_PACKAGES_ENABLED: 'false',
		N8N_UNVERIFIED_PACKAGES_ENABLED: 'true',
		// 2.x: else a system task polls api.n8n.io at start; 1.x has no such module and refuses to start with it
		...(N8N_MAJOR >= 2 ? { N8N_DISABLED_MODULES: 'mcp-registry' } : {}),
		DB_TYPE: 'sqlite',
		N8N_LOG_LEVEL: logLevel,
		N8N_LOG_OUTPUT: 'console',
		GENERIC_TIMEZONE: 'UTC',
		TZ: 'UTC',
	});
	return { env, base };
}

/** The community-nodes folder n8n scans at every start. */
export const communityNodesDir = (userFolder) => join(userFolder, '.n8n', 'nodes', 'node_modules');

/**
 * Starts `n8n <command>` (start, worker, webhook) and waits until it is ready. `extraEnv` is set
 * on top of n8nEnv (e.g. queue mode); `probes` are the paths that must answer 2xx on `port`.
 */
export async function startN8n({
	userFolder,
	port,
	host,
	logFile,
	brokerPort,
	timeoutMs = 240000,
	command = 'start',
	args = [],
	extraEnv = {},
	probes: customProbes,
}) {
	mkdirSync(join(userFolder, '.n8n'), { recursive: true });
	const { env, base } = n8nEnv({ userFolder, port, host, brokerPort });
	Object.assign(env, extraEnv);
	const t0 = Date.now();
	const proc = startProcess(
		`n8n ${command}`,
		join(process.env.E2E_NODE_BIN, 'node'),
		[process.env.E2E_N8N_BIN, command, ...args],
		{ env, logFile },
	);
	// a crash ends the wait at once (waitFor alone would swallow it and poll until the timeout)
	const died = proc.exited.then((r) => {
		throw new Error(`n8n exited (${JSON.stringify(r)}):\n${proc.tail.slice(-25).join('\n')}`);
	});
	died.catch(() => {});
	// 1.x answers /healthz/readiness once migrated, before its REST routes exist: wait for those too
	const probes =
		customProbes ??
		(N8N_MAJOR >= 2 ? ['/healthz/readiness'] : ['/healthz/readiness', '/rest/settings']);
	const ready = waitFor(
		async () => (await Promise.all(probes.map((p) => fetch(`${base}${p}`)))).every((r) => r.ok),
		{ timeoutMs, intervalMs: 500, message: `n8n readiness at ${base}` },
	).catch((err) => {
		throw new Error(`${err.message}\n${proc.tail.slice(-25).join('\n')}`);
	});
	await Promise.race([ready, died]);
	return { proc, base, env, readyMs: Date.now() - t0, stop: () => stopProcess(proc) };
}

export class N8nClient {
	constructor(base) {
		this.base = base;
		this.cookies = new Map(); // a tiny cookie jar: n8n-auth, the OAuth browser-binding cookie, ...
		this.apiKey = null;
	}

	/** The owner's session cookie (n8n-auth). */
	get cookie() {
		return this.cookies.get('n8n-auth') ?? null;
	}

	async raw(method, path, { body, headers = {}, redirect = 'manual', auth = 'cookie' } = {}) {
		const h = { ...headers };
		if (auth === 'cookie' && this.cookies.size)
			h.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
		if (auth === 'apiKey' && this.apiKey) h['x-n8n-api-key'] = this.apiKey;
		let payload;
		if (body !== undefined) {
			h['content-type'] ??= 'application/json';
			payload = typeof body === 'string' ? body : JSON.stringify(body);
		}
		const res = await fetch(new URL(path, this.base), {
			method,
			headers: h,
			body: payload,
			redirect,
		});
		const set = res.headers.getSetCookie?.() ?? [];
		for (const c of set) {
			const m = /^([^=;\s]+)=([^;]*)/.exec(c);
			if (!m) continue;
			if (m[2] && !/;\s*expires=Thu, 01 Jan 1970/i.test(c)) this.cookies.set(m[1], m[2]);
			else this.cookies.delete(m[1]);
		}
		const text = await res.text();
		let json;
		try {
			json = text ? JSON.parse(text) : undefined;
		} catch {}
		return { status: res.status, headers: res.headers, text, json };
	}

	/**
	 * n8n 1.x on SQLite sometimes answers a write on a loaded machine with 400 "Transaction is not
	 * started yet" (an error of its database layer, not of the request); the same request is repeated.
	 */
	async retryingTransactionRace(method, path, options) {
		for (let attempt = 1; ; attempt++) {
			const r = await this.raw(method, path, options);
			if (r.status !== 400 || !/Transaction is not started yet/.test(r.text) || attempt === 3)
				return r;
			await new Promise((resolve) => setTimeout(resolve, 500 * attempt));
		}
	}

	/** REST call with the owner cookie; throws on a non-2xx answer; returns `.data` of n8n's envelope. */
	async rest(method, path, body) {
		const r = await this.retryingTransactionRace(method, `/rest${path}`, { body });
		if (r.status < 200 || r.status >= 300)
			throw new Error(`${method} /rest${path} -> ${r.status} ${r.text.slice(0, 400)}`);
		return r.json?.data ?? r.json;
	}

	/** Public API call with the API key; throws on a non-2xx answer. */
	async api(method, path, body) {
		const r = await this.retryingTransactionRace(method, `/api/v1${path}`, {
			body,
			auth: 'apiKey',
		});
		if (r.status < 200 || r.status >= 300)
			throw new Error(`${method} /api/v1${path} -> ${r.status} ${r.text.slice(0, 400)}`);
		return r.json;
	}

	async setupOwner({ email, password, firstName = 'Demo', lastName = 'Owner' }) {
		const r = await this.raw('POST', '/rest/owner/setup', {
			body: { email, password, firstName, lastName },
		});
		if (r.status === 200) return;
		// already set up (re-used user folder): log in instead
		const login = await this.raw('POST', '/rest/login', {
			body: { emailOrLdapLoginId: email, password },
		});
		if (login.status !== 200)
			throw new Error(
				`owner setup -> ${r.status} ${r.text.slice(0, 200)}; login -> ${login.status}`,
			);
	}

	async createApiKey(label = 'e2e') {
		const scopes = await this.rest('GET', '/api-keys/scopes');
		const data = await this.rest('POST', '/api-keys', { label, expiresAt: null, scopes });
		this.apiKey = data.rawApiKey;
		return this.apiKey;
	}
}
