import { type Kysely, sql } from 'kysely';

/** Administrative units of both eras (before and after 1/7/2025) and the old → new lineage. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create table admin_unit (
    id integer generated always as identity constraint admin_unit_pk primary key,
    key text not null constraint admin_unit_key_uq unique,
    code text not null,
    name text not null,
    full_name text not null,
    type text not null,
    level smallint not null constraint admin_unit_level_ck check (level between 1 and 3),
    parent_id integer constraint admin_unit_parent_fk references admin_unit (id),
    era text not null constraint admin_unit_era_ck check (era in ('pre2025', 'post2025')),
    valid_from date,
    valid_to date,
    name_key text not null,
    province_id integer constraint admin_unit_province_fk references admin_unit (id)
  )`.execute(db);
  await sql`create index admin_unit_parent_ix on admin_unit (parent_id)`.execute(db);
  await sql`create index admin_unit_code_ix on admin_unit (code, level)`.execute(db);
  await sql`create index admin_unit_province_ix on admin_unit (province_id, level)`.execute(db);
  await sql`create index admin_unit_name_trgm_ix on admin_unit using gin (name_key gin_trgm_ops)`.execute(db);
  await sql`create table admin_unit_lineage (
    old_unit_id integer not null constraint admin_unit_lineage_old_fk references admin_unit (id),
    new_unit_id integer not null constraint admin_unit_lineage_new_fk references admin_unit (id),
    effective_date date not null,
    partial boolean not null default false,
    constraint admin_unit_lineage_pk primary key (old_unit_id, new_unit_id)
  )`.execute(db);
  await sql`create index admin_unit_lineage_new_ix on admin_unit_lineage (new_unit_id)`.execute(db);
}
