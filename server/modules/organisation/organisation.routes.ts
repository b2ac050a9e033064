import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { ZOrganisationInput } from '../../../core/registry/organisation-input.js';
import { ctxOf } from '../../http/ctx.js';
import type { AppEnv } from '../../http/env.js';
import { json, jsonBody, problems } from '../../http/openapi-helpers.js';
import { declareRoute } from '../../http/route.js';
import { createOrganisation } from './create-organisation.js';
import { getOrganisation, organisationHistory } from './get-organisation.js';
import {
  ZChangeRequest,
  ZDuplicate,
  ZDuplicatesQuery,
  ZHistory,
  ZHistoryQuery,
  ZListQuery,
  ZOrganisation,
  ZOrganisationItem,
  ZOrgParam,
  ZProfile,
  ZSortKey,
  ZUpdateBody,
} from './organisation.schemas.js';
import { registerOrganisationRelationRoutes } from './organisation-relations.routes.js';
import { findDuplicates, searchOrganisations } from './search-organisations.js';
import { updateOrganisation } from './update-organisation.js';

const tags = ['Tổ chức kinh tế hợp tác'];
const read = { permission: 'org.read', scope: 'list' } as const;
const readOne = { permission: 'org.read', scope: 'org' } as const;

/** Organisations: registry CRUD, search, lifecycle, products, union members, change requests. */
export function registerOrganisationRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(
    declareRoute(
      'organisations.list',
      read,
      createRoute({
        method: 'get',
        path: '/api/organisations',
        tags,
        summary: 'Tìm kiếm, lọc, sắp xếp tổ chức trong phạm vi',
        request: { query: ZListQuery },
        responses: {
          200: json(
            z.object({
              items: z.array(ZOrganisationItem),
              total: z.number(),
              approximate: z.boolean(),
              bandYear: z
                .number()
                .nullable()
                .optional()
                .openapi({ description: 'Năm đánh giá đã lọc theo xếp loại (null: chưa có năm nào)' }),
              sort: ZSortKey.openapi({
                description:
                  'Thứ tự đã dùng: relevance (mức độ phù hợp) chỉ khi có từ khoá để tìm; ô tìm chỉ có loại hình (vd. "HTX") xếp theo tên',
              }),
              page: z.number(),
              pageSize: z.number(),
            }),
          ),
          ...problems(400, 401, 403),
        },
      }),
    ),
    async (c) => c.json(await searchOrganisations(ctxOf(c), c.req.valid('query')), 200),
  );
  // Registered before /{id} so that "duplicates" is never read as an id.
  app.openapi(
    declareRoute(
      'organisations.duplicates',
      read,
      createRoute({
        method: 'get',
        path: '/api/organisations/duplicates',
        tags,
        summary: 'Tổ chức có thể trùng (cùng tên trong xã, cùng người đại diện trong tỉnh)',
        request: { query: ZDuplicatesQuery },
        responses: {
          200: json(
            z.object({
              items: z.array(
                ZDuplicate.extend({ legalRepName: z.string().nullable(), communeId: z.number() }),
              ),
            }),
          ),
          ...problems(400, 401, 403),
        },
      }),
    ),
    async (c) => c.json(await findDuplicates(ctxOf(c), c.req.valid('query')), 200),
  );
  app.openapi(
    declareRoute(
      'organisations.create',
      { permission: 'org.write', scope: 'list' },
      createRoute({
        method: 'post',
        path: '/api/organisations',
        tags,
        summary: 'Đăng ký tổ chức mới vào sổ',
        request: { body: jsonBody(ZOrganisationInput) },
        responses: {
          201: json(
            z.object({
              organisation: ZOrganisation,
              warnings: z.array(z.string()),
              possibleDuplicates: z.array(ZDuplicate),
            }),
          ),
          ...problems(400, 401, 403, 409),
        },
      }),
    ),
    async (c) => c.json(await createOrganisation(ctxOf(c), c.req.valid('json')), 201),
  );
  app.openapi(
    declareRoute(
      'organisations.get',
      readOne,
      createRoute({
        method: 'get',
        path: '/api/organisations/{id}',
        tags,
        summary: 'Hồ sơ tổ chức',
        request: { params: ZOrgParam },
        responses: { 200: json(ZProfile), ...problems(400, 401, 403, 404) },
      }),
    ),
    async (c) => c.json(await getOrganisation(ctxOf(c), c.req.valid('param').id), 200),
  );
  app.openapi(
    // Officers edit with org.write, a cooperative user with org.self_edit (registration data then needs approval).
    declareRoute(
      'organisations.update',
      { permission: ['org.write', 'org.self_edit'], scope: 'org' },
      createRoute({
        method: 'patch',
        path: '/api/organisations/{id}',
        tags,
        summary:
          'Sửa thông tin tổ chức (cán bộ: org.write; HTX tự sửa: org.self_edit, thông tin đăng ký cần duyệt)',
        request: { params: ZOrgParam, body: jsonBody(ZUpdateBody) },
        responses: {
          200: json(z.object({ organisation: ZOrganisation, warnings: z.array(z.string()) })),
          202: json(
            z.object({
              changeRequest: ZChangeRequest,
              organisation: ZOrganisation,
              warnings: z.array(z.string()),
            }),
            'Đã tạo đề nghị thay đổi chờ duyệt',
          ),
          ...problems(400, 401, 403, 404, 409),
        },
      }),
    ),
    async (c) => {
      const r = await updateOrganisation(ctxOf(c), c.req.valid('param').id, c.req.valid('json'));
      return r.status === 202 ? c.json(r.body, 202) : c.json(r.body, 200);
    },
  );
  app.openapi(
    declareRoute(
      'organisations.history',
      readOne,
      createRoute({
        method: 'get',
        path: '/api/organisations/{id}/history',
        tags,
        summary: 'Lịch sử thay đổi của tổ chức',
        request: { params: ZOrgParam, query: ZHistoryQuery },
        responses: { 200: json(ZHistory), ...problems(400, 401, 403, 404) },
      }),
    ),
    async (c) =>
      c.json(await organisationHistory(ctxOf(c), c.req.valid('param').id, c.req.valid('query')), 200),
  );
  registerOrganisationRelationRoutes(app);
}
