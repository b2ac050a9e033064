import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { ctxOf } from '../../http/ctx.js';
import type { AppEnv } from '../../http/env.js';
import { json, jsonBody, noContent, problems } from '../../http/openapi-helpers.js';
import { declareRoute } from '../../http/route.js';
import { ZIdParam } from '../../http/zod-common.js';
import { approveChangeRequest, listChangeRequests, rejectChangeRequest } from './change-requests.js';
import {
  ZApproveBody,
  ZChangeRequest,
  ZEvent,
  ZEventBody,
  ZMemberParam,
  ZOrganisation,
  ZOrgParam,
  ZProduct,
  ZProductBody,
  ZProductParam,
  ZRejectBody,
  ZUnionMemberBody,
} from './organisation.schemas.js';
import { addProduct, removeProduct } from './products.js';
import { recordEvent } from './record-event.js';
import { addUnionMember, removeUnionMember } from './union-members.js';

const tags = ['Tổ chức kinh tế hợp tác'];
const write = { permission: 'org.write', scope: 'org' } as const;
const review = { permission: 'org.change_review', scope: 'org' } as const;

/** Lifecycle events, products, union membership and registration change requests of an organisation. */
export function registerOrganisationRelationRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(
    declareRoute(
      'organisations.events.create',
      write,
      createRoute({
        method: 'post',
        path: '/api/organisations/{id}/events',
        tags,
        summary: 'Ghi nhận sự kiện (thành lập, chuyển đổi, tạm ngừng, giải thể…)',
        request: { params: ZOrgParam, body: jsonBody(ZEventBody) },
        responses: {
          201: json(z.object({ event: ZEvent, organisation: ZOrganisation })),
          ...problems(400, 401, 403, 404, 409),
        },
      }),
    ),
    async (c) => c.json(await recordEvent(ctxOf(c), c.req.valid('param').id, c.req.valid('json')), 201),
  );
  app.openapi(
    declareRoute(
      'organisations.products.create',
      write,
      createRoute({
        method: 'post',
        path: '/api/organisations/{id}/products',
        tags,
        summary: 'Thêm sản phẩm OCOP, nhãn hiệu, chứng nhận',
        request: { params: ZOrgParam, body: jsonBody(ZProductBody) },
        responses: { 201: json(z.object({ product: ZProduct })), ...problems(400, 401, 403, 404, 409) },
      }),
    ),
    async (c) => c.json(await addProduct(ctxOf(c), c.req.valid('param').id, c.req.valid('json')), 201),
  );
  app.openapi(
    declareRoute(
      'organisations.products.delete',
      write,
      createRoute({
        method: 'delete',
        path: '/api/organisations/{id}/products/{productId}',
        tags,
        summary: 'Xóa sản phẩm',
        request: { params: ZProductParam },
        responses: { 204: noContent('Đã xóa'), ...problems(400, 401, 403, 404) },
      }),
    ),
    async (c) => {
      const p = c.req.valid('param');
      await removeProduct(ctxOf(c), p.id, p.productId);
      return c.body(null, 204);
    },
  );
  app.openapi(
    declareRoute(
      'organisations.union_members.add',
      write,
      createRoute({
        method: 'post',
        path: '/api/organisations/{id}/union-members',
        tags,
        summary: 'Thêm HTX thành viên của liên hiệp',
        request: { params: ZOrgParam, body: jsonBody(ZUnionMemberBody) },
        responses: {
          201: json(
            z.object({
              member: z.object({
                id: z.number(),
                regCode: z.string(),
                name: z.string(),
                joinedOn: z.string(),
              }),
            }),
          ),
          ...problems(400, 401, 403, 404, 409),
        },
      }),
    ),
    async (c) => c.json(await addUnionMember(ctxOf(c), c.req.valid('param').id, c.req.valid('json')), 201),
  );
  app.openapi(
    declareRoute(
      'organisations.union_members.remove',
      write,
      createRoute({
        method: 'delete',
        path: '/api/organisations/{id}/union-members/{memberId}',
        tags,
        summary: 'Ghi nhận HTX rời liên hiệp',
        request: { params: ZMemberParam },
        responses: { 204: noContent('Đã ghi nhận'), ...problems(400, 401, 403, 404) },
      }),
    ),
    async (c) => {
      const p = c.req.valid('param');
      await removeUnionMember(ctxOf(c), p.id, p.memberId);
      return c.body(null, 204);
    },
  );
  app.openapi(
    declareRoute(
      'organisations.change_requests.list',
      { permission: 'org.read', scope: 'org' },
      createRoute({
        method: 'get',
        path: '/api/organisations/{id}/change-requests',
        tags,
        summary: 'Đề nghị thay đổi thông tin đăng ký của tổ chức',
        request: { params: ZOrgParam },
        responses: {
          200: json(z.object({ items: z.array(ZChangeRequest) })),
          ...problems(400, 401, 403, 404),
        },
      }),
    ),
    async (c) => c.json(await listChangeRequests(ctxOf(c), c.req.valid('param').id), 200),
  );
  app.openapi(
    declareRoute(
      'change_requests.approve',
      review,
      createRoute({
        method: 'post',
        path: '/api/change-requests/{id}/approve',
        tags,
        summary: 'Duyệt đề nghị thay đổi thông tin đăng ký',
        request: { params: ZIdParam, body: { ...jsonBody(ZApproveBody), required: false } },
        responses: {
          200: json(
            z.object({
              changeRequest: ZChangeRequest,
              organisation: ZOrganisation,
              warnings: z.array(z.string()),
            }),
          ),
          ...problems(400, 401, 403, 404, 409),
        },
      }),
    ),
    async (c) =>
      c.json(
        await approveChangeRequest(ctxOf(c), c.req.valid('param').id, c.req.valid('json')?.comment ?? null),
        200,
      ),
  );
  app.openapi(
    declareRoute(
      'change_requests.reject',
      review,
      createRoute({
        method: 'post',
        path: '/api/change-requests/{id}/reject',
        tags,
        summary: 'Từ chối đề nghị thay đổi thông tin đăng ký',
        request: { params: ZIdParam, body: jsonBody(ZRejectBody) },
        responses: {
          200: json(z.object({ changeRequest: ZChangeRequest })),
          ...problems(400, 401, 403, 404, 409),
        },
      }),
    ),
    async (c) =>
      c.json(await rejectChangeRequest(ctxOf(c), c.req.valid('param').id, c.req.valid('json').comment), 200),
  );
}
