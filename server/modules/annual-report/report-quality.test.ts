/** Yearly reports: data-quality flags on submit, their re-evaluation, the comment trail and flag statuses. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness, standardUsers, type TestClient } from '../../test/harness.js';
import { auditOf, COMPLETE, reportPath, saveFigures } from './report-test-helpers.js';

let h: Harness;
let fx: Awaited<ReturnType<typeof standardUsers>>;
const c: Record<string, TestClient> = {};

beforeAll(async () => {
  h = await createHarness();
  fx = await standardUsers(h);
  for (const u of ['coop', 'cofficer', 'cofficer.sibling', 'padmin', 'padmin.nb', 'national'])
    c[u] = await h.login(u);
});
afterAll(() => h.close());

/** Saves and submits a report of orgOwn; returns the submitted report. */
async function submitWith(year: number, figures: Record<string, unknown>) {
  const saved = await saveFigures(c.coop, fx.orgOwn, year, figures);
  expect([200, 201], saved.text).toContain(saved.status);
  const r = await c.coop.post(reportPath(fx.orgOwn, year, '/submit'));
  expect(r.status, r.text).toBe(200);
  return r.body.report;
}
const rulesOf = (report: { flags: { rule: string }[] }) => report.flags.map((f) => f.rule);

describe('quality rules on submit (flags never block it)', () => {
  it('members down by more than 30% against the previous year are flagged', async () => {
    await submitWith(2020, {
      ...COMPLETE,
      memberOfficialIndividual: 100,
      memberOfficialHousehold: 0,
      memberAssociateCapital: 0,
    });
    const r = await submitWith(2021, {
      ...COMPLETE,
      memberOfficialIndividual: 60,
      memberOfficialHousehold: 0,
      memberAssociateCapital: 0,
    });
    expect(r.status).toBe('submitted');
    expect(r.flags).toEqual([
      expect.objectContaining({
        rule: 'members_drop',
        status: 'open',
        field: null,
        message: expect.stringContaining('từ 100 xuống 60'),
      }),
    ]);
    expect(r.openFlagCount).toBe(1);
    const audit = await auditOf(h, r.id);
    expect(audit.at(-1)!.after).toMatchObject({ qualityFlags: ['members_drop'] });
  });

  it('revenue with no members, profit above revenue and an implausible income are flagged', async () => {
    const r = await submitWith(2012, {
      ...COMPLETE,
      memberOfficialIndividual: 0,
      memberOfficialHousehold: 0,
      memberAssociateCapital: 0,
      revenueTotal: 100_000_000,
      profitBeforeTax: 150_000_000,
      avgIncomeRegularWorker: 5_000_000,
    });
    expect(rulesOf(r)).toEqual(['revenue_without_members', 'profit_above_revenue', 'income_out_of_range']);
    expect(r.flags.map((f: { field: string | null }) => f.field)).toEqual([
      'revenueTotal',
      'profitBeforeTax',
      'avgIncomeRegularWorker',
    ]);
  });

  it('negative capitals (which only an import can write) are flagged', async () => {
    await saveFigures(c.coop, fx.orgOwn, 2018, COMPLETE);
    await h.database.db
      .updateTable('annual_report')
      .set({ total_capital: '-5000000', charter_capital: '-1' })
      .where('organisation_id', '=', fx.orgOwn)
      .where('year', '=', 2018)
      .execute();
    const r = await c.coop.post(reportPath(fx.orgOwn, 2018, '/submit'));
    expect(rulesOf(r.body.report)).toEqual(['negative_total_capital', 'negative_charter_capital']);
  });

  it('a clean report has no flag, and the unique (report, rule) pair holds across resubmissions', async () => {
    const r = await submitWith(2016, COMPLETE);
    expect(r.flags).toEqual([]);
    const flagged = await submitWith(2017, { ...COMPLETE, profitBeforeTax: 4_000_000_000 });
    const flagId = flagged.flags[0].id;
    await c.cofficer.post(reportPath(fx.orgOwn, 2017, '/return'), { comment: 'Kiểm tra lợi nhuận.' });
    const again = await c.coop.post(reportPath(fx.orgOwn, 2017, '/submit'));
    expect(again.body.report.flags).toEqual([
      expect.objectContaining({ id: flagId, rule: 'profit_above_revenue' }),
    ]);
  });
});

