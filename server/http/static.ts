import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from './env.js';

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.ttf': 'font/ttf',
};

/** Public, unauthenticated paths outside /api: the built SPA and its hashed assets. */
export const STATIC_ROUTES = ['GET /assets/*', 'GET /*'] as const;

/** Serves the built SPA: hashed assets with long caching, index.html for every other page path. */
export function serveWeb(app: OpenAPIHono<AppEnv>, dist: string) {
  app.get('/assets/*', async (c) => {
    const rel = normalize(c.req.path).replace(/^\/+/, '');
    if (!rel.startsWith('assets/') || rel.includes('..')) return c.notFound();
    try {
      const body = await readFile(join(dist, rel));
      return c.body(body, 200, {
        'content-type': TYPES[extname(rel)] ?? 'application/octet-stream',
        'cache-control': 'public, max-age=31536000, immutable',
      });
    } catch {
      return c.notFound();
    }
  });
  app.get('/*', async (c) => {
    if (c.req.path.startsWith('/api')) return c.notFound();
    const rel = normalize(c.req.path).replace(/^\/+/, '');
    if (rel && !rel.includes('..') && extname(rel) && TYPES[extname(rel)]) {
      try {
        return c.body(await readFile(join(dist, rel)), 200, { 'content-type': TYPES[extname(rel)] });
      } catch {
        /* fall through to the SPA */
      }
    }
    // Read per request (it is small): a rebuilt app is served without restarting the server.
    const indexHtml = await readFile(join(dist, 'index.html'), 'utf8').catch(() => null);
    if (indexHtml === null) return c.text('Giao diện web chưa được dựng: chạy `npm run build`.', 503);
    return c.html(indexHtml, 200, { 'cache-control': 'no-cache' });
  });
}
