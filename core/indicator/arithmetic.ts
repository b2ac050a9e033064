/**
 * Indicator arithmetic over aggregated totals: the server sums the per-unit, per-year aggregates of a
 * territory and this turns the totals into the value (count, sum, average, ratio, share in %). Pure.
 */
import type { Measure } from './spec.js';

/** Totals of one year (or date) over a territory, as the server sums them. */
export interface Totals {
  /** Organisations (or reports, rated results) matching the measure's condition; the numerator of a share. */
  num: number;
  /** Organisations of the base (all reporting / rated, or the share's base condition); the denominator. */
  den: number;
  /** Sum of the measured column and how many reported it (sum, average). */
  sum?: number;
  n?: number;
  /** Sums of the two columns of a ratio. */
  ratioNum?: number;
  ratioDen?: number;
}

/** The value of a measure from totals; null when there is nothing to divide by or nothing reported. */
export function measureValue(measure: Measure, t: Totals): number | null {
  switch (measure.type) {
    case 'count':
      return t.num;
    case 'sum':
      return (t.n ?? 0) > 0 ? (t.sum ?? 0) * (measure.scale ?? 1) : null;
    case 'average':
      return (t.n ?? 0) > 0 ? ((t.sum ?? 0) / (t.n ?? 1)) * (measure.scale ?? 1) : null;
    case 'ratio':
      return (t.ratioDen ?? 0) > 0 ? ((t.ratioNum ?? 0) / (t.ratioDen ?? 1)) * 100 : null;
    case 'share':
      return t.den > 0 ? (t.num / t.den) * 100 : null;
  }
}

/** Figures of one year available for the choice of the year of figures. */
export interface YearCoverage {
  year: number;
  /** Organisations with an approved report (or a rating) that year. */
  covered: number;
  /** Organisations existing at the end of that year (same filter). */
  existing: number;
}

/** Share of organisations whose figures are in, from which a year's figures are used. */
export const MIN_COVERAGE = 0.5;

/**
 * The year of figures to use up to `cap`: the latest year with figures for at least half of the organisations
 * existing then (a year still being reported would understate sums), else the latest year with any figures,
 * else null.
 */
export function chooseFiguresYear(years: readonly YearCoverage[], cap: number): number | null {
  const usable = years.filter((y) => y.year <= cap && y.covered > 0).sort((a, b) => b.year - a.year);
  const full = usable.find((y) => y.existing <= 0 || y.covered / y.existing >= MIN_COVERAGE);
  return (full ?? usable[0])?.year ?? null;
}

/** Rounds for display: two decimals for shares and averages, whole numbers for counts. */
export function roundValue(v: number | null, measure: Measure): number | null {
  if (v === null) return null;
  return measure.type === 'count' || (measure.type === 'sum' && !measure.scale)
    ? Math.round(v)
    : Math.round(v * 100) / 100;
}
