import type { SessionUser } from '../../context.js';

/** A session validated against the database, with the timestamps its timeouts are computed from. */
export interface CachedSession {
  user: SessionUser;
  /** Last activity as this process knows it (ms since the epoch); never later than the stored one. */
  lastSeenAt: number;
  /** Absolute end of the session (ms since the epoch). */
  expiresAt: number;
}

interface Entry extends CachedSession {
  cachedUntil: number;
}

/** Default bound on the number of sessions kept (least recently used ones leave first). */
export const SESSION_CACHE_MAX_ENTRIES = 10_000;

/**
 * Validated sessions of this process, by token hash, for a few seconds (docs/decisions/0006-session-cache.md):
 * a signed-in request then needs no database read. Every change that ends or alters a session in this process
 * forgets it at once; other processes see it within the TTL. A TTL of 0 keeps nothing.
 *
 * A read that started before an invalidation must not store what it read: `generation()` is taken before
 * the database read and `remember` drops the entry when any invalidation happened in between.
 */
export class SessionCache {
  readonly ttlMs: number;
  readonly maxEntries: number;
  private readonly entries = new Map<string, Entry>();
  private gen = 0;

  constructor(o: { ttlSeconds: number; maxEntries?: number }) {
    this.ttlMs = Math.max(0, o.ttlSeconds) * 1000;
    this.maxEntries = Math.max(1, o.maxEntries ?? SESSION_CACHE_MAX_ENTRIES);
  }

  get size() {
    return this.entries.size;
  }

  /** The counter of invalidations, to pass to `remember`. */
  generation() {
    return this.gen;
  }

  /** The cached session, or undefined when absent or older than the TTL; a hit becomes the most recent. */
  lookup(tokenHash: string, now: number): CachedSession | undefined {
    const e = this.entries.get(tokenHash);
    if (!e) return undefined;
    this.entries.delete(tokenHash);
    if (e.cachedUntil <= now) return undefined;
    this.entries.set(tokenHash, e);
    return e;
  }

  /** Keeps a session read at `generation` unless an invalidation happened since; evicts the least recent. */
  remember(tokenHash: string, s: CachedSession, generation: number, now: number) {
    if (this.ttlMs === 0 || generation !== this.gen) return;
    this.entries.delete(tokenHash);
    this.entries.set(tokenHash, { ...s, cachedUntil: now + this.ttlMs });
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
  }

  /** Forgets one session (logout, rotation, timeout). */
  forget(tokenHash: string) {
    this.gen++;
    this.entries.delete(tokenHash);
  }

  /** Forgets every session of a user (password change or reset, deactivation, role or scope change). */
  forgetUser(userId: number) {
    this.gen++;
    for (const [hash, e] of this.entries) if (e.user.id === userId) this.entries.delete(hash);
  }

  /** Forgets everything. */
  clear() {
    this.gen++;
    this.entries.clear();
  }
}
