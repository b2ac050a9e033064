/**
 * Access-matrix cases of the assessment routes (shape in server/test/access-cases.ts). Each builder puts what its
 * request needs in place right before returning it (a fresh draft rubric of the target's province, the target
 * organisation's assessment of MATRIX_YEAR in the status its step starts from), so a permitted caller never meets the
 * state the previous call left. Targets: own = orgOwn / Đồng Đăng / Lạng Sơn, sibling = orgSibling / its commune
 * (Lạng Sơn), other = orgOther / Ninh Bình, nation = a national rubric where one exists (skipped elsewhere).
 */
import { randomUUID } from 'node:crypto';
import type { MatrixCases, MatrixFixtures, MatrixTarget } from '../../test/access-cases.js';
import type { Harness } from '../../test/harness.js';
import { buildWorkbook } from '../registry-io/xlsx-build.js';
import { ensureCampaign, insertDraftRubric, resetAssessment, rubricId } from './assessment-test-support.js';
import { BASE_COLUMNS } from './import-columns.js';

/** The year the matrix works on. */
export const MATRIX_YEAR = 2024;

let seq = 0;
const orgOf = (t: MatrixTarget, fx: MatrixFixtures) =>
  t === 'own' ? fx.orgOwn : t === 'sibling' ? fx.orgSibling : fx.orgOther;
const provinceOf = (t: MatrixTarget, fx: MatrixFixtures) =>
  t === 'other' ? fx.ninhBinh : t === 'nation' ? null : fx.langSon;
const communeOf = (t: MatrixTarget, fx: MatrixFixtures) =>
  t === 'own' ? fx.dongDang : t === 'sibling' ? fx.sibling : t === 'other' ? fx.otherCommune : null;
const at = (t: MatrixTarget, fx: MatrixFixtures, suffix = '') =>
  `/api/organisations/${orgOf(t, fx)}/assessments/${MATRIX_YEAR}${suffix}`;

/** A draft rubric owned by the target's province (national for 'nation'). */
async function draftFor(t: MatrixTarget, fx: MatrixFixtures, h: Harness) {
  return insertDraftRubric(h, provinceOf(t, fx), `MT${process.pid}-${++seq}`);
}

/** The matrix campaign of the target's province. */
async function campaignFor(t: MatrixTarget, fx: MatrixFixtures, h: Harness) {
  const p = provinceOf(t, fx);
  return p === null ? null : ensureCampaign(h, p, MATRIX_YEAR);
}

