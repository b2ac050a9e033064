import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { ctxOf } from '../../http/ctx.js';
import type { AppEnv } from '../../http/env.js';
import { json, jsonBody, noContent, problems } from '../../http/openapi-helpers.js';
import { declareRoute } from '../../http/route.js';
import { clearSessionCookie, writeSessionCookie } from '../../http/session.js';
import { changeOwnPassword, describeMe, login, logout } from './auth.service.js';

const ZMe = z
  .object({
    id: z.number(),
    username: z.string(),
    fullName: z.string(),
    role: z.string(),
    roleLabel: z.string(),
    scope: z.object({
      type: z.enum(['nation', 'province', 'commune', 'organisation']),
      unitId: z.number().nullable(),
      unitCode: z.string().nullable(),
      organisationId: z.number().nullable(),
      label: z.string(),
    }),
    permissions: z.array(z.string()),
    assignableRoles: z.array(z.string()),
  })
  .openapi('Me');

const ZLoginBody = z.strictObject({
  username: z.string().min(1, 'Vui lòng nhập tên đăng nhập.').max(100),
  password: z.string().min(1, 'Vui lòng nhập mật khẩu.').max(200),
});

const ZPasswordBody = z.strictObject({
  currentPassword: z.string().min(1).max(200),
  newPassword: z.string().min(1).max(200),
});

/** Login, logout, the caller's profile and own password change. */
export function registerAuthRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(
    declareRoute(
      'auth.login',
      { permission: 'public', scope: 'none' },
      createRoute({
        method: 'post',
        path: '/api/auth/login',
        tags: ['Xác thực'],
        summary: 'Đăng nhập',
        request: { body: jsonBody(ZLoginBody) },
        responses: { 200: json(z.object({ user: ZMe }), 'Đã đăng nhập'), ...problems(400, 401, 403, 429) },
      }),
    ),
    async (c) => {
      const ctx = ctxOf(c);
      const { token, user } = await login(ctx, c.req.valid('json'), c.get('sessionHash'));
      writeSessionCookie(c, token);
      return c.json({ user: await describeMe(user) }, 200);
    },
  );

  app.openapi(
    declareRoute(
      'auth.logout',
      { permission: 'authenticated', scope: 'self' },
      createRoute({
        method: 'post',
        path: '/api/auth/logout',
        tags: ['Xác thực'],
        summary: 'Đăng xuất',
        responses: { 204: noContent('Đã đăng xuất'), ...problems(401) },
      }),
    ),
    async (c) => {
      await logout(ctxOf(c), c.get('sessionHash') as string);
      clearSessionCookie(c);
      return c.body(null, 204);
    },
  );

  app.openapi(
    declareRoute(
      'auth.me',
      { permission: 'authenticated', scope: 'self' },
      createRoute({
        method: 'get',
        path: '/api/auth/me',
        tags: ['Xác thực'],
        summary: 'Thông tin người dùng hiện tại',
        responses: { 200: json(ZMe, 'Người dùng hiện tại'), ...problems(401) },
      }),
    ),
    async (c) => c.json(await describeMe(ctxOf(c)), 200),
  );

  app.openapi(
    declareRoute(
      'auth.password',
      { permission: 'self.manage', scope: 'self' },
      createRoute({
        method: 'post',
        path: '/api/auth/password',
        tags: ['Xác thực'],
        summary: 'Đổi mật khẩu của mình',
        request: { body: jsonBody(ZPasswordBody) },
        responses: { 204: noContent('Đã đổi mật khẩu'), ...problems(400, 401) },
      }),
    ),
    async (c) => {
      await changeOwnPassword(ctxOf(c), c.req.valid('json'), c.get('sessionHash'));
      return c.body(null, 204);
    },
  );
}
