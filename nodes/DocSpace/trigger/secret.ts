import { randomInt } from 'node:crypto';

const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const DIGITS = '0123456789';
/** Printable ASCII 0x21–0x7E that is neither a letter nor a digit. */
const SPECIAL = Array.from({ length: 0x7e - 0x21 + 1 }, (_, i) => String.fromCharCode(0x21 + i))
	.filter((c) => !/[A-Za-z0-9]/.test(c))
	.join('');
const ALL = UPPER + LOWER + DIGITS + SPECIAL;

/** DocSpace checks webhook secrets against the portal password policy, 30 characters at most. */
export const SECRET_LENGTH = 30;

/**
 * A random webhook secret that passes any DocSpace password policy: 30 printable ASCII
 * characters (0x21–0x7E, no spaces) with at least one upper-case letter, lower-case letter,
 * digit and special character.
 */
export function generateSecret(length = SECRET_LENGTH): string {
	if (length < 4) throw new RangeError('a webhook secret needs at least 4 characters');
	const pick = (alphabet: string) => alphabet[randomInt(alphabet.length)];
	const chars = [pick(UPPER), pick(LOWER), pick(DIGITS), pick(SPECIAL)];
	while (chars.length < length) chars.push(pick(ALL));
	for (let i = chars.length - 1; i > 0; i--) {
		const j = randomInt(i + 1);
		[chars[i], chars[j]] = [chars[j], chars[i]];
	}
	return chars.join('');
}
