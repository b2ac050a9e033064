import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '../../context.js';
import { createHarness, type Harness, standardUsers, type TestClient } from '../../test/harness.js';
import { ANNUAL_REPORT_COLUMNS } from './columns-annual-report.js';
import { download, dryRun, sheetRows, workbookOf } from './registry-io.test-support.js';
import { classifyReports, importedReportStatus } from './report-classify.js';

let h: Harness;
let u: Awaited<ReturnType<typeof standardUsers>>;
let officer: TestClient;
let officerId: number;

const header = (key: string) => ANNUAL_REPORT_COLUMNS.find((c) => c.key === key)!.header;
const report = (orgId: number, year: number) =>
  h.database.db
    .selectFrom('annual_report')
    .selectAll()
    .where('organisation_id', '=', orgId)
    .where('year', '=', year)
    .executeTakeFirst();

beforeAll(async () => {
  h = await createHarness();
  u = await standardUsers(h);
  officer = await h.login('pofficer');
  officerId = (
    await h.database.db
      .selectFrom('app_user')
      .select('id')
      .where('username', '=', 'pofficer')
      .executeTakeFirstOrThrow()
  ).id;
  // A draft report of 2023 for the own organisation, with a figure the import file does not carry.
  await h.database.db
    .insertInto('annual_report')
    .values({
      organisation_id: u.orgOwn,
      year: 2023,
      status: 'draft',
      worker_total: 12,
      member_women: 3,
    } as never)
    .execute();
});
afterAll(() => h.close());

