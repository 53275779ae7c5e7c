import { apiPath } from '../../nodes/DocSpace/transport/path';

test('every value is one encoded path segment', () => {
	expect(apiPath`files/file/${'12/../../people'}/link`).toBe(
		'files/file/12%2F..%2F..%2Fpeople/link',
	);
	expect(apiPath`files/${'a b?c#d'}`).toBe('files/a%20b%3Fc%23d');
	expect(apiPath`files/file/${42}/history`).toBe('files/file/42/history');
});

test("DocSpace's aliases stay readable", () => {
	expect(apiPath`files/${'@my'}`).toBe('files/@my');
	expect(apiPath`people/${'@self'}`).toBe('people/@self');
});
