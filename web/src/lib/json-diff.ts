/** Pure helpers comparing the before and after images of an audited entity. */

/** A plain JSON object (not null, not an array). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Keys of both images in first-seen order (before's keys, then keys only in after). */
export function unionKeys(before: unknown, after: unknown): string[] {
  const keys = new Set<string>();
  if (isRecord(before)) for (const k of Object.keys(before)) keys.add(k);
  if (isRecord(after)) for (const k of Object.keys(after)) keys.add(k);
  return [...keys];
}

/** Top-level keys whose value differs between the two images (added and removed keys count). */
export function changedKeys(before: unknown, after: unknown): string[] {
  if (!isRecord(before) || !isRecord(after)) return [];
  return unionKeys(before, after).filter((k) => !same(before[k], after[k]));
}

/** The kind of change an audit row records. */
export type ChangeKind = 'created' | 'deleted' | 'changed' | 'unchanged';

/** Classifies an audit row from its images: no before means created, no after means deleted. */
export function changeKind(before: unknown, after: unknown): ChangeKind {
  const hasBefore = before !== null && before !== undefined;
  const hasAfter = after !== null && after !== undefined;
  if (!hasBefore && hasAfter) return 'created';
  if (hasBefore && !hasAfter) return 'deleted';
  if (!hasBefore && !hasAfter) return 'unchanged';
  return same(before, after) ? 'unchanged' : 'changed';
}
