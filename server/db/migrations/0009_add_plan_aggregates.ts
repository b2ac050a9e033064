import { type Kysely, sql } from 'kysely';

/**
 * Per-unit, per-year aggregates that evaluate plan targets without scanning members or yearly figures of every
 * organisation (DESIGN.md §2). Triggers keep them current in the writing transaction, on every write path
 * (forms, imports, seeding). On updates and deletes a BEFORE row trigger subtracts the contribution of the affected
 * key (an organisation, or an organisation's year) read from the tables as they are, and the AFTER row trigger adds
 * it back as they became; every key is unique within its table, so the pair is exact for multi-row statements.
 * Inserts are aggregated once per statement from the transition table (the bulk path stays as fast as without
 * triggers, and upserts, whose BEFORE INSERT row triggers fire even when they update, stay exact).
 * Organisations are bucketed by (commune of today, commune before 1/7/2025 or 0, kind, field, has a new-type
 * model, paper-only, current legal status); reports by year and the bit mask of their yes/no figures (core/indicator/spec.ts).
 */
const KEY = `commune_id integer not null, pre_commune_id integer not null, kind text not null, field text not null,
  has_model boolean not null`;

/** The target of an upsert into plan_report_year, with every column an upsert gives. */
export const REPORT_YEAR_INTO = `insert into plan_report_year as t (commune_id, pre_commune_id, kind, field, has_model, year, flags, reports,
  members_n, members_sum, coops_n, coops_sum, revenue_n, revenue_sum, income_n, income_sum,
  mgr_total, mgr_university, mgr_intermediate, mgr_trained)`;
/** What an upsert into plan_report_year adds to the row already under its key. */
export const REPORT_YEAR_ADD = `on conflict on constraint plan_report_year_pk do update set reports = t.reports + excluded.reports,
  members_n = t.members_n + excluded.members_n, members_sum = t.members_sum + excluded.members_sum,
  coops_n = t.coops_n + excluded.coops_n, coops_sum = t.coops_sum + excluded.coops_sum,
  revenue_n = t.revenue_n + excluded.revenue_n, revenue_sum = t.revenue_sum + excluded.revenue_sum,
  income_n = t.income_n + excluded.income_n, income_sum = t.income_sum + excluded.income_sum,
  mgr_total = t.mgr_total + excluded.mgr_total, mgr_university = t.mgr_university + excluded.mgr_university,
  mgr_intermediate = t.mgr_intermediate + excluded.mgr_intermediate, mgr_trained = t.mgr_trained + excluded.mgr_trained`;
/**
 * The dates an organisation row `o` counts on, as x(dt, fo, en): its start (founded 1) and its end (ended 1), as
 * plan_org_start and plan_org_end give them; dt is null while it has not ended.
 */
