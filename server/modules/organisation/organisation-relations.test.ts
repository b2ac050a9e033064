import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness, standardUsers, type TestClient } from '../../test/harness.js';
import { auditCount, createOrg, del, expectProblem } from './organisation.test-helpers.js';

let h: Harness;
let fx: Awaited<ReturnType<typeof standardUsers>>;
let pofficer: TestClient;
let cofficer: TestClient;

beforeAll(async () => {
  h = await createHarness();
  fx = await standardUsers(h);
  [pofficer, cofficer] = await Promise.all([h.login('pofficer'), h.login('cofficer')]);
});
afterAll(() => h.close());

describe('products', () => {
  it('adds an OCOP product with its stars and deletes it, one audit row each', async () => {
    const before = await auditCount(h);
    const r = await cofficer.post(`/api/organisations/${fx.orgOwn}/products`, {
      kind: 'ocop',
      name: 'Hồng vành khuyên',
      stars: 4,
      year: 2023,
    });
    expect(r.status, r.text).toBe(201);
    expect(r.body.product).toMatchObject({
      kind: 'ocop',
      name: 'Hồng vành khuyên',
      stars: 4,
      year: 2023,
      note: null,
    });
    expect(await auditCount(h)).toBe(before + 1);
    expect(
      (await cofficer.get(`/api/organisations/${fx.orgOwn}`)).body.products.map((p: { id: number }) => p.id),
    ).toContain(r.body.product.id);
    const d = await del(cofficer, `/api/organisations/${fx.orgOwn}/products/${r.body.product.id}`);
    expect(d.status).toBe(204);
    expect(await auditCount(h)).toBe(before + 2);
    expectProblem(
      await del(cofficer, `/api/organisations/${fx.orgOwn}/products/${r.body.product.id}`),
      404,
      'not_found',
    );
  });

  it('requires 1–5 stars for OCOP and refuses stars for other kinds', async () => {
    expectProblem(
      await cofficer.post(`/api/organisations/${fx.orgOwn}/products`, { kind: 'ocop', name: 'Na Chi Lăng' }),
      400,
      'organisation.product_stars',
    );
    expectProblem(
      await cofficer.post(`/api/organisations/${fx.orgOwn}/products`, {
        kind: 'ocop',
        name: 'Na Chi Lăng',
        stars: 6,
      }),
      400,
      'validation.failed',
    );
    expectProblem(
      await cofficer.post(`/api/organisations/${fx.orgOwn}/products`, {
        kind: 'certification',
        name: 'VietGAP',
        stars: 3,
      }),
      400,
      'organisation.product_stars',
    );
    expect(
      (
        await cofficer.post(`/api/organisations/${fx.orgOwn}/products`, {
          kind: 'certification',
          name: 'VietGAP',
          year: 2022,
        })
      ).status,
    ).toBe(201);
  });

  it('does not reach a product through another organisation, nor outside scope', async () => {
    const p = await pofficer.post(`/api/organisations/${fx.orgSibling}/products`, {
      kind: 'trademark',
      name: 'Thạch đen Tràng Định',
    });
    expectProblem(
      await del(cofficer, `/api/organisations/${fx.orgOwn}/products/${p.body.product.id}`),
      404,
      'not_found',
    );
    expectProblem(
      await del(cofficer, `/api/organisations/${fx.orgSibling}/products/${p.body.product.id}`),
      404,
      'not_found',
    );
    expectProblem(
      await (await h.login('coop')).post(`/api/organisations/${fx.orgOwn}/products`, {
        kind: 'trademark',
        name: 'X',
      }),
      403,
      'forbidden',
    );
  });
});

