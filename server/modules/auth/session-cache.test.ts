/**
 * The in-process session cache (docs/decisions/0006-session-cache.md): what ends a session in this process ends
 * it at once even while it is cached; timeouts are still enforced; a TTL of 0 reads the database every time.
 */
import { createHash } from 'node:crypto';
import {
  AliasNode,
  type KyselyPlugin,
  type OperationNode,
  type RootOperationNode,
  SelectQueryNode,
  TableNode,
} from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApp } from '../../app.js';
import { createHarness, type Harness, standardUsers, TEST_PASSWORD, TestClient } from '../../test/harness.js';
import { authenticate } from './auth.service.js';
import { SessionCache } from './session-cache.js';

let h: Harness;
let units: Awaited<ReturnType<typeof standardUsers>>;

// A TTL far longer than any test: only an invalidation (or a timeout) can end a cached session here.
beforeAll(async () => {
  h = await createHarness({ sessionCacheSeconds: 3600 });
  units = await standardUsers(h);
});
afterAll(() => h.close());
afterEach(() => vi.useRealTimers());

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const tokenOf = (c: TestClient) => c.cookie!.slice('hoptac_session='.length);
const sessionRow = (c: TestClient) =>
  h.database.db
    .selectFrom('session')
    .selectAll()
    .where('token_hash', '=', sha256(tokenOf(c)))
    .executeTakeFirst();
const me = async (c: TestClient) => (await c.get('/api/auth/me')).status;
/** A signed-in client whose session is now in the cache. */
const cachedLogin = async (username: string) => {
  const c = await h.login(username);
  expect(await me(c)).toBe(200);
  return c;
};
let seq = 0;
const newUser = (role: 'commune_officer' | 'province_officer' = 'commune_officer') => {
  const username = `cache.${++seq}`;
  const unitId = role === 'commune_officer' ? units.sibling : units.langSon;
  return h.createUser({ username, role, unitId }).then((id) => ({ id, username }));
};

describe('session cache', () => {
  it('serves a cached session without reading the database (the bound other instances live with)', async () => {
    const c = await cachedLogin('pofficer');
    await h.database.db
      .deleteFrom('session')
      .where('token_hash', '=', sha256(tokenOf(c)))
      .execute();
    expect(await me(c)).toBe(200);
    expect(h.deps.sessions.size).toBeGreaterThan(0);
  });

  it('reads the database on every request when the TTL is 0', async () => {
    const app = createApp({ ...h.deps, sessions: new SessionCache({ ttlSeconds: 0 }) }, { webDist: null });
    const c = await h.login('pofficer');
    const uncached = new TestClient({ ...h, app }, c.cookie);
    expect(await me(uncached)).toBe(200);
    await h.database.db
      .deleteFrom('session')
      .where('token_hash', '=', sha256(tokenOf(c)))
      .execute();
    expect(await me(uncached)).toBe(401);
  });

  it('logout ends the cached session at once', async () => {
    const c = await cachedLogin('cofficer');
    const cookie = c.cookie;
    expect((await c.post('/api/auth/logout')).status).toBe(204);
    expect(await me(new TestClient(h, cookie))).toBe(401);
  });

  it('a login that rotates the session ends the old cached one at once', async () => {
    const c = await cachedLogin('padmin');
    const old = c.cookie;
    expect((await c.post('/api/auth/login', { username: 'padmin', password: TEST_PASSWORD })).status).toBe(
      200,
    );
    expect(await me(new TestClient(h, old))).toBe(401);
    expect(await me(c)).toBe(200);
  });

  it('deactivation ends the cached sessions of the user at once', async () => {
    const u = await newUser();
    const victim = await cachedLogin(u.username);
    const admin = await h.login('padmin');
    expect((await admin.post(`/api/users/${u.id}/deactivate`)).status).toBe(200);
    expect(await me(victim)).toBe(401);
  });

  it('a password change ends the other cached sessions at once and keeps the current one', async () => {
    const u = await newUser('province_officer');
    const [c1, c2] = [await cachedLogin(u.username), await cachedLogin(u.username)];
    const r = await c1.post('/api/auth/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'Mat-khau-moi-2025',
    });
    expect(r.status).toBe(204);
    expect(await me(c2)).toBe(401);
    expect(await me(c1)).toBe(200);
  });

  it('a password reset and a role change by an administrator end the cached sessions at once', async () => {
    const admin = await h.login('padmin');
    const a = await newUser();
    const reset = await cachedLogin(a.username);
    expect((await admin.post(`/api/users/${a.id}/reset-password`)).status).toBe(200);
    expect(await me(reset)).toBe(401);

    const b = await newUser();
    const moved = await cachedLogin(b.username);
    const { version } = (await admin.get(`/api/users/${b.id}`)).body.user;
    const r = await admin.patch(`/api/users/${b.id}`, {
      role: 'province_officer',
      scopeUnitId: units.langSon,
      version,
    });
    expect(r.status, r.text).toBe(200);
    expect(await me(moved)).toBe(401);
  });

  it('refuses a cached session once idle longer than the idle timeout, and deletes it', async () => {
    const c = await cachedLogin('coop');
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 121 * 60_000);
    const r = await c.get('/api/auth/me');
    expect(r.status).toBe(401);
    expect(r.body.code).toBe('auth.required');
    expect(await sessionRow(c)).toBeUndefined();
  });

  it('refuses a cached session past its absolute expiry even when used just before', async () => {
    const c = await cachedLogin('national');
    vi.useFakeTimers({ toFake: ['Date'] });
    // Used every 100 minutes (within the idle timeout) until past the 12 hours.
    for (let i = 1; i <= 7; i++) {
      vi.setSystemTime(Date.now() + 100 * 60_000);
      expect(await me(c), `after ${i * 100} min`).toBe(200);
    }
    vi.setSystemTime(Date.now() + 100 * 60_000);
    expect(await me(c)).toBe(401);
  });

  it('still marks a cached session as seen, at most once a minute', async () => {
    const c = await cachedLogin('cofficer.sibling');
    const t0 = new Date((await sessionRow(c))!.last_seen_at).getTime();
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(t0 + 90_000);
    expect(await me(c)).toBe(200);
    const t1 = new Date((await sessionRow(c))!.last_seen_at).getTime();
    expect(t1).toBeGreaterThanOrEqual(t0 + 90_000);
    vi.setSystemTime(t1 + 30_000);
    expect(await me(c)).toBe(200);
    expect(new Date((await sessionRow(c))!.last_seen_at).getTime()).toBe(t1);
  });
});

