import { generateSecret, SECRET_LENGTH } from '../../../nodes/DocSpace/trigger/secret';

describe('generateSecret', () => {
	it('always meets a strict DocSpace password policy', () => {
		const seen = new Set<string>();
		for (let i = 0; i < 2000; i++) {
			const secret = generateSecret();
			expect(secret).toHaveLength(SECRET_LENGTH);
			expect(secret).toMatch(/^[\x21-\x7e]{30}$/);
			expect(secret).toMatch(/[A-Z]/);
			expect(secret).toMatch(/[a-z]/);
			expect(secret).toMatch(/[0-9]/);
			expect(secret).toMatch(/[^A-Za-z0-9]/);
			seen.add(secret);
		}
		expect(seen.size).toBe(2000);
		expect(SECRET_LENGTH).toBe(30);
	});

	it('uses the whole printable range', () => {
		const chars = new Set(Array.from({ length: 400 }, () => generateSecret()).join(''));
		expect(chars.size).toBeGreaterThan(90);
	});
});
