import type { Kysely } from 'kysely';
import { chooseFiguresYear, measureValue, roundValue } from '../../../core/indicator/arithmetic.js';
import type { IndicatorEvaluation } from '../../../core/indicator/evaluation.js';
import type { IndicatorSpec } from '../../../core/indicator/spec.js';
import type { DB } from '../../db/schema.js';
import {
  assessmentTotalsRead,
  flowRead,
  reportTotalsRead,
  stockAtYearEnd,
  stockRead,
  type YearTotals,
} from './aggregate.repo.js';
import {
  conversionsRead,
  hasAssessmentTable,
  manualFigures,
  trademarksPerYearRead,
  trademarkTotalRead,
} from './base.repo.js';
import { type Read, readTogether } from './read-memo.js';
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

/**
 * Evaluates an indicator spec over a territory at a date from the aggregates (see the catalogue's definitions).
 * Every read of one evaluation goes to the database as one statement (readTogether).
 */
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
      const [s] = await readTogether(db, [stockRead(t, spec, Math.max(o.seriesTo, y), o.date)]);
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
        // A window within one year of the series is that year's count (distinct per year): no second read.
        const [fy, ty] = [yearOf(from), yearOf(to)];
        const oneYear = fy === ty && fy >= o.seriesFrom && fy <= yearOf(seriesTo);
        const perYear = trademarksPerYearRead(t, spec, o.seriesFrom, yearOf(seriesTo));
        if (oneYear) {
          [byYear] = await readTogether(db, [perYear]);
          value = byYear.get(fy) ?? 0;
        } else [byYear, value] = await readTogether(db, [perYear, trademarkTotalRead(t, spec, fy, ty)]);
      } else {
        const ranges = [
          { from, to },
          { from: `${o.seriesFrom}-01-01`, to: seriesTo },
        ];
        const read: Read<Map<number, number>[]> =
          spec.source === 'converted'
            ? conversionsRead(t, spec, ranges)
            : flowRead(t, spec, spec.source, ranges);
        const [[inWindow, series]] = await readTogether(db, [read]);
        value = sum(inWindow);
        byYear = series;
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
  const stockSpec: IndicatorSpec = {
    source: 'organisations',
    filter: spec.filter,
    measure: { type: 'count' },
  };
  const stockOf = stockRead(t, stockSpec, last, o.date);
  let totals: YearTotals[] = [];
  let stock: Awaited<ReturnType<typeof stockOf.parse>>;
  if (spec.source === 'reports')
    [totals, stock] = await readTogether(db, [reportTotalsRead(t, spec, first, last), stockOf]);
  else if (await hasAssessmentTable(db))
    [totals, stock] = await readTogether(db, [assessmentTotalsRead(t, spec, first, last), stockOf]);
  else [stock] = await readTogether(db, [stockOf]);
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
