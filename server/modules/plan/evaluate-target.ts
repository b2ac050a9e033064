import type { Kysely } from 'kysely';
import type { TargetEvaluation } from '../../../core/plan/contracts.js';

export type { TargetEvaluation } from '../../../core/plan/contracts.js';

import {
  aboveRange,
  type Comparator,
  describeFigure,
  type TargetFigure,
} from '../../../core/plan/comparators.js';
import { type DatedValue, TARGET_STATUSES, targetStatus } from '../../../core/plan/status.js';
import type { DB } from '../../db/schema.js';
import { evaluateSpec, type IndicatorEvaluation } from '../indicator/evaluate-indicator.js';
import type { IndicatorDto } from '../indicator/indicator-defs.js';
import { resolveTerritory, type Territory } from '../indicator/territory.js';
import { childUnits, type PlanRow, type TargetRow } from './plan.repo.js';

/** The figure of a target row. */
export function figureOf(t: TargetRow): TargetFigure {
  return {
    comparator: t.comparator as Comparator,
    value: Number(t.value),
    valueMax: t.value_max === null ? null : Number(t.value_max),
    tolerance: t.tolerance === null ? null : Number(t.tolerance),
  };
}

const FLOWS = ['founded', 'ended', 'converted', 'trademarks'];
const dayBefore = (iso: string) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
const yearOf = (d: string) => Number(d.slice(0, 4));

/** The target's period at a date: the year counted for a recurring target, the window of flows, the end. */
export function targetPeriod(plan: PlanRow, t: TargetRow, date: string) {
  const year = t.recurring ? Math.min(Math.max(yearOf(date), plan.start_year), t.target_year) : t.target_year;
  const end = `${year}-12-31`;
  const from = t.recurring ? `${year}-01-01` : (t.period_start ?? `${plan.start_year}-01-01`);
  return { year, end, from };
}

/** Evaluates an indicator over a territory for a target and derives the status (core/plan/status.ts). */
export async function evaluateTargetOver(
  db: Kysely<DB>,
  plan: PlanRow,
  t: TargetRow,
  def: IndicatorDto,
  territory: Territory,
  date: string,
): Promise<{ ev: IndicatorEvaluation; result: TargetEvaluation }> {
  const { year, end, from } = targetPeriod(plan, t, date);
  const flow = FLOWS.includes(def.spec.source);
  const seriesFrom = t.recurring ? plan.start_year : plan.start_year - 1;
  // At or after the end, the actual is what stood at the end date.
  const asOf = date < end ? date : end;
  const seriesTo = Math.min(Math.max(yearOf(asOf), plan.start_year), t.target_year);
  const ev = await evaluateSpec(
    db,
    def.spec,
    territory,
    { date: asOf, capYear: year, from, to: end, seriesFrom, seriesTo },
    def.key,
  );
  let baseline: DatedValue | null = null;
  if (t.baseline_value !== null && t.baseline_date !== null)
    baseline = { date: t.baseline_date, value: Number(t.baseline_value) };
  else if (flow) baseline = { date: dayBefore(from), value: 0 };
  else {
    const before = ev.series.find((s) => s.year === plan.start_year - 1)?.value;
    if (before !== null && before !== undefined)
      baseline = { date: `${plan.start_year - 1}-12-31`, value: before };
  }
  const figure = figureOf(t);
  const s = targetStatus({ figure, actual: ev.value, date, end, baseline });
  const label = TARGET_STATUSES.find((x) => x.value === s.status)?.vi ?? s.status;
  const round = (x: number | null) => (x === null ? null : Math.round(x * 100) / 100);
  return {
    ev,
    result: {
      date,
      asOf,
      year,
      actual: ev.value,
      status: s.status,
      statusLabel: label,
      required: round(s.required),
      projected: round(s.projected),
      aboveRange: ev.value !== null && aboveRange(figure, ev.value),
      baseline,
      figuresYear: ev.figuresYear,
      numerator: ev.numerator,
      denominator: ev.denominator,
      coverage: ev.coverage,
      window: ev.window,
      source: ev.source,
      trend: ev.series,
      approximate: territory.approximate,
      explanation: territory.explanation,
    },
  };
}

/** A target allocated to each child unit: every child's actual and status. */
export async function evaluateAllocation(
  db: Kysely<DB>,
  plan: PlanRow,
  t: TargetRow,
  def: IndicatorDto,
  date: string,
) {
  if (plan.unit_id === null || t.allocation_level === null) return [];
  const children = await childUnits(db, plan.unit_id, t.allocation_level);
  const out = [];
  for (const c of children) {
    const territory = await resolveTerritory(db, c.id);
    const { result } = await evaluateTargetOver(db, plan, t, def, territory, date);
    out.push({
      unitId: c.id,
      label: c.full_name,
      actual: result.actual,
      status: result.status,
      statusLabel: result.statusLabel,
      approximate: result.approximate,
    });
  }
  return out;
}

/** The figure in words with its unit ("trên 400 HTX"). */
export function figureText(t: TargetRow): string {
  return describeFigure(figureOf(t), t.unit_label);
}
