import http from 'node:http';
import type { AddressInfo } from 'node:net';

import type { Emulator } from '../emulator/index.cjs';
import { startEmulator } from '../emulator/index.cjs';
import { authenticationMethods, byId, runDocSpace } from '../harness/docspace.cjs';

/** Stands in for a storage service that DocSpace redirects downloads to (e.g. a pre-signed URL). */
let storage: http.Server;
let storageUrl: string;
const storageRequests: http.IncomingHttpHeaders[] = [];
let emulator: Emulator;

beforeAll(async () => {
	emulator = await startEmulator();
	storage = http.createServer((req, res) => {
		storageRequests.push(req.headers);
		res.writeHead(200, { 'content-type': 'application/octet-stream' });
		res.end(Buffer.from('bytes from storage'));
	});
	await new Promise<void>((resolve) => storage.listen(0, '127.0.0.1', resolve));
	// Same host, another port: another origin, as a storage host would be.
	storageUrl = `http://127.0.0.1:${(storage.address() as AddressInfo).port}/presigned/blob`;
});
afterAll(async () => {
	await emulator.close();
	await new Promise((resolve) => storage.close(resolve));
});

test.each(authenticationMethods)(
	'a download redirected to another origin does not carry the %s credential',
	async (authentication) => {
		storageRequests.length = 0;
		emulator.faults.add({
			path: '/filehandler.ashx',
			status: 302,
			headers: { Location: storageUrl },
		});
		const { error, items } = await runDocSpace({
			emulator,
			authentication,
			parameters: {
				resource: 'file',
				operation: 'download',
				fileId: byId(emulator.state.seedIds.files.docx),
			},
		});
		expect(error).toBeUndefined();
		expect(Buffer.from(String(items[0].binary?.data.data), 'base64').toString()).toBe(
			'bytes from storage',
		);
		expect(storageRequests).toHaveLength(1);
		expect(storageRequests[0].authorization).toBeUndefined();
		expect(storageRequests[0].cookie).toBeUndefined();
		const handler = emulator.requests.find((r) => r.path === '/filehandler.ashx');
		expect(handler?.headers.authorization).toBeTruthy();
	},
);
