/**
 * Routes of the yearly assessment of an organisation (history, the form, self-scoring, the workflow, manual past
 * results, the PDF), and registerAssessmentRoutes, which registers every route of the module.
 */
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { AssessmentAction } from '../../../core/assessment/transitions.js';
import type { Permission } from '../../../core/permissions.js';
import { ctxOf } from '../../http/ctx.js';
import type { AppEnv } from '../../http/env.js';
import { json, jsonBody, problems } from '../../http/openapi-helpers.js';
import { declareRoute } from '../../http/route.js';
import { fileResponse, ZAssessment, ZHistory } from './assessment.responses.js';
import {
  ZAssessmentSave,
  ZConfirm,
  ZIdParams,
  ZOrgYearParams,
  ZRecord,
  ZReopen,
  ZReturn,
  ZReview,
  ZTransition,
} from './assessment.schemas.js';
import { assessmentPdf } from './assessment-pdf.js';
import { registerAssessmentAttachmentOwners } from './attachment-owners.js';
import { registerCampaignRoutes } from './campaign.routes.js';
import { assessmentHistory, getAssessment } from './get-assessment.js';
import { recordAssessment } from './record-assessment.js';
import { download, registerAssessmentReportRoutes } from './report.routes.js';
import { registerRubricRoutes } from './rubric.routes.js';
import { saveAssessment } from './save-assessment.js';
import { transitionAssessment } from './transition-assessment.js';

const tags = ['Đánh giá HTX: phiếu đánh giá'];
const base = '/api/organisations/{id}/assessments/{year}';
const one = json(z.object({ assessment: ZAssessment }));
const org = (permission: Permission) => ({ permission, scope: 'org' }) as const;

const STEPS: { action: AssessmentAction; permission: Permission; body: z.ZodType; summary: string }[] = [
  {
    action: 'submit',
    permission: 'assessment.self',
    body: ZTransition,
    summary: 'HTX nộp bảng tự chấm (đủ điểm, có HĐQT và Ban kiểm soát thông qua)',
  },
  {
    action: 'accept',
    permission: 'assessment.review',
    body: ZReview,
    summary: 'Xã chấp nhận kết quả tự chấm (có thể ghi điểm thẩm định)',
  },
  {
    action: 'return',
    permission: 'assessment.review',
    body: ZReturn,
    summary: 'Trả lại để HTX chấm lại, kèm nhận xét từng tiêu chí',
  },
  {
    action: 'confirm',
    permission: 'assessment.confirm',
    body: ZConfirm,
    summary: 'Tỉnh xác nhận: điểm thẩm định, tổng điểm cuối, xếp loại',
  },
  {
    action: 'publish',
    permission: 'assessment.confirm',
    body: ZTransition,
    summary: 'Công bố kết quả cho HTX',
  },
  {
    action: 'reopen',
    permission: 'assessment.manage',
    body: ZReopen,
    summary: 'Mở lại kết quả đã xác nhận (kèm lý do)',
  },
];

function registerOrganisationAssessmentRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(
    declareRoute(
      'assessments.history',
      org('assessment.read'),
      createRoute({
        method: 'get',
        path: '/api/organisations/{id}/assessments',
        tags,
        summary: 'Kết quả đánh giá các năm của một tổ chức (năm, tổng điểm, xếp loại)',
        request: { params: ZIdParams },
        responses: { 200: json(ZHistory), ...problems(400, 401, 403, 404) },
      }),
    ),
    async (c) => c.json(await assessmentHistory(ctxOf(c), c.req.valid('param').id), 200),
  );
  app.openapi(
    declareRoute(
      'assessments.get',
      org('assessment.read'),
      createRoute({
        method: 'get',
        path: base,
        tags,
        summary:
          'Phiếu đánh giá năm: điểm từng tiêu chí, điểm gợi ý từ số liệu, tổng điểm, xếp loại, phân loại',
        request: { params: ZOrgYearParams },
        responses: { 200: one, ...problems(400, 401, 403, 404) },
      }),
    ),
    async (c) => {
      const p = c.req.valid('param');
      return c.json(await getAssessment(ctxOf(c), p.id, p.year), 200);
    },
  );
  app.openapi(
    declareRoute(
      'assessments.save',
      org('assessment.self'),
      createRoute({
        method: 'put',
        path: base,
        tags,
        summary: 'HTX lưu điểm tự chấm, ghi chú, HĐQT và Ban kiểm soát thông qua, khảo sát thành viên',
        request: { params: ZOrgYearParams, body: jsonBody(ZAssessmentSave) },
        responses: { 200: one, ...problems(400, 401, 403, 404, 409) },
      }),
    ),
    async (c) => {
      const p = c.req.valid('param');
      return c.json(await saveAssessment(ctxOf(c), p.id, p.year, c.req.valid('json')), 200);
    },
  );
  for (const step of STEPS) {
    app.openapi(
      declareRoute(
        `assessments.${step.action}`,
        org(step.permission),
        createRoute({
          method: 'post',
          path: `${base}/${step.action}`,
          tags,
          summary: step.summary,
          request: {
            params: ZOrgYearParams,
            body: { ...jsonBody(step.body), required: step.action === 'return' || step.action === 'reopen' },
          },
          responses: { 200: one, ...problems(400, 401, 403, 404, 409) },
        }),
      ),
      async (c) => {
        const p = c.req.valid('param');
        const body = ((c.req.valid('json') as object | undefined) ?? {}) as Parameters<
          typeof transitionAssessment
        >[4];
        return c.json(await transitionAssessment(ctxOf(c), p.id, p.year, step.action, body), 200);
      },
    );
  }
  app.openapi(
    declareRoute(
      'assessments.record',
      org('assessment.confirm'),
      createRoute({
        method: 'post',
        path: `${base}/record`,
        tags,
        summary: 'Cán bộ ghi nhận kết quả đánh giá năm cũ (nhập tay, imported = true)',
        request: { params: ZOrgYearParams, body: jsonBody(ZRecord) },
        responses: { 200: one, ...problems(400, 401, 403, 404, 409) },
      }),
    ),
    async (c) => {
      const p = c.req.valid('param');
      return c.json(await recordAssessment(ctxOf(c), p.id, p.year, c.req.valid('json')), 200);
    },
  );
  app.openapi(
    declareRoute(
      'assessments.pdf',
      org('assessment.read'),
      createRoute({
        method: 'get',
        path: `${base}/pdf`,
        tags,
        summary: 'In bảng đánh giá hợp tác xã (PDF theo mẫu Phụ lục 2)',
        request: { params: ZOrgYearParams },
        responses: { 200: fileResponse('application/pdf', 'Tệp PDF'), ...problems(400, 401, 403, 404) },
      }),
    ),
    async (c) => {
      const p = c.req.valid('param');
      const f = await assessmentPdf(ctxOf(c), p.id, p.year);
      return download(f.bytes, f.fileName, 'application/pdf');
    },
  );
}

/** Registers every route of the assessment module and its attachment owner types. */
export function registerAssessmentRoutes(app: OpenAPIHono<AppEnv>) {
  registerAssessmentAttachmentOwners();
  registerRubricRoutes(app);
  registerCampaignRoutes(app);
  registerAssessmentReportRoutes(app);
  registerOrganisationAssessmentRoutes(app);
}
