/**
 * GET /api/plans/{id}?unitId: a plan of the former Lạng Sơn province read for one former district (its allocation)
 * and for one commune of today (its actual, no figure), on organisations placed by hand; the territory and scope
 * checks; the export of a unit's view.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organisationNameKey } from '../../../core/text.js';
import { createHarness, type Harness, standardUsers, type TestClient } from '../../test/harness.js';
import { type CommuneTerritory, communeTerritory } from '../admin-unit/admin-unit.service.js';

let h: Harness;
let u: Awaited<ReturnType<typeof standardUsers>>;
let national: TestClient;
let planId = 0;
/** The former district, two communes of today in it (s1, s2) and a commune of another former district. */
let district = 0;
let dt: CommuneTerritory;
let s1 = 0;
let s2 = 0;
let n = 0;

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

/** The commune of today an old commune became directly (the first, when it was split), or -1. */
async function successor(oldId: number) {
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

async function org(kind: 'HTX' | 'THT', communeId: number, pre: number | null, foundedOn: string) {
  const name = `${kind === 'HTX' ? 'Hợp tác xã' : 'Tổ hợp tác'} Đơn Vị Lọc ${++n}`;
  await h.database.db
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
    .execute();
}

beforeAll(async () => {
  h = await createHarness();
  u = await standardUsers(h);
  national = await h.login('national');
  const lsOld = await preUnit(1, '20');
  // A former district whose communes of today hold none of the standard organisations and lie wholly inside it.
  const districts = await h.database.db
    .selectFrom('admin_unit')
    .select('id')
    .where('parent_id', '=', lsOld)
    .where('level', '=', 2)
    .orderBy('code')
    .execute();
  for (const d of districts) {
    const t = (await communeTerritory(h.database.db, d.id))!;
    const whole = t.postCommuneIds.filter((id) => !t.partialPostCommuneIds.includes(id));
    if (t.postCommuneIds.includes(u.dongDang) || t.postCommuneIds.includes(u.sibling) || whole.length < 2)
      continue;
    const pres: number[] = [];
    for (const p of t.preCommuneIds) if (whole.includes(await successor(p))) pres.push(p);
    const a = await successor(pres[0]);
    const b = pres.find((p) => p !== pres[0]);
    if (b === undefined || (await successor(b)) === a) continue;
    district = d.id;
    dt = t;
    s1 = a;
    s2 = await successor(b);
    // Hand-placed: in s1 (old commune recorded) two HTX, one founded in 2025, and a THT; in s2 two HTX founded in
    // 2025 (one without its old commune, counted by lineage); outside the district one HTX founded in 2025.
    await org('HTX', s1, pres[0], '2025-02-01');
    await org('HTX', s1, pres[0], '2019-05-01');
    await org('THT', s1, pres[0], '2025-02-10');
    await org('HTX', s2, b, '2025-03-01');
    await org('HTX', s2, null, '2025-04-01');
    break;
  }
  expect(district).toBeGreaterThan(0);
  const outsidePre = (await communeTerritory(h.database.db, lsOld))!.preCommuneIds.find(
    (id) => !dt.preCommuneIds.includes(id),
  )!;
  const outsidePost = await successor(outsidePre);
  expect(dt.postCommuneIds).not.toContain(outsidePost);
  await org('HTX', outsidePost, outsidePre, '2025-05-01');

  const plan = await national.post('/api/plans', {
    kind: 'ke_hoach',
    title: 'Kế hoạch lọc theo đơn vị',
    issuer: 'UBND tỉnh Lạng Sơn',
    unitId: lsOld,
    startYear: 2023,
    endYear: 2030,
  });
  expect(plan.status, plan.text).toBe(201);
  planId = plan.body.id;
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
  const whole = await add({
    code: 'T-06',
    part: 'b',
    value: 45,
    valueMax: 50,
    wording: 'toàn tỉnh 45–50 HTX',
  });
  await add({
    code: 'T-06',
    part: 'a',
    value: 4,
    valueMax: 5,
    wording: 'mỗi huyện 04–05 HTX',
    parentId: whole,
    relation: 'allocated',
    allocationLevel: 2,
  });
  await add({
    code: 'T-02',
    indicatorKey: 'htx_count',
    comparator: 'about',
    value: 750,
    recurring: false,
    wording: 'khoảng 750 HTX',
  });
}, 120_000);
afterAll(() => h.close());

interface Row {
  code: string;
  part: string;
  evaluation: Record<string, unknown>;
  unitView: Record<string, unknown> | null;
  figureText: string;
  children: { unitId: number; actual: number }[] | null;
}
const row = (body: { targets: Row[] }, name: string) =>
  body.targets.find((t) => `${t.code}${t.part}` === name) as Row;

describe('a plan read for one unit of its territory', () => {
  it("a former district: the allocation's figure and status, the district's actual elsewhere", async () => {
    const r = await national.get(`/api/plans/${planId}?date=2025-06-30&unitId=${district}`);
    expect(r.status, r.text).toBe(200);
    expect(r.body.unit).toMatchObject({
      id: district,
      era: 'pre2025',
      level: 2,
      approximate: dt.approximate,
    });
    // Founded in 2025 in the district: s1's HTX and both of s2's (the THT and the one outside do not count).
    for (const name of ['T-06a', 'T-06b']) {
      const t = row(r.body, name);
      expect(t.unitView).toMatchObject({
        mode: 'allocation',
        code: 'T-06',
        part: 'a',
        figureText: 'từ 4 đến 5 HTX',
      });
      // Baseline 0 on 31/12/2024; 181 of 365 days gone: the path to 4 requires 4 × 181/365 ≈ 1,98 and 3 ≥ it.
      expect(t.evaluation).toMatchObject({ actual: 3, status: 'on_track', required: 1.98, year: 2025 });
    }
    // No figure for the district: the 4 HTX existing there (1 before 2025, 3 founded in 2025), no status.
    const t02 = row(r.body, 'T-02');
    expect(t02.unitView).toMatchObject({ mode: 'contribution', additive: true });
    expect(t02.evaluation).toMatchObject({
      actual: 4,
      status: 'no_target',
      statusLabel: 'Không có chỉ tiêu riêng cho đơn vị này',
      required: null,
      projected: null,
    });
    expect(t02.figureText).toBe('khoảng 750 HTX (±5%)');
    expect(r.body.summary).toMatchObject({ on_track: 2, no_target: 1 });
    // The whole plan agrees: the district's row of the allocation.
    const all = await national.get(`/api/plans/${planId}?date=2025-06-30`);
    expect(all.body.unit).toBeNull();
    const child = row(all.body, 'T-06a').children?.find((c) => c.unitId === district);
    expect(child?.actual).toBe(3);
    expect(row(all.body, 'T-06b').evaluation.actual).toBe(4);
    expect(all.body.unitChoices.map((c: { id: number }) => c.id)).toEqual(
      expect.arrayContaining([district, s1]),
    );
  });

  it('a commune of today: no allocation to communes, its actual without a status', async () => {
    const r = await national.get(`/api/plans/${planId}?date=2025-06-30&unitId=${s1}`);
    expect(r.status, r.text).toBe(200);
    expect(r.body.unit).toMatchObject({ id: s1, era: 'post2025', approximate: false });
    // Founded in 2025 in s1: one HTX; existing: two.
    expect(row(r.body, 'T-06a')).toMatchObject({ unitView: { mode: 'contribution' } });
    expect(row(r.body, 'T-06a').evaluation).toMatchObject({ actual: 1, status: 'no_target' });
    expect(row(r.body, 'T-06b').evaluation).toMatchObject({ actual: 1, status: 'no_target' });
    expect(row(r.body, 'T-02').evaluation).toMatchObject({ actual: 2, status: 'no_target' });
    expect(r.body.summary.no_target).toBe(3);
  });

  it('a commune of today made partly of a former district keeps the approximate flag', async () => {
    const bl = await preUnit(2, '673');
    const t = (await communeTerritory(h.database.db, bl))!;
    const part = t.partialPostCommuneIds[0];
    expect(part).toBeDefined();
    const plan = await national.post('/api/plans', {
      kind: 'ke_hoach',
      title: 'Kế hoạch Bảo Lộc',
      issuer: 'Thành ủy Bảo Lộc',
      unitId: bl,
      startYear: 2023,
      endYear: 2030,
    });
    const r = await national.get(`/api/plans/${plan.body.id}?date=2025-06-30&unitId=${part}`);
    expect(r.status, r.text).toBe(200);
    expect(r.body.unit).toMatchObject({ id: part, approximate: true });
    expect(r.body.unit.explanation).toContain('gần đúng');
  });

  it('refuses a unit outside the territory (400) or outside the caller’s area (404)', async () => {
    const nb = await national.get(`/api/plans/${planId}?unitId=${u.otherCommune}`);
    expect(nb.status).toBe(400);
    expect(nb.body.code).toBe('plan.unit_outside_territory');
    const none = await national.get(`/api/plans/${planId}?unitId=2000000000`);
    expect(none.status).toBe(400);
    expect(none.body.code).toBe('unit.not_found');
    const padmin = await h.login('padmin');
    expect((await padmin.get(`/api/plans/${planId}?unitId=${u.otherCommune}`)).status).toBe(404);
    expect((await padmin.get(`/api/plans/${planId}?unitId=${district}`)).status).toBe(200);
    // A commune officer picks only inside the commune: Đồng Đăng yes, another commune no.
    const cofficer = await h.login('cofficer');
    expect((await cofficer.get(`/api/plans/${planId}?unitId=${s1}`)).status).toBe(404);
    const own = await cofficer.get(`/api/plans/${planId}?unitId=${u.dongDang}`);
    expect(own.status, own.text).toBe(200);
    expect(own.body.unitChoices.map((c: { id: number }) => c.id)).toEqual([u.dongDang]);
  });

  it("exports the unit's view: the allocation's figure and the district's actual", async () => {
    const r = await h.app.request(
      `http://localhost/api/plans/${planId}/export.xlsx?date=2025-06-30&unitId=${district}`,
      { headers: { cookie: national.cookie ?? '', host: 'localhost' } },
    );
    expect(r.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await r.arrayBuffer()) as never);
    const rows: string[][] = [];
    wb.worksheets[0].eachRow((x) => {
      rows.push((x.values as unknown[]).slice(1).map((v) => String(v ?? '')));
    });
    expect(rows.some((x) => x[0].includes('Đơn vị: '))).toBe(true);
    const t06a = rows.find((x) => x[0] === 'T-06 (a)');
    expect(t06a?.[2]).toBe('từ 4 đến 5 HTX (phân bổ T-06a)');
    expect(t06a?.[4]).toBe('3 HTX');
    const t02 = rows.find((x) => x[0] === 'T-02');
    expect(t02?.[2]).toContain('Không có chỉ tiêu riêng cho đơn vị này');
    expect(t02?.[4]).toBe('4 HTX');
  });
});