/** The harness's database, counting the statements that read the session table. */
function countingSessionReads() {
  let reads = 0;
  const tableOf = (f: OperationNode): string | undefined =>
    TableNode.is(f) ? f.table.identifier.name : AliasNode.is(f) ? tableOf(f.node) : undefined;
  const isSessionRead = (node: RootOperationNode) =>
    SelectQueryNode.is(node) && (node.from?.froms ?? []).some((f) => tableOf(f) === 'session');
  const plugin: KyselyPlugin = {
    transformQuery(args) {
      if (isSessionRead(args.node)) reads++;
      return args.node;
    },
    transformResult: async (args) => args.result,
  };
  return { db: h.database.db.withPlugin(plugin), reads: () => reads };
}

describe('shared session reads', () => {
  it('requests of one session in flight when its cached entry ends share one database read', async () => {
    const c = await h.login('pofficer');
    const hash = sha256(tokenOf(c));
    const counted = countingSessionReads();
    const ctx = { db: counted.db, config: h.deps.config, sessions: new SessionCache({ ttlSeconds: 5 }) };
    const users = await Promise.all(Array.from({ length: 10 }, () => authenticate(ctx, hash)));
    expect(counted.reads()).toBe(1);
    expect(new Set(users.map((u) => u?.username))).toEqual(new Set(['pofficer']));
    // Settled: the next miss reads again (here: the cache is emptied, as its TTL would).
    ctx.sessions.clear();
    expect((await authenticate(ctx, hash))?.username).toBe('pofficer');
    expect(counted.reads()).toBe(2);
  });

  it('a request that comes after an invalidation does not join a read that started before it', async () => {
    const c = await h.login('pofficer');
    const hash = sha256(tokenOf(c));
    const counted = countingSessionReads();
    const ctx = { db: counted.db, config: h.deps.config, sessions: new SessionCache({ ttlSeconds: 5 }) };
    const first = authenticate(ctx, hash);
    ctx.sessions.forgetUser(-1); // any invalidation moves the generation
    const second = authenticate(ctx, hash);
    await Promise.all([first, second]);
    expect(counted.reads()).toBe(2);
    // The read that started before the invalidation was not stored; the one after it was.
    expect(ctx.sessions.lookup(hash, Date.now())?.user.username).toBe('pofficer');
  });

  it('a session that ended is refused to every request that shared its read', async () => {
    const c = await h.login('pofficer');
    const hash = sha256(tokenOf(c));
    await h.database.db.deleteFrom('session').where('token_hash', '=', hash).execute();
    const counted = countingSessionReads();
    const ctx = { db: counted.db, config: h.deps.config, sessions: new SessionCache({ ttlSeconds: 5 }) };
    const users = await Promise.all(Array.from({ length: 4 }, () => authenticate(ctx, hash)));
    expect(users).toEqual([null, null, null, null]);
    expect(counted.reads()).toBe(1);
    expect(ctx.sessions.size).toBe(0);
  });
});

