import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { currentMigration } from '../../db/migrate.js';
import type { AppEnv } from '../../http/env.js';
import { json } from '../../http/openapi-helpers.js';
import { declareRoute } from '../../http/route.js';

/** Liveness and what the process runs on: database kind and migration version. */
export function registerHealthRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(
    declareRoute(
      'health',
      { permission: 'public', scope: 'none' },
      createRoute({
        method: 'get',
        path: '/api/health',
        tags: ['Hệ thống'],
        summary: 'Tình trạng hệ thống',
        responses: {
          200: json(
            z.object({
              status: z.literal('ok'),
              database: z.enum(['pglite', 'postgres']),
              migration: z.string().nullable(),
            }),
          ),
        },
      }),
    ),
    async (c) => {
      const deps = c.get('deps');
      return c.json(
        { status: 'ok' as const, database: deps.dbKind, migration: await currentMigration(deps.db) },
        200,
      );
    },
  );
}
