import { type Kysely, sql } from 'kysely';

/** unaccent + pg_trgm, an IMMUTABLE unaccent wrapper usable in indexes, and a key/value meta table. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create extension if not exists unaccent`.execute(db);
  await sql`create extension if not exists pg_trgm`.execute(db);
  // unaccent() is STABLE; an index needs an IMMUTABLE wrapper with the dictionary named explicitly.
  await sql`create or replace function hoptac_fold(text) returns text language sql immutable parallel safe strict
    as $$ select lower(translate(public.unaccent('public.unaccent'::regdictionary, $1), 'đĐ', 'dd')) $$`.execute(
    db,
  );
  await sql`create table app_meta (
    key text constraint app_meta_pk primary key,
    value text not null
  )`.execute(db);
}
