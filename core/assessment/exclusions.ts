/**
 * Who is not classified in a year: people's credit funds (assessed under State Bank rules, TT 01/2020 Art. 1),
 * organisations founded less than 12 months before the year's end, and those stopped more than 3 months in the
 * year (TT 01/2020 Art. 8; TT 09/2017 Art. 6 for the first) — each rule applies only when the rubric carries it.
 */
import type { ExclusionRule, NotClassifiedReason } from './types.js';

/** What the exclusion rules look at. */
export interface ExclusionFacts {
  year: number;
  foundedOn: string | null;
  creditFund: boolean;
  monthsSuspended: number | null;
}

/** Whole months from a date to the first day after the year (the year's end), 0 when founded after it. */
export function monthsOperatingAtYearEnd(foundedOn: string, year: number): number {
  const [y, m, d] = foundedOn.slice(0, 10).split('-').map(Number);
  let months = (year + 1 - y) * 12 - (m - 1);
  if (d > 1) months -= 1; // a month counts only when complete
  return Math.max(0, months);
}

/** The reason the rules leave the organisation unclassified, or null. */
export function exclusionReason(
  rules: readonly ExclusionRule[],
  f: ExclusionFacts,
): NotClassifiedReason | null {
  for (const r of rules) {
    if (r.kind === 'credit_fund' && f.creditFund) return 'credit_fund';
  }
  for (const r of rules) {
    if (
      r.kind === 'founded_lt_months' &&
      f.foundedOn &&
      monthsOperatingAtYearEnd(f.foundedOn, f.year) < r.months
    ) {
      return 'new_lt_12_months';
    }
    if (r.kind === 'stopped_gt_months' && f.monthsSuspended !== null && f.monthsSuspended > r.months) {
      return 'stopped_gt_3_months';
    }
  }
  return null;
}
