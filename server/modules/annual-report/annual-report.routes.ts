import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { TReportFigures } from '../../../core/registry/report-input.js';
import { ctxOf } from '../../http/ctx.js';
import type { AppEnv } from '../../http/env.js';
import { json, jsonBody, problems } from '../../http/openapi-helpers.js';
import { declareRoute } from '../../http/route.js';
import {
  ZApproveBody,
  ZComment,
  ZCommentBody,
  ZFlag,
  ZFlagBody,
  ZFlagParams,
  ZOrgParams,
  ZOrgYearParams,
  ZPeriodQuery,
  ZQueueItem,
  ZQueueQuery,
  ZReopenBody,
  ZReportDetail,
  ZReportParams,
  ZReportSummary,
  ZReturnBody,
  ZSaveBody,
  ZSubmitBody,
} from './annual-report.schemas.js';
import { getReport, listOrganisationReports } from './get-report.js';
import { addReportComment, listReportComments, setFlagStatus } from './report-comments.js';
import { listReviewQueue } from './report-queue.js';
import { saveReport } from './save-report.js';
import { approveReport, reopenReport, returnReport, submitReport } from './transition-report.js';

const tags = ['Báo cáo năm'];
const REPORT_PATH = '/api/organisations/{id}/reports/{year}';
const optionalBody = <T extends z.ZodType>(s: T) => ({ ...jsonBody(s), required: false });
const detail = z.object({ report: ZReportDetail });

/**
 * Yearly reports: figures per organisation and year (period 'year' or 'h1'), the workflow draft → submitted
 * → returned/approved → reopened, the comment trail, data-quality flags and the review queue.
 * Reading needs org.read on the organisation; saving and submitting report.submit; returning and approving
 * report.review; reopening report.reopen. Every organisation-bound route is scoped by 'org'.
 */
