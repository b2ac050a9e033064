/** Routes of rubric versions: list, read with tree and validation, copy, edit a draft, activate, retire. */
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { ctxOf } from '../../http/ctx.js';
import type { AppEnv } from '../../http/env.js';
import { json, jsonBody, problems } from '../../http/openapi-helpers.js';
import { declareRoute } from '../../http/route.js';
import { ZRubricDetail, ZRubricSummary } from './assessment.responses.js';
import { ZEmpty, ZIdParams, ZRubricCopy, ZRubricListQuery, ZRubricUpdate } from './assessment.schemas.js';
import { copyRubric } from './copy-rubric.js';
import { getRubric, listRubrics } from './list-rubrics.js';
import { activateRubric, retireRubric } from './set-rubric-status.js';
import { updateRubric } from './update-rubric.js';

const tags = ['Đánh giá HTX: bộ tiêu chí'];
const read = { permission: 'assessment.read', scope: 'none' } as const;
const owned = { permission: 'rubric.manage', scope: 'province' } as const;
const detail = json(z.object({ rubric: ZRubricDetail }));
const emptyBody = { ...jsonBody(ZEmpty), required: false };

/** Registers the rubric routes. */
export function registerRubricRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(
    declareRoute(
      'rubrics.list',
      read,
      createRoute({
        method: 'get',
        path: '/api/rubrics',
        tags,
        summary: 'Các bộ tiêu chí đánh giá HTX (căn cứ pháp lý, trạng thái, kiểm tra hợp lệ)',
        request: { query: ZRubricListQuery },
        responses: { 200: json(z.object({ items: z.array(ZRubricSummary) })), ...problems(400, 401, 403) },
      }),
    ),
    async (c) => c.json(await listRubrics(ctxOf(c), c.req.valid('query')), 200),
  );
  app.openapi(
    declareRoute(
      'rubrics.get',
      read,
      createRoute({
        method: 'get',
        path: '/api/rubrics/{id}',
        tags,
        summary: 'Một bộ tiêu chí: cây tiêu chí, quy tắc, ngưỡng xếp loại, kết quả kiểm tra',
        request: { params: ZIdParams },
        responses: { 200: detail, ...problems(400, 401, 403, 404) },
      }),
    ),
    async (c) => c.json(await getRubric(ctxOf(c), c.req.valid('param').id), 200),
  );
  app.openapi(
    declareRoute(
      'rubrics.copy',
      { permission: 'rubric.manage', scope: 'none' },
      createRoute({
        method: 'post',
        path: '/api/rubrics/{id}/copy',
        tags,
        summary: 'Sao chép thành bản nháp mới của tỉnh (hoặc trung ương)',
        request: { params: ZIdParams, body: { ...jsonBody(ZRubricCopy), required: false } },
        responses: { 201: detail, ...problems(400, 401, 403, 404, 409) },
      }),
    ),
    async (c) => c.json(await copyRubric(ctxOf(c), c.req.valid('param').id, c.req.valid('json') ?? {}), 201),
  );
  app.openapi(
    declareRoute(
      'rubrics.update',
      owned,
      createRoute({
        method: 'patch',
        path: '/api/rubrics/{id}',
        tags,
        summary:
          'Sửa bộ tiêu chí chưa dùng (bản nháp lưu kể cả khi còn lỗi, trả về lỗi theo từng tiêu chí); 409 rubric.in_use khi đã dùng',
        request: { params: ZIdParams, body: jsonBody(ZRubricUpdate) },
        responses: { 200: detail, ...problems(400, 401, 403, 404, 409) },
      }),
    ),
    async (c) => c.json(await updateRubric(ctxOf(c), c.req.valid('param').id, c.req.valid('json')), 200),
  );
  for (const action of ['activate', 'retire'] as const) {
    app.openapi(
      declareRoute(
        `rubrics.${action}`,
        owned,
        createRoute({
          method: 'post',
          path: `/api/rubrics/{id}/${action}`,
          tags,
          summary:
            action === 'activate'
              ? 'Áp dụng bộ tiêu chí (phải hợp lệ)'
              : 'Ngừng sử dụng bộ tiêu chí cho các đợt mới',
          request: { params: ZIdParams, body: emptyBody },
          responses: { 200: detail, ...problems(400, 401, 403, 404, 409) },
        }),
      ),
      async (c) => {
        const id = c.req.valid('param').id;
        return c.json(await (action === 'activate' ? activateRubric : retireRubric)(ctxOf(c), id), 200);
      },
    );
  }
}
