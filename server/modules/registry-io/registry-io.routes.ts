import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { ctxOf } from '../../http/ctx.js';
import type { AppEnv } from '../../http/env.js';
import { json, jsonBody, problems } from '../../http/openapi-helpers.js';
import { invalid } from '../../http/problem.js';
import { declareRoute } from '../../http/route.js';
import { ZIdParam, ZPaging } from '../../http/zod-common.js';
import { ZListQuery } from '../organisation/organisation.schemas.js';
import { commitImport } from './commit-import.js';
import { createImport } from './create-import.js';
import { exportAnnualReports } from './export-annual-reports.js';
import { exportOrganisations } from './export-organisations.js';
import { getImportJob, listImportJobs } from './import-job-access.js';
import {
  xlsxResponse,
  ZCommitBody,
  ZCommitResult,
  ZDryRun,
  ZImportJob,
  ZImportKind,
  ZOrgFilters,
} from './registry-io.schemas.js';
import { rejectedRows } from './rejected-rows.js';
import { getTemplate } from './template.js';

const tags = ['Nhập/xuất Excel'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const importAccess = { permission: 'registry.import', scope: 'commune' } as const;

/** An .xlsx download. */
function xlsx(bytes: Buffer, fileName: string) {
  return new Response(new Uint8Array(bytes), {
    status: 200,
    headers: {
      'content-type': XLSX,
      'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`,
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-store',
    },
  });
}

/** Excel round trip: templates, import with dry run, commit and rejected rows, exports. */
export function registerRegistryIoRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(
    declareRoute(
      'registry.templates.get',
      { permission: 'registry.import', scope: 'none' },
      createRoute({
        method: 'get',
        path: '/api/registry/templates/{kind}',
        tags,
        summary: 'Tải tệp mẫu nhập liệu (.xlsx)',
        request: { params: z.object({ kind: ZImportKind }) },
        responses: { 200: xlsxResponse('Tệp mẫu'), ...problems(400, 401, 403) },
      }),
    ),
    async (c) => {
      const t = await getTemplate(ctxOf(c), c.req.valid('param').kind);
      return xlsx(t.bytes, t.fileName);
    },
  );
  app.openapi(
    declareRoute(
      'registry.imports.create',
      { permission: 'registry.import', scope: 'list' },
      createRoute({
        method: 'post',
        path: '/api/registry/imports',
        tags,
        summary: 'Tải tệp lên và kiểm tra (chạy thử, chưa ghi dữ liệu) — multipart/form-data: kind, file',
        request: {
          body: {
            required: true,
            content: {
              'multipart/form-data': {
                schema: z.object({
                  kind: ZImportKind,
                  file: z.any().openapi({ type: 'string', format: 'binary' }),
                }),
              },
            },
          },
        },
        responses: { 201: json(ZDryRun), ...problems(400, 401, 403, 413, 415) },
      }),
    ),
    async (c) => {
      const form = await c.req.parseBody().catch(() => {
        throw invalid('request.malformed', 'Nội dung tải lên không đúng định dạng multipart/form-data.');
      });
      const kind = ZImportKind.safeParse(form.kind);
      if (!kind.success)
        throw invalid('validation.failed', kind.error.issues[0].message, [
          { path: 'kind', message: kind.error.issues[0].message },
        ]);
      const file = form.file;
      if (!(file instanceof File))
        throw invalid('import.file_missing', 'Vui lòng chọn tệp Excel (.xlsx) để tải lên.', [
          { path: 'file', message: 'Bắt buộc.' },
        ]);
      const result = await createImport(ctxOf(c), {
        kind: kind.data,
        fileName: file.name,
        bytes: new Uint8Array(await file.arrayBuffer()),
      });
      return c.json(result, 201);
    },
  );
  app.openapi(
    declareRoute(
      'registry.imports.list',
      { permission: 'registry.import', scope: 'list' },
      createRoute({
        method: 'get',
        path: '/api/registry/imports',
        tags,
        summary: 'Các lượt nhập dữ liệu trong phạm vi',
        request: { query: z.object(ZPaging) },
        responses: {
          200: json(z.object({ items: z.array(ZImportJob), total: z.number() })),
          ...problems(400, 401, 403),
        },
      }),
    ),
    async (c) => c.json(await listImportJobs(ctxOf(c), c.req.valid('query')), 200),
  );
  app.openapi(
    declareRoute(
      'registry.imports.get',
      importAccess,
      createRoute({
        method: 'get',
        path: '/api/registry/imports/{id}',
        tags,
        summary: 'Một lượt nhập dữ liệu',
        request: { params: ZIdParam },
        responses: { 200: json(z.object({ job: ZImportJob })), ...problems(400, 401, 403, 404) },
      }),
    ),
    async (c) => c.json({ job: await getImportJob(ctxOf(c), c.req.valid('param').id) }, 200),
  );
  app.openapi(
    declareRoute(
      'registry.imports.commit',
      importAccess,
      createRoute({
        method: 'post',
        path: '/api/registry/imports/{id}/commit',
        tags,
        summary: 'Ghi lượt nhập vào hệ thống (một giao dịch): cả tệp, hoặc chỉ các dòng hợp lệ',
        request: { params: ZIdParam, body: jsonBody(ZCommitBody) },
        responses: { 200: json(ZCommitResult), ...problems(400, 401, 403, 404, 409) },
      }),
    ),
    async (c) => c.json(await commitImport(ctxOf(c), c.req.valid('param').id, c.req.valid('json').mode), 200),
  );
  app.openapi(
    declareRoute(
      'registry.imports.rejected',
      importAccess,
      createRoute({
        method: 'get',
        path: '/api/registry/imports/{id}/rejected',
        tags,
        summary: 'Tải các dòng bị từ chối kèm cột "Lỗi" (.xlsx)',
        request: { params: ZIdParam },
        responses: { 200: xlsxResponse('Các dòng bị từ chối'), ...problems(400, 401, 403, 404, 409) },
      }),
    ),
    async (c) => {
      const r = await rejectedRows(ctxOf(c), c.req.valid('param').id);
      return xlsx(r.bytes, r.fileName);
    },
  );
  app.openapi(
    declareRoute(
      'registry.exports.organisations',
      { permission: 'registry.export', scope: 'list' },
      createRoute({
        method: 'get',
        path: '/api/registry/exports/organisations',
        tags,
        summary:
          'Xuất danh sách tổ chức theo bộ lọc (.xlsx, cùng bố cục tệp mẫu): đúng các dòng của danh sách, mọi trang, cùng thứ tự',
        request: {
          // The list's own query (less its page), so that the file holds exactly what the list shows.
          query: ZListQuery.omit({ page: true }).extend({
            agriSubtype: ZOrgFilters.agriSubtype,
            pageSize: ZListQuery.shape.pageSize.openapi({
              description:
                'Cỡ trang đang xem ở danh sách: khi số kết quả khớp đúng ít hơn một trang, danh sách (và tệp) thêm các tên sai một ký tự',
            }),
          }),
        },
        responses: { 200: xlsxResponse('Danh sách tổ chức'), ...problems(400, 401, 403) },
      }),
    ),
    async (c) => {
      const r = await exportOrganisations(ctxOf(c), c.req.valid('query'));
      return xlsx(r.bytes, r.fileName);
    },
  );
  app.openapi(
    declareRoute(
      'registry.exports.annual_reports',
      { permission: 'registry.export', scope: 'list' },
      createRoute({
        method: 'get',
        path: '/api/registry/exports/annual-reports',
        tags,
        summary: 'Xuất số liệu báo cáo của một năm (.xlsx, cùng bố cục tệp mẫu)',
        request: { query: z.object({ year: z.coerce.number().int().min(1990).max(2100), ...ZOrgFilters }) },
        responses: { 200: xlsxResponse('Số liệu năm'), ...problems(400, 401, 403) },
      }),
    ),
    async (c) => {
      const { year, ...filters } = c.req.valid('query');
      const r = await exportAnnualReports(ctxOf(c), year, filters);
      return xlsx(r.bytes, r.fileName);
    },
  );
}
