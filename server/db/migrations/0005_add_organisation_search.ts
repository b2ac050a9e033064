import { type Kysely, sql } from 'kysely';
import { vietnameseSortKey } from '../../../core/text.js';

/**
 * Search and sorting of organisations at national scale (~100,000 rows): a stored Vietnamese sort key
 * (name_sort, compared byte-wise under COLLATE "C") with its indexes, a trigram index over the folded
 * short name, indexes for the other sort orders, and the registration codes an organisation gave up
 * (a code is never reused: NĐ 92/2024 Art. 14).
 *
 * name_sort cannot be computed in SQL (the key is core/text.ts vietnameseSortKey), so every writer of
 * organisation.name sets it: the organisation service and the registry import. Rows already present are
 * back-filled here in the application.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table organisation add column name_sort text collate "C" not null default ''`.execute(db);
  await sql`create index organisation_name_sort_ix on organisation (name_sort collate "C", id)`.execute(db);
  await sql`create index organisation_province_name_sort_ix on organisation (province_id, name_sort collate "C", id)`.execute(
    db,
  );
  await sql`create index organisation_reg_code_c_ix on organisation (reg_code collate "C")`.execute(db);
  await sql`create index organisation_updated_ix on organisation (updated_at, id)`.execute(db);
  await sql`create index organisation_founded_ix on organisation (founded_on, id)`.execute(db);
  // Same folding as core/text.ts foldVietnamese: no diacritics, đ → d, anything but a-z0-9 → one space.
  await sql`create function hoptac_search_key(text) returns text language sql immutable parallel safe strict
    as $$ select btrim(regexp_replace(public.hoptac_fold($1), '[^a-z0-9]+', ' ', 'g')) $$`.execute(db);
  await sql`create index organisation_short_key_trgm_ix on organisation using gin (hoptac_search_key(short_name) gin_trgm_ops)`.execute(
    db,
  );
  await sql`create table organisation_retired_code (
    reg_code text constraint organisation_retired_code_pk primary key,
    organisation_id integer not null constraint organisation_retired_code_org_fk references organisation (id),
    retired_at timestamptz not null default now()
  )`.execute(db);
  await backfillNameSort(db);
}

async function backfillNameSort(db: Kysely<unknown>) {
  for (let after = 0; ; ) {
    const rows = (
      await sql<{
        id: number;
        name: string;
      }>`select id, name from organisation where id > ${after} order by id limit 5000`.execute(db)
    ).rows;
    if (rows.length === 0) return;
    await sql`update organisation o set name_sort = v.k from unnest(${rows.map((r) => r.id)}::int[], ${rows.map((r) => vietnameseSortKey(r.name))}::text[]) as v(id, k)
      where o.id = v.id`.execute(db);
    after = rows[rows.length - 1].id;
  }
}
