import { type Kysely, sql } from 'kysely';
import { FLAGS, FLOW_POINTS, OKEY, REPORT_YEAR_ADD, REPORT_YEAR_INTO } from './0009_add_plan_aggregates.js';
import { COLS, PLACE } from './0012_add_plan_trademark_year.js';

/**
 * Organisation updates and deletes keep the plan aggregates once per statement, not once per row
 * (docs/decisions/0013-organisation-statement-triggers.md).
 *
 * Until now a BEFORE row trigger subtracted an updated or deleted organisation's whole contribution (its founding
 * and end, every approved yearly report, every assessment result) and an AFTER row trigger added it back: some
 * twenty upserts per organisation, each firing the province and the nation rollups' statement triggers. Changing
 * the legal status of 1,000 organisations took 12.5 s on the national dataset; an import that updates 50,000 would
 * have taken minutes. Inserts were already aggregated per statement (0009).
 *
 * Now one AFTER UPDATE and one AFTER DELETE statement trigger read the statement's transition tables: the
 * organisations whose placing or dating columns changed (the same list as 0009's row trigger) contribute their old
 * row with sign −1 and their new row with sign +1, grouped by aggregate key, one upsert per aggregate table; the
 * rollups' triggers then fire once per table. Reports and assessment results are read as they are (an organisation
 * UPDATE does not change them), and only for organisations that moved to another report key: a change of legal
 * status or of a date leaves them where they are counted (0009's row trigger subtracted and added them back).
 *
 * A deleted organisation contributes its founding and end only: every foreign key to organisation is NO ACTION, so
 * one with reports, assessment results or trademark products cannot be deleted (a test keeps the keys so).
 */
const CHANGED = `(o.commune_id, o.pre2025_commune_id, o.kind, o.field, o.new_model, o.paper_only,
    o.founded_on, o.registered_on, o.ended_on, o.legal_status, o.status_changed_on)
  is distinct from (n.commune_id, n.pre2025_commune_id, n.kind, n.field, n.new_model, n.paper_only,
    n.founded_on, n.registered_on, n.ended_on, n.legal_status, n.status_changed_on)`;

/** The placing columns of plan_trademark_year (0012's row trigger fired on these). */
const PLACED = `(o.commune_id, o.pre2025_commune_id, o.kind, o.field, o.new_model, o.paper_only, o.legal_status)
  is distinct from (n.commune_id, n.pre2025_commune_id, n.kind, n.field, n.new_model, n.paper_only, n.legal_status)`;

/** The key under which reports and assessment results are counted (0009's OKEY): status and dates are not in it. */
const KEYED = `(o.commune_id, coalesce(o.pre2025_commune_id, 0), o.kind, coalesce(o.field, ''), o.new_model is not null)
  is distinct from (n.commune_id, coalesce(n.pre2025_commune_id, 0), n.kind, coalesce(n.field, ''), n.new_model is not null)`;

/** An update's organisations for which `changed` holds: old rows with s = −1, new rows with s = +1. */
const updated = (changed: string) => `select -1 as s, o.* from ot o join nt n on n.id = o.id where ${changed}
  union all select 1, n.* from nt n join ot o on o.id = n.id where ${changed}`;
const UPDATED = updated(CHANGED);
const MOVED = updated(KEYED);
const DELETED = 'select -1 as s, o.* from ot o';

/** Founding and end of the organisations in `side`, into plan_org_year or plan_org_day. */
const flow = (side: string, table: string, col: string, expr: string) => `
  insert into ${table} as t (commune_id, pre_commune_id, kind, field, has_model, paper_only, legal_status, ${col}, founded, ended)
  select c, p, k, f, m, po, ls, d, sum(fo), sum(en) from (
    select o.commune_id c, coalesce(o.pre2025_commune_id, 0) p, o.kind k, coalesce(o.field, '') f,
      o.new_model is not null m, o.paper_only po, o.legal_status ls, ${expr} d, x.fo * o.s fo, x.en * o.s en
    from (${side}) o cross join lateral ${FLOW_POINTS}
    where x.dt is not null) s
  group by c, p, k, f, m, po, ls, d
  having sum(fo) <> 0 or sum(en) <> 0
  on conflict on constraint ${table}_pk do update set founded = t.founded + excluded.founded, ended = t.ended + excluded.ended`;