/** An uploaded one-row import file attached to Lạng Sơn (every permitted caller of the import sees Lạng Sơn). */
async function importFile(fx: MatrixFixtures, h: Harness) {
  const code = (
    await h.database.db
      .selectFrom('organisation')
      .select('reg_code')
      .where('id', '=', fx.orgOwn)
      .executeTakeFirstOrThrow()
  ).reg_code;
  const bytes = await buildWorkbook([
    {
      name: 'Kết quả',
      columns: BASE_COLUMNS.map((c) => ({ header: c.header, width: c.width })),
      rows: [[code, 'HTX', 2019, null, 72, null, null]],
    },
  ]);
  const key = randomUUID();
  await h.deps.storage.put(key, new Uint8Array(bytes));
  const { createHash } = await import('node:crypto');
  const r = await h.database.db
    .insertInto('attachment')
    .values({
      owner_type: 'assessment_import',
      owner_id: String(fx.langSon),
      province_id: fx.langSon,
      unit_id: fx.langSon,
      file_name: 'ket-qua.xlsx',
      content_type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      size_bytes: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      storage_key: key,
      created_by: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

/**
 * Marks the target paper-only: officers holding assessment.self enter self-scores only for a paper-only cooperative
 * or one without an account (self-scoring.ts), and the own organisation has the coop account; that account still
 * scores itself, so every permitted caller reaches the handler.
 */
async function paperOnly(t: MatrixTarget, fx: MatrixFixtures, h: Harness) {
  await h.database.db
    .updateTable('organisation')
    .set({ paper_only: true })
    .where('id', '=', orgOf(t, fx))
    .execute();
}

const step =
  (status: string, action: string, body: unknown = {}) =>
  async (t: MatrixTarget, fx: MatrixFixtures, h: Harness) => {
    await resetAssessment(h, orgOf(t, fx), MATRIX_YEAR, status);
    if (action === 'submit') await paperOnly(t, fx, h);
    return { method: 'POST', path: at(t, fx, `/${action}`), body };
  };

const unitQuery = (route: string) => (t: MatrixTarget, fx: MatrixFixtures) => {
  const unit = communeOf(t, fx);
  return unit === null ? null : { method: 'GET', path: `${route}?unitId=${unit}&year=${MATRIX_YEAR}` };
};

/** Route id → request builder for the assessment routes. */
export const assessmentCases: MatrixCases = {
  'rubrics.list': () => ({ method: 'GET', path: '/api/rubrics' }),
  'rubrics.get': async (_t, _fx, h) => ({ method: 'GET', path: `/api/rubrics/${await rubricId(h)}` }),
  'rubrics.copy': async (_t, _fx, h) => ({
    method: 'POST',
    path: `/api/rubrics/${await rubricId(h)}/copy`,
    body: {},
  }),
  'rubrics.update': async (t, fx, h) => ({
    method: 'PATCH',
    path: `/api/rubrics/${await draftFor(t, fx, h)}`,
    body: { name: 'Bộ tiêu chí đã sửa', version: 1 },
  }),
  'rubrics.activate': async (t, fx, h) => ({
    method: 'POST',
    path: `/api/rubrics/${await draftFor(t, fx, h)}/activate`,
  }),
  'rubrics.retire': async (t, fx, h) => ({
    method: 'POST',
    path: `/api/rubrics/${await draftFor(t, fx, h)}/retire`,
  }),

  'assessment_campaigns.list': () => ({
    method: 'GET',
    path: `/api/assessment-campaigns?year=${MATRIX_YEAR}`,
  }),
  'assessment_campaigns.open': async (t, fx, h) => {
    const p = provinceOf(t, fx);
    return p === null
      ? null
      : {
          method: 'POST',
          path: '/api/assessment-campaigns',
          body: { provinceId: p, year: 2030 + (++seq % 60), rubricVersionId: await rubricId(h) },
        };
  },
  'assessment_campaigns.get': async (t, fx, h) => {
    const c = await campaignFor(t, fx, h);
    return c === null ? null : { method: 'GET', path: `/api/assessment-campaigns/${c}` };
  },
  'assessment_campaigns.update': async (t, fx, h) => {
    const c = await campaignFor(t, fx, h);
    if (c === null) return null;
    const { version } = await h.database.db
      .selectFrom('assessment_campaign')
      .select('version')
      .where('id', '=', c)
      .executeTakeFirstOrThrow();
    return {
      method: 'PATCH',
      path: `/api/assessment-campaigns/${c}`,
      body: { selfDeadline: `${MATRIX_YEAR}-12-14`, version },
    };
  },
  'assessment_campaigns.close': async (t, fx, h) => {
    const p = provinceOf(t, fx);
    return p === null
      ? null
      : {
          method: 'POST',
          path: `/api/assessment-campaigns/${await ensureCampaign(h, p, 2095 - (++seq % 60))}/close`,
        };
  },

  'assessments.board': unitQuery('/api/assessment-board'),
  'assessments.report': unitQuery('/api/assessment-reports'),
  'assessments.report_export': unitQuery('/api/assessment-reports/export'),
  'assessments.import_template': () => ({ method: 'GET', path: '/api/assessment-imports/template' }),
  'assessments.import': async (_t, fx, h) => ({
    method: 'POST',
    path: '/api/assessment-imports',
    body: { attachmentId: await importFile(fx, h), commit: false },
  }),

  'assessments.history': (t, fx) => ({
    method: 'GET',
    path: `/api/organisations/${orgOf(t, fx)}/assessments`,
  }),
  'assessments.get': async (t, fx, h) => {
    await resetAssessment(h, orgOf(t, fx), MATRIX_YEAR, 'draft');
    return { method: 'GET', path: at(t, fx) };
  },
  'assessments.save': async (t, fx, h) => {
    await resetAssessment(h, orgOf(t, fx), MATRIX_YEAR, 'draft');
    await paperOnly(t, fx, h);
    return {
      method: 'PUT',
      path: at(t, fx),
      body: { scores: [{ code: '1a', score: 4, note: 'Theo báo cáo tài chính' }] },
    };
  },
  'assessments.submit': step('draft', 'submit'),
  'assessments.accept': step('self_submitted', 'accept'),
  'assessments.return': step('self_submitted', 'return', {
    comment: 'Đề nghị chấm lại tiêu chí 3',
    items: [{ code: '3a', comment: 'Chưa khớp doanh thu' }],
  }),
  'assessments.confirm': step('commune_reviewed', 'confirm', { comment: 'Đồng ý' }),
  'assessments.publish': step('confirmed', 'publish'),
  'assessments.reopen': step('published', 'reopen', { comment: 'Có khiếu nại về điểm tiêu chí 5' }),
  'assessments.record': (t, fx) => ({
    method: 'POST',
    path: `/api/organisations/${orgOf(t, fx)}/assessments/2018/record`,
    body: { total: 72 },
  }),
  'assessments.pdf': async (t, fx, h) => {
    await resetAssessment(h, orgOf(t, fx), MATRIX_YEAR, 'published');
    return { method: 'GET', path: at(t, fx, '/pdf') };
  },
};
