import { createHash } from 'node:crypto';
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
  /** The token whose hash this is, once a request presented it while the session was cached (see `hashOf`). */
  token?: string;
}

/** SHA-256 of a session token, hex: what the database stores and the cache is keyed by. */
export function sha256Hex(token: string): string {
  return createHash('sha256').update(token).digest('hex');
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
  /** Token → hash, only for tokens of sessions in `entries` (removed with their entry). */
  private readonly hashes = new Map<string, string>();
  /**
   * The key last moved to the end of `entries` (by `remember` or `lookup`). While it is in `entries` it is the last
   * one there: deletions do not move the others, and only these two methods add.
   */
  private latest: string | undefined;
  /** Database reads of sessions under way, each with the generation it started at (see `readOnce`). */
  private readonly reads = new Map<string, { generation: number; user: Promise<SessionUser | null> }>();
  private gen = 0;

  constructor(o: { ttlSeconds: number; maxEntries?: number }) {
    this.ttlMs = Math.max(0, o.ttlSeconds) * 1000;
    this.maxEntries = Math.max(1, o.maxEntries ?? SESSION_CACHE_MAX_ENTRIES);
  }

  get size() {
    return this.entries.size;
  }

  /** How many tokens have their hash remembered (never more than `size`). */
  get tokenCount() {
    return this.hashes.size;
  }

  /** The counter of invalidations, to pass to `remember`. */
  generation() {
    return this.gen;
  }

  /**
   * The hash of a presented token. A signed-in request would otherwise hash its cookie every time (SHA-256 was ~2 %
   * of the CPU of GET /api/auth/me under load): the hash is remembered with the cached session, so only tokens of
   * sessions this cache holds are kept, and they leave with their session (timeout, logout, eviction, any
   * invalidation). A pure function of the token: a remembered hash can never be wrong, only absent.
   */
  hashOf(token: string): string {
    const known = this.hashes.get(token);
    if (known !== undefined) return known;
    const hash = sha256Hex(token);
    const e = this.entries.get(hash);
    if (e && e.token === undefined) {
      e.token = token;
      this.hashes.set(token, hash);
    }
    return hash;
  }

  /**
   * The cached session, or undefined when absent or older than the TTL; a hit becomes the most recent. The same
   * session asked for again (the usual case: one user's requests in a row) is already the most recent and stays in
   * place, so that a hit does not churn the map (a delete and an insert, and now and then a rehash).
   */
  lookup(tokenHash: string, now: number): CachedSession | undefined {
    const e = this.entries.get(tokenHash);
    if (!e) return undefined;
    if (e.cachedUntil <= now) {
      this.delete(tokenHash);
      return undefined;
    }
    if (this.latest !== tokenHash) {
      this.entries.delete(tokenHash);
      this.entries.set(tokenHash, e);
      this.latest = tokenHash;
    }
    return e;
  }

  /**
   * The database read of a session that is not cached: `read(generation)` is started with the current generation
   * (to pass to `remember`), unless a read of the same session started since the last invalidation is still under
   * way; then that one is shared. When a cached session's TTL ends, every request of that session then in flight
   * misses at once; they share one read instead of each opening a connection for the same row.
   */
  readOnce(
    tokenHash: string,
    read: (generation: number) => Promise<SessionUser | null>,
  ): Promise<SessionUser | null> {
    const running = this.reads.get(tokenHash);
    if (running !== undefined && running.generation === this.gen) return running.user;
    const r = { generation: this.gen, user: read(this.gen) };
    this.reads.set(tokenHash, r);
    const done = () => {
      if (this.reads.get(tokenHash) === r) this.reads.delete(tokenHash);
    };
    r.user.then(done, done);
    return r.user;
  }

  /** Keeps a session read at `generation` unless an invalidation happened since; evicts the least recent. */
  remember(tokenHash: string, s: CachedSession, generation: number, now: number) {
    if (this.ttlMs === 0 || generation !== this.gen) return;
    const old = this.entries.get(tokenHash);
    this.entries.delete(tokenHash);
    this.entries.set(tokenHash, { ...s, cachedUntil: now + this.ttlMs, token: old?.token });
    this.latest = tokenHash;
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value as string;
      this.delete(oldest);
    }
  }

  /** Forgets one session (logout, rotation, timeout). */
  forget(tokenHash: string) {
    this.gen++;
    this.delete(tokenHash);
  }

  /** Forgets every session of a user (password change or reset, deactivation, role or scope change). */
  forgetUser(userId: number) {
    this.gen++;
    for (const [hash, e] of this.entries) if (e.user.id === userId) this.delete(hash);
  }

  /** Forgets everything. */
  clear() {
    this.gen++;
    this.entries.clear();
    this.hashes.clear();
  }

  private delete(tokenHash: string) {
    const e = this.entries.get(tokenHash);
    if (!e) return;
    this.entries.delete(tokenHash);
    this.dropToken(e);
  }

  private dropToken(e: Entry) {
    if (e.token !== undefined) this.hashes.delete(e.token);
  }
}
