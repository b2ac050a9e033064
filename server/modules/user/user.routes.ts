import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { ROLES } from '../../../core/permissions.js';
import { ctxOf } from '../../http/ctx.js';
import type { AppEnv } from '../../http/env.js';
import { json, jsonBody, problems } from '../../http/openapi-helpers.js';
import { declareRoute } from '../../http/route.js';
import { ZIdParam, ZPaging } from '../../http/zod-common.js';
import {
  createUser,
  getUser,
  listUsers,
  resetUserPassword,
  setUserActive,
  updateUser,
} from './user.service.js';

const ZUser = z
  .object({
    id: z.number(),
    username: z.string(),
    fullName: z.string(),
    email: z.string().nullable(),
    role: z.string(),
    roleLabel: z.string(),
    scopeLabel: z.string(),
    scopeUnitId: z.number().nullable(),
    organisationId: z.number().nullable(),
    active: z.boolean(),
    version: z.number(),
    lastLoginAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi('User');

const ZUsername = z
  .string()
  .trim()
  .toLowerCase()
  .regex(
    /^[a-z0-9._-]{3,50}$/,
    'Tên đăng nhập gồm 3–50 ký tự: chữ thường không dấu, số, dấu chấm, gạch ngang, gạch dưới.',
  );
const ZFullName = z.string().trim().min(1, 'Vui lòng nhập họ và tên.').max(200);
const ZEmail = z.email('Địa chỉ email không hợp lệ.').max(200).nullable().optional();

const ZCreate = z.strictObject({
  username: ZUsername,
  fullName: ZFullName,
  email: ZEmail,
  role: z.enum(ROLES),
  scopeUnitId: z.number().int().positive().nullable().optional(),
  organisationId: z.number().int().positive().nullable().optional(),
  password: z.string().max(200),
});
const ZUpdate = z.strictObject({
  fullName: ZFullName.optional(),
  email: ZEmail,
  role: z.enum(ROLES).optional(),
  scopeUnitId: z.number().int().positive().nullable().optional(),
  organisationId: z.number().int().positive().nullable().optional(),
  version: z.number().int().positive().max(2_147_483_647),
});
const ZEmpty = z.strictObject({});
const tags = ['Người dùng'];
const manage = { permission: 'user.manage', scope: 'user' } as const;

/** User administration by province admins (and national users). */
export function registerUserRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(
    declareRoute(
      'users.list',
      { permission: 'user.read', scope: 'list' },
      createRoute({
        method: 'get',
        path: '/api/users',
        tags,
        summary: 'Danh sách người dùng trong phạm vi',
        request: { query: z.object({ q: z.string().max(100).optional(), ...ZPaging }) },
        responses: {
          200: json(z.object({ items: z.array(ZUser), total: z.number() })),
          ...problems(400, 401, 403),
        },
      }),
    ),
    async (c) => c.json(await listUsers(ctxOf(c), c.req.valid('query')), 200),
  );
  app.openapi(
    declareRoute(
      'users.get',
      { permission: 'user.read', scope: 'user' },
      createRoute({
        method: 'get',
        path: '/api/users/{id}',
        tags,
        summary: 'Một người dùng',
        request: { params: ZIdParam },
        responses: { 200: json(z.object({ user: ZUser })), ...problems(400, 401, 403, 404) },
      }),
    ),
    async (c) => c.json({ user: await getUser(ctxOf(c), c.req.valid('param').id) }, 200),
  );
  app.openapi(
    declareRoute(
      'users.create',
      { permission: 'user.manage', scope: 'list' },
      createRoute({
        method: 'post',
        path: '/api/users',
        tags,
        summary: 'Tạo người dùng',
        request: { body: jsonBody(ZCreate) },
        responses: { 201: json(z.object({ user: ZUser })), ...problems(400, 401, 403, 409) },
      }),
    ),
    async (c) => c.json({ user: await createUser(ctxOf(c), c.req.valid('json')) }, 201),
  );
  app.openapi(
    declareRoute(
      'users.update',
      manage,
      createRoute({
        method: 'patch',
        path: '/api/users/{id}',
        tags,
        summary: 'Sửa người dùng',
        request: { params: ZIdParam, body: jsonBody(ZUpdate) },
        responses: { 200: json(z.object({ user: ZUser })), ...problems(400, 401, 403, 404, 409) },
      }),
    ),
    async (c) =>
      c.json({ user: await updateUser(ctxOf(c), c.req.valid('param').id, c.req.valid('json')) }, 200),
  );
  app.openapi(
    declareRoute(
      'users.reset_password',
      manage,
      createRoute({
        method: 'post',
        path: '/api/users/{id}/reset-password',
        tags,
        summary: 'Cấp lại mật khẩu tạm',
        request: { params: ZIdParam, body: { ...jsonBody(ZEmpty), required: false } },
        responses: {
          200: json(z.object({ temporaryPassword: z.string() })),
          ...problems(400, 401, 403, 404),
        },
      }),
    ),
    async (c) => c.json(await resetUserPassword(ctxOf(c), c.req.valid('param').id), 200),
  );
  for (const active of [false, true]) {
    app.openapi(
      declareRoute(
        active ? 'users.activate' : 'users.deactivate',
        manage,
        createRoute({
          method: 'post',
          path: `/api/users/{id}/${active ? 'activate' : 'deactivate'}`,
          tags,
          summary: active ? 'Mở khóa tài khoản' : 'Khóa tài khoản',
          request: { params: ZIdParam, body: { ...jsonBody(ZEmpty), required: false } },
          responses: { 200: json(z.object({ user: ZUser })), ...problems(400, 401, 403, 404, 409) },
        }),
      ),
      async (c) => c.json({ user: await setUserActive(ctxOf(c), c.req.valid('param').id, active) }, 200),
    );
  }
}
