/** The status board and the unit report (JSON and Excel), for units of today and of before 1/7/2025. */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness, insertOrganisation, standardUsers } from '../../test/harness.js';
import { ensureCampaign, resetAssessment } from './assessment-test-support.js';

let h: Harness;
let fx: Awaited<ReturnType<typeof standardUsers>>;
const org: Record<string, number> = {};

async function set(id: number, year: number, status: string, extra: Record<string, unknown> = {}) {
  const rid = await resetAssessment(h, id, year, status);
  if (Object.keys(extra).length)
    await h.database.db
      .updateTable('assessment_result')
      .set(extra as never)
      .where('id', '=', rid)
      .execute();
}

beforeAll(async () => {
  h = await createHarness();
  fx = await standardUsers(h);
  for (const [k, n] of [
    ['late', 11],
    ['draft', 12],
    ['returned', 13],
    ['excluded', 14],
    ['good', 15],
  ] as const) {
    org[k] = await insertOrganisation(h, {
      regCode: `49000002${n}`,
      name: `Hợp tác xã Bảng ${k}`,
      communeId: fx.dongDang,
    });
  }
  await ensureCampaign(h, fx.langSon, 2024);
  await set(fx.orgOwn, 2024, 'self_submitted', { submitted_at: new Date('2024-12-15T16:30:00Z') }); // 23:30 on 15/12 in Vietnam: on time
  await set(org.late, 2024, 'commune_reviewed', { submitted_at: new Date('2024-12-15T17:30:00Z') }); // 00:30 on 16/12: late
  await set(org.draft, 2024, 'draft');
  await set(org.returned, 2024, 'returned');
  await set(org.excluded, 2024, 'draft', { not_classified_reason: 'new_lt_12_months' });
  await set(org.good, 2024, 'published', { band: 'tot', final_total: '85' });
  await set(fx.orgSibling, 2024, 'confirmed', { band: 'yeu', final_total: '40' });
  await set(fx.orgOwn, 2023, 'published', { band: 'kha', final_total: '70' });
  await set(org.good, 2023, 'published', { band: 'kha', final_total: '75' });
  await set(fx.orgSibling, 2023, 'published', { band: 'trung_binh', final_total: '55' });
  await set(fx.orgOther, 2024, 'published', { band: 'tot', final_total: '90' });
});
afterAll(() => h.close());

describe('GET /api/assessment-board', () => {
  it('counts submissions on time and late (Vietnam time), returns, confirmations, completeness and timeliness', async () => {
    const r = await (await h.login('cofficer')).get(`/api/assessment-board?unitId=${fx.dongDang}&year=2024`);
    expect(r.status, r.text).toBe(200);
    expect(r.body.totals).toMatchObject({
      organisations: 6,
      expected: 5,
      excluded: 1,
      submitted: 4,
      onTime: 3,
      late: 1,
      notSubmitted: 1,
      overdue: 1,
      returned: 1,
      awaitingReview: 1,
      reviewed: 1,
      confirmed: 1,
      completenessPct: 80,
      timelinessPct: 75,
    });
    const byName = Object.fromEntries(
      r.body.items.map((i: { organisationId: number }) => [i.organisationId, i]),
    );
    expect([byName[fx.orgOwn].onTime, byName[org.late].onTime, byName[org.draft].overdue]).toEqual([
      true,
      false,
      true,
    ]);
    expect(byName[org.excluded].stateLabel).toBe('Không thuộc diện xếp loại');
  });

  it('splits a province by commune for its officers', async () => {
    const r = await (await h.login('pofficer')).get(`/api/assessment-board?unitId=${fx.langSon}&year=2024`);
    expect(r.body.totals.organisations).toBe(7);
    expect(
      r.body.communes
        .map((c: { communeId: number; organisations: number }) => [c.communeId, c.organisations])
        .sort(),
    ).toEqual(
      [
        [fx.dongDang, 6],
        [fx.sibling, 1],
      ].sort(),
    );
  });

  it('answers 404 outside the scope: a province for a commune officer, any unit for a cooperative', async () => {
    expect(
      (await (await h.login('cofficer')).get(`/api/assessment-board?unitId=${fx.langSon}&year=2024`)).status,
    ).toBe(404);
    expect(
      (await (await h.login('cofficer')).get(`/api/assessment-board?unitId=${fx.sibling}&year=2024`)).status,
    ).toBe(404);
    expect(
      (await (await h.login('coop')).get(`/api/assessment-board?unitId=${fx.dongDang}&year=2024`)).status,
    ).toBe(404);
    expect(
      (await (await h.login('padmin')).get(`/api/assessment-board?unitId=${fx.ninhBinh}&year=2024`)).status,
    ).toBe(404);
  });
});

