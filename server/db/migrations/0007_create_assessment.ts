import { type Kysely, sql } from 'kysely';
import { SHIPPED_RUBRICS } from '../../../core/assessment/rubrics/index.js';
import type { RubricDefinition } from '../../../core/assessment/types.js';

/**
 * Yearly assessment and classification of cooperatives (TT 01/2020/TT-BKHĐT, TT 09/2017/TT-BNNPTNT): rubric versions
 * as data (rubric_version + rubric_item tree), yearly campaigns per province, one result per organisation and year
 * (the contract plans and indicators read: assessment_result), per-item scores, and the four classifications.
 * The shipped rubrics are loaded here, active from the first start.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create table rubric_version (
    id integer generated always as identity constraint rubric_version_pk primary key,
    code text not null constraint rubric_version_code_uq unique,
    name text not null,
    document_number text not null,
    issuer text not null,
    signed_on date,
    effective_from date,
    expires_on date,
    repealed_by text,
    source_note text,
    applies_kinds text[] not null,
    applies_fields text[],
    max_total numeric(5,2) not null constraint rubric_version_max_total_ck check (max_total > 0),
    bands jsonb not null,
    overrides jsonb not null default '[]'::jsonb,
    exclusions jsonb not null default '[]'::jsonb,
    deadlines jsonb not null,
    status text not null default 'draft' constraint rubric_version_status_ck check (status in ('draft', 'active', 'retired')),
    shipped boolean not null default false,
    owner_province_id integer constraint rubric_version_owner_province_fk references admin_unit (id),
    derived_from_id integer constraint rubric_version_derived_from_fk references rubric_version (id),
    version integer not null default 1,
    created_by integer constraint rubric_version_created_by_fk references app_user (id),
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    activated_at timestamptz
  )`.execute(db);
  await sql`create table rubric_item (
    id integer generated always as identity constraint rubric_item_pk primary key,
    rubric_version_id integer not null constraint rubric_item_version_fk references rubric_version (id),
    code text not null,
    parent_code text,
    level text not null constraint rubric_item_level_ck check (level in ('group', 'criterion', 'sub')),
    label text not null,
    max_points numeric(5,2),
    sort_order integer not null,
    note text,
    needs_appendix boolean not null default false,
    scoring jsonb,
    constraint rubric_item_code_uq unique (rubric_version_id, code)
  )`.execute(db);
  await sql`create table assessment_campaign (
    id integer generated always as identity constraint assessment_campaign_pk primary key,
    province_id integer not null constraint assessment_campaign_province_fk references admin_unit (id),
    year smallint not null constraint assessment_campaign_year_ck check (year between 2000 and 2100),
    rubric_version_id integer not null constraint assessment_campaign_rubric_fk references rubric_version (id),
    self_deadline date not null,
    commune_deadline date not null,
    province_deadline date not null,
    status text not null default 'open' constraint assessment_campaign_status_ck check (status in ('open', 'closed')),
    opened_by integer constraint assessment_campaign_opened_by_fk references app_user (id),
    closed_at timestamptz,
    version integer not null default 1,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    constraint assessment_campaign_province_year_uq unique (province_id, year)
  )`.execute(db);
  await sql`create table assessment_result (
    id integer generated always as identity constraint assessment_result_pk primary key,
    organisation_id integer not null constraint assessment_result_org_fk references organisation (id),
    year smallint not null constraint assessment_result_year_ck check (year between 2000 and 2100),
    rubric_version_id integer not null constraint assessment_result_rubric_fk references rubric_version (id),
    campaign_id integer constraint assessment_result_campaign_fk references assessment_campaign (id),
    status text not null default 'draft' constraint assessment_result_status_ck
      check (status in ('draft', 'self_submitted', 'returned', 'commune_reviewed', 'confirmed', 'published')),
    self_total numeric(5,2),
    officer_total numeric(5,2),
    final_total numeric(5,2),
    band text constraint assessment_result_band_ck check (band in ('tot', 'kha', 'trung_binh', 'yeu')),
    not_classified_reason text constraint assessment_result_reason_ck
      check (not_classified_reason in ('new_lt_12_months', 'stopped_gt_3_months', 'credit_fund', 'no_rubric', 'not_submitted')),
    override_applied text,
    sanctioned boolean,
    imported boolean not null default false,
    board_name text,
    board_approved_on date,
    supervisor_name text,
    supervisor_approved_on date,
    survey_valid_forms integer constraint assessment_result_survey_forms_ck check (survey_valid_forms >= 0),
    survey_score_sum numeric(9,2) constraint assessment_result_survey_sum_ck check (survey_score_sum >= 0),
    service_type text constraint assessment_result_service_type_ck check (service_type in ('production', 'consumption', 'job_creation', 'mixed')),
    review_comment text,
    submitted_at timestamptz,
    submitted_by integer constraint assessment_result_submitted_by_fk references app_user (id),
    reviewed_at timestamptz,
    reviewed_by integer constraint assessment_result_reviewed_by_fk references app_user (id),
    confirmed_at timestamptz,
    confirmed_by integer constraint assessment_result_confirmed_by_fk references app_user (id),
    published_at timestamptz,
    version integer not null default 1,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    constraint assessment_result_org_year_uq unique (organisation_id, year),
    constraint assessment_result_band_when_ck check (band is null or status in ('confirmed', 'published') or imported),
    constraint assessment_result_band_or_reason_ck check (band is null or not_classified_reason is null)
  )`.execute(db);
  await sql`create index assessment_result_year_band_ix on assessment_result (year, band)`.execute(db);
  await sql`create index assessment_result_campaign_ix on assessment_result (campaign_id, status)`.execute(
    db,
  );
  await sql`create index assessment_result_rubric_ix on assessment_result (rubric_version_id)`.execute(db);
  await sql`create table assessment_score (
    assessment_id integer not null constraint assessment_score_assessment_fk references assessment_result (id),
    item_code text not null,
    self_score numeric(5,2) constraint assessment_score_self_ck check (self_score >= 0),
    self_note text,
    officer_score numeric(5,2) constraint assessment_score_officer_ck check (officer_score >= 0),
    officer_note text,
    return_comment text,
    constraint assessment_score_pk primary key (assessment_id, item_code)
  )`.execute(db);
  await sql`create table assessment_classification (
    organisation_id integer not null constraint assessment_classification_org_fk references organisation (id),
    year smallint not null,
    member_scale text,
    capital_scale text,
    size_class text,
    service_type text,
    field text,
    members_basis integer,
    capital_basis numeric(20,0),
    revenue_basis numeric(20,0),
    computed_at timestamptz not null default now(),
    constraint assessment_classification_pk primary key (organisation_id, year)
  )`.execute(db);
  for (const r of SHIPPED_RUBRICS) await loadRubric(db, r);
}

/** Inserts one shipped rubric version with its items (one statement each: PGlite takes one per query). */
async function loadRubric(db: Kysely<unknown>, r: RubricDefinition) {
  const { rows } = await sql<{
    id: number;
  }>`insert into rubric_version (code, name, document_number, issuer, signed_on,
    effective_from, expires_on, repealed_by, source_note, applies_kinds, applies_fields, max_total, bands, overrides, exclusions,
    deadlines, status, shipped, activated_at)
    values (${r.code}, ${r.name}, ${r.legal.documentNumber}, ${r.legal.issuer}, ${r.legal.signedOn}, ${r.legal.effectiveFrom},
      ${r.legal.expiresOn}, ${r.legal.repealedBy}, ${r.legal.sourceNote}, ${r.appliesTo.kinds}::text[], ${r.appliesTo.fields}::text[],
      ${r.maxTotal}, ${JSON.stringify(r.bands)}::jsonb, ${JSON.stringify(r.overrides)}::jsonb, ${JSON.stringify(r.exclusions)}::jsonb,
      ${JSON.stringify(r.deadlines)}::jsonb, 'active', true, now())
    returning id`.execute(db);
  const id = rows[0].id;
  const it = r.items;
  await sql`insert into rubric_item (rubric_version_id, code, parent_code, level, label, max_points, sort_order, note, needs_appendix, scoring)
    select ${id}, * from unnest(${it.map((i) => i.code)}::text[], ${it.map((i) => i.parentCode)}::text[], ${it.map((i) => i.level)}::text[],
      ${it.map((i) => i.label)}::text[], ${it.map((i) => i.maxPoints)}::numeric[], ${it.map((i) => i.order)}::int[],
      ${it.map((i) => i.note)}::text[], ${it.map((i) => i.needsAppendix)}::boolean[],
      ${it.map((i) => (i.scoring ? JSON.stringify(i.scoring) : null))}::jsonb[])`.execute(db);
}
