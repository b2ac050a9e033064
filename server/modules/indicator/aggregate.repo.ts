import { type Kysely, sql } from 'kysely';
import type { IndicatorSpec, Measure, SumColumn } from '../../../core/indicator/spec.js';
import type { DB } from '../../db/schema.js';
import { aggFilter, COUNTED_ASSESSMENT_STATUSES, conditionSql } from './filters.js';
import { readOnce } from './read-memo.js';
import { aggSource, type Territory } from './territory.js';

/**
 * Queries over the per-unit, per-year aggregates (migration 0009), or their province rollups (migration 0010)
 * for the nation and whole provinces of today: sums over a territory, never a scan of the organisations' members
 * or yearly figures.
 */

const n = (v: unknown) => (v === null || v === undefined ? 0 : Number(v));

/** Organisations existing at the end of each year up to `toYear`, and exactly at `date` (same filter). */
export async function stockSeries(
  db: Kysely<DB>,
  t: Territory,
  spec: IndicatorSpec,
  toYear: number,
  date: string,
) {
  const yearly = aggSource(t, 'plan_org_year', 'a');
  const daily = aggSource(t, 'plan_org_day', 'a');
  const filter = aggFilter(spec.filter, 'a', true);
  const years = await readOnce(
    db,
    sql<{ year: number; net: number }>`select a.year, sum(a.founded - a.ended)::int as net
    from ${yearly.from} where ${yearly.where} and ${filter} and a.year <= ${toYear} group by a.year order by a.year`,
  );
  const y = Number(date.slice(0, 4));
  // The net before 1 January of the date's year is the sum of the yearly rows already read when they reach the
  // year before; a second scan of plan_org_year (40–55 ms nation-wide) only when they do not.
  const before =
    toYear >= y - 1
      ? { rows: [{ net: years.rows.filter((r) => Number(r.year) < y).reduce((a, r) => a + n(r.net), 0) }] }
      : await readOnce(
          db,
          sql<{ net: number }>`select coalesce(sum(a.founded - a.ended), 0)::int as net
    from ${yearly.from} where ${yearly.where} and ${filter} and a.year < ${y}`,
        );
  const partial = await readOnce(
    db,
    sql<{ net: number }>`select coalesce(sum(a.founded - a.ended), 0)::int as net
    from ${daily.from} where ${daily.where} and ${filter} and a.on_date between ${`${y}-01-01`}::date and ${date}::date`,
  );
  let run = 0;
  const endOfYear = new Map<number, number>();
  for (const r of years.rows) {
    run += n(r.net);
    endOfYear.set(Number(r.year), run);
  }
  return { endOfYear, atDate: n(before.rows[0]?.net) + n(partial.rows[0]?.net) };
}

/** Organisations existing at the end of year y, from the cumulative map (years without rows carry over). */
export function stockAtYearEnd(endOfYear: Map<number, number>, y: number): number {
  let best = 0;
  let bestYear = Number.NEGATIVE_INFINITY;
  for (const [year, v] of endOfYear) if (year <= y && year > bestYear) [best, bestYear] = [v, year];
  return best;
}

/** Founded or ended organisations per year within [from, to] (whole years from the yearly table, edges by day). */
export async function flowByYear(
  db: Kysely<DB>,
  t: Territory,
  spec: IndicatorSpec,
  which: 'founded' | 'ended',
  from: string,
  to: string,
) {
  if (from > to) return new Map<number, number>();
  const col = sql.ref(`a.${which}`);
  const yearly = aggSource(t, 'plan_org_year', 'a');
  const daily = aggSource(t, 'plan_org_day', 'a');
  const filter = aggFilter(spec.filter, 'a', true);
  const y0 = Number(from.slice(0, 4));
  const y1 = Number(to.slice(0, 4));
  const full = (y: number) => from <= `${y}-01-01` && `${y}-12-31` <= to;
  const fullYears = [];
  for (let y = y0; y <= y1; y++) if (full(y)) fullYears.push(y);
  const out = new Map<number, number>();
  if (fullYears.length > 0) {
    const r = await readOnce(
      db,
      sql<{ year: number; v: number }>`select a.year, sum(${col})::int as v from ${yearly.from}
      where ${yearly.where} and ${filter} and a.year = any(${fullYears}::int[]) group by a.year`,
    );
    for (const x of r.rows) out.set(Number(x.year), n(x.v));
  }
  const edges = [];
  for (let y = y0; y <= y1; y++) if (!full(y)) edges.push(y);
  for (const y of edges) {
    const a = from > `${y}-01-01` ? from : `${y}-01-01`;
    const b = to < `${y}-12-31` ? to : `${y}-12-31`;
    const r = await readOnce(
      db,
      sql<{ v: number }>`select coalesce(sum(${col}), 0)::int as v from ${daily.from}
      where ${daily.where} and ${filter} and a.on_date between ${a}::date and ${b}::date`,
    );
    out.set(y, n(r.rows[0]?.v));
  }
  return out;
}