/** The approved yearly reports of the organisations in `side`, placed where the side row puts them. */
const reports = (side: string) => `
  ${REPORT_YEAR_INTO}
  select ${OKEY}, r.year, ${FLAGS}, sum(o.s),
    coalesce(sum(o.s) filter (where r.members_total is not null), 0), coalesce(sum(r.members_total * o.s), 0),
    coalesce(sum(o.s) filter (where r.member_cooperatives is not null), 0), coalesce(sum(r.member_cooperatives * o.s), 0),
    coalesce(sum(o.s) filter (where r.revenue_total is not null), 0), coalesce(sum(r.revenue_total * o.s), 0),
    coalesce(sum(o.s) filter (where r.avg_income_regular_worker is not null), 0),
    coalesce(sum(r.avg_income_regular_worker * o.s), 0),
    coalesce(sum(r.manager_total * o.s), 0),
    coalesce(sum(r.manager_university * o.s) filter (where r.manager_total is not null), 0),
    coalesce(sum(r.manager_intermediate * o.s) filter (where r.manager_total is not null), 0),
    coalesce(sum((r.manager_total - coalesce(r.manager_untrained, 0)) * o.s), 0)
  from (${side}) o join annual_report r on r.organisation_id = o.id
  where r.period = 'year' and r.status = 'approved'
  group by 1, 2, 3, 4, 5, 6, 7
  ${REPORT_YEAR_ADD}`;

/** The assessment results of the organisations in `side`, with the flags of their year's approved report. */
const assessments = (side: string) => `
  insert into plan_assessment_year as t (commune_id, pre_commune_id, kind, field, has_model, year, band, status, flags, n)
  select ${OKEY}, a.year, coalesce(a.band, ''), coalesce(a.status, ''), coalesce(rf.flags, 0), sum(o.s)
  from (${side}) o join assessment_result a on a.organisation_id = o.id
    left join lateral (select ${FLAGS} as flags from annual_report r where r.organisation_id = a.organisation_id
      and r.year = a.year and r.period = 'year' and r.status = 'approved') rf on true
  group by 1, 2, 3, 4, 5, 6, 7, 8, 9
  having sum(o.s) <> 0
  on conflict on constraint plan_assessment_year_pk do update set n = t.n + excluded.n`;

/** Moves the trademark rows of organisations whose placing columns changed (o: the new row, n: the old one). */
const TRADEMARKS = `
  update plan_trademark_year t set (${COLS}) = (${PLACE})
  from nt o join ot n on n.id = o.id
  where t.organisation_id = o.id and ${PLACED}`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`drop trigger plan_organisation_before on organisation`.execute(db);
  await sql`drop trigger plan_organisation_after on organisation`.execute(db);
  await sql`drop trigger plan_trademark_year_organisation on organisation`.execute(db);
  await sql
    .raw(`create function plan_trg_organisation_change() returns trigger language plpgsql as $$
    begin
      if tg_op = 'UPDATE' then
        ${flow(UPDATED, 'plan_org_year', 'year', 'extract(year from x.dt)::smallint')};
        ${flow(UPDATED, 'plan_org_day', 'on_date', 'x.dt')};
        ${reports(MOVED)};
        ${assessments(MOVED)};
        ${TRADEMARKS};
      else
        ${flow(DELETED, 'plan_org_year', 'year', 'extract(year from x.dt)::smallint')};
        ${flow(DELETED, 'plan_org_day', 'on_date', 'x.dt')};
      end if;
      return null;
    end
  $$`)
    .execute(db);
  await sql`create trigger plan_organisation_update after update on organisation
    referencing old table as ot new table as nt
    for each statement execute function plan_trg_organisation_change()`.execute(db);
  await sql`create trigger plan_organisation_delete after delete on organisation
    referencing old table as ot
    for each statement execute function plan_trg_organisation_change()`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop trigger plan_organisation_update on organisation`.execute(db);
  await sql`drop trigger plan_organisation_delete on organisation`.execute(db);
  await sql`drop function plan_trg_organisation_change()`.execute(db);
  await sql`create trigger plan_organisation_before before update or delete on organisation
    for each row execute function plan_trg_organisation()`.execute(db);
  await sql`create trigger plan_organisation_after after update on organisation
    for each row execute function plan_trg_organisation()`.execute(db);
  await sql`create trigger plan_trademark_year_organisation after update on organisation for each row
    when ((old.commune_id, old.pre2025_commune_id, old.kind, old.field, old.new_model, old.paper_only, old.legal_status)
      is distinct from (new.commune_id, new.pre2025_commune_id, new.kind, new.field, new.new_model, new.paper_only,
        new.legal_status))
    execute function plan_trademark_org_trg()`.execute(db);
}