export const FLOW_POINTS = `(values (coalesce(o.founded_on, o.registered_on, o.created_at::date), 1, 0),
  (case when o.ended_on is not null then o.ended_on when o.legal_status in ('dissolved', 'terminated')
    then coalesce(o.status_changed_on, o.founded_on, o.registered_on, o.created_at::date) end, 0, 1)) x(dt, fo, en)`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(`create table plan_org_year (${KEY}, paper_only boolean not null, legal_status text not null, year smallint not null,
    founded integer not null default 0, ended integer not null default 0,
    constraint plan_org_year_pk primary key (commune_id, pre_commune_id, year, kind, field, has_model, paper_only, legal_status))`)
    .execute(db);
  await sql`create index plan_org_year_pre_ix on plan_org_year (pre_commune_id, year)`.execute(db);
  await sql
    .raw(`create table plan_org_day (${KEY}, paper_only boolean not null, legal_status text not null, on_date date not null,
    founded integer not null default 0, ended integer not null default 0,
    constraint plan_org_day_pk primary key (commune_id, pre_commune_id, on_date, kind, field, has_model, paper_only, legal_status))`)
    .execute(db);
  await sql`create index plan_org_day_pre_ix on plan_org_day (pre_commune_id, on_date)`.execute(db);
  await sql`create index plan_org_day_date_ix on plan_org_day (on_date)`.execute(db);
  await sql
    .raw(`create table plan_report_year (${KEY}, year smallint not null, flags integer not null,
    reports integer not null default 0, members_n integer not null default 0, members_sum bigint not null default 0,
    coops_n integer not null default 0, coops_sum bigint not null default 0,
    revenue_n integer not null default 0, revenue_sum numeric not null default 0,
    income_n integer not null default 0, income_sum numeric not null default 0,
    mgr_total bigint not null default 0, mgr_university bigint not null default 0,
    mgr_intermediate bigint not null default 0, mgr_trained bigint not null default 0,
    constraint plan_report_year_pk primary key (commune_id, pre_commune_id, year, kind, field, has_model, flags))`)
    .execute(db);
  await sql`create index plan_report_year_pre_ix on plan_report_year (pre_commune_id, year)`.execute(db);
  await sql`create index plan_report_year_year_ix on plan_report_year (year)`.execute(db);
  await sql
    .raw(`create table plan_assessment_year (${KEY}, year smallint not null, band text not null, status text not null,
    flags integer not null, n integer not null default 0,
    constraint plan_assessment_year_pk primary key (commune_id, pre_commune_id, year, kind, field, has_model, band, status, flags))`)
    .execute(db);
  await sql`create index plan_assessment_year_pre_ix on plan_assessment_year (pre_commune_id, year)`.execute(
    db,
  );
  await sql`create index plan_assessment_year_year_ix on plan_assessment_year (year)`.execute(db);

  // The yes/no figures of a report as the bit mask of core/indicator/spec.ts REPORT_FLAGS.
  await sql`create function plan_report_flags(r annual_report) returns integer language sql immutable as $$
    select (case when r.value_chain then 1 else 0 end) | (case when r.enterprise_linkage then 2 else 0 end)
      | (case when r.high_tech then 4 else 0 end) | (case when r.technology_transfer then 8 else 0 end)
      | (case when r.digital_transformation then 16 else 0 end) | (case when r.land_allocated_leased then 32 else 0 end)
      | (case when r.information_access then 64 else 0 end) | (case when r.trade_promotion then 128 else 0 end)
      | (case when coalesce(r.worker_social_insurance, 0) > 0 then 256 else 0 end)
  $$`.execute(db);
  // When an organisation starts and stops counting: founding (else registration, else creation) and end dates.
  await sql`create function plan_org_start(o organisation) returns date language sql stable as $$
    select coalesce(o.founded_on, o.registered_on, o.created_at::date)
  $$`.execute(db);
  await sql`create function plan_org_end(o organisation) returns date language sql stable as $$
    select case when o.ended_on is not null then o.ended_on
      when o.legal_status in ('dissolved', 'terminated') then coalesce(o.status_changed_on, plan_org_start(o)) end
  $$`.execute(db);
  await sql`create function plan_apply_org_flow(p_org integer, p_sign integer) returns void language plpgsql as $$
    declare o organisation; d date; f integer; e integer;
    begin
      select * into o from organisation where id = p_org;
      if not found then return; end if;
      for i in 1..2 loop
        d := case when i = 1 then plan_org_start(o) else plan_org_end(o) end;
        continue when d is null;
        f := case when i = 1 then p_sign else 0 end;
        e := case when i = 2 then p_sign else 0 end;
        insert into plan_org_year as t (commune_id, pre_commune_id, kind, field, has_model, paper_only, legal_status, year, founded, ended)
        values (o.commune_id, coalesce(o.pre2025_commune_id, 0), o.kind, coalesce(o.field, ''), o.new_model is not null,
          o.paper_only, o.legal_status, extract(year from d)::smallint, f, e)
        on conflict on constraint plan_org_year_pk do update set founded = t.founded + excluded.founded, ended = t.ended + excluded.ended;
        insert into plan_org_day as t (commune_id, pre_commune_id, kind, field, has_model, paper_only, legal_status, on_date, founded, ended)
        values (o.commune_id, coalesce(o.pre2025_commune_id, 0), o.kind, coalesce(o.field, ''), o.new_model is not null,
          o.paper_only, o.legal_status, d, f, e)
        on conflict on constraint plan_org_day_pk do update set founded = t.founded + excluded.founded, ended = t.ended + excluded.ended;
      end loop;
    end
  $$`.execute(db);
  await sql`create function plan_apply_org_year(p_org integer, p_year integer, p_sign integer) returns void language plpgsql as $$
    declare o organisation; r annual_report; fl integer := 0; a record;
    begin
      select * into o from organisation where id = p_org;
      if not found then return; end if;
      select * into r from annual_report where organisation_id = p_org and year = p_year and period = 'year' and status = 'approved';
      if found then
        fl := plan_report_flags(r);
        ${sql.raw(REPORT_YEAR_INTO)}
        values (o.commune_id, coalesce(o.pre2025_commune_id, 0), o.kind, coalesce(o.field, ''), o.new_model is not null,
          p_year, fl, p_sign,
          case when r.members_total is null then 0 else p_sign end, coalesce(r.members_total, 0) * p_sign,
          case when r.member_cooperatives is null then 0 else p_sign end, coalesce(r.member_cooperatives, 0) * p_sign,
          case when r.revenue_total is null then 0 else p_sign end, coalesce(r.revenue_total, 0) * p_sign,
          case when r.avg_income_regular_worker is null then 0 else p_sign end, coalesce(r.avg_income_regular_worker, 0) * p_sign,
          case when r.manager_total is null then 0 else r.manager_total * p_sign end,
          case when r.manager_total is null then 0 else coalesce(r.manager_university, 0) * p_sign end,
          case when r.manager_total is null then 0 else coalesce(r.manager_intermediate, 0) * p_sign end,
          case when r.manager_total is null then 0 else (r.manager_total - coalesce(r.manager_untrained, 0)) * p_sign end)
        ${sql.raw(REPORT_YEAR_ADD)};
      end if;
      -- assessment_result comes from the assessments module (migration 0007); read it only where it exists.
      if to_regclass('assessment_result') is null then return; end if;
      for a in execute 'select band, status from assessment_result where organisation_id = $1 and year = $2' using p_org, p_year loop
        insert into plan_assessment_year as t (commune_id, pre_commune_id, kind, field, has_model, year, band, status, flags, n)
        values (o.commune_id, coalesce(o.pre2025_commune_id, 0), o.kind, coalesce(o.field, ''), o.new_model is not null,
          p_year, coalesce(a.band, ''), coalesce(a.status, ''), fl, p_sign)
        on conflict on constraint plan_assessment_year_pk do update set n = t.n + excluded.n;
      end loop;
    end
  $$`.execute(db);
  await sql`create function plan_apply_org(p_org integer, p_sign integer) returns void language plpgsql as $$
    declare y integer; ys integer[];
    begin
      perform plan_apply_org_flow(p_org, p_sign);
      ys := array(select distinct year::integer from annual_report
        where organisation_id = p_org and period = 'year' and status = 'approved');
      if to_regclass('assessment_result') is not null then
        for y in execute 'select distinct year::integer from assessment_result where organisation_id = $1' using p_org loop
          if not (y = any(ys)) then ys := ys || y; end if;
        end loop;
      end if;
      foreach y in array ys loop
        perform plan_apply_org_year(p_org, y, p_sign);
      end loop;
    end
  $$`.execute(db);
  await installTriggers(db);
  await sql`select plan_apply_org(id, 1) from organisation`.execute(db);
}

