import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { OpenAPIHono, z } from '@hono/zod-openapi';
import { HTTPException } from 'hono/http-exception';
import type { AppDeps } from './context.js';
import { cachedJson } from './db/read-cache.js';
import { registerDocsRoutes } from './http/docs.js';
import type { AppEnv } from './http/env.js';
import { bodyLimits, csrfAndContentType, requestIdAndSecurityHeaders } from './http/guards.js';
import { AppError, problemBody } from './http/problem.js';
import { sessionMiddleware } from './http/session.js';
import { serveWeb } from './http/static.js';
import { registerAdminUnitRoutes } from './modules/admin-unit/admin-unit.routes.js';
import { registerAnnualReportRoutes } from './modules/annual-report/annual-report.routes.js';
import { registerAssessmentRoutes } from './modules/assessment/assessment.routes.js';
import { registerAttachmentRoutes } from './modules/attachment/attachment.routes.js';
import { MAX_ATTACHMENT_BYTES } from './modules/attachment/attachment.service.js';
import { registerAuditRoutes } from './modules/audit/audit.routes.js';
import { registerAuthRoutes } from './modules/auth/auth.routes.js';
import { registerHealthRoutes } from './modules/health/health.routes.js';
import { registerMemberRoutes } from './modules/member/member.routes.js';
import { registerOrganisationRoutes } from './modules/organisation/organisation.routes.js';
import { registerPlanModule } from './modules/plan/plan-module.js';
import { registerRegistryIoRoutes } from './modules/registry-io/registry-io.routes.js';
import { registerUserRoutes } from './modules/user/user.routes.js';

// Paths that take multipart uploads (and a larger body limit) instead of JSON.
// Validation messages in Vietnamese for every schema (DESIGN.md §4).
z.config(z.locales.vi());

// Paths that take multipart uploads (and a larger body limit) instead of JSON.
const UPLOAD_PATHS = ['/api/attachments', '/api/registry/imports'];

/** Options of the HTTP application. */
export interface AppOptions {
  allowedOrigins?: string[];
  /** Directory of the built SPA; omitted in API-only tests. */
  webDist?: string | null;
}

/** Builds the HTTP application: middleware, every module's declared routes, docs, the SPA. */
export function createApp(deps: AppDeps, options: AppOptions = {}) {
  const app = new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) {
        const errors = result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
        throw new AppError(
          400,
          'validation.failed',
          `Dữ liệu gửi lên không hợp lệ: ${errors.map((e) => `${e.path || 'nội dung'}: ${e.message}`).join('; ')}`,
          errors,
        );
      }
    },
  });
  app.use('*', async (c, next) => {
    c.set('deps', deps);
    // A cached read result (db/read-cache.ts) is sent as the JSON text stored with it, not serialised again.
    const json = c.json;
    c.json = ((object: unknown, arg?: unknown, headers?: Record<string, string>) => {
      const text = cachedJson(object);
      if (text === undefined) return (json as (...a: unknown[]) => Response)(object, arg, headers);
      return c.body(text, arg as 200, { 'content-type': 'application/json', ...headers });
    }) as typeof c.json;
    await next();
  });
  app.use('*', requestIdAndSecurityHeaders());
  app.use('/api/*', bodyLimits(UPLOAD_PATHS, MAX_ATTACHMENT_BYTES));
  app.use('/api/*', csrfAndContentType(options.allowedOrigins ?? [], UPLOAD_PATHS));
  app.use('/api/*', sessionMiddleware());

  registerHealthRoutes(app);
  registerAuthRoutes(app);
  registerAdminUnitRoutes(app);
  registerUserRoutes(app);
  registerAuditRoutes(app);
  registerAttachmentRoutes(app);
  registerOrganisationRoutes(app);
  registerAnnualReportRoutes(app);
  registerMemberRoutes(app);
  registerRegistryIoRoutes(app);
  registerPlanModule(app);
  registerAssessmentRoutes(app);
  registerDocsRoutes(app);

  app.onError((err, c) => {
    const rid = c.get('requestId');
    let e: AppError;
    if (err instanceof AppError) e = err;
    else if (err instanceof HTTPException && err.status < 500) {
      e =
        err.status === 400
          ? new AppError(
              400,
              'request.malformed',
              'Nội dung yêu cầu không đúng định dạng (JSON không hợp lệ).',
            )
          : new AppError(err.status, 'request.rejected', err.message || 'Yêu cầu bị từ chối.');
    } else {
      console.error(`[${rid}]`, err);
      e = new AppError(
        500,
        'internal',
        'Đã xảy ra lỗi hệ thống. Vui lòng thử lại sau hoặc báo quản trị viên kèm mã yêu cầu.',
      );
    }
    return c.json(problemBody(e, rid), e.status as 400, {
      'content-type': 'application/problem+json; charset=utf-8',
    });
  });
  app.notFound((c) => {
    if (c.req.path.startsWith('/api/') || c.req.path === '/api') {
      const e = new AppError(404, 'route.not_found', 'Không có địa chỉ API này.');
      return c.json(problemBody(e, c.get('requestId')), 404, {
        'content-type': 'application/problem+json; charset=utf-8',
      });
    }
    return c.text('Không tìm thấy', 404);
  });
  if (options.webDist !== null) {
    const dist = options.webDist ?? resolve('web/dist');
    if (existsSync(join(dist, 'index.html'))) serveWeb(app, dist);
  }
  return app;
}

/** The application type, for tests that call app.request(). */
export type App = ReturnType<typeof createApp>;
