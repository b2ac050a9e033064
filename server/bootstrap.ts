import { join } from 'node:path';
import { sql } from 'kysely';
import type { Config } from './config.js';
import type { AppDeps } from './context.js';
import { type Database, openPGlite, openPostgres } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';
import { ReadCache } from './db/read-cache.js';
import { ensureAdminUnits } from './modules/admin-unit/admin-unit.load.js';
import { DirectoryStorage } from './modules/attachment/file-storage.js';
import { SessionCache } from './modules/auth/session-cache.js';
import { seedDemoAssessments } from './seed/demo-assessment.js';
import { describeDemoRegistry, seedDemoRegistry } from './seed/demo-registry.js';
import { seedDemoUsers } from './seed/demo-users.js';
import { seedPlans } from './seed/seed-plans.js';

/** Opens the configured database (PGlite under DATA_DIR, or PostgreSQL via DATABASE_URL) and migrates it. */
export async function openAppDatabase(config: Config): Promise<Database> {
  const database = config.databaseUrl
    ? await openPostgres(config.databaseUrl, 10, { listen: true })
    : await openPGlite({ dataDir: join(config.dataDir, 'pglite') });
  try {
    if (database.kind === 'postgres') await assertPostgresVersion(database);
    await migrateToLatest(database.db);
    await ensureAdminUnits(database.db);
    // The five source plans and the national targets are real documents: every database gets them.
    await seedPlans(database.db);
  } catch (err) {
    await database.close();
    throw err;
  }
  return database;
}

/** The oldest PostgreSQL HopTac supports (what CI and the issue name; PGlite embeds a newer one). */
export const MIN_POSTGRES_VERSION = 150000;

/** Refuses a PostgreSQL server older than 15 with a message saying which version was found. */
export async function assertPostgresVersion(database: Pick<Database, 'db'>): Promise<number> {
  const r = await sql<{ v: string }>`select current_setting('server_version_num') as v`.execute(database.db);
  const version = Number(r.rows[0]?.v ?? 0);
  if (version < MIN_POSTGRES_VERSION) {
    throw new Error(
      `HopTac cần PostgreSQL 15 trở lên; máy chủ đang chạy phiên bản ${Math.floor(version / 10000)} (server_version_num ${version}).`,
    );
  }
  return version;
}

/**
 * Seeds demo data when asked to and the database is empty: the demo accounts, then the demo registry (which binds
 * the demo cooperative account to its organisation). Returns the demo accounts created now.
 */
export async function seedDemo(database: Database, config: Config) {
  if (!config.seedDemo) return [];
  const accounts = await seedDemoUsers(database.db);
  const registry = await seedDemoRegistry(database.db);
  if (registry.created) {
    console.log(describeDemoRegistry(registry));
    // Assessments 2020–2025 so that bands and the plans' "rated Tốt/Khá" targets have data.
    await seedDemoAssessments(database.db);
  }
  return accounts;
}

/** Builds the shared dependencies of every request. */
export function buildDeps(database: Database, config: Config): AppDeps {
  return {
    db: database.db,
    dbKind: database.kind,
    storage: new DirectoryStorage(join(config.dataDir, 'files')),
    config: {
      secureCookies: config.secureCookies,
      sessionIdleMinutes: config.sessionIdleMinutes,
      sessionAbsoluteHours: config.sessionAbsoluteHours,
    },
    sessions: new SessionCache({ ttlSeconds: config.sessionCacheSeconds }),
    reads: new ReadCache(database.changes, config.readCacheEntries),
  };
}