/** The triggers of organisation and annual_report, and of assessment_result where that table exists. */
async function installTriggers(db: Kysely<unknown>): Promise<void> {
  // Organisations: only the columns that place or date an organisation move its contributions.
  await sql`create function plan_trg_organisation() returns trigger language plpgsql as $$
    begin
      if tg_op = 'UPDATE' then
        if (old.commune_id, old.pre2025_commune_id, old.kind, old.field, old.new_model, old.paper_only,
            old.founded_on, old.registered_on, old.ended_on, old.legal_status, old.status_changed_on)
          is not distinct from (new.commune_id, new.pre2025_commune_id, new.kind, new.field, new.new_model, new.paper_only,
            new.founded_on, new.registered_on, new.ended_on, new.legal_status, new.status_changed_on) then
          return new;
        end if;
      end if;
      if tg_when = 'BEFORE' then
        if tg_op <> 'INSERT' then perform plan_apply_org(old.id, -1); end if;
        if tg_op = 'DELETE' then return old; end if;
        return new;
      end if;
      if tg_op <> 'DELETE' then perform plan_apply_org(new.id, 1); end if;
      return null;
    end
  $$`.execute(db);
  await sql`create trigger plan_organisation_before before update or delete on organisation
    for each row execute function plan_trg_organisation()`.execute(db);
  await sql`create trigger plan_organisation_after after update on organisation
    for each row execute function plan_trg_organisation()`.execute(db);
  // Yearly reports and assessment results: the key is (organisation, year); only approved yearly reports count.
  await sql`create function plan_trg_org_year() returns trigger language plpgsql as $$
    declare s integer := case when tg_when = 'BEFORE' then -1 else 1 end; rel boolean := tg_table_name <> 'annual_report';
      moved boolean := false;
    begin
      if not rel and tg_op <> 'INSERT' then rel := old.period = 'year' and old.status = 'approved'; end if;
      if not rel and tg_op <> 'DELETE' then rel := new.period = 'year' and new.status = 'approved'; end if;
      if rel then
        if tg_op <> 'INSERT' then perform plan_apply_org_year(old.organisation_id, old.year, s); end if;
        if tg_op = 'UPDATE' then moved := (new.organisation_id, new.year) is distinct from (old.organisation_id, old.year); end if;
        if tg_op = 'INSERT' or moved then perform plan_apply_org_year(new.organisation_id, new.year, s); end if;
      end if;
      if tg_when = 'AFTER' then return null; end if;
      if tg_op = 'DELETE' then return old; end if;
      return new;
    end
  $$`.execute(db);
  for (const when of ['before', 'after'] as const) {
    await sql
      .raw(`create trigger plan_annual_report_${when} ${when} update or delete on annual_report
      for each row execute function plan_trg_org_year()`)
      .execute(db);
  }
  await installInsertTriggers(db);
  await installAssessmentTriggers(db);
}

