/**
 * Local sandbox: `npm run emulator -- [--port 8090] [--seed default|empty] [--allow-private-webhooks]`
 * (or env DOCSPACE_EMULATOR_PORT). Prints the portal URL and the seed credentials
 * (a local sandbox: printing them is intended) and stops on SIGINT/SIGTERM.
 */
import { startEmulator } from './index.cjs';

function argValue(args: string[], name: string): string | undefined {
	const i = args.findIndex((a) => a === name || a.startsWith(`${name}=`));
	if (i < 0) return undefined;
	return args[i].includes('=') ? args[i].slice(args[i].indexOf('=') + 1) : args[i + 1];
}

function out(line = ''): void {
	process.stdout.write(`${line}\n`);
}

async function main(): Promise<void> {
	const args = process.argv.slice(2);
	const port = Number(argValue(args, '--port') ?? process.env.DOCSPACE_EMULATOR_PORT ?? 8090);
	const seed = argValue(args, '--seed') ?? 'default';
	if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`invalid port: ${port}`);
	if (seed !== 'default' && seed !== 'empty')
		throw new Error(`--seed must be default or empty, not ${seed}`);

	const allowPrivateWebhookUrls = args.includes('--allow-private-webhooks');
	const emulator = await startEmulator({ port, seed, allowPrivateWebhookUrls });
	const s = emulator.secrets;
	out(`DocSpace emulator running at ${emulator.url}  (seed: ${seed})`);
	if (allowPrivateWebhookUrls)
		out('Webhooks:                private/loopback URLs accepted (--allow-private-webhooks)');
	out();
	out(`Admin (Basic auth):      ${s.adminEmail} / ${s.adminPassword}`);
	out(`User (Basic auth):       ${s.userEmail} / ${s.userPassword}`);
	out(`API key (full access):   ${s.apiKey}`);
	out(`API key (files:read):    ${s.filesReadApiKey}`);
	out(`Personal access token:   ${s.personalAccessToken}`);
	out(`OAuth2 client:           id ${s.oauthClient.clientId}`);
	out(`                         secret ${s.oauthClient.clientSecret}`);
	out(`OAuth2 public (PKCE):    id ${s.oauthPublicClient.clientId}`);
	out(`OAuth2 endpoints:        ${emulator.url}/oauth2/authorize, ${emulator.url}/oauth2/token`);
	out();
	out('Press Ctrl+C to stop.');

	const stop = (): void => {
		emulator.close().then(
			() => process.exit(0),
			() => process.exit(1),
		);
	};
	process.once('SIGINT', stop);
	process.once('SIGTERM', stop);
}

main().catch((e: unknown) => {
	process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
	process.exit(1);
});