describe('union membership', () => {
  it('links an HTX to a union, shows the link from both sides and records the leaving', async () => {
    const { organisation: union } = await createOrg(pofficer, fx.dongDang, {
      kind: 'LHHTX',
      name: 'Liên hiệp HTX Thương mại Lạng Sơn',
    });
    const before = await auditCount(h);
    const r = await pofficer.post(`/api/organisations/${union.id}/union-members`, {
      memberId: fx.orgSibling,
      joinedOn: '2022-05-05',
    });
    expect(r.status, r.text).toBe(201);
    expect(await auditCount(h)).toBe(before + 1);
    expectProblem(
      await pofficer.post(`/api/organisations/${union.id}/union-members`, { memberId: fx.orgSibling }),
      409,
      'organisation.already_member',
    );
    const u = await pofficer.get(`/api/organisations/${union.id}`);
    expect(u.body.unionMembers).toEqual([
      expect.objectContaining({ id: fx.orgSibling, joinedOn: '2022-05-05' }),
    ]);
    const m = await pofficer.get(`/api/organisations/${fx.orgSibling}`);
    expect(m.body.unions).toEqual([
      expect.objectContaining({ id: union.id, name: 'Liên hiệp HTX Thương mại Lạng Sơn' }),
    ]);
    const d = await del(pofficer, `/api/organisations/${union.id}/union-members/${fx.orgSibling}`);
    expect(d.status).toBe(204);
    expect(await auditCount(h)).toBe(before + 2);
    expect((await pofficer.get(`/api/organisations/${union.id}`)).body.unionMembers).toEqual([]);
    expectProblem(
      await del(pofficer, `/api/organisations/${union.id}/union-members/${fx.orgSibling}`),
      404,
      'not_found',
    );
    // Re-joining reopens the link.
    expect(
      (await pofficer.post(`/api/organisations/${union.id}/union-members`, { memberId: fx.orgSibling }))
        .status,
    ).toBe(201);
  });

  it('needs a union on one side, an HTX on the other, both in scope', async () => {
    const { organisation: union } = await createOrg(pofficer, fx.dongDang, {
      kind: 'LHHTX',
      name: 'Liên hiệp HTX Vận tải Xứ Lạng',
    });
    const { organisation: tht } = await createOrg(pofficer, fx.dongDang, { kind: 'THT' });
    expectProblem(
      await pofficer.post(`/api/organisations/${fx.orgOwn}/union-members`, { memberId: fx.orgSibling }),
      400,
      'organisation.not_union',
    );
    expectProblem(
      await pofficer.post(`/api/organisations/${union.id}/union-members`, { memberId: tht.id }),
      400,
      'organisation.member_not_htx',
    );
    expectProblem(
      await pofficer.post(`/api/organisations/${union.id}/union-members`, { memberId: union.id }),
      400,
      'organisation.union_self',
    );
    expectProblem(
      await pofficer.post(`/api/organisations/${union.id}/union-members`, { memberId: fx.orgOther }),
      400,
      'organisation.member_not_found',
    );
    expectProblem(
      await cofficer.post(`/api/organisations/${union.id}/union-members`, { memberId: fx.orgSibling }),
      400,
      'organisation.member_not_found',
    );
    expect(
      (await cofficer.post(`/api/organisations/${union.id}/union-members`, { memberId: fx.orgOwn })).status,
    ).toBe(201);
    expectProblem(
      await pofficer.patch(`/api/organisations/${union.id}`, { changes: { kind: 'HTX' }, version: 1 }),
      409,
      'organisation.kind_has_links',
    );
  });
});

