import { type Kysely, sql } from 'kysely';

/**
 * The short name's search key, stored. Searches filter on `hoptac_search_key(short_name) like '%key%'`; as an
 * expression that regexp ran for every row a plan visits without the index, e.g. the name-ordered walk of "tổ hợp
 * tác chè" (5,142 rows, 19–32 ms on the national dataset) and the recheck of a broad term's exact count. Stored, the
 * test is a plain LIKE. The trigram index moves from the expression to the column.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table organisation
    add column short_key text generated always as (hoptac_search_key(short_name)) stored`.execute(db);
  await sql`drop index organisation_short_key_trgm_ix`.execute(db);
  await sql`create index organisation_short_key_trgm_ix on organisation using gin (short_key gin_trgm_ops)`.execute(
    db,
  );
}