// The yes/no figures of a report row `r` as a bit mask (the same as plan_report_flags, on a transition row).
export const FLAGS = `((case when r.value_chain then 1 else 0 end) | (case when r.enterprise_linkage then 2 else 0 end)
  | (case when r.high_tech then 4 else 0 end) | (case when r.technology_transfer then 8 else 0 end)
  | (case when r.digital_transformation then 16 else 0 end) | (case when r.land_allocated_leased then 32 else 0 end)
  | (case when r.information_access then 64 else 0 end) | (case when r.trade_promotion then 128 else 0 end)
  | (case when coalesce(r.worker_social_insurance, 0) > 0 then 256 else 0 end))`;
export const OKEY = `o.commune_id, coalesce(o.pre2025_commune_id, 0), o.kind, coalesce(o.field, ''), o.new_model is not null`;

/**
 * Inserts, the bulk path (imports, seeding), are aggregated per statement from the transition table: a new
 * organisation has no reports yet, and a new yearly report had no row for its key before, so the contribution
 * before is known (nothing, or the same-year assessment counted without report flags).
 */
async function installInsertTriggers(db: Kysely<unknown>): Promise<void> {
  const flow = (
    table: string,
    col: string,
    expr: string,
  ) => `insert into ${table} as t (commune_id, pre_commune_id, kind, field, has_model, paper_only, legal_status, ${col}, founded, ended)
      select c, p, k, f, m, po, ls, d, sum(fo), sum(en) from (
        select o.commune_id c, coalesce(o.pre2025_commune_id, 0) p, o.kind k, coalesce(o.field, '') f, o.new_model is not null m, o.paper_only po,
          o.legal_status ls, ${expr} d, x.fo, x.en
        from nr o cross join lateral ${FLOW_POINTS}
        where x.dt is not null) s
      group by c, p, k, f, m, po, ls, d
      on conflict on constraint ${table}_pk do update set founded = t.founded + excluded.founded, ended = t.ended + excluded.ended;`;
  await sql
    .raw(`create function plan_trg_organisation_insert() returns trigger language plpgsql as $$
    begin
      ${flow('plan_org_year', 'year', 'extract(year from x.dt)::smallint')}
      ${flow('plan_org_day', 'on_date', 'x.dt')}
      return null;
    end
  $$`)
    .execute(db);
  await sql`create trigger plan_organisation_insert after insert on organisation referencing new table as nr
    for each statement execute function plan_trg_organisation_insert()`.execute(db);
  await sql
    .raw(`create function plan_trg_report_insert() returns trigger language plpgsql as $$
    begin
      ${REPORT_YEAR_INTO}
      select ${OKEY}, r.year, ${FLAGS}, count(*), count(r.members_total), coalesce(sum(r.members_total), 0),
        count(r.member_cooperatives), coalesce(sum(r.member_cooperatives), 0), count(r.revenue_total), coalesce(sum(r.revenue_total), 0),
        count(r.avg_income_regular_worker), coalesce(sum(r.avg_income_regular_worker), 0), coalesce(sum(r.manager_total), 0),
        coalesce(sum(r.manager_university) filter (where r.manager_total is not null), 0),
        coalesce(sum(r.manager_intermediate) filter (where r.manager_total is not null), 0),
        coalesce(sum(r.manager_total - coalesce(r.manager_untrained, 0)), 0)
      from nr r join organisation o on o.id = r.organisation_id
      where r.period = 'year' and r.status = 'approved'
      group by 1, 2, 3, 4, 5, 6, 7
      ${REPORT_YEAR_ADD};
      if to_regclass('assessment_result') is null then return null; end if;
      -- A same-year assessment moves from "no report flags" to the new report's flags.
      insert into plan_assessment_year as t (commune_id, pre_commune_id, kind, field, has_model, year, band, status, flags, n)
      select ${OKEY}, a.year, coalesce(a.band, ''), a.status, x.flags, sum(x.sign)
      from (select r.organisation_id, r.year, 0 as flags, -1 as sign from nr r where r.period = 'year' and r.status = 'approved'
        union all select r.organisation_id, r.year, ${FLAGS}, 1 from nr r where r.period = 'year' and r.status = 'approved') x
      join assessment_result a on a.organisation_id = x.organisation_id and a.year = x.year
      join organisation o on o.id = x.organisation_id
      group by 1, 2, 3, 4, 5, 6, 7, 8, 9
      on conflict on constraint plan_assessment_year_pk do update set n = t.n + excluded.n;
      return null;
    end
  $$`)
    .execute(db);
  await sql`create trigger plan_annual_report_insert after insert on annual_report referencing new table as nr
    for each statement execute function plan_trg_report_insert()`.execute(db);
}

