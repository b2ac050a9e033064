import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { ctxOf } from '../../http/ctx.js';
import type { AppEnv } from '../../http/env.js';
import { json, problems } from '../../http/openapi-helpers.js';
import { declareRoute } from '../../http/route.js';
import { deleteTarget, deleteTask } from './delete-plan-items.js';
import { ZTargetParams, ZTaskParams } from './plan.schemas.js';

const tags = ['Kế hoạch, chỉ tiêu'];
const manage = { permission: 'plan.manage', scope: 'province' } as const;
const ZDeleted = z.object({ deleted: z.boolean() });

/** Removal of a target or a task encoded by mistake (kept apart so plan.routes.ts stays readable). */
export function registerPlanDeleteRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(
    declareRoute(
      'plans.targets.delete',
      manage,
      createRoute({
        method: 'delete',
        path: '/api/plans/{id}/targets/{targetId}',
        tags,
        summary: 'Xoá chỉ tiêu (không có chỉ tiêu con)',
        request: { params: ZTargetParams },
        responses: { 200: json(ZDeleted), ...problems(400, 401, 403, 404, 409) },
      }),
    ),
    async (c) => {
      const p = c.req.valid('param');
      return c.json(await deleteTarget(ctxOf(c), p.id, p.targetId), 200);
    },
  );
  app.openapi(
    declareRoute(
      'plans.tasks.delete',
      manage,
      createRoute({
        method: 'delete',
        path: '/api/plans/{id}/tasks/{taskId}',
        tags,
        summary: 'Xoá nhiệm vụ',
        request: { params: ZTaskParams },
        responses: { 200: json(ZDeleted), ...problems(400, 401, 403, 404) },
      }),
    ),
    async (c) => {
      const p = c.req.valid('param');
      return c.json(await deleteTask(ctxOf(c), p.id, p.taskId), 200);
    },
  );
}
