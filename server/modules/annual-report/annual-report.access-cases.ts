/**
 * Access-matrix cases of the yearly-report routes. Each builder puts the target organisation's report of
 * MATRIX_YEAR into the state its route needs (a draft to submit, a submitted report to return or approve,
 * an approved one to reopen) right before returning the request, so call the builder immediately before
 * sending each request: a permitted caller's transition then never meets the state left by the previous one.
 * Targets: own = orgOwn (commune Đồng Đăng), sibling = orgSibling, other and nation = orgOther (Ninh Bình).
 */
import { figuresToColumns } from '../../../core/registry/report-input.js';
import type { MatrixCases, MatrixFixtures, MatrixTarget } from '../../test/access-cases.js';
import type { Harness } from '../../test/harness.js';
import { COMPLETE } from './report-test-helpers.js';
import { derivedTotals } from './save-report.js';

/** The year the matrix works on (before the fixtures' founding year: a warning, never a refusal). */
export const MATRIX_YEAR = 2015;

const orgOf = (t: MatrixTarget, fx: MatrixFixtures) =>
  t === 'own' ? fx.orgOwn : t === 'sibling' ? fx.orgSibling : fx.orgOther;

/** Creates or resets the target organisation's MATRIX_YEAR report to a status with complete figures; returns id and version. */
export async function resetReport(h: Harness, organisationId: number, status: string) {
  const db = h.database.db;
  const values = { ...figuresToColumns(COMPLETE), ...derivedTotals(COMPLETE), status };
  const existing = await db
    .selectFrom('annual_report')
    .select('id')
    .where('organisation_id', '=', organisationId)
    .where('year', '=', MATRIX_YEAR)
    .where('period', '=', 'year')
    .executeTakeFirst();
  const row = existing
    ? await db
        .updateTable('annual_report')
        .set(values as never)
        .where('id', '=', existing.id)
        .returning(['id', 'version'])
        .executeTakeFirstOrThrow()
    : await db
        .insertInto('annual_report')
        .values({ organisation_id: organisationId, year: MATRIX_YEAR, period: 'year', ...values } as never)
        .returning(['id', 'version'])
        .executeTakeFirstOrThrow();
  return row;
}

/** Makes sure the report has one quality flag; returns its id. */
async function ensureFlag(h: Harness, reportId: number) {
  const db = h.database.db;
  const flag = await db
    .selectFrom('data_quality_flag')
    .select('id')
    .where('report_id', '=', reportId)
    .where('rule', '=', 'members_drop')
    .executeTakeFirst();
  if (flag) return flag.id;
  return (
    await db
      .insertInto('data_quality_flag')
      .values({ report_id: reportId, rule: 'members_drop', message: 'Thành viên giảm (dữ liệu thử).' })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
}

const path = (org: number, suffix = '') => `/api/organisations/${org}/reports/${MATRIX_YEAR}${suffix}`;

/** Route id → request builder for the yearly-report routes. */
export const annualReportCases: MatrixCases = {
  'reports.list': (t, fx) => ({ method: 'GET', path: `/api/organisations/${orgOf(t, fx)}/reports` }),
  'reports.get': async (t, fx, h) => {
    await resetReport(h, orgOf(t, fx), 'draft');
    return { method: 'GET', path: path(orgOf(t, fx)) };
  },
  'reports.save': async (t, fx, h) => {
    const r = await resetReport(h, orgOf(t, fx), 'draft');
    return {
      method: 'PUT',
      path: path(orgOf(t, fx)),
      body: { figures: { workerTotal: 10 }, version: r.version },
    };
  },
  'reports.submit': async (t, fx, h) => {
    await resetReport(h, orgOf(t, fx), 'draft');
    return {
      method: 'POST',
      path: path(orgOf(t, fx), '/submit'),
      body: { comment: 'Gửi báo cáo (ma trận quyền).' },
    };
  },
  'reports.return': async (t, fx, h) => {
    await resetReport(h, orgOf(t, fx), 'submitted');
    return {
      method: 'POST',
      path: path(orgOf(t, fx), '/return'),
      body: { comment: 'Trả lại (ma trận quyền).', fieldComments: { workerTotal: 'Kiểm tra lại.' } },
    };
  },
  'reports.approve': async (t, fx, h) => {
    await resetReport(h, orgOf(t, fx), 'submitted');
    return { method: 'POST', path: path(orgOf(t, fx), '/approve'), body: {} };
  },
  'reports.reopen': async (t, fx, h) => {
    await resetReport(h, orgOf(t, fx), 'approved');
    return {
      method: 'POST',
      path: path(orgOf(t, fx), '/reopen'),
      body: { reason: 'Mở lại (ma trận quyền).' },
    };
  },
  'reports.queue': () => ({ method: 'GET', path: `/api/reports?year=${MATRIX_YEAR}` }),
  'reports.comments': async (t, fx, h) => {
    const r = await resetReport(h, orgOf(t, fx), 'submitted');
    return { method: 'GET', path: `/api/reports/${r.id}/comments` };
  },
  'reports.comment': async (t, fx, h) => {
    const r = await resetReport(h, orgOf(t, fx), 'submitted');
    return {
      method: 'POST',
      path: `/api/reports/${r.id}/comments`,
      body: { body: 'Trao đổi (ma trận quyền).', field: 'workerTotal' },
    };
  },
  'reports.flag_status': async (t, fx, h) => {
    const r = await resetReport(h, orgOf(t, fx), 'submitted');
    const flagId = await ensureFlag(h, r.id);
    return {
      method: 'PATCH',
      path: `/api/reports/${r.id}/flags/${flagId}`,
      body: { status: 'explained', note: 'Đã giải trình (ma trận quyền).' },
    };
  },
};
