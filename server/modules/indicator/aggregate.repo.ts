import { sql } from 'kysely';
import type { IndicatorSpec, Measure, SumColumn } from '../../../core/indicator/spec.js';
import { aggFilter, COUNTED_ASSESSMENT_STATUSES, conditionSql } from './filters.js';
import type { Read } from './read-memo.js';
import { aggSource, type Territory } from './territory.js';

/**
 * Queries over the per-unit, per-year aggregates (migration 0009), or their province rollups (migration 0010)
 * for the nation and whole provinces of today: sums over a territory, never a scan of the organisations' members
 * or yearly figures. Each is a Read: an evaluation runs all of its reads in one statement (readTogether).
 */

const n = (v: unknown) => (v === null || v === undefined ? 0 : Number(v));

/** The stock of organisations: existing at the end of each year, and exactly at the evaluation date. */
export interface Stock {
  endOfYear: Map<number, number>;
  atDate: number;
}

/**
 * Organisations existing at the end of each year up to `toYear`, and exactly at `date` (same filter): the net of
 * each year, the net from 1 January of the date's year to the date and, only when the yearly rows stop before the
 * year before the date's, the net before 1 January (otherwise it is the sum of the yearly rows already read).
 */
export function stockRead(t: Territory, spec: IndicatorSpec, toYear: number, date: string): Read<Stock> {
  const yearly = aggSource(t, 'plan_org_year', 'a');
  const daily = aggSource(t, 'plan_org_day', 'a');
  const filter = aggFilter(spec.filter, 'a', true);
  const y = Number(date.slice(0, 4));
  const needBefore = toYear < y - 1;
  const queries = [
    sql`select a.year::int as year, sum(a.founded - a.ended)::int as net
    from ${yearly.from} where ${yearly.where} and ${filter} and a.year <= ${toYear} group by a.year`,
    sql`select coalesce(sum(a.founded - a.ended), 0)::int as net
    from ${daily.from} where ${daily.where} and ${filter} and a.on_date between ${`${y}-01-01`}::date and ${date}::date`,
  ];
  if (needBefore)
    queries.push(sql`select coalesce(sum(a.founded - a.ended), 0)::int as net
    from ${yearly.from} where ${yearly.where} and ${filter} and a.year < ${y}`);
  return {
    queries,
    parse([yearRows, [partial], before]) {
      const years = yearRows
        .map((r) => ({ year: Number(r.year), net: n(r.net) }))
        .sort((a, b) => a.year - b.year);
      const beforeNet = needBefore
        ? n(before?.[0]?.net)
        : years.filter((r) => r.year < y).reduce((a, r) => a + r.net, 0);
      let run = 0;
      const endOfYear = new Map<number, number>();
      for (const r of years) {
        run += r.net;
        endOfYear.set(r.year, run);
      }
      return { endOfYear, atDate: beforeNet + n(partial?.net) };
    },
  };
}

/** Organisations existing at the end of year y, from the cumulative map (years without rows carry over). */
export function stockAtYearEnd(endOfYear: Map<number, number>, y: number): number {
  let best = 0;
  let bestYear = Number.NEGATIVE_INFINITY;
  for (const [year, v] of endOfYear) if (year <= y && year > bestYear) [best, bestYear] = [v, year];
  return best;
}

/** A window of dates 'YYYY-MM-DD', both ends included. */
export interface DateRange {
  from: string;
  to: string;
}

/**
 * Founded or ended organisations per year within each of the windows, as one read: whole years from the yearly
 * table, the edges of a window by day; a year or an edge shared by several windows (the period of a dashboard and
 * its yearly series) is read once.
 */