describe('import of yearly figures', () => {
  const cols = [
    'MST',
    'Năm',
    header('memberOfficialIndividual'),
    header('memberOfficialHousehold'),
    header('revenueTotal'),
    header('profitBeforeTax'),
    header('fundReservePct'),
    header('valueChain'),
    header('generalMeetingDate'),
    header('workerTotal'),
  ];
  let jobId: number;

  it('checks figures with the shared report schema and refuses organisations outside the scope and repeated years', async () => {
    const bytes = await workbookOf(cols, [
      ['4900000001', 2024, 20, 5, '1.234.567.000', '-12.500.000', '12,5', 'x', '25/03/2025', 30],
      ['4900000002', '2024', 7, 0, 800_000_000, 0, '10%', 'Không', null, null],
      ['4900000001', 2023, 21, 5, '1.000.000', null, null, 'Có', null, 14],
      ['2700000003', 2024, 9, 1, 1, 1, 1, 'Có', null, 1],
      ['4900000002', 2022, 7, 0, '1,5', 0, '150', 'Không', null, null],
      ['4900000002', 2022, -1, 0, 1, 0, 1, 'Không', null, null],
      ['4900000001', 2031, 1, 1, 1, 1, 1, 'Có', null, 1],
    ]);
    const r = await dryRun(officer, 'annual_reports', bytes);
    expect(r.status, r.text).toBe(201);
    expect(r.body.totals).toEqual({ rows: 7, valid: 3, invalid: 4, insert: 2, update: 1, unchanged: 0 });
    const messages = (row: number) =>
      r.body.errors
        .filter((e: { row: number }) => e.row === row)
        .map((e: { column: string; message: string }) => `${e.column}: ${e.message}`);
    expect(messages(5).join()).toContain('Không có tổ chức mã số 2700000003 trong phạm vi');
    expect(messages(6).join()).toContain(header('revenueTotal'));
    expect(messages(6).join()).toContain(header('fundReservePct'));
    expect(messages(7).join()).toContain('nhiều dòng');
    expect(messages(8).join()).toContain('Năm báo cáo 2031 không hợp lệ');
    jobId = r.body.jobId;
  });

  it('writes reports as approved for an importer who may review, keeping figures the file does not carry', async () => {
    const c = await officer.post(`/api/registry/imports/${jobId}/commit`, { mode: 'valid_only' });
    expect(c.body).toMatchObject({ inserted: 2, updated: 1, rejected: 4 });
    const r2024 = await report(u.orgOwn, 2024);
    expect(r2024).toMatchObject({
      status: 'approved',
      member_official_individual: 20,
      member_official_household: 5,
      members_official: 25,
      members_total: 25,
      revenue_total: '1234567000',
      profit_before_tax: '-12500000',
      fund_reserve_pct: '12.50',
      value_chain: true,
      general_meeting_date: '2025-03-25',
      worker_total: 30,
      submitted_by: officerId,
      reviewed_by: officerId,
    });
    expect(r2024!.reviewed_at).not.toBeNull();
    expect(await report(u.orgSibling, 2024)).toMatchObject({
      fund_reserve_pct: '10.00',
      value_chain: false,
      revenue_total: '800000000',
    });
    const r2023 = await report(u.orgOwn, 2023);
    expect(r2023).toMatchObject({
      status: 'approved',
      worker_total: 14,
      member_women: 3,
      revenue_total: '1000000',
      version: 2,
    });
  });

  it('never overwrites an approved (locked) year: the same file again writes nothing and says why', async () => {
    const bytes = await workbookOf(cols, [['4900000001', 2024, 99, 5, 1, 1, 1, 'x', null, 30]]);
    const r = await dryRun(officer, 'annual_reports', bytes);
    expect(r.body.totals).toMatchObject({ rows: 1, valid: 0, invalid: 1 });
    expect(r.body.errors[0]).toMatchObject({ row: 2, column: 'Năm báo cáo' });
    expect(r.body.errors[0].message).toContain('đã được duyệt (khóa)');
    const c = await officer.post(`/api/registry/imports/${r.body.jobId}/commit`, { mode: 'valid_only' });
    expect(c.body).toMatchObject({ inserted: 0, updated: 0 });
    expect((await report(u.orgOwn, 2024))!.member_official_individual).toBe(20);
  });

  it('gives "submitted" to an importer without report.review', async () => {
    const ctx = {
      ...h.deps,
      requestId: 't',
      ip: null,
      user: {
        id: 1,
        username: 'x',
        fullName: 'x',
        role: 'coop_user',
        scope: {
          type: 'organisation',
          unitId: u.dongDang,
          provinceId: u.langSon,
          communeId: u.dongDang,
          organisationId: u.orgOwn,
        },
      },
    } as unknown as Ctx;
    expect(importedReportStatus(ctx)).toBe('submitted');
    const c = await classifyReports(
      h.database.db,
      ctx,
      {
        keys: ['workerTotal'],
        drafts: [
          {
            row: 2,
            regCode: '4900000001',
            year: 2022,
            figures: { workerTotal: 4 },
            issues: [],
            warnings: [],
          },
        ],
      },
      false,
    );
    expect(c.inserts).toMatchObject([{ organisationId: u.orgOwn, year: 2022, status: 'submitted' }]);
  });

  it('exports the figures of a year in the template layout', async () => {
    const r = await download(h, officer, '/api/registry/exports/annual-reports?year=2024');
    expect(r.status).toBe(200);
    const rows = await sheetRows(r.bytes);
    expect(rows[0]).toEqual(ANNUAL_REPORT_COLUMNS.map((c) => c.header));
    const own = rows.find((x) => x[0] === '4900000001')!;
    const at = (key: string) => own[ANNUAL_REPORT_COLUMNS.findIndex((c) => c.key === key)];
    expect([
      at('year'),
      at('status'),
      at('revenueTotal'),
      at('profitBeforeTax'),
      at('fundReservePct'),
      at('valueChain'),
    ]).toEqual([2024, 'Đã duyệt (khóa)', 1234567000, -12500000, 12.5, 'Có']);
    expect(at('generalMeetingDate')).toEqual(new Date(Date.UTC(2025, 2, 25)));
    expect(rows).toHaveLength(3);
    const nb = await download(
      h,
      await h.login('padmin.nb'),
      '/api/registry/exports/annual-reports?year=2024',
    );
    expect(await sheetRows(nb.bytes)).toHaveLength(1);
  });
});
