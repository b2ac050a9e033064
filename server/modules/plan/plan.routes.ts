import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { ctxOf } from '../../http/ctx.js';
import type { AppEnv } from '../../http/env.js';
import { json, jsonBody, problems } from '../../http/openapi-helpers.js';
import { declareRoute } from '../../http/route.js';
import { ZIdParam } from '../../http/zod-common.js';
import { ZCountedPage } from '../indicator/indicator.schemas.js';
import { listPlans, provinceOverview } from './list-plans.js';
import { exportPlanPdf, exportPlanXlsx } from './plan-export.js';
import { evaluateOneTarget, getPlanPage, listTargetOrganisations } from './plan-page.js';
import './plan-attachments.js';
import {
  ZDrillQuery,
  ZListQuery,
  ZLoose,
  ZOverviewQuery,
  ZPlan,
  ZPlanCreate,
  ZPlanPageQuery,
  ZPlanUpdate,
  ZTargetInput,
  ZTargetParams,
  ZTask,
  ZTaskCreate,
  ZTaskParams,
  ZTaskUpdate,
} from './plan.schemas.js';
import { createPlan, updatePlan } from './save-plan.js';
import { createTarget, updateTarget } from './save-target.js';
import { createTask, updateTask } from './save-task.js';

const tags = ['Kế hoạch, chỉ tiêu'];
const read = { permission: 'plan.read', scope: 'province' } as const;
const manage = { permission: 'plan.manage', scope: 'province' } as const;

