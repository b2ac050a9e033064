/**
 * Status of a target at a date, and the linear projection to its end (issue 5). Definitions:
 * - chưa có dữ liệu (no_data): no actual value is known.
 * - at or after the end date: đạt (achieved) when the actual meets the figure, else không đạt (not_achieved).
 * - before the end date, with a baseline (value at a date before): the straight path from the baseline to the
 *   threshold at the end gives the level required today, required = b + (threshold − b)·f with f the elapsed
 *   fraction of the time from the baseline to the end; đúng tiến độ (on_track) when the actual meets the figure
 *   already or is on or beyond that path (at or below it for "không có"), else có nguy cơ (at_risk).
 *   Equivalently, the projection b + (actual − b)/f reaches the threshold.
 * - before the end without a baseline: on_track when the figure is met already, else at_risk.
 */
import { directionOf, meetsTarget, type TargetFigure, thresholdOf } from './comparators.js';

export const TARGET_STATUSES = [
  { value: 'achieved', vi: 'Đạt', en: 'Achieved' },
  { value: 'on_track', vi: 'Đúng tiến độ', en: 'On track' },
  { value: 'at_risk', vi: 'Có nguy cơ không đạt', en: 'At risk' },
  { value: 'not_achieved', vi: 'Không đạt', en: 'Not achieved' },
  { value: 'no_data', vi: 'Chưa có dữ liệu', en: 'No data' },
] as const;
export type TargetStatus = (typeof TARGET_STATUSES)[number]['value'];

/** A value at a date. */
export interface DatedValue {
  date: string;
  value: number;
}

/** What the status depends on. */
export interface StatusInput {
  figure: TargetFigure;
  actual: number | null;
  /** Evaluation date 'YYYY-MM-DD'. */
  date: string;
  /** End of the target's period 'YYYY-MM-DD' (31/12 of the target year). */
  end: string;
  baseline?: DatedValue | null;
}

/** The status with the level required today on the path and the projected value at the end. */
export interface StatusResult {
  status: TargetStatus;
  required: number | null;
  projected: number | null;
}

const DAY = 86_400_000;
/** Days between two ISO dates (b − a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY);
}

/** Elapsed fraction of [from, to] at date, clamped to [0, 1]. */
export function elapsedFraction(from: string, to: string, date: string): number {
  const total = daysBetween(from, to);
  if (total <= 0) return 1;
  return Math.min(1, Math.max(0, daysBetween(from, date) / total));
}

/** Linear projection to the end through the baseline and today's value; null before any time has elapsed. */
export function projectLinear(
  baseline: DatedValue,
  actual: number,
  date: string,
  end: string,
): number | null {
  const f = elapsedFraction(baseline.date, end, date);
  if (f <= 0) return null;
  return baseline.value + (actual - baseline.value) / f;
}

/** The status of a target at a date (definitions in the file comment). */
export function targetStatus(input: StatusInput): StatusResult {
  const { figure, actual, date, end, baseline } = input;
  if (actual === null || Number.isNaN(actual)) return { status: 'no_data', required: null, projected: null };
  const met = meetsTarget(figure, actual);
  if (date >= end) return { status: met ? 'achieved' : 'not_achieved', required: null, projected: null };
  if (!baseline || baseline.date >= end)
    return { status: met ? 'on_track' : 'at_risk', required: null, projected: null };
  const f = elapsedFraction(baseline.date, end, date);
  const level = thresholdOf(figure).level;
  const required = baseline.value + (level - baseline.value) * f;
  const projected = projectLinear(baseline, actual, date, end);
  const onPath = directionOf(figure) === 'up' ? actual >= required - 1e-9 : actual <= required + 1e-9;
  return { status: met || onPath ? 'on_track' : 'at_risk', required, projected };
}
