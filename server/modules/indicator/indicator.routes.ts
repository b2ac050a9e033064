import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { ctxOf } from '../../http/ctx.js';
import type { AppEnv } from '../../http/env.js';
import { json, jsonBody, problems } from '../../http/openapi-helpers.js';
import { declareRoute } from '../../http/route.js';
import { ZIdParam } from '../../http/zod-common.js';
import {
  createCustomIndicator,
  deleteCustomIndicator,
  previewIndicator,
  updateCustomIndicator,
} from './custom-indicators.js';
import {
  ZCountedPage,
  ZCustomCreate,
  ZCustomUpdate,
  ZDrillQuery,
  ZEvaluation,
  ZIndicator,
  ZKeyParam,
  ZManualCreate,
  ZManualListQuery,
  ZManualUpdate,
  ZManualValue,
  ZPreview,
  ZTerritory,
  ZValueQuery,
} from './indicator.schemas.js';
import { listIndicators } from './indicator-defs.js';
import { getIndicatorValue, listIndicatorOrganisations } from './indicator-value.js';
import {
  createManualValue,
  deleteManualValue,
  listManualValues,
  updateManualValue,
} from './manual-values.js';

const tags = ['Chỉ số'];
const read = { permission: 'plan.read', scope: 'province' } as const;
const manual = { permission: 'indicator.manual', scope: 'province' } as const;
const define = { permission: 'indicator.define', scope: 'province' } as const;
const ZDeleted = z.object({ deleted: z.boolean() });

