import { type Kysely, type Migration, type MigrationProvider, Migrator } from 'kysely';
import * as m0001 from './migrations/0001_create_extensions.js';
import * as m0002 from './migrations/0002_create_admin_unit.js';
import * as m0003 from './migrations/0003_create_user_session_audit.js';
import * as m0004 from './migrations/0004_create_registry.js';
import * as m0005 from './migrations/0005_add_organisation_search.js';
import * as m0007 from './migrations/0007_create_assessment.js';
import * as m0008 from './migrations/0008_create_plan.js';
import * as m0009 from './migrations/0009_add_plan_aggregates.js';
import * as m0010 from './migrations/0010_add_plan_province_rollups.js';
import * as m0011 from './migrations/0011_add_organisation_kind_name_sort.js';
import * as m0012 from './migrations/0012_add_plan_trademark_year.js';
import * as m0012n from './migrations/0012_plan_nation_rollups.js';
import * as m0013 from './migrations/0013_add_organisation_name_key_prefix.js';
import * as m0014 from './migrations/0014_add_organisation_short_key.js';
import * as m0015 from './migrations/0015_plan_organisation_statement_triggers.js';

// Listed statically so that the migrations work the same under tsx, a bundler and tests.
const MIGRATIONS: Record<string, Migration> = {
  '0001_create_extensions': m0001,
  '0002_create_admin_unit': m0002,
  '0003_create_user_session_audit': m0003,
  '0004_create_registry': m0004,
  '0005_add_organisation_search': m0005,
  '0007_create_assessment': m0007,
  '0008_create_plan': m0008,
  '0009_add_plan_aggregates': m0009,
  '0010_add_plan_province_rollups': m0010,
  '0011_add_organisation_kind_name_sort': m0011,
  '0012_add_plan_trademark_year': m0012,
  '0012_plan_nation_rollups': m0012n,
  '0013_add_organisation_name_key_prefix': m0013,
  '0014_add_organisation_short_key': m0014,
  '0015_plan_organisation_statement_triggers': m0015,
};

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

/** The name of the newest migration this build knows. */
export const LATEST_MIGRATION = Object.keys(MIGRATIONS).sort().at(-1) as string;

/** Runs every pending migration forward; throws with the failing migration's name. */
// biome-ignore lint/suspicious/noExplicitAny: migrations run before (and independently of) the typed schema
export async function migrateToLatest(db: Kysely<any>): Promise<string> {
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error) {
    throw new Error(
      `Migration ${failed?.migrationName ?? ''} failed: ${String((error as Error).message ?? error)}`,
    );
  }
  return LATEST_MIGRATION;
}

/** The newest migration applied to this database, or null for an empty one. */
// biome-ignore lint/suspicious/noExplicitAny: read on any database, typed schema or not
export async function currentMigration(db: Kysely<any>): Promise<string | null> {
  const migrator = new Migrator({ db, provider });
  const all = await migrator.getMigrations();
  return all.filter((m) => m.executedAt).at(-1)?.name ?? null;
}
