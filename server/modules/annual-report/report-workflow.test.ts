/** Yearly reports: the workflow draft → submitted → returned/approved → reopened, locking, and who may act. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPORT_STATUSES } from '../../../core/registry/enums.js';
import {
  nextReportStatus,
  REPORT_ACTIONS,
  type ReportAction,
} from '../../../core/registry/report-workflow.js';
import { createHarness, type Harness, standardUsers, type TestClient } from '../../test/harness.js';
import { auditOf, COMPLETE, forceStatus, reportPath, saveFigures } from './report-test-helpers.js';

let h: Harness;
let fx: Awaited<ReturnType<typeof standardUsers>>;
const c: Record<string, TestClient> = {};

beforeAll(async () => {
  h = await createHarness();
  fx = await standardUsers(h);
  for (const u of ['coop', 'cofficer', 'cofficer.sibling', 'padmin', 'pofficer', 'padmin.nb', 'national'])
    c[u] = await h.login(u);
});
afterAll(() => h.close());

const BODIES: Record<ReportAction, unknown> = {
  submit: {},
  return: { comment: 'Sửa lại số lao động.' },
  approve: {},
  reopen: { reason: 'Số liệu doanh thu sai.' },
};
const act = (
  who: string,
  org: number,
  year: number,
  action: ReportAction,
  body: unknown = BODIES[action],
  period = 'year',
) => c[who].post(reportPath(org, year, `/${action}`, period), body);

describe('the happy path', () => {
  let id: number;

  it('a coop user submits its own report, with one audit row and a submit comment', async () => {
    expect((await c.coop.get(reportPath(fx.orgOwn, 2024))).body.code).toBe('report.not_found');
    const saved = await saveFigures(c.coop, fx.orgOwn, 2024, COMPLETE);
    expect(saved.status, saved.text).toBe(201);
    id = saved.body.report.id;
    const r = await act('coop', fx.orgOwn, 2024, 'submit', { comment: 'Kính gửi UBND xã.' });
    expect(r.status, r.text).toBe(200);
    expect(r.body.report).toMatchObject({
      status: 'submitted',
      editable: false,
      nextActions: ['return', 'approve'],
    });
    expect(r.body.report.submittedAt).not.toBeNull();
    expect(r.body.report.comments.map((x: { kind: string; body: string }) => [x.kind, x.body])).toEqual([
      ['submit', 'Kính gửi UBND xã.'],
    ]);
    const audit = await auditOf(h, id);
    expect(audit.map((a) => a.action)).toEqual(['report.create', 'report.submit']);
    expect(audit[1].after).toMatchObject({ status: 'submitted', year: 2024 });
  });

  it('a submitted report cannot be saved (409 report.locked)', async () => {
    const r = await c.coop.req('PUT', reportPath(fx.orgOwn, 2024), {
      figures: { workerTotal: 10 },
      version: 2,
    });
    expect(r.status).toBe(409);
    expect(r.body.code).toBe('report.locked');
  });

  it('the coop user cannot approve (403); officers of another commune or province do not see it (404)', async () => {
    const coop = await act('coop', fx.orgOwn, 2024, 'approve');
    expect(coop.status).toBe(403);
    expect(coop.body.code).toBe('forbidden');
    for (const who of ['cofficer.sibling', 'padmin.nb']) {
      const r = await act(who, fx.orgOwn, 2024, 'approve');
      expect(r.status, who).toBe(404);
      expect(r.body.code).toBe('not_found');
    }
    expect((await c.cofficer.get(reportPath(fx.orgOwn, 2024))).body.report.status).toBe('submitted');
  });

  it('the commune officer returns it with a comment and per-field comments', async () => {
    const r = await act('cofficer', fx.orgOwn, 2024, 'return', {
      comment: 'Đề nghị kiểm tra lại.',
      fieldComments: { workerTotal: 'Thiếu lao động thời vụ.' },
    });
    expect(r.status, r.text).toBe(200);
    expect(r.body.report.status).toBe('returned');
    const trail = r.body.report.comments.filter((x: { kind: string }) => x.kind === 'return');
    expect(trail.map((x: { field: string | null; body: string }) => [x.field, x.body])).toEqual([
      [null, 'Đề nghị kiểm tra lại.'],
      ['workerTotal', 'Tổng số lao động: Thiếu lao động thời vụ.'],
    ]);
    expect(trail[0].authorName).toBe('cofficer');
  });

  it('return needs a comment and refuses a figure key outside the catalogue', async () => {
    await act('coop', fx.orgOwn, 2024, 'submit');
    expect((await act('cofficer', fx.orgOwn, 2024, 'return', { comment: '  ' })).status).toBe(400);
    const bad = await act('cofficer', fx.orgOwn, 2024, 'return', {
      comment: 'x',
      fieldComments: { soLaoDong: 'y' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('validation.failed');
    await act('cofficer', fx.orgOwn, 2024, 'return', { comment: 'Trả lại lần hai.' });
  });

  it('the coop corrects the returned report, resubmits, and the officer approves: the year is locked', async () => {
    const saved = await saveFigures(c.coop, fx.orgOwn, 2024, { workerTotal: 11 });
    expect(saved.status, saved.text).toBe(200);
    expect((await act('coop', fx.orgOwn, 2024, 'submit')).body.report.status).toBe('submitted');
    const ok = await act('cofficer', fx.orgOwn, 2024, 'approve', { comment: 'Số liệu hợp lý.' });
    expect(ok.status, ok.text).toBe(200);
    expect(ok.body.report).toMatchObject({ status: 'approved', editable: false, nextActions: ['reopen'] });
    expect(ok.body.report.reviewedAt).not.toBeNull();
    const locked = await c.coop.req('PUT', reportPath(fx.orgOwn, 2024), {
      figures: { workerTotal: 12 },
      version: ok.body.report.version,
    });
    expect(locked.status).toBe(409);
    expect(locked.body.code).toBe('report.locked');
    // The 6-month report of an approved year is locked too.
    const h1 = await c.coop.req('PUT', reportPath(fx.orgOwn, 2024, '', 'h1'), {
      figures: { workerTotal: 12 },
    });
    expect(h1.status).toBe(409);
    expect(h1.body.code).toBe('report.locked');
    expect((await c.coop.get(reportPath(fx.orgOwn, 2024))).body.report.figures.workerTotal).toBe(11);
  });

  it('reopening needs report.reopen (province roles) and a reason; it returns the report to draft', async () => {
    expect((await act('cofficer', fx.orgOwn, 2024, 'reopen')).status).toBe(403);
    const noReason = await act('padmin', fx.orgOwn, 2024, 'reopen', {});
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors[0].path).toBe('reason');
    const r = await act('pofficer', fx.orgOwn, 2024, 'reopen', { reason: 'Doanh thu ghi nhầm đơn vị.' });
    expect(r.status, r.text).toBe(200);
    expect(r.body.report).toMatchObject({ status: 'draft', editable: true });
    expect(r.body.report.comments.at(-1)).toMatchObject({
      kind: 'reopen',
      body: 'Doanh thu ghi nhầm đơn vị.',
      authorName: 'pofficer',
    });
    const audit = await auditOf(h, id);
    expect(audit.at(-1)).toMatchObject({ action: 'report.reopen' });
    expect(audit.at(-1)!.after).toMatchObject({ status: 'draft', comment: 'Doanh thu ghi nhầm đơn vị.' });
    expect((await saveFigures(c.coop, fx.orgOwn, 2024, { workerTotal: 12 })).status).toBe(200);
  });
});

describe('illegal transitions', () => {
  let id: number;
  beforeAll(async () => {
    id = (await saveFigures(c.national, fx.orgSibling, 2023, COMPLETE)).body.report.id;
  });

  const statuses = REPORT_STATUSES.map((s) => s.value);
  const illegal = statuses.flatMap((s) =>
    REPORT_ACTIONS.filter((a) => !nextReportStatus(s, a)).map((a) => [s, a] as const),
  );
  it.each(illegal)(
    'from %s, %s answers 409 report.invalid_transition and changes nothing',
    async (status, action) => {
      await forceStatus(h, id, status);
      const before = (await auditOf(h, id)).length;
      const r = await act('national', fx.orgSibling, 2023, action);
      expect(r.status, r.text).toBe(409);
      expect(r.body).toMatchObject({ code: 'report.invalid_transition', status, action });
      expect((await c.national.get(reportPath(fx.orgSibling, 2023))).body.report.status).toBe(status);
      expect(await auditOf(h, id)).toHaveLength(before);
    },
  );

  it('covers 11 illegal pairs', () => {
    expect(illegal).toHaveLength(11);
  });

  it('a transition on a year without a report answers 404 report.not_found', async () => {
    const r = await act('national', fx.orgSibling, 2010, 'submit');
    expect(r.status).toBe(404);
    expect(r.body.code).toBe('report.not_found');
  });
});

describe('who may act', () => {
  it('officers submit on behalf of organisations in their subtree only', async () => {
    await saveFigures(c.pofficer, fx.orgSibling, 2022, COMPLETE);
    expect((await act('cofficer', fx.orgSibling, 2022, 'submit')).status).toBe(404);
    const r = await act('pofficer', fx.orgSibling, 2022, 'submit');
    expect(r.status, r.text).toBe(200);
    expect(r.body.report.comments[0].authorName).toBe('pofficer');
    // The sibling commune's officer reviews it; the own commune's officer cannot see it.
    expect((await act('cofficer', fx.orgSibling, 2022, 'approve')).status).toBe(404);
    expect((await act('cofficer.sibling', fx.orgSibling, 2022, 'approve')).status).toBe(200);
  });

  it('a coop user cannot touch another organisation (404) and cannot reopen (403)', async () => {
    expect((await saveFigures(c.coop, fx.orgSibling, 2021, COMPLETE)).status).toBe(404);
    expect((await c.coop.get(reportPath(fx.orgSibling, 2022))).status).toBe(404);
    expect((await act('coop', fx.orgSibling, 2022, 'reopen')).status).toBe(403);
  });

  it('a province admin of another province sees nothing of Lạng Sơn; its own organisation it reviews', async () => {
    expect((await c['padmin.nb'].get(`/api/organisations/${fx.orgOwn}/reports`)).status).toBe(404);
    await saveFigures(c['padmin.nb'], fx.orgOther, 2024, COMPLETE);
    await act('padmin.nb', fx.orgOther, 2024, 'submit');
    expect((await act('padmin.nb', fx.orgOther, 2024, 'approve')).body.report.status).toBe('approved');
    expect((await act('padmin', fx.orgOther, 2024, 'reopen', BODIES.reopen)).status).toBe(404);
  });
});
