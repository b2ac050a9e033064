import { type Kysely, sql } from 'kysely';
import { createStatementTriggers } from './statement-triggers.js';

/**
 * Province rollups of the plan aggregates (migration 0009). The fine tables hold nearly one row per organisation
 * (they are bucketed by commune of today and commune before 1/7/2025), so a dashboard of the nation or of a
 * province read most of them (0.1–1.5 s nationally). The rollups keep exactly the dimensions the indicator queries
 * filter or group on (server/modules/indicator/filters.ts) under the province of today, and are read whenever the
 * territory is a whole province of today or the nation (territory.ts); communes, pre-2025 units and partial
 * territories keep reading the fine tables.
 * Statement-level AFTER triggers on the fine tables apply the deltas (new − old, from the transition tables) in the
 * writing transaction, so every write path that moves the fine tables (row triggers, bulk inserts, the seed's
 * rebuild) moves the rollups identically; a TRUNCATE of a fine table empties its rollup. Like the fine tables,
 * rows that fall to zero are kept.
 */

/** Each rollup: its fine table, key columns (after province_id), summed columns. */
export const ROLLUPS = [
  {
    table: 'plan_org_year_province',
    fine: 'plan_org_year',
    key: ['year', 'kind', 'field', 'has_model', 'paper_only', 'legal_status'],
    sums: ['founded', 'ended'],
  },
  {
    table: 'plan_org_day_province',
    fine: 'plan_org_day',
    key: ['on_date', 'kind', 'field', 'has_model', 'paper_only', 'legal_status'],
    sums: ['founded', 'ended'],
  },
  {
    table: 'plan_report_year_province',
    fine: 'plan_report_year',
    key: ['year', 'kind', 'field', 'has_model', 'flags'],
    sums: [
      'reports',
      'members_n',
      'members_sum',
      'coops_n',
      'coops_sum',
      'revenue_n',
      'revenue_sum',
      'income_n',
      'income_sum',
      'mgr_total',
      'mgr_university',
      'mgr_intermediate',
      'mgr_trained',
    ],
  },
  {
    table: 'plan_assessment_year_province',
    fine: 'plan_assessment_year',
    key: ['year', 'kind', 'field', 'has_model', 'band', 'status', 'flags'],
    sums: ['n'],
  },
] as const;

type Rollup = (typeof ROLLUPS)[number];

/** Adds rows `src` of the fine table (with their `sign`), summed per province of today and rollup key, to the rollup. */
function rollupDeltaSql(r: Rollup, src: string): string {
  const cols = ['province_id', ...r.key, ...r.sums].join(', ');
  const keyCols = r.key.map((k) => `d.${k}`).join(', ');
  const sums = r.sums.map((s) => `sum(d.${s} * d.sign)`).join(', ');
  const set = r.sums.map((s) => `${s} = t.${s} + excluded.${s}`).join(', ');
  const groups = Array.from({ length: r.key.length + 1 }, (_, i) => i + 1).join(', ');
  return `insert into ${r.table} as t (${cols})
    select m.province_id, ${keyCols}, ${sums}
    from (${src}) d join plan_commune_province m on m.commune_id = d.commune_id
    group by ${groups}
    on conflict on constraint ${r.table}_pk do update set ${set}`;
}

const fineRows = (r: Rollup, from: string, sign: 1 | -1) =>
  `select commune_id, ${[...r.key, ...r.sums].join(', ')}, ${sign} as sign from ${from}`;

/** The statement that adds the whole fine table into its (empty) rollup: the backfill, and the bulk-load rebuild. */
export const rollupFromFineSql = (r: Rollup): string => rollupDeltaSql(r, fineRows(r, r.fine, 1));

export async function up(db: Kysely<unknown>): Promise<void> {
  // The province of today of each commune of today: the level-1 ancestor of a level-3 unit (as subtreeCommunes
  // walks it), 0 for anything else (a nation-wide read still counts it, a province read never does).
  await sql`create view plan_commune_province as
    select c.id as commune_id, coalesce(case when c.level = 3 then
      case when p.level = 1 then p.id when p.level = 2 then g.id end end, 0) as province_id
    from admin_unit c left join admin_unit p on p.id = c.parent_id
      left join admin_unit g on g.id = p.parent_id and g.level = 1`.execute(db);
  await sql`create table plan_org_year_province (province_id integer not null, year smallint not null,
    kind text not null, field text not null, has_model boolean not null, paper_only boolean not null,
    legal_status text not null, founded integer not null default 0, ended integer not null default 0,
    constraint plan_org_year_province_pk
      primary key (province_id, year, kind, field, has_model, paper_only, legal_status))`.execute(db);
  await sql`create table plan_org_day_province (province_id integer not null, on_date date not null,
    kind text not null, field text not null, has_model boolean not null, paper_only boolean not null,
    legal_status text not null, founded integer not null default 0, ended integer not null default 0,
    constraint plan_org_day_province_pk
      primary key (province_id, on_date, kind, field, has_model, paper_only, legal_status))`.execute(db);
  await sql`create index plan_org_day_province_date_ix on plan_org_day_province (on_date)`.execute(db);
  await sql`create table plan_report_year_province (province_id integer not null, year smallint not null,
    kind text not null, field text not null, has_model boolean not null, flags integer not null,
    reports integer not null default 0, members_n integer not null default 0, members_sum bigint not null default 0,
    coops_n integer not null default 0, coops_sum bigint not null default 0,
    revenue_n integer not null default 0, revenue_sum numeric not null default 0,
    income_n integer not null default 0, income_sum numeric not null default 0,
    mgr_total bigint not null default 0, mgr_university bigint not null default 0,
    mgr_intermediate bigint not null default 0, mgr_trained bigint not null default 0,
    constraint plan_report_year_province_pk primary key (province_id, year, kind, field, has_model, flags))`.execute(
    db,
  );
  await sql`create table plan_assessment_year_province (province_id integer not null, year smallint not null,
    kind text not null, field text not null, has_model boolean not null, band text not null, status text not null,
    flags integer not null, n integer not null default 0,
    constraint plan_assessment_year_province_pk
      primary key (province_id, year, kind, field, has_model, band, status, flags))`.execute(db);
  for (const r of ROLLUPS) await installRollupTriggers(db, r);
  // Backfill from the fine tables as they are.
  for (const r of ROLLUPS) await sql.raw(rollupFromFineSql(r)).execute(db);
  // Statistics now: until autovacuum gets to them the planner would take the filled rollups for empty (sorts, not hashes).
  for (const r of ROLLUPS) await sql.raw(`analyze ${r.table}`).execute(db);
}

async function installRollupTriggers(db: Kysely<unknown>, r: Rollup): Promise<void> {
  const ins = rollupDeltaSql(r, fineRows(r, 'nt', 1));
  const del = rollupDeltaSql(r, fineRows(r, 'ot', -1));
  const upd = rollupDeltaSql(r, `${fineRows(r, 'nt', 1)} union all ${fineRows(r, 'ot', -1)}`);
  await createStatementTriggers(
    db,
    { table: r.fine, prefix: r.table, fn: `${r.table}_trg` },
    { insert: ins, update: upd, delete: del, truncate: `delete from ${r.table}` },
  );
}
