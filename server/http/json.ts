import { cachedJson } from '../db/read-cache.js';

/** UTF-8 JSON of values that cannot change, by identity. */
const bytesOf = new WeakMap<object, Uint8Array>();

/**
 * The JSON of a value that cannot change, as UTF-8 bytes made once and then reused, or undefined for any other
 * value (serialised per response as usual). Two kinds qualify:
 * - a cached read result (db/read-cache.ts), whose JSON text was stored with it;
 * - a deep-frozen graph of plain objects, arrays and primitives (e.g. GET /api/auth/me's answer, reused for a
 *   session while its user and scope label are unchanged, auth.service.ts describeMe).
 * Sending bytes also spares Node the conversion of a (often two-byte, Vietnamese) string for every response.
 */
export function unchangingJson(value: unknown): Uint8Array | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const known = bytesOf.get(value);
  if (known !== undefined) return known;
  const text = cachedJson(value) ?? (deeplyFrozen(value) ? JSON.stringify(value) : undefined);
  if (text === undefined) return undefined;
  const bytes = Buffer.from(text, 'utf8');
  bytesOf.set(value, bytes);
  return bytes;
}

/** Plain objects and arrays, all frozen, down to primitives (a frozen Date or typed array can still change). */
function deeplyFrozen(v: unknown): boolean {
  if (v === null || typeof v !== 'object') return typeof v !== 'function';
  if (!Object.isFrozen(v)) return false;
  if (Array.isArray(v)) return v.every(deeplyFrozen);
  const proto = Object.getPrototypeOf(v);
  if (proto !== Object.prototype && proto !== null) return false;
  for (const k in v) if (!deeplyFrozen((v as Record<string, unknown>)[k])) return false;
  return true;
}
