import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from './env.js';
import { notFound } from './problem.js';
import { declareRoute } from './route.js';

const require = createRequire(import.meta.url);
const SWAGGER_DIR = dirname(require.resolve('swagger-ui-dist/package.json'));
const ASSETS: Record<string, string> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
  'docs-init.js': 'text/javascript; charset=utf-8',
};
const INIT = `window.ui = SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#swagger', deepLinking: true });`;
const PAGE = `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>HopTac API</title>
<link rel="stylesheet" href="/api/docs/assets/swagger-ui.css"></head>
<body><div id="swagger"></div><script src="/api/docs/assets/swagger-ui-bundle.js"></script>
<script src="/api/docs/assets/docs-init.js"></script></body></html>`;

/** The OpenAPI 3.1 document (built from the declared routes) and a local Swagger UI (no CDN). */
export function registerDocsRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(
    declareRoute(
      'docs.openapi',
      { permission: 'public', scope: 'none' },
      createRoute({
        method: 'get',
        path: '/api/openapi.json',
        tags: ['Hệ thống'],
        summary: 'Tài liệu OpenAPI 3.1',
        responses: {
          200: {
            description: 'OpenAPI 3.1',
            content: { 'application/json': { schema: z.record(z.string(), z.unknown()) } },
          },
        },
      }),
    ),
    (c) => c.json(openApiDocument(app), 200),
  );
  app.openapi(
    declareRoute(
      'docs.ui',
      { permission: 'public', scope: 'none' },
      createRoute({
        method: 'get',
        path: '/api/docs',
        tags: ['Hệ thống'],
        summary: 'Giao diện tài liệu API',
        responses: { 200: { description: 'HTML' } },
      }),
    ),
    (c) => c.html(PAGE),
  );
  app.openapi(
    declareRoute(
      'docs.asset',
      { permission: 'public', scope: 'none' },
      createRoute({
        method: 'get',
        path: '/api/docs/assets/{file}',
        tags: ['Hệ thống'],
        summary: 'Tệp của giao diện tài liệu API',
        request: { params: z.object({ file: z.string().max(40) }) },
        responses: { 200: { description: 'Tệp tĩnh' }, 404: { description: 'Không có' } },
      }),
    ),
    (c) => {
      const file = c.req.valid('param').file;
      const type = ASSETS[file];
      if (!type) throw notFound();
      const body = file === 'docs-init.js' ? INIT : readFileSync(join(SWAGGER_DIR, file));
      return c.body(body, 200, { 'content-type': type, 'cache-control': 'public, max-age=86400' });
    },
  );
}

/** Builds the OpenAPI 3.1 document of every registered route. */
export function openApiDocument(app: OpenAPIHono<AppEnv>) {
  return app.getOpenAPI31Document({
    openapi: '3.1.0',
    info: {
      title: 'HopTac API',
      version: '0.1.0',
      description:
        'API của HopTac — quản lý nhà nước về kinh tế tập thể, hợp tác xã. Lỗi trả về dạng application/problem+json với mã ổn định (code) và thông báo tiếng Việt.',
    },
  });
}