/** The indicator catalogue, values and drill-downs, manual figures and officer-defined indicators. */
export function registerIndicatorRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(
    declareRoute(
      'indicators.list',
      { permission: 'plan.read', scope: 'list' },
      createRoute({
        method: 'get',
        path: '/api/indicators',
        tags,
        summary: 'Danh mục chỉ số (có sẵn và tự định nghĩa)',
        responses: { 200: json(z.object({ items: z.array(ZIndicator) })), ...problems(401, 403) },
      }),
    ),
    async (c) => c.json(await listIndicators(ctxOf(c)), 200),
  );
  app.openapi(
    declareRoute(
      'indicators.value',
      read,
      createRoute({
        method: 'get',
        path: '/api/indicators/{key}/value',
        tags,
        summary: 'Giá trị chỉ số của một đơn vị tại một ngày, kèm chuỗi theo năm',
        request: { params: ZKeyParam, query: ZValueQuery },
        responses: {
          200: json(
            z.object({
              indicator: ZIndicator,
              territory: ZTerritory,
              date: z.string(),
              evaluation: ZEvaluation,
            }),
          ),
          ...problems(400, 401, 403, 404),
        },
      }),
    ),
    async (c) =>
      c.json(await getIndicatorValue(ctxOf(c), c.req.valid('param').key, c.req.valid('query')), 200),
  );
  app.openapi(
    declareRoute(
      'indicators.organisations',
      read,
      createRoute({
        method: 'get',
        path: '/api/indicators/{key}/organisations',
        tags,
        summary: 'Danh sách tổ chức được tính trong chỉ số (phân trang)',
        request: { params: ZKeyParam, query: ZDrillQuery },
        responses: { 200: json(ZCountedPage), ...problems(400, 401, 403, 404) },
      }),
    ),
    async (c) =>
      c.json(await listIndicatorOrganisations(ctxOf(c), c.req.valid('param').key, c.req.valid('query')), 200),
  );
  app.openapi(
    declareRoute(
      'indicators.manual.list',
      { permission: 'plan.read', scope: 'list' },
      createRoute({
        method: 'get',
        path: '/api/indicator-values',
        tags,
        summary: 'Số liệu nhập tay trong phạm vi',
        request: { query: ZManualListQuery },
        responses: { 200: json(z.object({ items: z.array(ZManualValue) })), ...problems(400, 401, 403) },
      }),
    ),
    async (c) => c.json(await listManualValues(ctxOf(c), c.req.valid('query')), 200),
  );
  app.openapi(
    declareRoute(
      'indicators.manual.create',
      manual,
      createRoute({
        method: 'post',
        path: '/api/indicator-values',
        tags,
        summary: 'Nhập số liệu của chỉ số nhập tay (kèm nguồn)',
        request: { body: jsonBody(ZManualCreate) },
        responses: { 201: json(ZManualValue), ...problems(400, 401, 403, 404, 409) },
      }),
    ),
    async (c) => c.json(await createManualValue(ctxOf(c), c.req.valid('json')), 201),
  );
  app.openapi(
    declareRoute(
      'indicators.manual.update',
      manual,
      createRoute({
        method: 'patch',
        path: '/api/indicator-values/{id}',
        tags,
        summary: 'Sửa số liệu nhập tay',
        request: { params: ZIdParam, body: jsonBody(ZManualUpdate) },
        responses: { 200: json(ZManualValue), ...problems(400, 401, 403, 404, 409) },
      }),
    ),
    async (c) => c.json(await updateManualValue(ctxOf(c), c.req.valid('param').id, c.req.valid('json')), 200),
  );
  app.openapi(
    declareRoute(
      'indicators.manual.delete',
      manual,
      createRoute({
        method: 'delete',
        path: '/api/indicator-values/{id}',
        tags,
        summary: 'Xóa số liệu nhập tay',
        request: { params: ZIdParam },
        responses: { 200: json(ZDeleted), ...problems(400, 401, 403, 404) },
      }),
    ),
    async (c) => c.json(await deleteManualValue(ctxOf(c), c.req.valid('param').id), 200),
  );
  app.openapi(
    declareRoute(
      'indicators.custom.create',
      define,
      createRoute({
        method: 'post',
        path: '/api/indicators/custom',
        tags,
        summary: 'Định nghĩa chỉ số mới (bộ lọc + phép đo)',
        request: { body: jsonBody(ZCustomCreate) },
        responses: { 201: json(ZIndicator), ...problems(400, 401, 403, 404, 409) },
      }),
    ),
    async (c) => c.json(await createCustomIndicator(ctxOf(c), c.req.valid('json')), 201),
  );
  app.openapi(
    declareRoute(
      'indicators.custom.update',
      define,
      createRoute({
        method: 'patch',
        path: '/api/indicators/custom/{id}',
        tags,
        summary: 'Sửa chỉ số tự định nghĩa',
        request: { params: ZIdParam, body: jsonBody(ZCustomUpdate) },
        responses: { 200: json(ZIndicator), ...problems(400, 401, 403, 404, 409) },
      }),
    ),
    async (c) =>
      c.json(await updateCustomIndicator(ctxOf(c), c.req.valid('param').id, c.req.valid('json')), 200),
  );
  app.openapi(
    declareRoute(
      'indicators.custom.delete',
      define,
      createRoute({
        method: 'delete',
        path: '/api/indicators/custom/{id}',
        tags,
        summary: 'Xóa chỉ số tự định nghĩa',
        request: { params: ZIdParam },
        responses: { 200: json(ZDeleted), ...problems(400, 401, 403, 404, 409) },
      }),
    ),
    async (c) => c.json(await deleteCustomIndicator(ctxOf(c), c.req.valid('param').id), 200),
  );
  app.openapi(
    declareRoute(
      'indicators.preview',
      define,
      createRoute({
        method: 'post',
        path: '/api/indicators/preview',
        tags,
        summary: 'Kiểm tra và xem trước chỉ số tự định nghĩa',
        request: { body: jsonBody(ZPreview) },
        responses: {
          200: json(
            z.object({
              spec: z.any(),
              territory: ZTerritory,
              date: z.string(),
              evaluation: ZEvaluation,
              organisations: ZCountedPage,
            }),
          ),
          ...problems(400, 401, 403, 404),
        },
      }),
    ),
    async (c) => c.json(await previewIndicator(ctxOf(c), c.req.valid('json')), 200),
  );
}
