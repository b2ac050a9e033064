import type { SessionUser } from '../context.js';
import type { DataChanges } from './data-changes.js';

/** Default bound on the number of cached results (least recently used ones leave first). */
export const READ_CACHE_MAX_ENTRIES = 500;

interface Entry {
  version: number;
  value: Promise<unknown>;
}

/**
 * Results of costly read-only evaluations (a plan page, an indicator value, an organisation list page) reused
 * until the data changes: an entry holds the DataChanges counter taken before its computation started and is
 * served only while the counter has not moved, so a committed change is seen by the next read
 * (docs/decisions/0008-read-cache.md). Concurrent identical reads share one computation; failures are not kept.
 * Results are frozen: whoever receives one must not change it.
 */
export class ReadCache {
  private readonly entries = new Map<string, Entry>();
  hits = 0;
  misses = 0;

  constructor(
    private readonly changes: DataChanges,
    readonly maxEntries = READ_CACHE_MAX_ENTRIES,
  ) {}

  get size() {
    return this.entries.size;
  }

  /** The result for `key` at the current data version, computing it when absent or stale. */
  read<T>(key: string, compute: () => Promise<T>): Promise<T> {
    if (this.maxEntries <= 0) return compute();
    const version = this.changes.version;
    const e = this.entries.get(key);
    if (e && e.version === version) {
      this.hits++;
      // Most recently used last: eviction takes the first.
      this.entries.delete(key);
      this.entries.set(key, e);
      return e.value as Promise<T>;
    }
    this.misses++;
    const value = compute().then((v) => {
      deepFreeze(v);
      // Hits are answered with this text instead of serialising the same object again (server/app.ts).
      if (v !== null && typeof v === 'object') serialised.set(v, JSON.stringify(v));
      return v;
    });
    const entry: Entry = { version, value };
    this.entries.delete(key);
    this.entries.set(key, entry);
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
    value.catch(() => {
      if (this.entries.get(key) === entry) this.entries.delete(key);
    });
    return value;
  }

  clear() {
    this.entries.clear();
  }
}

const serialised = new WeakMap<object, string>();

/** The JSON text of a cached result (computed once, when it was stored), or undefined for anything else. */
export function cachedJson(value: unknown): string | undefined {
  return value !== null && typeof value === 'object' ? serialised.get(value) : undefined;
}

/** What a read's result may depend on about the caller: role and scope (never the person: results are shared). */
export function scopeKey(user: SessionUser | null): string {
  if (!user) return 'anonymous';
  const s = user.scope;
  return `${user.role}|${s.type}|${s.unitId}|${s.provinceId}|${s.communeId}|${s.organisationId}`;
}

/** Freezes an object graph (plain objects and arrays) so that a shared cached result cannot be altered. */
export function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value) || ArrayBuffer.isView(value))
    return value;
  Object.freeze(value);
  for (const v of Object.values(value as object)) deepFreeze(v);
  return value;
}

/**
 * Runs a read through the process's cache under a key made of its name, its arguments (JSON) and the caller's
 * scope. Only for functions whose result is determined by those and the database's committed data: resolve
 * defaults such as "today" before calling, and never use it inside a transaction.
 */
export function cachedRead<T>(
  ctx: { reads: ReadCache; user: SessionUser | null },
  name: string,
  args: unknown,
  compute: () => Promise<T>,
): Promise<T> {
  return ctx.reads.read(`${name}\u0000${scopeKey(ctx.user)}\u0000${JSON.stringify(args)}`, compute);
}