describe('GET /api/assessment-reports', () => {
  it('counts bands with shares, the unclassified by reason, work in progress, and the movement since last year', async () => {
    const r = await (await h.login('padmin')).get(`/api/assessment-reports?unitId=${fx.langSon}&year=2024`);
    expect(r.status, r.text).toBe(200);
    const b = r.body;
    expect([b.assessed, b.classified, b.inProgress, b.notClassifiedTotal]).toEqual([7, 2, 4, 1]);
    expect(b.bands.map((x: { count: number; sharePct: number }) => [x.count, x.sharePct])).toEqual([
      [1, 50],
      [0, 0],
      [0, 0],
      [1, 50],
    ]);
    expect(b.shareGoodOrFairPct).toBe(50);
    expect(b.notClassified.find((x: { reason: string }) => x.reason === 'new_lt_12_months').count).toBe(1);
    expect(b.movement.matrix.kha.tot).toBe(1); // org.good: Khá → Tốt
    expect(b.movement.matrix.trung_binh.yeu).toBe(1); // sibling: Trung bình → Yếu
    expect(b.movement.matrix.kha.none).toBe(1); // orgOwn: Khá → not confirmed yet
    expect([b.movement.improved, b.movement.declined, b.movement.same]).toEqual([1, 1, 0]);
    expect(b.list.find((x: { organisationId: number }) => x.organisationId === org.good)).toMatchObject({
      total: 85,
      bandLabel: 'Tốt',
      previousBand: 'kha',
    });
  });

  it('reports an old (pre-2025) district through the 2025 lineage', async () => {
    const db = h.database.db;
    const old = await db
      .selectFrom('admin_unit_lineage as l')
      .innerJoin('admin_unit as o', 'o.id', 'l.old_unit_id')
      .select(['o.id', 'o.parent_id'])
      .where('l.new_unit_id', '=', fx.dongDang)
      .where('o.level', '=', 3)
      .executeTakeFirstOrThrow();
    const r = await (await h.login('padmin')).get(
      `/api/assessment-reports?unitId=${old.parent_id}&year=2024`,
    );
    expect(r.status, r.text).toBe(200);
    expect(r.body.unit.era).toBe('pre2025');
    expect(r.body.list.map((x: { organisationId: number }) => x.organisationId)).toEqual(
      expect.arrayContaining([fx.orgOwn, org.good]),
    );
    expect(r.body.list.map((x: { organisationId: number }) => x.organisationId)).not.toContain(fx.orgOther);
  });

  it('exports the summary, the movement and the list to Excel', async () => {
    const res = await (await h.login('padmin')).req(
      'GET',
      `/api/assessment-reports/export?unitId=${fx.langSon}&year=2024`,
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain('.xlsx');
    const raw = await h.app.request(
      `http://localhost/api/assessment-reports/export?unitId=${fx.langSon}&year=2024`,
      {
        headers: { cookie: (await h.login('padmin')).cookie ?? '' },
      },
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await raw.arrayBuffer()) as never);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Tổng hợp', 'Chuyển hạng', 'Danh sách']);
    const list = wb.getWorksheet('Danh sách')!;
    const rows = list.getSheetValues().filter(Boolean) as unknown[][];
    expect(rows[0]).toContain('Tên hợp tác xã');
    expect(rows.some((r) => r.includes('Hợp tác xã Bảng good') && r.includes('Tốt') && r.includes(85))).toBe(
      true,
    );
    const sum = wb.getWorksheet('Tổng hợp')!.getSheetValues().filter(Boolean) as unknown[][];
    expect(sum.some((r) => r.includes('Tỷ lệ xếp loại Tốt và Khá') && r.includes(50))).toBe(true);
  });
});
