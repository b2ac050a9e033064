import { type Kysely, sql } from 'kysely';
import { createStatementTriggers } from './statement-triggers.js';

/**
 * The organisations with a trademark, per product year: one row per (organisation, year) in which it has at least
 * one trademark product, placed like the plan aggregates (migration 0009: commune of today, commune before
 * 1/7/2025 or 0, kind, field, has a new-type model, paper-only, current legal status) and under its province of
 * today (migration 0010's plan_commune_province). The trademark indicators counted organisations by looking each
 * trademark product's organisation up by primary key (≈1,700 lookups nation-wide, 5–20 ms per evaluation); they
 * now count these rows: one per organisation and year, so a year's count needs no DISTINCT and a window's is a
 * DISTINCT over a few hundred rows.
 * Kept in the writing transaction by triggers: statement-level ones on organisation_product (the keys a statement
 * touched gain their row, or lose it when no trademark product of that organisation and year remains), and a
 * row-level one on organisation that fires only when a placing column changes. An organisation with products
 * cannot be deleted before them (organisation_product_org_fk), so their deletion removes its rows.
 */
export const PLACE = `coalesce((select m.province_id from plan_commune_province m where m.commune_id = o.commune_id), 0),
  o.commune_id, coalesce(o.pre2025_commune_id, 0), o.kind, coalesce(o.field, ''), o.new_model is not null,
  o.paper_only, o.legal_status`;
export const COLS = `province_id, commune_id, pre_commune_id, kind, field, has_model, paper_only, legal_status`;

/** Adds the rows of the trademark products in `src` (a table or transition table of organisation_product rows). */
const addFrom = (src: string) => `insert into plan_trademark_year (organisation_id, year, ${COLS})
    select k.organisation_id, k.year, ${PLACE}
    from (select distinct organisation_id, year from ${src} where kind = 'trademark' and year is not null) k
      join organisation o on o.id = k.organisation_id
    on conflict on constraint plan_trademark_year_pk do nothing`;

/** Removes the rows of the keys in `src` that no trademark product holds any more. */
const dropFrom = (src: string) => `delete from plan_trademark_year t
    using (select distinct organisation_id, year from ${src} where kind = 'trademark' and year is not null) k
    where t.organisation_id = k.organisation_id and t.year = k.year
      and not exists (select 1 from organisation_product p where p.organisation_id = k.organisation_id
        and p.year = k.year and p.kind = 'trademark')`;

/** The statement that fills the (empty) table from organisation_product: the backfill, and the bulk-load rebuild. */
export const TRADEMARK_FROM_PRODUCTS_SQL = addFrom('organisation_product');

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create table plan_trademark_year (organisation_id integer not null, year smallint not null,
    province_id integer not null, commune_id integer not null, pre_commune_id integer not null, kind text not null,
    field text not null, has_model boolean not null, paper_only boolean not null, legal_status text not null,
    constraint plan_trademark_year_pk primary key (organisation_id, year))`.execute(db);
  await sql`create index plan_trademark_year_province_ix on plan_trademark_year (province_id, year)`.execute(
    db,
  );
  await sql`create index plan_trademark_year_commune_ix on plan_trademark_year (commune_id, year)`.execute(
    db,
  );
  await sql`create index plan_trademark_year_pre_ix on plan_trademark_year (pre_commune_id, year)`.execute(
    db,
  );
  await createStatementTriggers(
    db,
    { table: 'organisation_product', prefix: 'plan_trademark_year', fn: 'plan_trademark_trg' },
    {
      insert: addFrom('nt'),
      update: `${dropFrom('ot')}; ${addFrom('nt')}`,
      delete: dropFrom('ot'),
      truncate: 'delete from plan_trademark_year',
    },
  );
  await sql
    .raw(`create function plan_trademark_org_trg() returns trigger language plpgsql as $$
    begin
      update plan_trademark_year t set (${COLS}) = (${PLACE.replaceAll('o.', 'new.')})
      where t.organisation_id = new.id;
      return null;
    end
  $$`)
    .execute(db);
  await sql`create trigger plan_trademark_year_organisation after update on organisation for each row
    when ((old.commune_id, old.pre2025_commune_id, old.kind, old.field, old.new_model, old.paper_only, old.legal_status)
      is distinct from (new.commune_id, new.pre2025_commune_id, new.kind, new.field, new.new_model, new.paper_only,
        new.legal_status))
    execute function plan_trademark_org_trg()`.execute(db);
  await sql.raw(TRADEMARK_FROM_PRODUCTS_SQL).execute(db);
  await sql`analyze plan_trademark_year`.execute(db);
}