describe('re-evaluation on resubmission', () => {
  it('clears a flag whose rule no longer fires, leaving a system note in the trail', async () => {
    await c.cofficer.post(reportPath(fx.orgOwn, 2012, '/return'), { comment: 'Số liệu bất thường.' });
    const fixed = await submitWith(2012, { ...COMPLETE, avgIncomeRegularWorker: 5_000_000 });
    expect(rulesOf(fixed)).toEqual(['income_out_of_range']);
    const notes = fixed.comments.filter(
      (x: { kind: string; authorId: number | null }) => x.kind === 'quality' && x.authorId === null,
    );
    expect(notes).toHaveLength(2);
    expect(notes[0]).toMatchObject({
      authorName: 'Hệ thống',
      body: expect.stringMatching(/^Cảnh báo không còn sau khi gửi lại/),
    });
  });

  it('re-opens an explained flag whose figures changed, keeps it when they did not', async () => {
    const report = (await c.coop.get(reportPath(fx.orgOwn, 2012))).body.report;
    const flag = report.flags[0];
    expect(
      (await c.cofficer.req('PATCH', `/api/reports/${report.id}/flags/${flag.id}`, { status: 'explained' }))
        .status,
    ).toBe(200);
    await c.cofficer.post(reportPath(fx.orgOwn, 2012, '/return'), { comment: 'Giữ nguyên.' });
    const same = await c.coop.post(reportPath(fx.orgOwn, 2012, '/submit'));
    expect(same.body.report.flags[0]).toMatchObject({ id: flag.id, status: 'explained' });
    await c.cofficer.post(reportPath(fx.orgOwn, 2012, '/return'), { comment: 'Sửa thu nhập.' });
    const changed = await submitWith(2012, { avgIncomeRegularWorker: 700_000_000 });
    expect(changed.flags[0]).toMatchObject({
      id: flag.id,
      status: 'open',
      message: expect.stringContaining('700.000.000'),
    });
  });
});

describe('comments and flag statuses', () => {
  let reportId: number;
  let flagId: number;
  beforeAll(async () => {
    const r = (await c.coop.get(reportPath(fx.orgOwn, 2021))).body.report;
    reportId = r.id;
    flagId = r.flags[0].id;
  });

  it('anyone who sees the report comments on a flag, with one audit row; the trail lists it', async () => {
    const before = (await auditOf(h, reportId)).length;
    const r = await c.coop.post(`/api/reports/${reportId}/comments`, {
      body: 'Năm 2021 có 40 hộ rút khỏi HTX do chuyển đổi cây trồng.',
      flagId,
    });
    expect(r.status, r.text).toBe(201);
    expect(r.body.comment).toMatchObject({ kind: 'quality', flagId, authorName: 'coop' });
    expect(await auditOf(h, reportId)).toHaveLength(before + 1);
    const note = await c.padmin.post(`/api/reports/${reportId}/comments`, {
      body: 'Đề nghị đính kèm biên bản.',
      field: 'workerTotal',
    });
    expect(note.body.comment).toMatchObject({ kind: 'note', field: 'workerTotal', flagId: null });
    const trail = await c.cofficer.get(`/api/reports/${reportId}/comments`);
    expect(trail.body.items.slice(-2).map((x: { body: string }) => x.body)).toEqual([
      'Năm 2021 có 40 hộ rút khỏi HTX do chuyển đổi cây trồng.',
      'Đề nghị đính kèm biên bản.',
    ]);
  });

  it('refuses a flag of another report (404) and hides the report outside the scope (404)', async () => {
    const other = (await c.coop.get(reportPath(fx.orgOwn, 2012))).body.report.id;
    const wrong = await c.coop.post(`/api/reports/${other}/comments`, { body: 'x', flagId });
    expect(wrong.status).toBe(404);
    expect(wrong.body.code).toBe('report.flag_not_found');
    for (const who of ['cofficer.sibling', 'padmin.nb']) {
      expect((await c[who].get(`/api/reports/${reportId}/comments`)).status).toBe(404);
      expect((await c[who].post(`/api/reports/${reportId}/comments`, { body: 'x' })).status).toBe(404);
    }
    expect((await c.coop.post(`/api/reports/${reportId}/comments`, { body: '  ' })).status).toBe(400);
  });

  it('an officer marks a flag explained then resolved; the coop cannot (403); the open count follows', async () => {
    expect(
      (await c.coop.req('PATCH', `/api/reports/${reportId}/flags/${flagId}`, { status: 'resolved' })).status,
    ).toBe(403);
    expect(
      (await c['padmin.nb'].req('PATCH', `/api/reports/${reportId}/flags/${flagId}`, { status: 'resolved' }))
        .status,
    ).toBe(404);
    const r = await c.cofficer.req('PATCH', `/api/reports/${reportId}/flags/${flagId}`, {
      status: 'explained',
      note: 'Đã có giải trình hợp lý.',
    });
    expect(r.status, r.text).toBe(200);
    expect(r.body.flag).toMatchObject({ id: flagId, status: 'explained' });
    const done = await c.padmin.req('PATCH', `/api/reports/${reportId}/flags/${flagId}`, {
      status: 'resolved',
    });
    expect(done.body.flag.status).toBe('resolved');
    const report = (await c.coop.get(reportPath(fx.orgOwn, 2021))).body.report;
    expect(report.openFlagCount).toBe(0);
    expect(
      report.comments
        .filter((x: { flagId: number | null }) => x.flagId === flagId)
        .map((x: { body: string }) => x.body),
    ).toEqual([
      'Năm 2021 có 40 hộ rút khỏi HTX do chuyển đổi cây trồng.',
      'Đánh dấu cảnh báo là "đã giải trình": Đã có giải trình hợp lý.',
      'Đánh dấu cảnh báo là "đã xử lý".',
    ]);
    const audit = await auditOf(h, reportId);
    expect(audit.at(-1)).toMatchObject({
      action: 'report.flag_status',
      before: { status: 'explained' },
      after: expect.objectContaining({ status: 'resolved' }),
    });
    const queue = (await c.cofficer.get('/api/reports?year=2021')).body.items[0];
    expect(queue).toMatchObject({ id: reportId, openFlagCount: 0 });
  });
});
