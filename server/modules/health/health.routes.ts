import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { type Kysely, sql } from 'kysely';
import { currentMigration } from '../../db/migrate.js';
import type { AppEnv } from '../../http/env.js';
import { json, problems } from '../../http/openapi-helpers.js';
import { AppError } from '../../http/problem.js';
import { declareRoute } from '../../http/route.js';

// The process migrates its database at start and never after, so the applied migration is read once per database.
const migrations = new WeakMap<Kysely<unknown>, string | null>();
// The check under way on each database. Calls that arrive while one is under way share it, so that an anonymous
// client calling in a loop costs one statement at a time, not one per call (PGlite runs one statement at a time for
// everybody). Every answer still comes from a check that ended after the call arrived.
const checks = new WeakMap<Kysely<unknown>, Promise<void>>();

/** Asks the database (`select 1`, then the applied migration once), sharing a check already under way. */
function checkDatabase(db: Kysely<unknown>): Promise<void> {
  const running = checks.get(db);
  if (running) return running;
  const check = (async () => {
    await sql`select 1`.execute(db);
    if (!migrations.has(db)) migrations.set(db, await currentMigration(db));
  })();
  checks.set(db, check);
  const done = () => {
    if (checks.get(db) === check) checks.delete(db);
  };
  check.then(done, done);
  return check;
}

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
        // Every call waits for the database to answer: a health check must not report a database that is down as up.
        await checkDatabase(db);
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