const SUMS: Record<SumColumn, { sum: string; n: string }> = {
  members: { sum: 'members_sum', n: 'members_n' },
  member_cooperatives: { sum: 'coops_sum', n: 'coops_n' },
  revenue: { sum: 'revenue_sum', n: 'revenue_n' },
  income: { sum: 'income_sum', n: 'income_n' },
  manager_total: { sum: 'mgr_total', n: 'reports' },
  manager_university: { sum: 'mgr_university', n: 'reports' },
  manager_intermediate: { sum: 'mgr_intermediate', n: 'reports' },
  manager_trained: { sum: 'mgr_trained', n: 'reports' },
};

/** Totals of one year: reports (or rated results) in all, matching the condition, in the base, and sums. */
export interface YearTotals {
  year: number;
  covered: number;
  num: number;
  den: number;
  sum: number;
  n: number;
  ratioNum: number;
  ratioDen: number;
}

function measureSums(m: Measure) {
  if (m.type === 'sum' || m.type === 'average')
    return { sum: SUMS[m.column].sum, n: SUMS[m.column].n, rn: 'reports', rd: 'reports' };
  if (m.type === 'ratio')
    return { sum: 'reports', n: 'reports', rn: SUMS[m.numerator].sum, rd: SUMS[m.denominator].sum };
  return { sum: 'reports', n: 'reports', rn: 'reports', rd: 'reports' };
}

/** Approved-report totals per year in [fromYear, toYear]. */
export async function reportTotals(
  db: Kysely<DB>,
  t: Territory,
  spec: IndicatorSpec,
  fromYear: number,
  toYear: number,
): Promise<YearTotals[]> {
  const m = spec.measure;
  const s = measureSums(m);
  const flags = sql<number>`a.flags`;
  const where =
    m.type === 'count'
      ? conditionSql(m.where, flags, null)
      : m.type === 'share'
        ? conditionSql(m.where, flags, null)
        : sql`true`;
  const base = m.type === 'share' ? conditionSql(m.base, flags, null) : sql`true`;
  const src = aggSource(t, 'plan_report_year', 'a');
  const r = await readOnce(
    db,
    sql<Record<string, unknown>>`select a.year, sum(a.reports) as covered,
      coalesce(sum(a.reports) filter (where ${where} and ${base}), 0) as num, coalesce(sum(a.reports) filter (where ${base}), 0) as den,
      sum(${sql.ref(`a.${s.sum}`)}) as sum, sum(${sql.ref(`a.${s.n}`)}) as n,
      sum(${sql.ref(`a.${s.rn}`)}) as rn, sum(${sql.ref(`a.${s.rd}`)}) as rd
    from ${src.from} where ${src.where} and ${aggFilter(spec.filter, 'a', false)}
      and a.year between ${fromYear} and ${toYear}
    group by a.year order by a.year`,
  );
  return r.rows.map((x) => ({
    year: Number(x.year),
    covered: n(x.covered),
    num: n(x.num),
    den: n(x.den),
    sum: n(x.sum),
    n: n(x.n),
    ratioNum: n(x.rn),
    ratioDen: n(x.rd),
  }));
}

/** Assessment totals per year: rated results, those matching the condition (bands, same-year report flags), the base. */
export async function assessmentTotals(
  db: Kysely<DB>,
  t: Territory,
  spec: IndicatorSpec,
  fromYear: number,
  toYear: number,
): Promise<YearTotals[]> {
  const m = spec.measure;
  const flags = sql<number>`a.flags`;
  const band = sql<string>`a.band`;
  const where = m.type === 'count' || m.type === 'share' ? conditionSql(m.where, flags, band) : sql`true`;
  const base = m.type === 'share' ? conditionSql(m.base, flags, band) : sql`true`;
  const src = aggSource(t, 'plan_assessment_year', 'a');
  const r = await readOnce(
    db,
    sql<Record<string, unknown>>`select a.year, sum(a.n) as covered,
      coalesce(sum(a.n) filter (where ${where} and ${base}), 0) as num, coalesce(sum(a.n) filter (where ${base}), 0) as den
    from ${src.from} where ${src.where} and ${aggFilter(spec.filter, 'a', false)}
      and a.band <> '' and a.status = any(${COUNTED_ASSESSMENT_STATUSES}::text[])
      and a.year between ${fromYear} and ${toYear}
    group by a.year order by a.year`,
  );
  return r.rows.map((x) => ({
    year: Number(x.year),
    covered: n(x.covered),
    num: n(x.num),
    den: n(x.den),
    sum: 0,
    n: 0,
    ratioNum: 0,
    ratioDen: 0,
  }));
}
