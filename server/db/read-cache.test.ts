/**
 * The read cache (docs/decisions/0008-read-cache.md): a result is reused only while no change was committed
 * since its computation started; the counter moves on every commit and every autocommit write (not on session
 * bookkeeping), and on PostgreSQL when another instance commits.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createOrg } from '../modules/organisation/organisation.test-helpers.js';
import { createHarness, type Harness, standardUsers, type TestClient } from '../test/harness.js';
import { changesData, DataChanges } from './data-changes.js';
import { openPostgres } from './database.js';
import { cachedRead, ReadCache, scopeKey } from './read-cache.js';

let h: Harness;
let u: Awaited<ReturnType<typeof standardUsers>>;
let padmin: TestClient;

beforeAll(async () => {
  h = await createHarness();
  u = await standardUsers(h);
  padmin = await h.login('padmin');
});
afterAll(() => h.close());

describe('ReadCache', () => {
  const counting = () => {
    let n = 0;
    return { compute: async () => ({ n: ++n, list: [n] }), calls: () => n };
  };

  it('reuses a result until the data version moves', async () => {
    const changes = new DataChanges();
    const cache = new ReadCache(changes);
    const c = counting();
    expect((await cache.read('k', c.compute)).n).toBe(1);
    expect((await cache.read('k', c.compute)).n).toBe(1);
    expect((await cache.read('other', c.compute)).n).toBe(2);
    changes.bump();
    expect((await cache.read('k', c.compute)).n).toBe(3);
    expect(cache.hits).toBe(1);
    expect(cache.misses).toBe(3);
  });

  it('does not keep a result computed while the data changed under it', async () => {
    const changes = new DataChanges();
    const cache = new ReadCache(changes);
    let n = 0;
    const first = cache.read('k', async () => {
      changes.bump(); // a commit lands while the read runs: what it read may predate it
      return ++n;
    });
    expect(await first).toBe(1);
    expect(await cache.read('k', async () => ++n)).toBe(2);
  });

  it('shares one computation between concurrent identical reads and keeps no failure', async () => {
    const cache = new ReadCache(new DataChanges());
    let calls = 0;
    const slow = async () => {
      calls++;
      await new Promise((r) => setTimeout(r, 20));
      return calls;
    };
    const [a, b] = await Promise.all([cache.read('k', slow), cache.read('k', slow)]);
    expect([a, b, calls]).toEqual([1, 1, 1]);
    await expect(cache.read('bad', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await cache.read('bad', async () => 'ok')).toBe('ok');
  });

  it('freezes what it returns, keeps at most its bound, and keeps nothing with a bound of 0', async () => {
    const cache = new ReadCache(new DataChanges(), 2);
    const c = counting();
    const r = await cache.read('a', c.compute);
    expect(() => {
      (r.list as number[]).push(9);
    }).toThrow(TypeError);
    await cache.read('b', c.compute);
    await cache.read('c', c.compute);
    expect(cache.size).toBe(2);
    expect((await cache.read('a', c.compute)).n).toBe(4); // evicted, computed again
    const off = new ReadCache(new DataChanges(), 0);
    const d = counting();
    await off.read('a', d.compute);
    await off.read('a', d.compute);
    expect([d.calls(), off.size]).toEqual([2, 0]);
  });

  it('keys a read by the caller’s role and scope, never by the person', async () => {
    const cache = new ReadCache(new DataChanges());
    const user = (id: number, provinceId: number) => ({
      id,
      username: `u${id}`,
      fullName: 'x',
      role: 'province_officer' as const,
      scope: {
        type: 'province' as const,
        unitId: provinceId,
        provinceId,
        communeId: null,
        organisationId: null,
      },
    });
    let n = 0;
    const f = async () => ++n;
    expect(await cachedRead({ reads: cache, user: user(1, 10) }, 'x', { a: 1 }, f)).toBe(1);
    expect(await cachedRead({ reads: cache, user: user(2, 10) }, 'x', { a: 1 }, f)).toBe(1);
    expect(await cachedRead({ reads: cache, user: user(3, 11) }, 'x', { a: 1 }, f)).toBe(2);
    expect(await cachedRead({ reads: cache, user: user(1, 10) }, 'x', { a: 2 }, f)).toBe(3);
    expect(scopeKey(null)).toBe('anonymous');
  });
});

describe('what moves the data version', () => {
  it('tells writes from reads and session bookkeeping', () => {
    expect(changesData('select 1')).toBe(false);
    expect(changesData('  SELECT * from organisation')).toBe(false);
    expect(changesData('insert into "organisation" (a) values ($1)')).toBe(true);
    expect(changesData('update "organisation" set name = $1')).toBe(true);
    expect(changesData('delete from "member" where id = $1')).toBe(true);
    expect(changesData('with x as (update "plan" set status = $1 returning id) select * from x')).toBe(true);
    expect(changesData('with x as (select 1) select * from x')).toBe(false);
    expect(changesData('commit')).toBe(true);
    expect(changesData('update "session" set "last_seen_at" = now()')).toBe(false);
    expect(changesData('insert into "login_throttle" ("key") values ($1)')).toBe(false);
  });

  it('moves after a commit and an autocommit write, not after a rollback, a read or a session touch', async () => {
    const changes = h.database.changes;
    const db = h.database.db;
    let v = changes.version;
    await db.selectFrom('organisation').select('id').limit(1).execute();
    expect(changes.version).toBe(v);
    await db
      .transaction()
      .execute(async (trx) => {
        await trx
          .updateTable('app_user')
          .set({ full_name: 'Đổi rồi hoàn tác' })
          .where('id', '<', 0)
          .execute();
        throw new Error('rollback');
      })
      .catch(() => {});
    expect(changes.version).toBe(v);
    await db.transaction().execute(async (trx) => {
      // A transaction that only reads (or whose update matches nothing) has no transaction id and moves nothing.
      await trx.updateTable('app_user').set({ full_name: 'x' }).where('id', '<', 0).execute();
    });
    expect(changes.version).toBe(v);
    await db.transaction().execute(async (trx) => {
      await trx.updateTable('app_user').set({ email: null }).where('username', '=', 'padmin').execute();
      // Inside the transaction nothing is visible to others yet: the counter must not move before the commit.
      expect(changes.version).toBe(v);
    });
    expect(changes.version).toBeGreaterThan(v);
    v = changes.version;
    await sql`update "session" set last_seen_at = last_seen_at where false`.execute(db);
    expect(changes.version).toBe(v);
    await db.updateTable('app_user').set({ email: null }).where('id', '<', 0).execute();
    expect(changes.version).toBeGreaterThan(v);
  });
});

describe('cached reads through the API', () => {
  it('serves a repeated list from the cache and shows a committed change on the next read', async () => {
    const path = `/api/organisations?unitId=${u.langSon}&q=${encodeURIComponent('Bộ nhớ đệm')}`;
    const before = await padmin.get(path);
    expect(before.status, before.text).toBe(200);
    const hits = h.deps.reads.hits;
    expect((await padmin.get(path)).body).toEqual(before.body);
    expect(h.deps.reads.hits).toBe(hits + 1);

    const created = await createOrg(padmin, u.dongDang, { name: 'Hợp tác xã Bộ nhớ đệm' });
    const after = await padmin.get(path);
    expect(after.body.total).toBe(before.body.total + 1);

    // A write outside the services (a script, psql through this process) invalidates too.
    await h.database.db
      .updateTable('organisation')
      .set({ name: 'Hợp tác xã Đổi tên ngoài dịch vụ', name_key: 'doi ten ngoai dich vu' })
      .where('id', '=', created.organisation.id)
      .execute();
    expect((await padmin.get(path)).body.total).toBe(before.body.total);
  });
});

describe('several instances on one PostgreSQL database', () => {
  it('hears another instance’s commit (PostgreSQL), or is the only instance (PGlite)', async () => {
    const url = (h.database as { url?: string }).url;
    if (!url) {
      // PGlite: one process owns the directory (server/db/data-dir-lock.ts), so no other instance can commit;
      // nothing listens and nothing is announced.
      expect(h.database.kind).toBe('pglite');
      expect(h.database.changes.listening).toBe(false);
      return;
    }
    const a = await openPostgres(url, 1, { listen: true });
    const b = await openPostgres(url, 1, { listen: true });
    try {
      expect(a.changes.listening && b.changes.listening).toBe(true);
      const cache = new ReadCache(b.changes);
      const nameOf = async () =>
        (
          await b.db
            .selectFrom('app_user')
            .select('full_name')
            .where('username', '=', 'padmin')
            .executeTakeFirstOrThrow()
        ).full_name;
      const first = await cache.read('name', nameOf);
      expect(await cache.read('name', nameOf)).toBe(first);
      const vb = b.changes.version;
      await a.db
        .transaction()
        .execute((trx) =>
          trx
            .updateTable('app_user')
            .set({ full_name: 'Tên mới từ phiên bản A' })
            .where('username', '=', 'padmin')
            .execute(),
        );
      await vi.waitFor(() => expect(b.changes.version).toBeGreaterThan(vb), { timeout: 10_000 });
      expect(await cache.read('name', nameOf)).toBe('Tên mới từ phiên bản A');
    } finally {
      await a.close();
      await b.close();
    }
  });
});
