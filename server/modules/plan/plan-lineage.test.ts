import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organisationNameKey } from '../../../core/text.js';
import { createHarness, type Harness, standardUsers, type TestClient } from '../../test/harness.js';
import { communeTerritory } from '../admin-unit/admin-unit.service.js';

let h: Harness;
let national: TestClient;
let n = 0;

beforeAll(async () => {
  h = await createHarness();
  await standardUsers(h);
  national = await h.login('national');
});
afterAll(() => h.close());

const preUnit = async (level: number, code: string) =>
  (
    await h.database.db
      .selectFrom('admin_unit')
      .select('id')
      .where('era', '=', 'pre2025')
      .where('level', '=', level)
      .where('code', '=', code)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow()
  ).id;

/** The communes of today an old commune became. */
async function successors(oldId: number) {
  const rows = await h.database.db
    .selectFrom('admin_unit_lineage as l')
    .innerJoin('admin_unit as u', 'u.id', 'l.new_unit_id')
    .select('u.id')
    .where('l.old_unit_id', '=', oldId)
    .where('u.era', '=', 'post2025')
    .where('u.level', '=', 3)
    .execute();
  return rows.map((r) => r.id);
}

async function htx(communeId: number, pre: number | null): Promise<number> {
  const c = await h.database.db
    .selectFrom('admin_unit')
    .select('province_id')
    .where('id', '=', communeId)
    .executeTakeFirstOrThrow();
  const name = `Hợp tác xã Địa bàn cũ ${++n}`;
  const r = await h.database.db
    .insertInto('organisation')
    .values({
      kind: 'HTX',
      reg_code: `66${String(process.pid % 10000).padStart(4, '0')}${String(n).padStart(4, '0')}`,
      name,
      name_key: organisationNameKey(name),
      commune_id: communeId,
      province_id: c.province_id!,
      pre2025_commune_id: pre,
      founded_on: '2019-05-01',
      short_name: null,
      address: null,
      phone: null,
      email: null,
      registered_on: null,
      registering_authority: null,
      charter_capital: null,
      legal_rep_name: null,
      legal_rep_title: null,
      vsic_code: null,
      field: 'agriculture',
      agri_subtype: null,
      new_model: null,
      governance: null,
      status_changed_on: null,
      ended_on: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

/** A plan on a unit with one target "at least 1 HTX" for 2025, through the API; returns the evaluation and drill-down. */
async function evaluateOn(unitId: number) {
  const plan = await national.post('/api/plans', {
    kind: 'ke_hoach',
    title: 'Kế hoạch địa bàn cũ',
    issuer: 'UBND',
    unitId,
    startYear: 2021,
    endYear: 2025,
  });
  expect(plan.status, plan.text).toBe(201);
  const target = await national.post(`/api/plans/${plan.body.id}/targets`, {
    code: 'X-01',
    indicatorKey: 'htx_count',
    unit: 'HTX',
    comparator: 'at_least',
    value: 1,
    targetYear: 2025,
    wording: 'Có ít nhất 01 HTX',
  });
  expect(target.status, target.text).toBe(201);
  const ev = await national.get(
    `/api/plans/${plan.body.id}/targets/${target.body.id}/evaluation?date=2025-06-30`,
  );
  expect(ev.status, ev.text).toBe(200);
  const orgs = await national.get(
    `/api/plans/${plan.body.id}/targets/${target.body.id}/organisations?date=2025-06-30&pageSize=50`,
  );
  return {
    ev: ev.body,
    ids: orgs.body.items.map((i: { id: number }) => i.id).sort((a: number, b: number) => a - b),
  };
}

describe('targets on units that no longer exist', () => {
  it('the former Kon Tum province: counts by recorded old commune, else by lineage of the commune of today', async () => {
    const kt = await preUnit(1, '62');
    const t = (await communeTerritory(h.database.db, kt))!;
    const qn = (await communeTerritory(h.database.db, await preUnit(1, '51')))!;
    const preA = t.preCommuneIds[0];
    const [succA] = await successors(preA);
    const postB = t.postCommuneIds.find((id) => !t.partialPostCommuneIds.includes(id))!;
    const preQ = qn.preCommuneIds.find((id) => !t.preCommuneIds.includes(id))!;
    const postQ = qn.postCommuneIds.find((id) => !t.postCommuneIds.includes(id))!;
    const k1 = await htx(succA, preA);
    const k2 = await htx(postB, null);
    await htx(postQ, preQ); // old Quảng Ngãi
    await htx(postB, preQ); // recorded as old Quảng Ngãi though its commune of today came from Kon Tum
    await htx(postQ, null);
    const { ev, ids } = await evaluateOn(kt);
    expect(ev.evaluation.actual).toBe(2);
    expect(ids).toEqual([k1, k2].sort((a, b) => a - b));
    expect(ev.territory.label).toContain('Kon Tum');
    expect(ev.evaluation.status).toBe('on_track');
  });

  it('the former Bảo Lộc city (a district): the hand-counted organisations of its territory, with the approximate flag', async () => {
    const bl = await preUnit(2, '673');
    const t = (await communeTerritory(h.database.db, bl))!;
    const ld = (await communeTerritory(h.database.db, await preUnit(1, '68')))!;
    const [succ] = await successors(t.preCommuneIds[0]);
    const b1 = await htx(succ, t.preCommuneIds[0]);
    const b2 = await htx(t.postCommuneIds[t.postCommuneIds.length - 1], null);
    const outsidePre = ld.preCommuneIds.find((id) => !t.preCommuneIds.includes(id))!;
    const [outsideSucc] = await successors(outsidePre);
    await htx(outsideSucc, outsidePre);
    const { ev, ids } = await evaluateOn(bl);
    expect(ids).toEqual([b1, b2].sort((a, b) => a - b));
    expect(ev.evaluation.actual).toBe(2);
    expect(ev.evaluation.approximate).toBe(t.approximate);
    if (t.approximate) expect(ev.evaluation.explanation).toContain('gần đúng');
  });

  it('a unit of today is viewed over history: its organisations counted in earlier years by their founding dates', async () => {
    const langSon = await h.unitId('20', 1);
    const r = await national.get(`/api/indicators/htx_count/value?unitId=${langSon}&date=2019-12-31`);
    expect(r.status).toBe(200);
    // The three standard organisations were founded on 15/1/2020: none of them existed at the end of 2019.
    expect(r.body.evaluation.value).toBe(0);
    const later = await national.get(`/api/indicators/htx_count/value?unitId=${langSon}&date=2020-12-31`);
    expect(later.body.evaluation.value).toBe(2);
  });
});