describe('SessionCache', () => {
  const user = (id: number) => ({
    id,
    username: `u${id}`,
    fullName: `U ${id}`,
    role: 'national' as const,
    scope: { type: 'nation' as const, unitId: null, provinceId: null, communeId: null, organisationId: null },
  });
  const entry = (id: number) => ({ user: user(id), lastSeenAt: 0, expiresAt: 1e15 });

  it('keeps at most its bound, the least recently used leaving first', () => {
    const cache = new SessionCache({ ttlSeconds: 5, maxEntries: 2 });
    cache.remember('a', entry(1), cache.generation(), 0);
    cache.remember('b', entry(2), cache.generation(), 0);
    expect(cache.lookup('a', 1)).toBeDefined();
    cache.remember('c', entry(3), cache.generation(), 0);
    expect(cache.lookup('b', 1)).toBeUndefined();
    expect(cache.lookup('a', 1)?.user.id).toBe(1);
    expect(cache.lookup('c', 1)?.user.id).toBe(3);
  });

  it('forgets an entry after its TTL, and keeps nothing with a TTL of 0', () => {
    const cache = new SessionCache({ ttlSeconds: 5 });
    cache.remember('a', entry(1), cache.generation(), 1000);
    expect(cache.lookup('a', 5999)).toBeDefined();
    expect(cache.lookup('a', 6000)).toBeUndefined();
    const off = new SessionCache({ ttlSeconds: 0 });
    off.remember('a', entry(1), off.generation(), 0);
    expect(off.lookup('a', 0)).toBeUndefined();
  });

  it('orders its entries as a least-recently-used list would, whatever the sequence of uses', () => {
    // A reference model (an array, most recent last) against the cache, over random sequences of operations on a
    // few keys: a hit on the most recent key leaves the order as it is (SessionCache.lookup).
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    for (let run = 0; run < 200; run++) {
      const cache = new SessionCache({ ttlSeconds: 5, maxEntries: 3 });
      let model: string[] = [];
      for (let step = 0; step < 40; step++) {
        const key = 'abcde'[random(5)];
        const op = random(4);
        if (op === 0) {
          cache.remember(key, entry(key.charCodeAt(0)), cache.generation(), 0);
          model = [...model.filter((k) => k !== key), key].slice(-3);
        } else if (op === 1) {
          cache.forget(key);
          model = model.filter((k) => k !== key);
        } else {
          const hit = cache.lookup(key, 1);
          expect(hit !== undefined).toBe(model.includes(key));
          if (hit) model = [...model.filter((k) => k !== key), key];
        }
      }
      // The order shows in what new entries push out: the least recent leave first.
      const added = 1 + random(3);
      for (let i = 0; i < added; i++) cache.remember(`new${i}`, entry(0), cache.generation(), 0);
      const kept = model.slice(Math.max(0, model.length + added - 3));
      for (const key of model) expect(cache.lookup(key, 1) !== undefined).toBe(kept.includes(key));
    }
  });

  it('does not store a read that started before an invalidation', () => {
    const cache = new SessionCache({ ttlSeconds: 5 });
    const g = cache.generation();
    cache.forgetUser(1);
    cache.remember('a', entry(1), g, 0);
    expect(cache.lookup('a', 1)).toBeUndefined();
  });
});
