/** The New Form Submission event's reading of FormSubmissionsDto (OpenAPI shape), without a portal. */
import { newSubmissions, submissionEntry } from '../../nodes/DocSpace/poll/submissions';

const at = '2026-03-04T05:06:07.0000000Z';
const submission = (number: string | undefined, name: string, createOn = at) => ({
	createOn,
	formsData: [
		...(number === undefined ? [] : [{ key: 'FormNumber', value: number, type: 'text' }]),
		{ key: 'fullName', value: name, type: 'text' },
	],
});

describe('submissionEntry', () => {
	it('takes the number from FormNumber and the answers by field key', () => {
		expect(submissionEntry('42', submission('7', 'Ada'))).toEqual({
			id: '7',
			formId: '42',
			formNumber: 7,
			createOn: at,
			fields: { fullName: 'Ada' },
			formsData: submission('7', 'Ada').formsData,
		});
	});

	it('without a FormNumber, different answers get different ids and equal ones the same', () => {
		const a = submissionEntry('42', submission(undefined, 'A'));
		expect(a.formNumber).toBeUndefined();
		expect(a.id).toBe(submissionEntry('42', submission(undefined, 'A')).id);
		expect(a.id).not.toBe(submissionEntry('42', submission(undefined, 'B')).id);
	});
});

describe('newSubmissions', () => {
	it('keeps those after the cursor, newest first, including one at the same time with another number', () => {
		const entries = [
			submission('1', 'a', '2026-03-04T05:00:00Z'),
			submission('2', 'b', at),
			submission('3', 'c', at),
			submission('4', 'd', '2026-03-04T06:00:00Z'),
		].map((s) => submissionEntry('9', s));
		const cursor = { time: Date.parse(at), ids: ['2'] };
		const { changed, next } = newSubmissions(entries, cursor);
		expect(changed.map((e) => e.id)).toEqual(['4', '3']);
		expect(next).toEqual({ time: Date.parse('2026-03-04T06:00:00Z'), ids: ['4'] });
		expect(newSubmissions(entries, next).changed).toEqual([]);
	});
});