export function registerAnnualReportRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(
    declareRoute(
      'reports.list',
      { permission: 'org.read', scope: 'org' },
      createRoute({
        method: 'get',
        path: '/api/organisations/{id}/reports',
        tags,
        summary: 'Các báo cáo năm của một tổ chức',
        request: { params: ZOrgParams },
        responses: {
          200: json(z.object({ items: z.array(ZReportSummary) })),
          ...problems(400, 401, 403, 404),
        },
      }),
    ),
    async (c) => c.json(await listOrganisationReports(ctxOf(c), c.req.valid('param').id), 200),
  );
  app.openapi(
    declareRoute(
      'reports.get',
      { permission: 'org.read', scope: 'org' },
      createRoute({
        method: 'get',
        path: REPORT_PATH,
        tags,
        summary: 'Báo cáo của một năm (404 report.not_found khi chưa có)',
        request: { params: ZOrgYearParams, query: ZPeriodQuery },
        responses: { 200: json(detail), ...problems(400, 401, 403, 404) },
      }),
    ),
    async (c) => {
      const p = c.req.valid('param');
      return c.json({ report: await getReport(ctxOf(c), p.id, p.year, c.req.valid('query').period) }, 200);
    },
  );
  app.openapi(
    declareRoute(
      'reports.save',
      { permission: 'report.submit', scope: 'org' },
      createRoute({
        method: 'put',
        path: REPORT_PATH,
        tags,
        summary: 'Lưu nháp số liệu (tạo báo cáo nếu chưa có)',
        request: { params: ZOrgYearParams, query: ZPeriodQuery, body: jsonBody(ZSaveBody) },
        responses: {
          200: json(detail, 'Đã lưu'),
          201: json(detail, 'Đã tạo'),
          ...problems(400, 401, 403, 404, 409),
        },
      }),
    ),
    async (c) => {
      const p = c.req.valid('param');
      const body = c.req.valid('json');
      const r = await saveReport(ctxOf(c), p.id, p.year, c.req.valid('query').period, {
        figures: body.figures as TReportFigures,
        version: body.version,
      });
      return r.created ? c.json({ report: r.report }, 201) : c.json({ report: r.report }, 200);
    },
  );
  const steps = [
    {
      id: 'reports.submit',
      action: 'submit',
      permission: 'report.submit',
      schema: ZSubmitBody,
      optional: true,
      summary: 'Gửi báo cáo',
      fn: submitReport,
    },
    {
      id: 'reports.return',
      action: 'return',
      permission: 'report.review',
      schema: ZReturnBody,
      optional: false,
      summary: 'Trả lại báo cáo để sửa',
      fn: returnReport,
    },
    {
      id: 'reports.approve',
      action: 'approve',
      permission: 'report.review',
      schema: ZApproveBody,
      optional: true,
      summary: 'Duyệt báo cáo (khóa số liệu năm)',
      fn: approveReport,
    },
    {
      id: 'reports.reopen',
      action: 'reopen',
      permission: 'report.reopen',
      schema: ZReopenBody,
      optional: false,
      summary: 'Mở lại báo cáo đã duyệt (kèm lý do)',
      fn: reopenReport,
    },
  ] as const;
  for (const s of steps) {
    app.openapi(
      declareRoute(
        s.id,
        { permission: s.permission, scope: 'org' },
        createRoute({
          method: 'post',
          path: `${REPORT_PATH}/${s.action}`,
          tags,
          summary: s.summary,
          request: {
            params: ZOrgYearParams,
            query: ZPeriodQuery,
            body: s.optional ? optionalBody(s.schema) : jsonBody(s.schema),
          },
          responses: { 200: json(detail), ...problems(400, 401, 403, 404, 409) },
        }),
      ),
      async (c) => {
        const p = c.req.valid('param');
        const body = (c.req.valid('json' as never) ?? {}) as never;
        return c.json({ report: await s.fn(ctxOf(c), p.id, p.year, c.req.valid('query').period, body) }, 200);
      },
    );
  }
  app.openapi(
    declareRoute(
      'reports.queue',
      { permission: 'report.review', scope: 'list' },
      createRoute({
        method: 'get',
        path: '/api/reports',
        tags,
        summary: 'Danh sách báo cáo cần xem xét trong phạm vi',
        request: { query: ZQueueQuery },
        responses: {
          200: json(z.object({ items: z.array(ZQueueItem), total: z.number() })),
          ...problems(400, 401, 403),
        },
      }),
    ),
    async (c) => c.json(await listReviewQueue(ctxOf(c), c.req.valid('query')), 200),
  );
  app.openapi(
    declareRoute(
      'reports.comments',
      { permission: 'org.read', scope: 'org' },
      createRoute({
        method: 'get',
        path: '/api/reports/{reportId}/comments',
        tags,
        summary: 'Trao đổi về một báo cáo',
        request: { params: ZReportParams },
        responses: { 200: json(z.object({ items: z.array(ZComment) })), ...problems(400, 401, 403, 404) },
      }),
    ),
    async (c) => c.json(await listReportComments(ctxOf(c), c.req.valid('param').reportId), 200),
  );
  app.openapi(
    declareRoute(
      'reports.comment',
      { permission: 'org.read', scope: 'org' },
      createRoute({
        method: 'post',
        path: '/api/reports/{reportId}/comments',
        tags,
        summary: 'Thêm trao đổi (về báo cáo, một chỉ tiêu hoặc một cảnh báo)',
        request: { params: ZReportParams, body: jsonBody(ZCommentBody) },
        responses: { 201: json(z.object({ comment: ZComment })), ...problems(400, 401, 403, 404) },
      }),
    ),
    async (c) =>
      c.json(
        { comment: await addReportComment(ctxOf(c), c.req.valid('param').reportId, c.req.valid('json')) },
        201,
      ),
  );
  app.openapi(
    declareRoute(
      'reports.flag_status',
      { permission: 'report.review', scope: 'org' },
      createRoute({
        method: 'patch',
        path: '/api/reports/{reportId}/flags/{flagId}',
        tags,
        summary: 'Đánh dấu cảnh báo chất lượng đã giải trình / đã xử lý',
        request: { params: ZFlagParams, body: jsonBody(ZFlagBody) },
        responses: { 200: json(z.object({ flag: ZFlag })), ...problems(400, 401, 403, 404) },
      }),
    ),
    async (c) => {
      const p = c.req.valid('param');
      return c.json({ flag: await setFlagStatus(ctxOf(c), p.reportId, p.flagId, c.req.valid('json')) }, 200);
    },
  );
}
