import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { type Kysely, sql } from 'kysely';
import { currentMigration } from '../../db/migrate.js';
import type { AppEnv } from '../../http/env.js';
import { json, problems } from '../../http/openapi-helpers.js';
import { AppError } from '../../http/problem.js';
import { declareRoute } from '../../http/route.js';

// The process migrates its database at start and never after, so the applied migration is read once per database.
const migrations = new WeakMap<Kysely<unknown>, string | null>();

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
          ...problems(503),
        },
      }),
    ),
    async (c) => {
      const deps = c.get('deps');
      const db = deps.db as unknown as Kysely<unknown>;
      try {
        // Every call asks the database: a health check must not report a database that is down as up.
        await sql`select 1`.execute(db);
        if (!migrations.has(db)) migrations.set(db, await currentMigration(db));
      } catch {
        throw new AppError(503, 'health.database_unavailable', 'Không kết nối được cơ sở dữ liệu.');
      }
      return c.json(
        { status: 'ok' as const, database: deps.dbKind, migration: migrations.get(db) ?? null },
        200,
      );
    },
  );
}
