import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { IndicatorSpec } from '../../../core/indicator/spec.js';
import type { DB } from '../../db/schema.js';
import type { DateRange } from './aggregate.repo.js';
import { aggFilter, COUNTED_ASSESSMENT_STATUSES, conditionSql, orgFilter } from './filters.js';
import type { Read } from './read-memo.js';
import { aggTerritory, orgTerritory, type Territory } from './territory.js';

/**
 * Queries on base tables and the trademark rows: conversion events (a small table reached by index), the
 * organisations with a trademark per year (migration 0012), manual figures, and the paginated drill-down to the
 * organisations an indicator counted.
 */

const n = (v: unknown) => (v === null || v === undefined ? 0 : Number(v));

/** Where the trademark rows of a territory are (migration 0012): by province of today, else as the fine aggregates. */
function trademarkWhere(t: Territory, spec: IndicatorSpec, fromYear: number, toYear: number) {
  const place =
    t.era === null
      ? sql<boolean>`true`
      : t.era === 'post2025' && t.level === 1 && t.unitId !== null
        ? sql<boolean>`k.province_id = ${t.unitId}`
        : aggTerritory(t, 'k');
  return sql<boolean>`${place} and ${aggFilter(spec.filter, 'k', true)} and k.year between ${fromYear} and ${toYear}`;
}

/**
 * Organisations with a trademark per product year in [fromYear, toYear], from plan_trademark_year (one row per
 * organisation and year with a trademark product).
 */
export function trademarksPerYearRead(
  t: Territory,
  spec: IndicatorSpec,
  fromYear: number,
  toYear: number,
): Read<Map<number, number>> {
  return {
    queries: [
      sql`select k.year::int as year, count(*)::int as v from plan_trademark_year k
      where ${trademarkWhere(t, spec, fromYear, toYear)} group by k.year`,
    ],
    parse: ([rows]) => new Map(rows.map((x) => [Number(x.year), n(x.v)])),
  };
}

/** Organisations with a trademark in the whole window [fromYear, toYear], each once. */
export function trademarkTotalRead(
  t: Territory,
  spec: IndicatorSpec,
  fromYear: number,
  toYear: number,
): Read<number> {
  return {
    queries: [
      sql`select count(distinct k.organisation_id)::int as v from plan_trademark_year k
      where ${trademarkWhere(t, spec, fromYear, toYear)}`,
    ],
    parse: ([rows]) => n(rows[0]?.v),
  };
}

/**
 * Conversion events (THT → HTX) per year within each of the windows, as one read over the events of all of them
 * (organisation_event_kind_ix, then the organisation by primary key).
 */
export function conversionsRead(
  t: Territory,
  spec: IndicatorSpec,
  ranges: DateRange[],
): Read<Map<number, number>[]> {
  const live = ranges.filter((r) => r.from <= r.to);
  if (live.length === 0) return { queries: [], parse: () => ranges.map(() => new Map()) };
  const from = live.map((r) => r.from).reduce((a, b) => (a < b ? a : b));
  const to = live.map((r) => r.to).reduce((a, b) => (a > b ? a : b));
  const counts = ranges.map(
    (r, i) =>
      sql`count(*) filter (where e.occurred_on between ${r.from}::date and ${r.to}::date)::int as ${sql.ref(`v${i}`)}`,
  );
  return {
    queries: [
      sql`select extract(year from e.occurred_on)::int as year, ${sql.join(counts)}
      from organisation_event e join organisation o on o.id = e.organisation_id
      where e.kind = 'converted' and e.occurred_on between ${from}::date and ${to}::date
        and ${orgTerritory(t, 'o')} and ${orgFilter(spec.filter, 'o')}
      group by 1`,
    ],
    parse: ([rows]) =>
      ranges.map(
        (_, i) =>
          new Map(rows.filter((x) => n(x[`v${i}`]) > 0).map((x) => [Number(x.year), n(x[`v${i}`])] as const)),
      ),
  };
}

/** Manual figures of an indicator for a unit (null = the nation), by year. */
export async function manualFigures(db: Kysely<DB>, key: string, unitId: number | null) {
  let q = db
    .selectFrom('indicator_manual_value')
    .select(['id', 'year', 'value', 'source', 'note'])
    .where('indicator_key', '=', key);
  q = unitId === null ? q.where('unit_id', 'is', null) : q.where('unit_id', '=', unitId);
  return q.orderBy('year').execute();
}

let assessmentTable: WeakMap<object, boolean> = new WeakMap();
/** Whether assessment_result exists (created by the assessments module). */
export async function hasAssessmentTable(db: Kysely<DB>): Promise<boolean> {
  const hit = assessmentTable.get(db);
  if (hit) return true;
  const r = await sql<{ t: string | null }>`select to_regclass('assessment_result')::text as t`.execute(db);
  const exists = Boolean(r.rows[0]?.t);
  if (exists) assessmentTable.set(db, true);
  return exists;
}
/** Forgets the cached answer (tests that create the table). */
export function resetAssessmentTableCache() {
  assessmentTable = new WeakMap();
}

