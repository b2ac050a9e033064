import { type Kysely, sql } from 'kysely';

/**
 * Plans (kế hoạch, chương trình hành động, đề án, nghị quyết) with their targets and tasks, manual indicator
 * figures and officer-defined indicators (issue 5). The per-unit, per-year aggregates that evaluate the targets
 * are created by 0009_add_plan_aggregates.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create table plan (
    id integer generated always as identity constraint plan_pk primary key,
    code text constraint plan_code_uq unique,
    number text,
    kind text not null constraint plan_kind_ck check (kind in ('ke_hoach', 'chuong_trinh_hanh_dong', 'de_an', 'nghi_quyet', 'quyet_dinh')),
    title text not null,
    issuer text not null,
    signer text,
    issued_on date,
    unit_id integer constraint plan_unit_fk references admin_unit (id),
    province_id integer constraint plan_province_fk references admin_unit (id),
    start_year smallint not null,
    end_year smallint not null,
    legal_bases jsonb not null default '[]',
    status text not null default 'in_force' constraint plan_status_ck check (status in ('draft', 'in_force', 'expired', 'superseded')),
    summary text,
    created_by integer constraint plan_created_by_fk references app_user (id),
    version integer not null default 1,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    constraint plan_years_ck check (end_year >= start_year and start_year between 1990 and 2100 and end_year <= 2100)
  )`.execute(db);
  await sql`create index plan_province_ix on plan (province_id, status)`.execute(db);
  await sql`create index plan_unit_ix on plan (unit_id)`.execute(db);
  await sql`create table plan_target (
    id integer generated always as identity constraint plan_target_pk primary key,
    plan_id integer not null constraint plan_target_plan_fk references plan (id) on delete cascade,
    code text not null,
    part text not null default '',
    parent_id integer constraint plan_target_parent_fk references plan_target (id),
    relation text constraint plan_target_relation_ck check (relation in ('of_which', 'allocated')),
    objective text,
    indicator_key text not null,
    unit_label text not null,
    comparator text not null constraint plan_target_comparator_ck
      check (comparator in ('about', 'more_than', 'at_least', 'range', 'all', 'none', 'plain')),
    value numeric not null,
    value_max numeric,
    tolerance numeric constraint plan_target_tolerance_ck check (tolerance > 0 and tolerance < 1),
    target_year smallint not null,
    recurring boolean not null default false,
    period_start date,
    baseline_value numeric,
    baseline_date date,
    wording text not null,
    note text,
    allocation_level smallint constraint plan_target_allocation_level_ck check (allocation_level between 2 and 3),
    partition boolean not null default false,
    sort integer not null default 0,
    constraint plan_target_code_uq unique (plan_id, code, part),
    constraint plan_target_range_ck check (comparator <> 'range' or value_max >= value),
    constraint plan_target_baseline_ck check ((baseline_value is null) = (baseline_date is null))
  )`.execute(db);
  await sql`create index plan_target_parent_ix on plan_target (parent_id)`.execute(db);
  await sql`create table plan_task (
    id integer generated always as identity constraint plan_task_pk primary key,
    plan_id integer not null constraint plan_task_plan_fk references plan (id) on delete cascade,
    agency text not null,
    task text not null,
    due_on date,
    recurrence text constraint plan_task_recurrence_ck check (recurrence in ('semiannual', 'annual')),
    deadline_md text constraint plan_task_deadline_md_ck check (deadline_md ~ '^[0-1][0-9]-[0-3][0-9]$'),
    status text not null default 'open' constraint plan_task_status_ck check (status in ('open', 'in_progress', 'done')),
    note text,
    sort integer not null default 0
  )`.execute(db);
  await sql`create index plan_task_plan_ix on plan_task (plan_id, sort)`.execute(db);
  await sql`create table indicator_manual_value (
    id integer generated always as identity constraint indicator_manual_value_pk primary key,
    indicator_key text not null,
    unit_id integer constraint indicator_manual_value_unit_fk references admin_unit (id),
    province_id integer constraint indicator_manual_value_province_fk references admin_unit (id),
    year smallint not null constraint indicator_manual_value_year_ck check (year between 1990 and 2100),
    value numeric not null,
    source text not null,
    note text,
    entered_by integer constraint indicator_manual_value_entered_by_fk references app_user (id),
    version integer not null default 1,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
  )`.execute(db);
  await sql`create unique index indicator_manual_value_key_uq on indicator_manual_value (indicator_key, coalesce(unit_id, 0), year)`.execute(
    db,
  );
  await sql`create index indicator_manual_value_province_ix on indicator_manual_value (province_id)`.execute(
    db,
  );
  await sql`create table indicator_definition (
    id integer generated always as identity constraint indicator_definition_pk primary key,
    key text not null constraint indicator_definition_key_uq unique,
    name_vi text not null,
    name_en text not null,
    definition_vi text not null,
    definition_en text not null,
    unit text not null,
    spec jsonb not null,
    province_id integer constraint indicator_definition_province_fk references admin_unit (id),
    created_by integer constraint indicator_definition_created_by_fk references app_user (id),
    version integer not null default 1,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
  )`.execute(db);
  await sql`create index organisation_product_kind_ix on organisation_product (kind, organisation_id)`.execute(
    db,
  );
}