describe('GET /api/organisations/:id (profile)', () => {
  it('shows the names of its units, its old commune with district, and the demo flag and version', async () => {
    const pre = await h.database.db
      .selectFrom('admin_unit_lineage as l')
      .innerJoin('admin_unit as o', 'o.id', 'l.old_unit_id')
      .innerJoin('admin_unit as d', 'd.id', 'o.parent_id')
      .select(['o.id', 'o.full_name', 'd.full_name as district'])
      .where('l.new_unit_id', '=', fx.dongDang)
      .where('o.level', '=', 3)
      .limit(1)
      .executeTakeFirstOrThrow();
    const { organisation: o } = await createOrg(pofficer, fx.dongDang, { pre2025CommuneId: pre.id });
    const r = await cofficer.get(`/api/organisations/${o.id}`);
    expect(r.status, r.text).toBe(200);
    expect(r.body.organisation).toMatchObject({
      id: o.id,
      provinceName: 'Tỉnh Lạng Sơn',
      demo: false,
      version: 1,
      pre2025Commune: { id: pre.id, name: pre.full_name, districtName: pre.district },
    });
    expect(r.body.organisation.communeName).toMatch(/Đồng Đăng$/);
    expect(r.body).toMatchObject({ openChangeRequests: 0, legalWarnings: [], unions: [], unionMembers: [] });
    expect(r.body.events).toEqual([
      expect.objectContaining({ kind: 'founded', occurredOn: '2021-03-01', createdByName: 'pofficer' }),
    ]);
  });

  it('warns about legal minimums from the latest yearly report only', async () => {
    const { organisation: o } = await createOrg(pofficer, fx.dongDang);
    await h.database.db
      .insertInto('annual_report')
      .values([
        { organisation_id: o.id, year: 2022, member_official_individual: 2 },
        {
          organisation_id: o.id,
          year: 2023,
          member_official_individual: 3,
          member_official_household: 1,
          member_foreign_official: 2,
        },
        { organisation_id: o.id, year: 2024, period: 'h1', member_official_individual: 40 },
      ])
      .execute();
    const r = await pofficer.get(`/api/organisations/${o.id}`);
    expect(r.body.legalWarnings.map((w: { code: string; year: number }) => [w.code, w.year])).toEqual([
      ['legal_min.members', 2023],
      ['legal_min.foreign_share', 2023],
    ]);
    expect(r.body.legalWarnings[0].message).toContain('4 thành viên chính thức');
    await h.database.db
      .insertInto('annual_report')
      .values({ organisation_id: o.id, year: 2024, member_official_individual: 7 })
      .execute();
    expect((await pofficer.get(`/api/organisations/${o.id}`)).body.legalWarnings).toEqual([]);
  });

  it('answers 404 outside scope and to a cooperative for another organisation', async () => {
    const coop = await h.login('coop');
    expect((await coop.get(`/api/organisations/${fx.orgOwn}`)).status).toBe(200);
    expectProblem(await coop.get(`/api/organisations/${fx.orgSibling}`), 404, 'not_found');
    expectProblem(await cofficer.get(`/api/organisations/${fx.orgSibling}`), 404, 'not_found');
    expectProblem(await pofficer.get(`/api/organisations/${fx.orgOther}`), 404, 'not_found');
    expectProblem(await pofficer.get(`/api/organisations/${fx.orgOther}/change-requests`), 404, 'not_found');
    expect((await (await h.login('national')).get(`/api/organisations/${fx.orgOther}`)).status).toBe(200);
    expectProblem(await pofficer.get('/api/organisations/abc'), 400, 'validation.failed');
  });
});

describe('GET /api/organisations/:id/history', () => {
  it("lists the organisation's audit rows newest first", async () => {
    const { organisation: o } = await createOrg(pofficer, fx.dongDang);
    expect(
      (await pofficer.patch(`/api/organisations/${o.id}`, { changes: { phone: '0205 1' }, version: 1 }))
        .status,
    ).toBe(200);
    expect(
      (
        await pofficer.post(`/api/organisations/${o.id}/products`, {
          kind: 'trademark',
          name: 'Chè Đồng Đăng',
        })
      ).status,
    ).toBe(201);
    const r = await cofficer.get(`/api/organisations/${o.id}/history`);
    expect(r.status).toBe(200);
    expect(r.body.total).toBe(3);
    expect(r.body.items.map((x: { action: string }) => x.action)).toEqual([
      'organisation.product.add',
      'organisation.update',
      'organisation.create',
    ]);
    expectProblem(
      await (await h.login('padmin.nb')).get(`/api/organisations/${o.id}/history`),
      404,
      'not_found',
    );
  });
});
