/**
 * GET /api/plans/{id}?unitId: a plan of the former Lạng Sơn province read for one former district (its allocation)
 * and for one commune of today (its actual, no figure), on organisations placed by hand; the territory and scope
 * checks; the export of a unit's view; the drill-down and the evaluation of one target for a unit, which must count
 * exactly the organisations of the row's actual.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness, standardUsers, type TestClient } from '../../test/harness.js';
import { type CommuneTerritory, communeTerritory } from '../admin-unit/admin-unit.service.js';
import { buildUnitPlan, preUnit, type UnitPlanFixture } from './plan-unit-fixture.js';

let h: Harness;
let u: Awaited<ReturnType<typeof standardUsers>>;
let national: TestClient;
let f: UnitPlanFixture;
let planId = 0;
/** The former district, two communes of today in it (s1, s2) and a commune of another former district. */
let district = 0;
let dt: CommuneTerritory;
let s1 = 0;

beforeAll(async () => {
  h = await createHarness();
  u = await standardUsers(h);
  national = await h.login('national');
  f = await buildUnitPlan(h, u, national);
  ({ planId, district, dt, s1 } = f);
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
    const bl = await preUnit(h, 2, '673');
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

/** The organisations a target's drill-down lists at 30/6/2025 (one page holds them all), sorted by id, and its total. */
async function drill(name: string, query: string) {
  const r = await national.get(
    `/api/plans/${planId}/targets/${f.targets[name]}/organisations?date=2025-06-30&pageSize=200&${query}`,
  );
  expect(r.status, r.text).toBe(200);
  return { total: r.body.total as number, ids: sorted((r.body.items as { id: number }[]).map((o) => o.id)) };
}
const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);

describe('the drill-down and the evaluation of one target for a unit', () => {
  it("a former district: each row's drill-down lists exactly the organisations of its actual", async () => {
    const page = await national.get(`/api/plans/${planId}?date=2025-06-30&unitId=${district}`);
    expect(page.status, page.text).toBe(200);
    // T-06a and T-06b both read the allocation T-06a over the district: the HTX founded there in 2025 (not the THT,
    // not the HTX of 2019, not the one of the other district); s2's HTX without its old commune counts by lineage.
    const founded = sorted([f.s1Htx2025, f.s2Htx2025, f.s2HtxNoOld]);
    for (const name of ['T-06a', 'T-06b']) {
      const d = await drill(name, `unitId=${district}`);
      expect(d.total).toBe(row(page.body, name).evaluation.actual);
      expect(d.ids).toEqual(founded);
    }
    // T-02 has no figure for the district: the HTX existing there, the one of 2019 included.
    const d02 = await drill('T-02', `unitId=${district}`);
    expect(d02.total).toBe(row(page.body, 'T-02').evaluation.actual);
    expect(d02.ids).toEqual(sorted([...founded, f.s1Htx2019]));
    // Without a unit the drill-down covers the whole former province: the other district's HTX too.
    const whole = await national.get(`/api/plans/${planId}?date=2025-06-30`);
    const all = await drill('T-06b', '');
    expect(all.total).toBe(row(whole.body, 'T-06b').evaluation.actual);
    expect(all.ids).toEqual(sorted([...founded, f.outside]));
  });

  it("a commune of today: the drill-down lists the commune's organisations of the row's actual", async () => {
    const page = await national.get(`/api/plans/${planId}?date=2025-06-30&unitId=${s1}`);
    expect(page.status, page.text).toBe(200);
    for (const name of ['T-06a', 'T-06b']) {
      const d = await drill(name, `unitId=${s1}`);
      expect(d.total).toBe(row(page.body, name).evaluation.actual);
      expect(d.ids).toEqual([f.s1Htx2025]);
    }
    const d02 = await drill('T-02', `unitId=${s1}`);
    expect(d02.total).toBe(row(page.body, 'T-02').evaluation.actual);
    expect(d02.ids).toEqual(sorted([f.s1Htx2025, f.s1Htx2019]));
  });

  it('the evaluation of one target for a unit is the row the plan page shows', async () => {
    for (const unitId of [district, s1]) {
      const page = await national.get(`/api/plans/${planId}?date=2025-06-30&unitId=${unitId}`);
      for (const name of ['T-06a', 'T-06b', 'T-02']) {
        const r = await national.get(
          `/api/plans/${planId}/targets/${f.targets[name]}/evaluation?date=2025-06-30&unitId=${unitId}`,
        );
        expect(r.status, r.text).toBe(200);
        expect(r.body.evaluation).toEqual(row(page.body, name).evaluation);
        expect(r.body.unitView).toEqual(row(page.body, name).unitView);
        expect(r.body.unit).toMatchObject({ id: unitId });
        expect(r.body.territory.unitId).toBe(unitId);
        expect(r.body.children).toBeNull();
      }
    }
    const t06b = await national.get(
      `/api/plans/${planId}/targets/${f.targets['T-06b']}/evaluation?date=2025-06-30&unitId=${district}`,
    );
    expect(t06b.body.unitView).toMatchObject({ mode: 'allocation', targetId: f.targets['T-06a'] });
    expect(t06b.body.evaluation).toMatchObject({ actual: 3, status: 'on_track' });
    // Without a unit: the whole territory, with the allocation's children.
    const whole = await national.get(
      `/api/plans/${planId}/targets/${f.targets['T-06a']}/evaluation?date=2025-06-30`,
    );
    expect(whole.body.unit).toBeNull();
    expect(whole.body.children.find((c: { unitId: number }) => c.unitId === district)?.actual).toBe(3);
  });

  it('checks the unit as the plan page does: 400 outside the territory or unknown, 404 outside the caller’s area', async () => {
    const padmin = await h.login('padmin');
    const cofficer = await h.login('cofficer');
    for (const path of ['evaluation', 'organisations']) {
      const url = (unitId: number | string) =>
        `/api/plans/${planId}/targets/${f.targets['T-02']}/${path}?unitId=${unitId}`;
      const nb = await national.get(url(u.otherCommune));
      expect(nb.status).toBe(400);
      expect(nb.body.code).toBe('plan.unit_outside_territory');
      const none = await national.get(url(2_000_000_000));
      expect(none.status).toBe(400);
      expect(none.body.code).toBe('unit.not_found');
      expect((await national.get(url('abc'))).status).toBe(400);
      expect((await padmin.get(url(u.otherCommune))).status).toBe(404);
      expect((await padmin.get(url(district))).status).toBe(200);
      expect((await cofficer.get(url(s1))).status).toBe(404);
      const own = await cofficer.get(url(u.dongDang));
      expect(own.status, own.text).toBe(200);
    }
  });
});