/** What the drill-down lists: the organisations counted in the value (numerator) or its base (denominator). */
export interface DrillQuery {
  spec: IndicatorSpec;
  territory: Territory;
  date: string;
  from: string;
  to: string;
  figuresYear: number | null;
  set: 'numerator' | 'denominator';
  limit: number;
  offset: number;
  /** The caller's own scope (orgScopeFilter): organisations outside it are never listed. */
  scope: { provinceId?: number; communeId?: number; organisationId?: number };
}

function scopeSql(s: DrillQuery['scope']): RawBuilder<boolean> {
  const parts: RawBuilder<boolean>[] = [sql<boolean>`true`];
  if (s.provinceId !== undefined) parts.push(sql<boolean>`o.province_id = ${s.provinceId}`);
  if (s.communeId !== undefined) parts.push(sql<boolean>`o.commune_id = ${s.communeId}`);
  if (s.organisationId !== undefined) parts.push(sql<boolean>`o.id = ${s.organisationId}`);
  return sql<boolean>`(${sql.join(parts, sql` and `)})`;
}

/** One page of the organisations counted, with the total. */
export async function listCounted(db: Kysely<DB>, q: DrillQuery) {
  const cond = await drillCondition(db, q);
  if (!cond) return { rows: [], total: 0 };
  const where = sql`${orgTerritory(q.territory, 'o')} and ${orgFilter(q.spec.filter, 'o')} and ${scopeSql(q.scope)} and ${cond}`;
  const rows = await sql<{
    id: number;
    name: string;
    reg_code: string;
    kind: string;
    field: string | null;
    legal_status: string;
    commune_name: string;
  }>`
    select o.id, o.name, o.reg_code, o.kind, o.field, o.legal_status, u.full_name as commune_name
    from organisation o join admin_unit u on u.id = o.commune_id where ${where}
    order by o.name_key, o.id limit ${q.limit} offset ${q.offset}`.execute(db);
  const total = await sql<{
    v: number;
  }>`select count(*)::int as v from organisation o where ${where}`.execute(db);
  return { rows: rows.rows, total: n(total.rows[0]?.v) };
}

async function drillCondition(db: Kysely<DB>, q: DrillQuery): Promise<RawBuilder<boolean> | null> {
  const m = q.spec.measure;
  const num = q.set === 'numerator';
  switch (q.spec.source) {
    case 'organisations':
      return sql<boolean>`plan_org_start(o) <= ${q.date}::date and (plan_org_end(o) is null or plan_org_end(o) > ${q.date}::date)`;
    case 'founded':
      return sql<boolean>`plan_org_start(o) between ${q.from}::date and ${q.to}::date`;
    case 'ended':
      return sql<boolean>`plan_org_end(o) between ${q.from}::date and ${q.to}::date`;
    case 'converted':
      return sql<boolean>`exists (select 1 from organisation_event e where e.organisation_id = o.id and e.kind = 'converted'
        and e.occurred_on between ${q.from}::date and ${q.to}::date)`;
    case 'trademarks':
      return sql<boolean>`exists (select 1 from organisation_product p where p.organisation_id = o.id and p.kind = 'trademark'
        and p.year between ${Number(q.from.slice(0, 4))} and ${Number(q.to.slice(0, 4))})`;
    case 'manual':
      return null;
    case 'reports': {
      if (q.figuresYear === null) return null;
      const flags = sql<number>`plan_report_flags(r)`;
      const where =
        num && (m.type === 'count' || m.type === 'share') ? conditionSql(m.where, flags, null) : sql`true`;
      const base = m.type === 'share' ? conditionSql(m.base, flags, null) : sql`true`;
      return sql<boolean>`exists (select 1 from annual_report r where r.organisation_id = o.id and r.year = ${q.figuresYear}
        and r.period = 'year' and r.status = 'approved' and ${where} and ${base})`;
    }
    case 'assessments': {
      if (q.figuresYear === null || !(await hasAssessmentTable(db))) return null;
      const flags = sql<number>`coalesce((select plan_report_flags(r) from annual_report r where r.organisation_id = o.id
        and r.year = ar.year and r.period = 'year' and r.status = 'approved'), 0)`;
      const band = sql<string>`ar.band`;
      const where = num
        ? conditionSql(m.type === 'count' || m.type === 'share' ? m.where : undefined, flags, band)
        : sql`true`;
      const base = m.type === 'share' ? conditionSql(m.base, flags, band) : sql`true`;
      return sql<boolean>`exists (select 1 from assessment_result ar where ar.organisation_id = o.id and ar.year = ${q.figuresYear}
        and ar.band is not null and ar.band <> '' and ar.status = any(${COUNTED_ASSESSMENT_STATUSES}::text[])
        and ${where} and ${base})`;
    }
  }
}
