import { type Kysely, sql } from 'kysely';

/**
 * The registry: organisations (THT, HTX, LHHTX), union membership, lifecycle events, products,
 * registration change requests, yearly reports with their comment trail and quality flags, member
 * registers and import jobs. Report columns mirror core/registry/report-fields.ts.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create table organisation (
    id integer generated always as identity constraint organisation_pk primary key,
    kind text not null constraint organisation_kind_ck check (kind in ('THT', 'HTX', 'LHHTX')),
    credit_fund boolean not null default false,
    reg_code text not null constraint organisation_reg_code_uq unique
      constraint organisation_reg_code_ck check (reg_code ~ '^[0-9]{10}(-[0-9]{3})?$'),
    name text not null,
    name_key text not null,
    short_name text,
    commune_id integer not null constraint organisation_commune_fk references admin_unit (id),
    province_id integer not null constraint organisation_province_fk references admin_unit (id),
    pre2025_commune_id integer constraint organisation_pre2025_commune_fk references admin_unit (id),
    address text,
    phone text,
    email text,
    founded_on date,
    registered_on date,
    registering_authority text,
    charter_capital numeric(20, 0) constraint organisation_charter_capital_ck check (charter_capital >= 0),
    legal_rep_name text,
    legal_rep_title text,
    vsic_code text constraint organisation_vsic_ck check (vsic_code ~ '^[0-9]{4}$'),
    field text constraint organisation_field_ck check (field in ('agriculture', 'industry_construction', 'finance', 'trade_service')),
    agri_subtype text,
    new_model text,
    governance text constraint organisation_governance_ck check (governance in ('full', 'reduced')),
    legal_status text not null default 'active',
    status_changed_on date,
    ended_on date,
    paper_only boolean not null default false,
    demo boolean not null default false,
    version integer not null default 1,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
  )`.execute(db);
  await sql`create index organisation_commune_ix on organisation (commune_id)`.execute(db);
  await sql`create index organisation_province_kind_ix on organisation (province_id, kind, legal_status)`.execute(
    db,
  );
  await sql`create index organisation_pre2025_commune_ix on organisation (pre2025_commune_id)`.execute(db);
  await sql`create index organisation_name_trgm_ix on organisation using gin (name_key gin_trgm_ops)`.execute(
    db,
  );
  await sql`create index organisation_name_key_ix on organisation (name_key)`.execute(db);
  await sql`create index organisation_legal_rep_ix on organisation (hoptac_fold(legal_rep_name))`.execute(db);
  await sql`create table organisation_union_member (
    union_id integer not null constraint organisation_union_member_union_fk references organisation (id),
    member_id integer not null constraint organisation_union_member_member_fk references organisation (id),
    joined_on date,
    left_on date,
    constraint organisation_union_member_pk primary key (union_id, member_id),
    constraint organisation_union_member_self_ck check (union_id <> member_id)
  )`.execute(db);
  await sql`create index organisation_union_member_member_ix on organisation_union_member (member_id)`.execute(
    db,
  );
  await sql`create table organisation_event (
    id integer generated always as identity constraint organisation_event_pk primary key,
    organisation_id integer not null constraint organisation_event_org_fk references organisation (id),
    kind text not null,
    occurred_on date not null,
    note text,
    detail jsonb,
    created_by integer constraint organisation_event_created_by_fk references app_user (id),
    created_at timestamptz not null default now()
  )`.execute(db);
  await sql`create index organisation_event_org_ix on organisation_event (organisation_id, occurred_on)`.execute(
    db,
  );
  await sql`create index organisation_event_kind_ix on organisation_event (kind, occurred_on)`.execute(db);
  await sql`create table organisation_product (
    id integer generated always as identity constraint organisation_product_pk primary key,
    organisation_id integer not null constraint organisation_product_org_fk references organisation (id),
    kind text not null constraint organisation_product_kind_ck check (kind in ('ocop', 'trademark', 'certification')),
    name text not null,
    stars smallint constraint organisation_product_stars_ck check (stars between 1 and 5),
    year smallint,
    note text
  )`.execute(db);
  await sql`create index organisation_product_org_ix on organisation_product (organisation_id)`.execute(db);
  await sql`create table registration_change_request (
    id integer generated always as identity constraint registration_change_request_pk primary key,
    organisation_id integer not null constraint registration_change_request_org_fk references organisation (id),
    requested_by integer not null constraint registration_change_request_by_fk references app_user (id),
    changes jsonb not null,
    status text not null default 'pending'
      constraint registration_change_request_status_ck check (status in ('pending', 'approved', 'rejected')),
    reviewer_id integer constraint registration_change_request_reviewer_fk references app_user (id),
    reviewed_at timestamptz,
    comment text,
    created_at timestamptz not null default now()
  )`.execute(db);
  await sql`create index registration_change_request_org_ix on registration_change_request (organisation_id, status)`.execute(
    db,
  );
  await sql`create table annual_report (
    id integer generated always as identity constraint annual_report_pk primary key,
    organisation_id integer not null constraint annual_report_org_fk references organisation (id),
    year smallint not null constraint annual_report_year_ck check (year between 1990 and 2100),
    period text not null default 'year' constraint annual_report_period_ck check (period in ('year', 'h1')),
    status text not null default 'draft'
      constraint annual_report_status_ck check (status in ('draft', 'submitted', 'returned', 'approved')),
    members_official integer,
    members_total integer,
    member_official_individual integer,
    member_official_household integer,
    member_official_legal integer,
    member_associate_capital integer,
    member_associate_noncapital integer,
    member_women integer,
    member_ethnic_minority integer,
    member_foreign_official integer,
    member_cooperatives integer,
    worker_total integer,
    worker_regular integer,
    worker_social_insurance integer,
    worker_health_insurance integer,
    charter_capital numeric(20,0),
    total_capital numeric(20,0),
    total_assets numeric(20,0),
    indivisible_assets numeric(20,0),
    revenue_total numeric(20,0),
    revenue_from_members numeric(20,0),
    profit_before_tax numeric(20,0),
    avg_income_regular_worker numeric(20,0),
    fund_development_pct numeric(7,2),
    fund_reserve_pct numeric(7,2),
    fund_other_pct numeric(7,2),
    manager_total integer,
    manager_university integer,
    manager_intermediate integer,
    manager_untrained integer,
    manager_young integer,
    value_chain boolean,
    value_chain_partners integer,
    enterprise_linkage boolean,
    high_tech boolean,
    technology_transfer boolean,
    digital_transformation boolean,
    land_allocated_leased boolean,
    information_access boolean,
    trade_promotion boolean,
    general_meeting_date date,
    audited_statements boolean,
    administrative_sanction boolean,
    months_suspended integer,
    submitted_at timestamptz,
    submitted_by integer constraint annual_report_submitted_by_fk references app_user (id),
    reviewed_at timestamptz,
    reviewed_by integer constraint annual_report_reviewed_by_fk references app_user (id),
    version integer not null default 1,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    constraint annual_report_org_year_uq unique (organisation_id, year, period),
    constraint annual_report_member_official_individual_ck check (member_official_individual >= 0),
    constraint annual_report_member_official_household_ck check (member_official_household >= 0),
    constraint annual_report_member_official_legal_ck check (member_official_legal >= 0),
    constraint annual_report_member_associate_capital_ck check (member_associate_capital >= 0),
    constraint annual_report_member_associate_noncapital_ck check (member_associate_noncapital >= 0),
    constraint annual_report_member_women_ck check (member_women >= 0),
    constraint annual_report_member_ethnic_minority_ck check (member_ethnic_minority >= 0),
    constraint annual_report_member_foreign_official_ck check (member_foreign_official >= 0),
    constraint annual_report_member_cooperatives_ck check (member_cooperatives >= 0),
    constraint annual_report_worker_total_ck check (worker_total >= 0),
    constraint annual_report_worker_regular_ck check (worker_regular >= 0),
    constraint annual_report_worker_social_insurance_ck check (worker_social_insurance >= 0),
    constraint annual_report_worker_health_insurance_ck check (worker_health_insurance >= 0),
    constraint annual_report_fund_development_pct_ck check (fund_development_pct >= 0),
    constraint annual_report_fund_reserve_pct_ck check (fund_reserve_pct >= 0),
    constraint annual_report_fund_other_pct_ck check (fund_other_pct >= 0),
    constraint annual_report_manager_total_ck check (manager_total >= 0),
    constraint annual_report_manager_university_ck check (manager_university >= 0),
    constraint annual_report_manager_intermediate_ck check (manager_intermediate >= 0),
    constraint annual_report_manager_untrained_ck check (manager_untrained >= 0),
    constraint annual_report_manager_young_ck check (manager_young >= 0),
    constraint annual_report_value_chain_partners_ck check (value_chain_partners >= 0),
    constraint annual_report_months_suspended_ck check (months_suspended >= 0)
  )`.execute(db);
  await sql`create index annual_report_year_status_ix on annual_report (year, period, status)`.execute(db);
  await sql`create table report_comment (
    id integer generated always as identity constraint report_comment_pk primary key,
    report_id integer not null constraint report_comment_report_fk references annual_report (id),
    flag_id integer,
    author_id integer constraint report_comment_author_fk references app_user (id),
    kind text not null constraint report_comment_kind_ck check (kind in ('submit', 'return', 'approve', 'reopen', 'quality', 'note')),
    field text,
    body text not null,
    created_at timestamptz not null default now()
  )`.execute(db);
  await sql`create index report_comment_report_ix on report_comment (report_id, id)`.execute(db);
  await sql`create table data_quality_flag (
    id integer generated always as identity constraint data_quality_flag_pk primary key,
    report_id integer not null constraint data_quality_flag_report_fk references annual_report (id),
    rule text not null,
    message text not null,
    status text not null default 'open' constraint data_quality_flag_status_ck check (status in ('open', 'explained', 'resolved')),
    created_at timestamptz not null default now(),
    constraint data_quality_flag_report_rule_uq unique (report_id, rule)
  )`.execute(db);
  await sql`create table member (
    id integer generated always as identity constraint member_pk primary key,
    organisation_id integer not null constraint member_org_fk references organisation (id),
    member_type text not null constraint member_type_ck check (member_type in ('official', 'associate_capital', 'associate_noncapital')),
    full_name text not null,
    birth_date date,
    gender text constraint member_gender_ck check (gender in ('male', 'female', 'other')),
    ethnicity text,
    nationality text,
    id_number text,
    org_code text,
    address text,
    capital_pledged numeric(20, 0) constraint member_capital_pledged_ck check (capital_pledged >= 0),
    capital_paid numeric(20, 0) constraint member_capital_paid_ck check (capital_paid >= 0),
    joined_on date,
    left_on date,
    erased_at timestamptz,
    version integer not null default 1,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
  )`.execute(db);
  await sql`create index member_org_ix on member (organisation_id)`.execute(db);
  await sql`create table import_job (
    id integer generated always as identity constraint import_job_pk primary key,
    kind text not null constraint import_job_kind_ck check (kind in ('organisations', 'annual_reports', 'members')),
    file_name text not null,
    sha256 text not null,
    status text not null constraint import_job_status_ck check (status in ('dry_run', 'committed', 'failed')),
    mode text,
    total_rows integer not null default 0,
    accepted_rows integer not null default 0,
    rejected_rows integer not null default 0,
    inserted_rows integer not null default 0,
    updated_rows integer not null default 0,
    unchanged_rows integer not null default 0,
    province_id integer constraint import_job_province_fk references admin_unit (id),
    report jsonb,
    created_by integer constraint import_job_created_by_fk references app_user (id),
    created_at timestamptz not null default now(),
    committed_at timestamptz
  )`.execute(db);
  await sql`alter table app_user add constraint app_user_organisation_fk foreign key (organisation_id) references organisation (id)`.execute(
    db,
  );
}
