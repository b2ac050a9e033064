import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { ctxOf } from '../../http/ctx.js';
import type { AppEnv } from '../../http/env.js';
import { json, problems } from '../../http/openapi-helpers.js';
import { declareRoute } from '../../http/route.js';
import { ZIdParam, ZIsoDate } from '../../http/zod-common.js';
import { getUnitDetail, listUnits, resolveUnitCode, searchUnits, unitStats } from './admin-unit.service.js';

const ZUnit = z
  .object({
    id: z.number(),
    code: z.string(),
    name: z.string(),
    fullName: z.string(),
    type: z.string(),
    level: z.number(),
    parentId: z.number().nullable(),
    parentName: z.string().nullable(),
    validFrom: z.string().nullable(),
    validTo: z.string().nullable(),
    era: z.enum(['pre2025', 'post2025']),
  })
  .openapi('AdminUnit');
const ZLinkedUnit = ZUnit.extend({ partial: z.boolean(), effectiveDate: z.string() }).openapi(
  'LinkedAdminUnit',
);
const ZResolvedUnit = ZUnit.extend({ partial: z.boolean() });
const tags = ['Đơn vị hành chính'];
const read = { permission: 'unit.read', scope: 'province' } as const;

/** Administrative units: tree at a date, search, detail with lineage, code resolution, counts. */
export function registerAdminUnitRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(
    declareRoute(
      'units.stats',
      { permission: 'unit.read', scope: 'list' },
      createRoute({
        method: 'get',
        path: '/api/units/stats',
        tags,
        summary: 'Số lượng đơn vị hành chính',
        responses: {
          200: json(
            z.object({
              provinces: z.number(),
              communes: z.number(),
              preProvinces: z.number(),
              preDistricts: z.number(),
              preCommunes: z.number(),
            }),
          ),
          ...problems(401, 403),
        },
      }),
    ),
    async (c) => c.json(await unitStats(ctxOf(c)), 200),
  );

  app.openapi(
    declareRoute(
      'units.list',
      { permission: 'unit.read', scope: 'list' },
      createRoute({
        method: 'get',
        path: '/api/units',
        tags,
        summary: 'Cây đơn vị hành chính tại một ngày',
        request: {
          query: z.object({
            date: ZIsoDate.optional(),
            parentId: z.coerce.number().int().positive().optional(),
            level: z.coerce.number().int().min(1).max(3).optional(),
          }),
        },
        responses: {
          200: json(z.object({ date: z.string(), items: z.array(ZUnit) })),
          ...problems(400, 401, 403, 404),
        },
      }),
    ),
    async (c) => c.json(await listUnits(ctxOf(c), c.req.valid('query')), 200),
  );

  app.openapi(
    declareRoute(
      'units.search',
      { permission: 'unit.read', scope: 'list' },
      createRoute({
        method: 'get',
        path: '/api/units/search',
        tags,
        summary: 'Tìm đơn vị hành chính (có hoặc không dấu)',
        request: {
          query: z.object({
            q: z.string().max(100),
            date: ZIsoDate.optional(),
            level: z.coerce.number().int().min(1).max(3).optional(),
            limit: z.coerce.number().int().min(1).max(50).default(20),
          }),
        },
        responses: { 200: json(z.object({ items: z.array(ZUnit) })), ...problems(400, 401, 403) },
      }),
    ),
    async (c) => c.json(await searchUnits(ctxOf(c), c.req.valid('query')), 200),
  );

  app.openapi(
    declareRoute(
      'units.resolve',
      { permission: 'unit.read', scope: 'list' },
      createRoute({
        method: 'get',
        path: '/api/units/resolve',
        tags,
        summary: 'Tra mã cũ ra đơn vị hiện nay và ngược lại',
        request: {
          query: z.object({
            code: z.string().regex(/^\d{2,5}$/, 'Mã đơn vị hành chính gồm 2 đến 5 chữ số.'),
            level: z.coerce.number().int().min(1).max(3).optional(),
            era: z.enum(['pre2025', 'post2025']).optional(),
          }),
        },
        responses: {
          200: json(
            z.object({
              items: z.array(
                z.object({ unit: ZUnit, current: z.array(ZResolvedUnit), origins: z.array(ZResolvedUnit) }),
              ),
            }),
          ),
          ...problems(400, 401, 403, 404),
        },
      }),
    ),
    async (c) => c.json(await resolveUnitCode(ctxOf(c), c.req.valid('query')), 200),
  );

  app.openapi(
    declareRoute(
      'units.get',
      read,
      createRoute({
        method: 'get',
        path: '/api/units/{id}',
        tags,
        summary: 'Chi tiết đơn vị, trực thuộc và lịch sử sắp xếp',
        request: { params: ZIdParam },
        responses: {
          200: json(
            z.object({
              unit: ZUnit,
              ancestors: z.array(ZUnit),
              children: z.array(ZUnit),
              predecessors: z.array(ZLinkedUnit),
              successors: z.array(ZLinkedUnit),
            }),
          ),
          ...problems(400, 401, 403, 404),
        },
      }),
    ),
    async (c) => c.json(await getUnitDetail(ctxOf(c), c.req.valid('param').id), 200),
  );
}