/**
 * Attaches the aggregate triggers to assessment_result when that table exists (created by the assessments
 * module's migration 0007, which runs first); a no-op otherwise. Exported for tests that create the table.
 */
export async function installAssessmentTriggers(db: Kysely<unknown>): Promise<boolean> {
  const r = await sql<{ t: string | null }>`select to_regclass('assessment_result')::text as t`.execute(db);
  if (!r.rows[0]?.t) return false;
  // An insert (also the insert half of an upsert that did insert) adds the result with the flags of the
  // same-year approved report; a row trigger on INSERT would also fire for upserts that end up updating.
  await sql
    .raw(`create or replace function plan_trg_assessment_insert() returns trigger language plpgsql as $$
    begin
      insert into plan_assessment_year as t (commune_id, pre_commune_id, kind, field, has_model, year, band, status, flags, n)
      select ${OKEY}, a.year, coalesce(a.band, ''), a.status,
        coalesce((select ${FLAGS} from annual_report r where r.organisation_id = a.organisation_id and r.year = a.year
          and r.period = 'year' and r.status = 'approved'), 0), count(*)
      from nr a join organisation o on o.id = a.organisation_id
      group by 1, 2, 3, 4, 5, 6, 7, 8, 9
      on conflict on constraint plan_assessment_year_pk do update set n = t.n + excluded.n;
      return null;
    end
  $$`)
    .execute(db);
  for (const when of ['before', 'after'] as const) {
    await sql.raw(`drop trigger if exists plan_assessment_${when} on assessment_result`).execute(db);
    await sql
      .raw(`create trigger plan_assessment_${when} ${when} update or delete on assessment_result
      for each row execute function plan_trg_org_year()`)
      .execute(db);
  }
  await sql`drop trigger if exists plan_assessment_insert on assessment_result`.execute(db);
  await sql`create trigger plan_assessment_insert after insert on assessment_result referencing new table as nr
    for each statement execute function plan_trg_assessment_insert()`.execute(db);
  return true;
}