export function flowRead(
  t: Territory,
  spec: IndicatorSpec,
  which: 'founded' | 'ended',
  ranges: DateRange[],
): Read<Map<number, number>[]> {
  const col = sql.ref(`a.${which}`);
  const yearly = aggSource(t, 'plan_org_year', 'a');
  const daily = aggSource(t, 'plan_org_day', 'a');
  const filter = aggFilter(spec.filter, 'a', true);
  const fullYears = new Set<number>();
  const edges = new Map<string, { year: number; a: string; b: string }>();
  const plan = ranges.map(({ from, to }) => {
    const parts: { year: number; edge: string | null }[] = [];
    if (from > to) return parts;
    for (let y = Number(from.slice(0, 4)); y <= Number(to.slice(0, 4)); y++) {
      if (from <= `${y}-01-01` && `${y}-12-31` <= to) {
        fullYears.add(y);
        parts.push({ year: y, edge: null });
      } else {
        const a = from > `${y}-01-01` ? from : `${y}-01-01`;
        const b = to < `${y}-12-31` ? to : `${y}-12-31`;
        edges.set(`${a}/${b}`, { year: y, a, b });
        parts.push({ year: y, edge: `${a}/${b}` });
      }
    }
    return parts;
  });
  const keys = [...edges.keys()];
  const queries = keys.map((key) => {
    const e = edges.get(key)!;
    return sql`select coalesce(sum(${col}), 0)::int as v
      from ${daily.from} where ${daily.where} and ${filter} and a.on_date between ${e.a}::date and ${e.b}::date`;
  });
  if (fullYears.size > 0)
    queries.push(sql`select a.year::int as year, sum(${col})::int as v from ${yearly.from}
      where ${yearly.where} and ${filter} and a.year = any(${[...fullYears]}::int[]) group by a.year`);
  return {
    queries,
    parse(rows) {
      const byEdge = new Map(keys.map((k, i) => [k, n(rows[i]?.[0]?.v)]));
      const byYear = new Map((rows[keys.length] ?? []).map((r) => [Number(r.year), n(r.v)]));
      return plan.map((parts) => {
        const out = new Map<number, number>();
        for (const p of parts)
          if (p.edge !== null) out.set(p.year, byEdge.get(p.edge) ?? 0);
          else if (byYear.has(p.year)) out.set(p.year, byYear.get(p.year) ?? 0);
        return out;
      });
    },
  };
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
export function reportTotalsRead(
  t: Territory,
  spec: IndicatorSpec,
  fromYear: number,
  toYear: number,
): Read<YearTotals[]> {
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
  return {
    queries: [
      sql`select a.year, sum(a.reports) as covered,
      coalesce(sum(a.reports) filter (where ${where} and ${base}), 0) as num, coalesce(sum(a.reports) filter (where ${base}), 0) as den,
      sum(${sql.ref(`a.${s.sum}`)}) as sum, sum(${sql.ref(`a.${s.n}`)}) as n,
      sum(${sql.ref(`a.${s.rn}`)}) as rn, sum(${sql.ref(`a.${s.rd}`)}) as rd
    from ${src.from} where ${src.where} and ${aggFilter(spec.filter, 'a', false)}
      and a.year between ${fromYear} and ${toYear}
    group by a.year`,
    ],
    parse: ([rows]) =>
      rows
        .map((x) => ({
          year: Number(x.year),
          covered: n(x.covered),
          num: n(x.num),
          den: n(x.den),
          sum: n(x.sum),
          n: n(x.n),
          ratioNum: n(x.rn),
          ratioDen: n(x.rd),
        }))
        .sort((a, b) => a.year - b.year),
  };
}

/** Assessment totals per year: rated results, those matching the condition (bands, same-year report flags), the base. */
export function assessmentTotalsRead(
  t: Territory,
  spec: IndicatorSpec,
  fromYear: number,
  toYear: number,
): Read<YearTotals[]> {
  const m = spec.measure;
  const flags = sql<number>`a.flags`;
  const band = sql<string>`a.band`;
  const where = m.type === 'count' || m.type === 'share' ? conditionSql(m.where, flags, band) : sql`true`;
  const base = m.type === 'share' ? conditionSql(m.base, flags, band) : sql`true`;
  const src = aggSource(t, 'plan_assessment_year', 'a');
  return {
    queries: [
      sql`select a.year, sum(a.n) as covered,
      coalesce(sum(a.n) filter (where ${where} and ${base}), 0) as num, coalesce(sum(a.n) filter (where ${base}), 0) as den
    from ${src.from} where ${src.where} and ${aggFilter(spec.filter, 'a', false)}
      and a.band <> '' and a.status = any(${COUNTED_ASSESSMENT_STATUSES}::text[])
      and a.year between ${fromYear} and ${toYear}
    group by a.year`,
    ],
    parse: ([rows]) =>
      rows
        .map((x) => ({
          year: Number(x.year),
          covered: n(x.covered),
          num: n(x.num),
          den: n(x.den),
          sum: 0,
          n: 0,
          ratioNum: 0,
          ratioDen: 0,
        }))
        .sort((a, b) => a.year - b.year),
  };
}
