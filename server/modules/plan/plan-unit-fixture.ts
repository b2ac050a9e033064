import { expect } from 'vitest';
import { organisationNameKey } from '../../../core/text.js';
import type { Harness, standardUsers, TestClient } from '../../test/harness.js';
import { type CommuneTerritory, communeTerritory } from '../admin-unit/admin-unit.service.js';

/**
 * The plan the unit-filter tests read (plan-unit-view.test.ts): the former Lạng Sơn province with T-06b (45–50 HTX
 * founded a year), its allocation T-06a (4–5 HTX per former district) and T-02 (about 750 HTX); six organisations
 * placed by hand in one former district (communes of today s1, s2) and outside it, each id kept for the drill-downs.
 */
export interface UnitPlanFixture {
  planId: number;
  /** Target ids by name: T-06a, T-06b, T-02. */
  targets: Record<string, number>;
  district: number;
  dt: CommuneTerritory;
  s1: number;
  s2: number;
  /** In s1: HTX founded 2025, HTX founded 2019, THT founded 2025 (all with their old commune). */
  s1Htx2025: number;
  s1Htx2019: number;
  s1Tht2025: number;
  /** In s2: HTX founded 2025 with its old commune, HTX founded 2025 without it (counted by lineage). */
  s2Htx2025: number;
  s2HtxNoOld: number;
  /** An HTX founded 2025 in another former district of the province. */
  outside: number;
}

/** A unit of before 1/7/2025 by level and code (the newest when a code was reused). */
export const preUnit = async (h: Harness, level: number, code: string) =>
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

/** The commune of today an old commune became directly (the first, when it was split), or -1. */
async function successor(h: Harness, oldId: number) {
  const r = await h.database.db
    .selectFrom('admin_unit_lineage as l')
    .innerJoin('admin_unit as x', 'x.id', 'l.new_unit_id')
    .select('x.id')
    .where('l.old_unit_id', '=', oldId)
    .where('x.era', '=', 'post2025')
    .where('x.level', '=', 3)
    .orderBy('x.id')
    .executeTakeFirst();
  return r?.id ?? -1;
}

/** Builds the plan and places the organisations; the national client creates the plan. */
export async function buildUnitPlan(
  h: Harness,
  u: Awaited<ReturnType<typeof standardUsers>>,
  national: TestClient,
): Promise<UnitPlanFixture> {
  let n = 0;
  const org = async (kind: 'HTX' | 'THT', communeId: number, pre: number | null, foundedOn: string) => {
    const name = `${kind === 'HTX' ? 'Hợp tác xã' : 'Tổ hợp tác'} Đơn Vị Lọc ${++n}`;
    const r = await h.database.db
      .insertInto('organisation')
      .values({
        kind,
        reg_code: `77${String(process.pid % 10000).padStart(4, '0')}${String(n).padStart(4, '0')}`,
        name,
        name_key: organisationNameKey(name),
        commune_id: communeId,
        province_id: u.langSon,
        pre2025_commune_id: pre,
        founded_on: foundedOn,
        field: 'agriculture',
      } as never)
      .returning('id')
      .executeTakeFirstOrThrow();
    return r.id;
  };
  const lsOld = await preUnit(h, 1, '20');
  // A former district whose communes of today hold none of the standard organisations and lie wholly inside it.
  const districts = await h.database.db
    .selectFrom('admin_unit')
    .select('id')
    .where('parent_id', '=', lsOld)
    .where('level', '=', 2)
    .orderBy('code')
    .execute();
  let f: Omit<UnitPlanFixture, 'planId' | 'targets' | 'outside'> | null = null;
  for (const d of districts) {
    const t = (await communeTerritory(h.database.db, d.id))!;
    const whole = t.postCommuneIds.filter((id) => !t.partialPostCommuneIds.includes(id));
    if (t.postCommuneIds.includes(u.dongDang) || t.postCommuneIds.includes(u.sibling) || whole.length < 2)
      continue;
    const pres: number[] = [];
    for (const p of t.preCommuneIds) if (whole.includes(await successor(h, p))) pres.push(p);
    const a = await successor(h, pres[0]);
    const b = pres.find((p) => p !== pres[0]);
    if (b === undefined || (await successor(h, b)) === a) continue;
    const s2 = await successor(h, b);
    f = {
      district: d.id,
      dt: t,
      s1: a,
      s2,
      s1Htx2025: await org('HTX', a, pres[0], '2025-02-01'),
      s1Htx2019: await org('HTX', a, pres[0], '2019-05-01'),
      s1Tht2025: await org('THT', a, pres[0], '2025-02-10'),
      s2Htx2025: await org('HTX', s2, b, '2025-03-01'),
      s2HtxNoOld: await org('HTX', s2, null, '2025-04-01'),
    };
    break;
  }
  if (!f) throw new Error('no former district of Lạng Sơn fits the fixture');
  const dt = f.dt;
  const outsidePre = (await communeTerritory(h.database.db, lsOld))!.preCommuneIds.find(
    (id) => !dt.preCommuneIds.includes(id),
  )!;
  const outsidePost = await successor(h, outsidePre);
  expect(dt.postCommuneIds).not.toContain(outsidePost);
  const outside = await org('HTX', outsidePost, outsidePre, '2025-05-01');

  const plan = await national.post('/api/plans', {
    kind: 'ke_hoach',
    title: 'Kế hoạch lọc theo đơn vị',
    issuer: 'UBND tỉnh Lạng Sơn',
    unitId: lsOld,
    startYear: 2023,
    endYear: 2030,
  });
  expect(plan.status, plan.text).toBe(201);
  const planId = plan.body.id as number;
  const add = async (body: Record<string, unknown>) => {
    const r = await national.post(`/api/plans/${planId}/targets`, {
      indicatorKey: 'htx_founded',
      unit: 'HTX',
      comparator: 'range',
      targetYear: 2030,
      recurring: true,
      ...body,
    });
    expect(r.status, r.text).toBe(201);
    return r.body.id as number;
  };
  const t06b = await add({
    code: 'T-06',
    part: 'b',
    value: 45,
    valueMax: 50,
    wording: 'toàn tỉnh 45–50 HTX',
  });
  const t06a = await add({
    code: 'T-06',
    part: 'a',
    value: 4,
    valueMax: 5,
    wording: 'mỗi huyện 04–05 HTX',
    parentId: t06b,
    relation: 'allocated',
    allocationLevel: 2,
  });
  const t02 = await add({
    code: 'T-02',
    indicatorKey: 'htx_count',
    comparator: 'about',
    value: 750,
    recurring: false,
    wording: 'khoảng 750 HTX',
  });
  return { ...f, planId, outside, targets: { 'T-06a': t06a, 'T-06b': t06b, 'T-02': t02 } };
}
