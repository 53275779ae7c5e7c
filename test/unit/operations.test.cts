import type { IDataObject, IExecuteFunctions, IHttpRequestOptions, INode } from 'n8n-workflow';

import { waitForOperation } from '../../nodes/DocSpace/transport/operations';

/** An execute context whose HTTP helper answers `GET files/fileops` polls from a script. */
function contextWith(polls: unknown[][]): {
	context: IExecuteFunctions;
	requests: IHttpRequestOptions[];
} {
	const requests: IHttpRequestOptions[] = [];
	const context = {
		getInputData: () => [{ json: {} }],
		getNode: () => ({ name: 'DocSpace' }) as INode,
		getNodeParameter: () => 'apiKey',
		getCredentials: async () => ({ baseUrl: 'https://portal.example.com', apiKey: 'sk-test-key' }),
		helpers: {
			httpRequestWithAuthentication: async (_type: string, options: IHttpRequestOptions) => {
				requests.push(options);
				const next = polls.shift() ?? [];
				return {
					statusCode: 200,
					headers: {},
					body: { response: next, count: next.length, status: 0, statusCode: 200 },
				};
			},
		},
	} as unknown as IExecuteFunctions;
	return { context, requests };
}

const op = (fields: IDataObject): IDataObject => ({
	id: 'op-1',
	Operation: 1,
	progress: 0,
	error: '',
	finished: false,
	...fields,
});

describe('waitForOperation', () => {
	test('returns an operation DocSpace already reports finished without polling', async () => {
		const { context, requests } = contextWith([]);
		const done = op({ finished: true, progress: 100, folders: [{ id: 5 }] });
		await expect(
			waitForOperation.call(context, [done], {
				itemIndex: 0,
				timeLimitSeconds: 5,
				timeLimitLabel: 'Wait (Seconds)',
			}),
		).resolves.toBe(done);
		expect(requests).toHaveLength(0);
	});

	test('polls by id until progress reaches 100, ignoring other operations in the answer', async () => {
		const { context, requests } = contextWith([
			[op({ id: 'other', finished: true, progress: 100 }), op({ progress: 40 })],
			[op({ progress: 100, files: [{ id: 7 }] })],
		]);
		const finished = await waitForOperation.call(context, op({}), {
			itemIndex: 0,
			timeLimitSeconds: 5,
			timeLimitLabel: 'Wait (Seconds)',
		});
		expect(finished.files).toEqual([{ id: 7 }]);
		expect(requests.map((r) => [r.method, r.url, r.qs])).toEqual([
			['GET', 'https://portal.example.com/api/2.0/files/fileops', { id: 'op-1' }],
			['GET', 'https://portal.example.com/api/2.0/files/fileops', { id: 'op-1' }],
		]);
	});

	test('picks the unfinished operation when DocSpace lists several', async () => {
		const { context, requests } = contextWith([
			[op({ id: 'new-one', finished: true, progress: 100 })],
		]);
		const listed = [
			op({ id: 'old-done', finished: true, progress: 100 }),
			op({ id: 'new-one', progress: 10 }),
		];
		const finished = await waitForOperation.call(context, listed, {
			itemIndex: 0,
			timeLimitSeconds: 5,
			timeLimitLabel: 'Wait (Seconds)',
		});
		expect(finished.id).toBe('new-one');
		expect(requests[0].qs).toEqual({ id: 'new-one' });
	});

	test('an operation DocSpace stops listing counts as finished', async () => {
		const { context } = contextWith([[]]);
		const finished = await waitForOperation.call(context, [op({ progress: 30 })], {
			itemIndex: 0,
			timeLimitSeconds: 5,
			timeLimitLabel: 'Wait (Seconds)',
		});
		expect(finished).toMatchObject({ id: 'op-1', finished: true, progress: 100 });
	});

	test('a failed operation raises DocSpace’s error text', async () => {
		const { context } = contextWith([
			[op({ finished: true, progress: 100, error: 'Access denied', status: 4 })],
		]);
		await expect(
			waitForOperation.call(context, [op({})], {
				itemIndex: 2,
				timeLimitSeconds: 5,
				timeLimitLabel: 'Wait (Seconds)',
			}),
		).rejects.toMatchObject({
			message: 'DocSpace could not finish the copy operation: Access denied',
			context: { itemIndex: 2 },
		});
	});

	test('a failed status without text still fails', async () => {
		const { context } = contextWith([[op({ Operation: 2, finished: true, status: 4 })]]);
		await expect(
			waitForOperation.call(context, [op({ Operation: 2 })], {
				itemIndex: 0,
				timeLimitSeconds: 5,
				timeLimitLabel: 'Wait (Seconds)',
			}),
		).rejects.toThrow(
			'DocSpace could not finish the delete operation: the operation failed without a reason',
		);
	});

	test('the time limit names the option and says the operation may still finish', async () => {
		const { context, requests } = contextWith(
			Array.from({ length: 20 }, () => [op({ progress: 50 })]),
		);
		const started = Date.now();
		const failure = waitForOperation.call(context, op({}), {
			itemIndex: 0,
			timeLimitSeconds: 0.6,
			timeLimitLabel: 'Wait (Seconds)',
		});
		await expect(failure).rejects.toMatchObject({
			message:
				'DocSpace had not finished the copy operation when the “Wait (Seconds)” of 0.6 s ran out; it may still finish in DocSpace',
			description: expect.stringMatching(/at 50%/),
		});
		expect(Date.now() - started).toBeLessThan(1500);
		// 250 ms, then 350 ms left: two polls, no busy loop
		expect(requests).toHaveLength(2);
	});

	test('nothing started is an error, not a silent success', async () => {
		const { context } = contextWith([]);
		await expect(
			waitForOperation.call(context, [], {
				itemIndex: 0,
				timeLimitSeconds: 5,
				timeLimitLabel: 'Wait (Seconds)',
			}),
		).rejects.toThrow('DocSpace did not report the operation it started');
	});
});