/** A file download. */
function download(bytes: Buffer, fileName: string, type: string) {
  return new Response(new Uint8Array(bytes), {
    status: 200,
    headers: {
      'content-type': type,
      'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`,
    },
  });
}
const fileResponse = (type: string, description: string) => ({
  description,
  content: { [type]: { schema: { type: 'string' as const, format: 'binary' } } },
});
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Plans, their targets and tasks, evaluations, drill-downs, the province overview and the exports. */
export function registerPlanRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(
    declareRoute(
      'plans.list',
      { permission: 'plan.read', scope: 'list' },
      createRoute({
        method: 'get',
        path: '/api/plans',
        tags,
        summary: 'Danh sách kế hoạch, chương trình (lọc theo đơn vị, năm, trạng thái)',
        request: { query: ZListQuery },
        responses: {
          200: json(
            z.object({
              items: z.array(
                ZPlan.extend({ targetCount: z.number(), statusCounts: z.record(z.string(), z.number()) }),
              ),
              total: z.number(),
              page: z.number(),
              pageSize: z.number(),
            }),
          ),
          ...problems(400, 401, 403),
        },
      }),
    ),
    async (c) => c.json(await listPlans(ctxOf(c), c.req.valid('query')), 200),
  );
  app.openapi(
    declareRoute(
      'plans.overview',
      read,
      createRoute({
        method: 'get',
        path: '/api/plans/overview',
        tags,
        summary: 'Tổng quan các kế hoạch đang thực hiện của một tỉnh',
        request: { query: ZOverviewQuery },
        responses: { 200: json(ZLoose), ...problems(400, 401, 403, 404) },
      }),
    ),
    async (c) => c.json(await provinceOverview(ctxOf(c), c.req.valid('query')), 200),
  );
  app.openapi(
    declareRoute(
      'plans.create',
      manage,
      createRoute({
        method: 'post',
        path: '/api/plans',
        tags,
        summary: 'Thêm kế hoạch, chương trình',
        request: { body: jsonBody(ZPlanCreate) },
        responses: { 201: json(ZPlan), ...problems(400, 401, 403, 404) },
      }),
    ),
    async (c) => c.json(await createPlan(ctxOf(c), c.req.valid('json')), 201),
  );
  app.openapi(
    declareRoute(
      'plans.get',
      read,
      createRoute({
        method: 'get',
        path: '/api/plans/{id}',
        tags,
        summary:
          'Trang kế hoạch: thông tin, chỉ tiêu với thực hiện, trạng thái, xu hướng, dự báo (toàn địa bàn hoặc một đơn vị)',
        request: { params: ZIdParam, query: ZPlanPageQuery },
        responses: { 200: json(ZLoose), ...problems(400, 401, 403, 404) },
      }),
    ),
    async (c) => c.json(await getPlanPage(ctxOf(c), c.req.valid('param').id, c.req.valid('query')), 200),
  );
  app.openapi(
    declareRoute(
      'plans.update',
      manage,
      createRoute({
        method: 'patch',
        path: '/api/plans/{id}',
        tags,
        summary: 'Sửa thông tin kế hoạch',
        request: { params: ZIdParam, body: jsonBody(ZPlanUpdate) },
        responses: { 200: json(ZPlan), ...problems(400, 401, 403, 404, 409) },
      }),
    ),
    async (c) => c.json(await updatePlan(ctxOf(c), c.req.valid('param').id, c.req.valid('json')), 200),
  );
  app.openapi(
    declareRoute(
      'plans.targets.create',
      manage,
      createRoute({
        method: 'post',
        path: '/api/plans/{id}/targets',
        tags,
        summary: 'Thêm chỉ tiêu của kế hoạch',
        request: { params: ZIdParam, body: jsonBody(ZTargetInput) },
        responses: { 201: json(ZLoose), ...problems(400, 401, 403, 404, 409) },
      }),
    ),
    async (c) => c.json(await createTarget(ctxOf(c), c.req.valid('param').id, c.req.valid('json')), 201),
  );
  app.openapi(
    declareRoute(
      'plans.targets.update',
      manage,
      createRoute({
        method: 'patch',
        path: '/api/plans/{id}/targets/{targetId}',
        tags,
        summary: 'Sửa chỉ tiêu',
        request: { params: ZTargetParams, body: jsonBody(ZTargetInput) },
        responses: { 200: json(ZLoose), ...problems(400, 401, 403, 404, 409) },
      }),
    ),
    async (c) => {
      const p = c.req.valid('param');
      return c.json(await updateTarget(ctxOf(c), p.id, p.targetId, c.req.valid('json')), 200);
    },
  );
  app.openapi(
    declareRoute(
      'plans.targets.evaluate',
      read,
      createRoute({
        method: 'get',
        path: '/api/plans/{id}/targets/{targetId}/evaluation',
        tags,
        summary: 'Đánh giá một chỉ tiêu tại một ngày',
        request: { params: ZTargetParams, query: ZPlanPageQuery },
        responses: { 200: json(ZLoose), ...problems(400, 401, 403, 404) },
      }),
    ),
    async (c) => {
      const p = c.req.valid('param');
      return c.json(await evaluateOneTarget(ctxOf(c), p.id, p.targetId, c.req.valid('query')), 200);
    },
  );
  app.openapi(
    declareRoute(
      'plans.targets.organisations',
      read,
      createRoute({
        method: 'get',
        path: '/api/plans/{id}/targets/{targetId}/organisations',
        tags,
        summary: 'Các tổ chức được tính trong chỉ tiêu (phân trang)',
        request: { params: ZTargetParams, query: ZDrillQuery },
        responses: { 200: json(ZCountedPage), ...problems(400, 401, 403, 404) },
      }),
    ),
    async (c) => {
      const p = c.req.valid('param');
      return c.json(await listTargetOrganisations(ctxOf(c), p.id, p.targetId, c.req.valid('query')), 200);
    },
  );
  app.openapi(
    declareRoute(
      'plans.tasks.create',
      manage,
      createRoute({
        method: 'post',
        path: '/api/plans/{id}/tasks',
        tags,
        summary: 'Thêm nhiệm vụ (tổ chức thực hiện)',
        request: { params: ZIdParam, body: jsonBody(ZTaskCreate) },
        responses: { 201: json(ZTask), ...problems(400, 401, 403, 404) },
      }),
    ),
    async (c) => c.json(await createTask(ctxOf(c), c.req.valid('param').id, c.req.valid('json')), 201),
  );
  app.openapi(
    declareRoute(
      'plans.tasks.update',
      manage,
      createRoute({
        method: 'patch',
        path: '/api/plans/{id}/tasks/{taskId}',
        tags,
        summary: 'Cập nhật nhiệm vụ',
        request: { params: ZTaskParams, body: jsonBody(ZTaskUpdate) },
        responses: { 200: json(ZTask), ...problems(400, 401, 403, 404) },
      }),
    ),
    async (c) => {
      const p = c.req.valid('param');
      return c.json(await updateTask(ctxOf(c), p.id, p.taskId, c.req.valid('json')), 200);
    },
  );
  app.openapi(
    declareRoute(
      'plans.export.xlsx',
      read,
      createRoute({
        method: 'get',
        path: '/api/plans/{id}/export.xlsx',
        tags,
        summary: 'Xuất tiến độ thực hiện kế hoạch (.xlsx)',
        request: { params: ZIdParam, query: ZPlanPageQuery },
        responses: { 200: fileResponse(XLSX, 'Tiến độ kế hoạch'), ...problems(400, 401, 403, 404) },
      }),
    ),
    async (c) => {
      const r = await exportPlanXlsx(ctxOf(c), c.req.valid('param').id, c.req.valid('query'));
      return download(r.bytes, r.fileName, XLSX);
    },
  );
  app.openapi(
    declareRoute(
      'plans.export.pdf',
      read,
      createRoute({
        method: 'get',
        path: '/api/plans/{id}/export.pdf',
        tags,
        summary: 'Báo cáo tiến độ thực hiện kế hoạch (PDF)',
        request: { params: ZIdParam, query: ZPlanPageQuery },
        responses: { 200: fileResponse('application/pdf', 'Báo cáo PDF'), ...problems(400, 401, 403, 404) },
      }),
    ),
    async (c) => {
      const r = await exportPlanPdf(ctxOf(c), c.req.valid('param').id, c.req.valid('query'));
      return download(r.bytes, r.fileName, 'application/pdf');
    },
  );
}
