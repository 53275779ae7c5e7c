/** A minimal HTTP client for the HEAD probe and deliveries: no redirects, a timeout, optional TLS checks. */
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';

export interface OutgoingRequest {
	method: 'HEAD' | 'POST';
	url: string;
	headers?: Record<string, string>;
	body?: Buffer;
	/** Verify the TLS certificate (DocSpace's `ssl`). */
	verifyTls: boolean;
	timeoutMs: number;
}

export interface IncomingAnswer {
	status: number;
	body: string;
}

export function send(outgoing: OutgoingRequest): Promise<IncomingAnswer> {
	return new Promise((resolve, reject) => {
		const url = new URL(outgoing.url);
		const https = url.protocol === 'https:';
		const headers: Record<string, string | number> = { ...outgoing.headers };
		if (outgoing.body) headers['content-length'] = outgoing.body.length;
		const req = (https ? httpsRequest : httpRequest)(
			url,
			{
				method: outgoing.method,
				headers,
				...(https ? { rejectUnauthorized: outgoing.verifyTls } : {}),
			},
			(res) => {
				const chunks: Buffer[] = [];
				res.on('data', (chunk: Buffer) => chunks.push(chunk));
				res.on('end', () =>
					resolve({
						status: res.statusCode ?? 0,
						body: Buffer.concat(chunks).toString('utf8').slice(0, 4096),
					}),
				);
				res.on('error', reject);
			},
		);
		req.setTimeout(outgoing.timeoutMs, () =>
			req.destroy(new Error(`timed out after ${outgoing.timeoutMs} ms`)),
		);
		req.on('error', reject);
		req.end(outgoing.body);
	});
}
