/** The audit trail (DESIGN.md §5): one row per committed mutation in its transaction; scoped browsing. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '../../context.js';
import {
  createHarness,
  type Harness,
  standardUsers,
  TEST_PASSWORD,
  type TestClient,
} from '../../test/harness.js';
import { recordAudit } from './audit.service.js';

let h: Harness;
let units: Awaited<ReturnType<typeof standardUsers>>;
let padmin: TestClient;
let padminNb: TestClient;
let national: TestClient;

beforeAll(async () => {
  h = await createHarness();
  units = await standardUsers(h);
  padmin = await h.login('padmin');
  padminNb = await h.login('padmin.nb');
  national = await h.login('national');
});
afterAll(() => h.close());

const countByRequest = async (requestId: string) =>
  Number(
    (
      await h.database.db
        .selectFrom('audit_log')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('request_id', '=', requestId)
        .executeTakeFirstOrThrow()
    ).n,
  );

const userId = async (username: string) =>
  (
    await h.database.db
      .selectFrom('app_user')
      .select('id')
      .where('username', '=', username)
      .executeTakeFirstOrThrow()
  ).id;

function ctxFor(requestId: string): Ctx {
  return { ...h.deps, user: null, requestId, ip: null };
}

function createUserAs(client: TestClient, username: string, scopeUnitId: number, requestId?: string) {
  return client.req(
    'POST',
    '/api/users',
    {
      username,
      fullName: `Cán bộ ${username}`,
      role: 'commune_officer',
      scopeUnitId,
      password: TEST_PASSWORD,
    },
    requestId ? { headers: { 'x-request-id': requestId } } : {},
  );
}

describe('audit rows and transactions', () => {
  it('a rolled-back transaction leaves no audit row', async () => {
    const rid = 'audit-rollback-0001';
    await expect(
      h.database.db.transaction().execute(async (trx) => {
        await recordAudit(trx, ctxFor(rid), {
          action: 'test.rollback',
          entityType: 'test',
          entityId: 1,
          provinceId: null,
        });
        expect(
          Number(
            (
              await trx
                .selectFrom('audit_log')
                .select((eb) => eb.fn.countAll().as('n'))
                .where('request_id', '=', rid)
                .executeTakeFirstOrThrow()
            ).n,
          ),
        ).toBe(1);
        throw new Error('hủy giao dịch');
      }),
    ).rejects.toThrow('hủy giao dịch');
    expect(await countByRequest(rid)).toBe(0);
  });

  it('a committed transaction leaves exactly one row', async () => {
    const rid = 'audit-commit-00001';
    await h.database.db.transaction().execute(async (trx) => {
      await recordAudit(trx, ctxFor(rid), {
        action: 'test.commit',
        entityType: 'test',
        entityId: 2,
        after: { a: 1 },
        provinceId: null,
      });
    });
    const rows = await h.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('request_id', '=', rid)
      .execute();
    expect(rows).toHaveLength(1);
    expect(rows[0].action).toBe('test.commit');
    expect(rows[0].entity_id).toBe('2');
  });

  it('an API mutation writes exactly one row with its request id, actor and entity', async () => {
    const rid = 'audit-api-create-01';
    const r = await createUserAs(padmin, 'audit.created', units.dongDang, rid);
    expect(r.status, r.text).toBe(201);
    expect(r.headers.get('x-request-id')).toBe(rid);
    const rows = await h.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('request_id', '=', rid)
      .execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      action: 'user.create',
      entity_type: 'user',
      entity_id: String(r.body.user.id),
      actor_id: await userId('padmin'),
      province_id: units.langSon,
    });
    expect(
      await h.database.db
        .selectFrom('audit_log')
        .select('id')
        .where('entity_type', '=', 'user')
        .where('entity_id', '=', String(r.body.user.id))
        .where('action', '=', 'user.create')
        .execute(),
    ).toHaveLength(1);
  });

  it('a failed API mutation (duplicate username) writes no row', async () => {
    const rid = 'audit-api-dupe-0001';
    const r = await createUserAs(padmin, 'audit.created', units.dongDang, rid);
    expect(r.status).toBe(409);
    expect(await countByRequest(rid)).toBe(0);
  });
});

describe('audit browsing', () => {
  beforeAll(async () => {
    expect((await createUserAs(padminNb, 'audit.nb', units.otherCommune)).status).toBe(201);
    expect((await createUserAs(padmin, 'audit.ls2', units.sibling)).status).toBe(201);
  });

  it("a province admin sees only its province's rows", async () => {
    const r = await padmin.get('/api/audit?pageSize=200');
    expect(r.status).toBe(200);
    const expected = await h.database.db
      .selectFrom('audit_log')
      .select('id')
      .where('province_id', '=', units.langSon)
      .orderBy('id', 'desc')
      .execute();
    expect(r.body.total).toBe(expected.length);
    expect(r.body.items.map((i: { id: number }) => i.id)).toEqual(expected.map((e) => e.id));
    const nbUser = String(await userId('audit.nb'));
    expect(r.body.items.some((i: { entityId: string }) => i.entityId === nbUser)).toBe(false);
    const lsUser = String(await userId('audit.ls2'));
    expect(r.body.items.some((i: { entityId: string }) => i.entityId === lsUser)).toBe(true);
    // Rows without a province (failed logins of unknown users, nation-level actions) are not shown either.
    expect(expected.length).toBeLessThan(
      Number(
        (
          await h.database.db
            .selectFrom('audit_log')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      ),
    );
  });

  it('the nation sees every province and the Ninh Bình admin not Lạng Sơn', async () => {
    const nbUser = String(await userId('audit.nb'));
    const lsUser = String(await userId('audit.ls2'));
    const all = await national.get('/api/audit?entityType=user&pageSize=200');
    const ids = all.body.items.map((i: { entityId: string }) => i.entityId);
    expect(ids).toEqual(expect.arrayContaining([nbUser, lsUser]));
    const nb = await padminNb.get('/api/audit?entityType=user&pageSize=200');
    expect(nb.body.items.map((i: { entityId: string }) => i.entityId)).toContain(nbUser);
    expect(nb.body.items.map((i: { entityId: string }) => i.entityId)).not.toContain(lsUser);
  });

  it('filters by actor and by entity type', async () => {
    const nationalId = await userId('national');
    expect((await createUserAs(national, 'audit.by.national', units.dongDang)).status).toBe(201);
    const byActor = await padmin.get(`/api/audit?actorId=${nationalId}&pageSize=200`);
    expect(byActor.status).toBe(200);
    expect(byActor.body.total).toBeGreaterThan(0);
    expect(byActor.body.items.every((i: { actorId: number }) => i.actorId === nationalId)).toBe(true);
    const byPadmin = await padmin.get(
      `/api/audit?actorId=${await userId('padmin')}&entityType=user&pageSize=200`,
    );
    expect(byPadmin.body.items.map((i: { action: string }) => i.action)).toContain('user.create');
    expect(
      byPadmin.body.items.every(
        (i: { actorId: number; entityType: string }) => i.actorId !== nationalId && i.entityType === 'user',
      ),
    ).toBe(true);
    const none = await padmin.get('/api/audit?entityType=khong-co');
    expect(none.body).toEqual({ total: 0, items: [] });
  });

  it('filters by date range in Vietnam time, inclusive of both days', async () => {
    const [a, b] = await h.database.db
      .insertInto('audit_log')
      .values([
        {
          action: 'test.old',
          entity_type: 'test_date',
          entity_id: 'late-15',
          at: '2024-03-15T23:30:00+07:00',
          province_id: units.langSon,
          actor_id: null,
          actor_name: null,
          before: null,
          after: null,
          request_id: null,
          ip: null,
        },
        {
          action: 'test.old',
          entity_type: 'test_date',
          entity_id: 'early-16',
          at: '2024-03-16T00:30:00+07:00',
          province_id: units.langSon,
          actor_id: null,
          actor_name: null,
          before: null,
          after: null,
          request_id: null,
          ip: null,
        },
      ])
      .returning('id')
      .execute();
    const ids = async (q: string) =>
      (await padmin.get(`/api/audit?entityType=test_date&${q}`)).body.items.map((i: { id: number }) => i.id);
    expect(await ids('from=2024-03-15&to=2024-03-15')).toEqual([a.id]);
    expect(await ids('from=2024-03-16&to=2024-03-16')).toEqual([b.id]);
    expect(await ids('from=2024-03-15&to=2024-03-16')).toEqual([b.id, a.id]);
    expect(await ids('from=2024-03-17')).toEqual([]);
    expect(await ids('to=2024-03-14')).toEqual([]);
  });

  it('from after to answers 400', async () => {
    const r = await padmin.get('/api/audit?from=2025-02-01&to=2025-01-31');
    expect(r.status).toBe(400);
    expect(r.body.code).toBe('audit.invalid_range');
    expect(r.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect((await padmin.get('/api/audit?from=2025-02-30')).status).toBe(400);
  });

  it('returns before and after for a user update', async () => {
    const id = await userId('audit.ls2');
    const current = await padmin.get(`/api/users/${id}`);
    const r = await padmin.patch(`/api/users/${id}`, {
      fullName: 'Tên mới sau sửa',
      version: current.body.user.version,
    });
    expect(r.status, r.text).toBe(200);
    const rows = await padmin.get(`/api/audit?entityType=user&entityId=${id}`);
    const update = rows.body.items.filter((i: { action: string }) => i.action === 'user.update');
    expect(update).toHaveLength(1);
    expect(update[0].before).toMatchObject({ id, full_name: 'Cán bộ audit.ls2' });
    expect(update[0].after).toMatchObject({ id, full_name: 'Tên mới sau sửa' });
    expect(update[0].after).not.toHaveProperty('password_hash');
    expect(update[0].actorName).toContain('padmin');
  });
});
