import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { ctxOf } from '../../http/ctx.js';
import type { AppEnv } from '../../http/env.js';
import { json, problems } from '../../http/openapi-helpers.js';
import { declareRoute } from '../../http/route.js';
import { ZIsoDate, ZPaging } from '../../http/zod-common.js';
import { browseAudit } from './audit.service.js';

const ZAuditRow = z
  .object({
    id: z.number(),
    at: z.string(),
    actorId: z.number().nullable(),
    actorName: z.string().nullable(),
    action: z.string(),
    entityType: z.string(),
    entityId: z.string().nullable(),
    before: z.unknown(),
    after: z.unknown(),
    requestId: z.string().nullable(),
  })
  .openapi('AuditRow');

/** The audit log browser. */
export function registerAuditRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(
    declareRoute(
      'audit.list',
      { permission: 'audit.read', scope: 'list' },
      createRoute({
        method: 'get',
        path: '/api/audit',
        tags: ['Nhật ký'],
        summary: 'Nhật ký thay đổi',
        request: {
          query: z.object({
            actorId: z.coerce.number().int().positive().optional(),
            entityType: z.string().max(50).optional(),
            entityId: z.string().max(50).optional(),
            from: ZIsoDate.optional(),
            to: ZIsoDate.optional(),
            ...ZPaging,
          }),
        },
        responses: {
          200: json(z.object({ items: z.array(ZAuditRow), total: z.number() })),
          ...problems(400, 401, 403),
        },
      }),
    ),
    async (c) => c.json(await browseAudit(ctxOf(c), c.req.valid('query')), 200),
  );
}
