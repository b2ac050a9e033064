import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { OpenAPIHono, z } from '@hono/zod-openapi';
import { HTTPException } from 'hono/http-exception';
import type { AppDeps } from './context.js';
import type { DataChanges } from './db/data-changes.js';
import { registerDocsRoutes } from './http/docs.js';
import type { AppEnv } from './http/env.js';
import { FastLane } from './http/fast-lane.js';
import { requestPipeline } from './http/guards.js';
import { AppError, problemBody } from './http/problem.js';
import { MemoRouter } from './http/router.js';
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

// Validation messages in Vietnamese for every schema (DESIGN.md §4).
z.config(z.locales.vi());

// Paths that take multipart uploads (and a larger body limit) instead of JSON.
const UPLOAD_PATHS = ['/api/attachments', '/api/registry/imports'];

/** Options of the HTTP application. */
export interface AppOptions {
  allowedOrigins?: string[];
  /** Directory of the built SPA; omitted in API-only tests. */
  webDist?: string | null;
  /**
   * The database's change counter: given, the application gets a fast lane for repeatable signed-in GETs, which
   * its node:http server puts in front of Hono (http/fast-lane.ts, `fastLaneOf`).
   */
  changes?: DataChanges;
}

const lanes = new WeakMap<object, FastLane>();

/** The fast lane of an application made by createApp, for its node:http server (`fastLaneServer`). */
export function fastLaneOf(app: App): FastLane | undefined {
  return lanes.get(app);
}

/** Builds the HTTP application: middleware, every module's declared routes, docs, the SPA. */
export function createApp(deps: AppDeps, options: AppOptions = {}) {
  const app = new OpenAPIHono<AppEnv>({
    // Remembers each path's match: Hono falls back to its TrieRouter for our routes (http/router.ts).
    router: new MemoRouter(),
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
  const lane = options.changes ? new FastLane(deps, options.changes) : undefined;
  if (lane) lanes.set(app, lane);
  app.use(
    '*',
    requestPipeline(deps, {
      allowedOrigins: options.allowedOrigins ?? [],
      uploadPaths: UPLOAD_PATHS,
      uploadBytes: MAX_ATTACHMENT_BYTES,
      lane,
    }),
  );

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
