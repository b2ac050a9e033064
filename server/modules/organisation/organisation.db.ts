import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';

/** The database as this module sees it (kept as an alias: the 0005 columns now live in tables/registry.ts). */
export type OrgDB = DB;

/** The same connection or transaction, typed with the columns of migration 0005. */
export function orgDb(db: Kysely<DB>): Kysely<OrgDB> {
  return db as unknown as Kysely<OrgDB>;
}
