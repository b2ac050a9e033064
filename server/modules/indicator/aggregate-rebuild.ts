import { type Kysely, sql } from 'kysely';
import { ROLLUPS, rollupFromFineSql } from '../../db/migrations/0010_add_plan_province_rollups.js';
import { TRADEMARK_FROM_PRODUCTS_SQL } from '../../db/migrations/0012_add_plan_trademark_year.js';
import { NATION_ROLLUPS, nationFromProvinceSql } from '../../db/migrations/0012_plan_nation_rollups.js';

/**
 * Rebuilds the per-unit, per-year aggregates of migration 0009 from the base tables with set-based SQL: the
 * same buckets and sums the triggers maintain row by row, computed in four statements; then their province
 * rollups (migration 0010) from them, their nation rollups and the trademark rows (migrations 0012). For bulk loads that ran with the aggregate triggers disabled (the national
 * seed); the tables are locked until the caller commits.
 */

const OKEY = `o.commune_id, coalesce(o.pre2025_commune_id, 0), o.kind, coalesce(o.field, ''), o.new_model is not null`;
// The yes/no figures of a report row r as the bit mask of core/indicator/spec.ts REPORT_FLAGS (= plan_report_flags).
const FLAGS = `((case when r.value_chain then 1 else 0 end) | (case when r.enterprise_linkage then 2 else 0 end)
  | (case when r.high_tech then 4 else 0 end) | (case when r.technology_transfer then 8 else 0 end)
  | (case when r.digital_transformation then 16 else 0 end) | (case when r.land_allocated_leased then 32 else 0 end)
  | (case when r.information_access then 64 else 0 end) | (case when r.trade_promotion then 128 else 0 end)
  | (case when coalesce(r.worker_social_insurance, 0) > 0 then 256 else 0 end))`;

const flow = (table: string, col: string, expr: string) => `insert into ${table}
    (commune_id, pre_commune_id, kind, field, has_model, paper_only, legal_status, ${col}, founded, ended)
  select ${OKEY}, o.paper_only, o.legal_status, ${expr}, sum(x.fo), sum(x.en)
  from organisation o cross join lateral (values (plan_org_start(o), 1, 0), (plan_org_end(o), 0, 1)) x(dt, fo, en)
  where x.dt is not null
  group by 1, 2, 3, 4, 5, 6, 7, 8`;

const ROLLUP_TABLES = ROLLUPS.map((r) => r.table).join(', ');

/** The statements, in order (one per call: PGlite takes one statement per prepared query). */
export const AGGREGATE_REBUILD_STATEMENTS: readonly string[] = [
  `truncate plan_org_year, plan_org_day, plan_report_year, plan_assessment_year, ${ROLLUP_TABLES}`,
  flow('plan_org_year', 'year', 'extract(year from x.dt)::smallint'),
  flow('plan_org_day', 'on_date', 'x.dt'),
  `insert into plan_report_year (commune_id, pre_commune_id, kind, field, has_model, year, flags, reports,
    members_n, members_sum, coops_n, coops_sum, revenue_n, revenue_sum, income_n, income_sum,
    mgr_total, mgr_university, mgr_intermediate, mgr_trained)
  select ${OKEY}, r.year, ${FLAGS}, count(*), count(r.members_total), coalesce(sum(r.members_total), 0),
    count(r.member_cooperatives), coalesce(sum(r.member_cooperatives), 0), count(r.revenue_total),
    coalesce(sum(r.revenue_total), 0), count(r.avg_income_regular_worker), coalesce(sum(r.avg_income_regular_worker), 0),
    coalesce(sum(r.manager_total), 0),
    coalesce(sum(r.manager_university) filter (where r.manager_total is not null), 0),
    coalesce(sum(r.manager_intermediate) filter (where r.manager_total is not null), 0),
    coalesce(sum(r.manager_total - coalesce(r.manager_untrained, 0)), 0)
  from annual_report r join organisation o on o.id = r.organisation_id
  where r.period = 'year' and r.status = 'approved'
  group by 1, 2, 3, 4, 5, 6, 7`,
  `insert into plan_assessment_year (commune_id, pre_commune_id, kind, field, has_model, year, band, status, flags, n)
  select ${OKEY}, a.year, coalesce(a.band, ''), coalesce(a.status, ''), coalesce(${FLAGS}, 0), count(*)
  from assessment_result a join organisation o on o.id = a.organisation_id
    left join annual_report r on r.organisation_id = a.organisation_id and r.year = a.year
      and r.period = 'year' and r.status = 'approved'
  group by 1, 2, 3, 4, 5, 6, 7, 8, 9`,
  // The rollup triggers on the fine tables are never disabled, so the inserts above already filled the rollups;
  // computing them again from the fine tables keeps the result exact whatever triggers were enabled.
  `truncate ${ROLLUP_TABLES}`,
  ...ROLLUPS.map(rollupFromFineSql),
  // Likewise the nation rollups, kept by triggers on the province rollups.
  `truncate ${NATION_ROLLUPS.map((r) => r.table).join(', ')}`,
  ...NATION_ROLLUPS.map(nationFromProvinceSql),
  // The organisation trigger of the trademark rows is disabled with the others during a bulk load.
  'truncate plan_trademark_year',
  TRADEMARK_FROM_PRODUCTS_SQL,
];

/** Rebuilds every plan aggregate from the base tables (run inside the loading transaction). */
// biome-ignore lint/suspicious/noExplicitAny: works on any schema that has the 0009 tables
export async function rebuildAggregates(db: Kysely<any>): Promise<void> {
  for (const s of AGGREGATE_REBUILD_STATEMENTS) await sql.raw(s).execute(db);
}
