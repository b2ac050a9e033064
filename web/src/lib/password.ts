/** Password rules mirrored from the server, and a generator for initial passwords. */

/** Minimum password length the server accepts. */
export const MIN_PASSWORD_LENGTH = 10;
/** The server also refuses passwords made of fewer distinct characters than this. */
const MIN_DISTINCT_CHARACTERS = 4;

/** The i18n key of the first password rule `password` breaks (mirrors the server's policy), or null. */
export function passwordPolicyError(password: string): 'password.tooShort' | 'password.tooSimple' | null {
  if (password.length < MIN_PASSWORD_LENGTH) return 'password.tooShort';
  if (new Set(password).size < MIN_DISTINCT_CHARACTERS) return 'password.tooSimple';
  return null;
}

// No look-alike characters (0/O, 1/l/I), so a password read aloud or copied by hand survives.
const LOWER = 'abcdefghijkmnpqrstuvwxyz';
const UPPER = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const DIGITS = '23456789';
const ALL = LOWER + UPPER + DIGITS;

function pick(chars: string, random: number): string {
  return chars[random % chars.length];
}

/** A random password of `length` characters with lower case, upper case and digits. */
export function generatePassword(length = 14): string {
  const random = new Uint32Array(length * 2);
  crypto.getRandomValues(random);
  const chars = [pick(LOWER, random[0]), pick(UPPER, random[1]), pick(DIGITS, random[2])];
  for (let i = 3; i < length; i++) chars.push(pick(ALL, random[i]));
  // Fisher–Yates with the second half of the random values, so the required classes move.
  for (let i = chars.length - 1; i > 0; i--) {
    const j = random[length + i] % (i + 1);
    [chars[i], chars[j]] = [chars[j], chars[i]];
  }
  return chars.join('');
}
