/** Routes of the status board, the unit report (JSON and Excel), and the import of past results. */
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { ctxOf } from '../../http/ctx.js';
import type { AppEnv } from '../../http/env.js';
import { json, jsonBody, problems } from '../../http/openapi-helpers.js';
import { declareRoute } from '../../http/route.js';
import { fileResponse, ZBoard, ZImportResult, ZUnitReport } from './assessment.responses.js';
import { ZImport, ZTemplateQuery, ZUnitYearQuery } from './assessment.schemas.js';
import { importAssessments } from './import-assessments.js';
import { importTemplate } from './import-template.js';
import { exportUnitReport } from './report-export.js';
import { statusBoard } from './status-board.js';
import { unitReport } from './unit-report.js';

const tags = ['Đánh giá HTX: theo dõi và báo cáo'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const unitRead = { permission: 'assessment.read', scope: 'commune' } as const;

/** A file download that the browser saves under its Vietnamese name. */
export function download(bytes: Uint8Array, fileName: string, mime: string) {
  return new Response(new Uint8Array(bytes), {
    status: 200,
    headers: {
      'content-type': mime,
      'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`,
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-store',
    },
  });
}

/** Registers the board, report and import routes. */
export function registerAssessmentReportRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(
    declareRoute(
      'assessments.board',
      unitRead,
      createRoute({
        method: 'get',
        path: '/api/assessment-board',
        tags,
        summary:
          'Bảng theo dõi đợt đánh giá của một đơn vị (mọi cấp, cả trước 1/7/2025): đã nộp, đúng hạn, trả lại, xác nhận',
        request: { query: ZUnitYearQuery },
        responses: { 200: json(ZBoard), ...problems(400, 401, 403, 404) },
      }),
    ),
    async (c) => c.json(await statusBoard(ctxOf(c), c.req.valid('query')), 200),
  );
  app.openapi(
    declareRoute(
      'assessments.report',
      unitRead,
      createRoute({
        method: 'get',
        path: '/api/assessment-reports',
        tags,
        summary:
          'Kết quả xếp loại của một đơn vị trong năm: số lượng, tỷ lệ theo loại, không xếp loại và lý do, chuyển hạng, danh sách',
        request: { query: ZUnitYearQuery },
        responses: { 200: json(ZUnitReport), ...problems(400, 401, 403, 404) },
      }),
    ),
    async (c) => c.json(await unitReport(ctxOf(c), c.req.valid('query')), 200),
  );
  app.openapi(
    declareRoute(
      'assessments.report_export',
      unitRead,
      createRoute({
        method: 'get',
        path: '/api/assessment-reports/export',
        tags,
        summary: 'Xuất báo cáo kết quả xếp loại và danh sách ra Excel',
        request: { query: ZUnitYearQuery },
        responses: { 200: fileResponse(XLSX, 'Tệp Excel'), ...problems(400, 401, 403, 404) },
      }),
    ),
    async (c) => {
      const f = await exportUnitReport(ctxOf(c), c.req.valid('query'));
      return download(f.bytes, f.fileName, XLSX);
    },
  );
  app.openapi(
    declareRoute(
      'assessments.import_template',
      { permission: 'assessment.confirm', scope: 'none' },
      createRoute({
        method: 'get',
        path: '/api/assessment-imports/template',
        tags,
        summary: 'Tệp mẫu nhập kết quả đánh giá các năm trước',
        request: { query: ZTemplateQuery },
        responses: { 200: fileResponse(XLSX, 'Tệp mẫu'), ...problems(400, 401, 403, 404) },
      }),
    ),
    async (c) => {
      const f = await importTemplate(ctxOf(c), c.req.valid('query'));
      return download(f.bytes, f.fileName, XLSX);
    },
  );
  app.openapi(
    declareRoute(
      'assessments.import',
      { permission: 'assessment.confirm', scope: 'list' },
      createRoute({
        method: 'post',
        path: '/api/assessment-imports',
        tags,
        summary:
          'Nhập kết quả các năm trước từ tệp Excel đã tải lên (đính kèm loại assessment_import): chạy thử, rồi ghi (commit: true)',
        request: { body: jsonBody(ZImport) },
        responses: { 200: json(ZImportResult), ...problems(400, 401, 403, 404, 413, 415) },
      }),
    ),
    async (c) => c.json(await importAssessments(ctxOf(c), c.req.valid('json')), 200),
  );
}
