/**
 * Consistency of a target with its parts: "of which" targets (HP-03/04 under HP-02) and targets allocated to
 * child units (LS-05: each district ≥5–7 THT a year, the province 55–70). The check understands comparators:
 * the parts are subsets of the whole, so the smallest total the parts allow must not exceed the largest value
 * the whole allows (310 + 150 = 460 fits "trên 400"); when the parts cover the whole (a partition: every
 * district of the province), the largest total they allow must also reach the smallest value of the whole.
 */

import type { Comparator } from './comparators.js';
import { type Interval, statedInterval, type TargetFigure } from './comparators.js';

/** One part: its figure and how many units carry it (11 districts each "ít nhất từ 05 đến 07"). */
export interface Part {
  figure: TargetFigure;
  count?: number;
}

/** The result with the intervals compared and a Vietnamese explanation. */
export interface ConsistencyResult {
  consistent: boolean;
  whole: Interval;
  partsSum: Interval;
  reason: string;
}

const nf = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });
const show = (x: number) => (Number.isFinite(x) ? nf.format(x) : '∞');

/** Comparators whose figures are amounts that add up (shares of different bases do not). */
export const ADDITIVE: readonly Comparator[] = ['about', 'more_than', 'at_least', 'range', 'plain'];

/** Sum of the parts' intervals, each counted `count` times. */
export function sumIntervals(parts: Part[]): Interval {
  let lo = 0;
  let hi = 0;
  let loStrict = false;
  let hiStrict = false;
  for (const p of parts) {
    const i = statedInterval(p.figure);
    const n = p.count ?? 1;
    lo += i.lo * n;
    hi += i.hi * n;
    loStrict ||= i.loStrict && n > 0;
    hiStrict ||= i.hiStrict && n > 0;
  }
  return { lo, loStrict, hi, hiStrict };
}

/** Checks the parts against the whole (rules in the file comment). */
export function checkConsistency(whole: TargetFigure, parts: Part[], partition: boolean): ConsistencyResult {
  const w = statedInterval(whole);
  const s = sumIntervals(parts);
  // Parts are subsets: their smallest total must fit under the whole's largest value.
  const fitsUnder = s.lo < w.hi || (s.lo === w.hi && !s.loStrict && !w.hiStrict);
  // A partition must also be able to reach the whole's smallest value.
  const reaches = !partition || s.hi > w.lo || (s.hi === w.lo && !s.hiStrict && !w.loStrict);
  const consistent = fitsUnder && reaches;
  const range = `${show(s.lo)}–${show(s.hi)}`;
  let reason: string;
  if (!fitsUnder)
    reason = `Tổng các chỉ tiêu thành phần ít nhất là ${show(s.lo)}, vượt mức tối đa ${show(w.hi)} của chỉ tiêu chung.`;
  else if (!reaches)
    reason = `Tổng các chỉ tiêu thành phần nhiều nhất là ${show(s.hi)}, không đạt mức tối thiểu ${show(w.lo)} của chỉ tiêu chung.`;
  else
    reason = `Tổng các chỉ tiêu thành phần (${range}) phù hợp với chỉ tiêu chung (${show(w.lo)}–${show(w.hi)}).`;
  return { consistent, whole: w, partsSum: s, reason };
}
