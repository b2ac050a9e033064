import { randomInt } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { invalid } from '../../http/problem.js';

// argon2id with the library defaults (m=19 MiB, t=2, p=1: OWASP's minimum recommendation).
/** Hashes a password with argon2id. */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

/** Verifies a password against a stored argon2 hash; false on any malformed hash. */
export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/** Rejects passwords shorter than 10 characters or made of one repeated character. */
export function assertPasswordPolicy(password: string, field = 'password'): void {
  if (password.length < 10) {
    throw invalid('auth.weak_password', 'Mật khẩu phải có ít nhất 10 ký tự.', [
      { path: field, message: 'Mật khẩu phải có ít nhất 10 ký tự.' },
    ]);
  }
  if (new Set(password).size < 4) {
    throw invalid('auth.weak_password', 'Mật khẩu quá đơn giản, hãy dùng nhiều ký tự khác nhau.', [
      { path: field, message: 'Mật khẩu quá đơn giản.' },
    ]);
  }
}

const ALPHABET = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** A 14-character temporary password without look-alike characters. */
export function generateTemporaryPassword(): string {
  let out = '';
  for (let i = 0; i < 14; i++) out += ALPHABET[randomInt(ALPHABET.length)];
  return out;
}
