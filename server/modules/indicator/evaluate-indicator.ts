import type { Kysely } from 'kysely';
import { chooseFiguresYear, measureValue, roundValue } from '../../../core/indicator/arithmetic.js';
import type { IndicatorEvaluation } from '../../../core/indicator/evaluation.js';
import type { IndicatorSpec } from '../../../core/indicator/spec.js';
import type { DB } from '../../db/schema.js';
import {
  assessmentTotals,
  flowByYear,
  reportTotals,
  stockAtYearEnd,
  stockSeries,
  type YearTotals,
} from './aggregate.repo.js';
import {
  conversionsByYear,
  hasAssessmentTable,
  manualFigures,
  trademarksPerYear,
  trademarkTotal,
} from './base.repo.js';
import type { Territory } from './territory.js';

/** When and over which window an indicator is evaluated. */
export interface EvaluateOptions {
  /** Evaluation date 'YYYY-MM-DD'. */
  date: string;
  /** Latest year of figures to use (a target's year); defaults to the year of the date. */
  capYear?: number;
  /** Window of flows (founded, ended, converted, trademarks); defaults to 1 January of the date's year → the date. */
  from?: string;
  to?: string;
  /** Years of the yearly series (trend). */
  seriesFrom: number;
  seriesTo: number;
}

export type { IndicatorEvaluation };

const yearOf = (d: string) => Number(d.slice(0, 4));
const years = (a: number, b: number) => Array.from({ length: Math.max(0, b - a + 1) }, (_, i) => a + i);
const minDate = (a: string, b: string) => (a < b ? a : b);

/** Evaluates an indicator spec over a territory at a date from the aggregates (see the catalogue's definitions). */
export async function evaluateSpec(
  db: Kysely<DB>,
  spec: IndicatorSpec,
  t: Territory,
  o: EvaluateOptions,
  manualKey?: string,
): Promise<IndicatorEvaluation> {
  const y = yearOf(o.date);
  const base: IndicatorEvaluation = {
    value: null,
    figuresYear: null,
    numerator: null,
    denominator: null,
    coverage: null,
    window: null,
    source: null,
    series: [],
  };
  const span = years(o.seriesFrom, o.seriesTo);
  switch (spec.source) {
    case 'organisations': {
      const s = await stockSeries(db, t, spec, Math.max(o.seriesTo, y), o.date);
      const series = span.map((x) => ({
        year: x,
        value: x < y ? stockAtYearEnd(s.endOfYear, x) : x === y ? s.atDate : null,
      }));
      return { ...base, value: s.atDate, numerator: s.atDate, series };
    }
    case 'founded':
    case 'ended':
    case 'converted':
    case 'trademarks': {
      const from = o.from ?? `${y}-01-01`;
      const to = minDate(o.to ?? o.date, o.date);
      const seriesTo = minDate(`${o.seriesTo}-12-31`, o.date);
      let value: number;
      let byYear: Map<number, number>;
      if (spec.source === 'trademarks') {
        byYear = await trademarksPerYear(db, t, spec, o.seriesFrom, yearOf(seriesTo));
        // A window within one year of the series is that year's count (distinct per year): no second read.
        const [fy, ty] = [yearOf(from), yearOf(to)];
        value =
          fy === ty && fy >= o.seriesFrom && fy <= yearOf(seriesTo)
            ? (byYear.get(fy) ?? 0)
            : await trademarkTotal(db, t, spec, fy, ty);
      } else if (spec.source === 'converted') {
        value = sum(await conversionsByYear(db, t, spec, from, to));
        byYear = await conversionsByYear(db, t, spec, `${o.seriesFrom}-01-01`, seriesTo);
      } else {
        value = sum(await flowByYear(db, t, spec, spec.source, from, to));
        byYear = await flowByYear(db, t, spec, spec.source, `${o.seriesFrom}-01-01`, seriesTo);
      }
      const series = span.map((x) => ({ year: x, value: x <= y ? (byYear.get(x) ?? 0) : null }));
      return { ...base, value: from <= to ? value : 0, numerator: value, window: { from, to }, series };
    }
    case 'reports':
    case 'assessments':
      return evaluateFigures(db, spec, t, o, base);
    case 'manual': {
      const rows = await manualFigures(db, manualKey ?? '', t.unitId);
      const cap = Math.min(o.capYear ?? y, y);
      const last = rows.filter((r) => r.year <= cap).at(-1);
      const byYear = new Map(rows.map((r) => [r.year, Number(r.value)]));
      return {
        ...base,
        value: last ? Number(last.value) : null,
        figuresYear: last?.year ?? null,
        source: last?.source ?? null,
        series: span.map((x) => ({ year: x, value: byYear.get(x) ?? null })),
      };
    }
  }
}

const sum = (m: Map<number, number>) => [...m.values()].reduce((a, b) => a + b, 0);

async function evaluateFigures(
  db: Kysely<DB>,
  spec: IndicatorSpec,
  t: Territory,
  o: EvaluateOptions,
  base: IndicatorEvaluation,
): Promise<IndicatorEvaluation> {
  const y = yearOf(o.date);
  const cap = Math.min(o.capYear ?? y, y);
  const first = Math.min(o.seriesFrom, cap - 15);
  const last = Math.max(o.seriesTo, cap);
  let totals: YearTotals[] = [];
  if (spec.source === 'reports') totals = await reportTotals(db, t, spec, first, last);
  else if (await hasAssessmentTable(db)) totals = await assessmentTotals(db, t, spec, first, last);
  const stock = await stockSeries(
    db,
    t,
    { source: 'organisations', filter: spec.filter, measure: { type: 'count' } },
    last,
    o.date,
  );
  const byYear = new Map(totals.map((x) => [x.year, x]));
  const coverage = totals.map((x) => ({
    year: x.year,
    covered: x.covered,
    existing: stockAtYearEnd(stock.endOfYear, x.year),
  }));
  const fy = chooseFiguresYear(coverage, cap);
  const valueFor = (x: YearTotals | undefined) =>
    x ? roundValue(measureValue(spec.measure, x), spec.measure) : null;
  const chosen = fy === null ? undefined : byYear.get(fy);
  const cov = coverage.find((c) => c.year === fy);
  const share = spec.measure.type === 'share' || spec.measure.type === 'count';
  return {
    ...base,
    value: valueFor(chosen),
    figuresYear: fy,
    numerator: chosen && share ? chosen.num : null,
    denominator: chosen && spec.measure.type === 'share' ? chosen.den : chosen ? chosen.covered : null,
    coverage: cov ? { covered: cov.covered, existing: cov.existing } : null,
    series: years(o.seriesFrom, o.seriesTo).map((x) => ({
      year: x,
      value: x <= y ? valueFor(byYear.get(x)) : null,
    })),
  };
}
