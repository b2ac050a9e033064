/**
 * The figures a scoring rule may read: the numeric yearly figures of core/registry/report-fields.ts, plus figures
 * the law scores but the yearly report does not collect (a rule over them is kept as data; it suggests nothing).
 */
import { REPORT_FIELDS, type ReportFigures } from '../registry/report-fields.js';

/** A figure a rule can name. */
export interface ScoringFigure {
  key: string;
  label: string;
  collected: boolean;
}

/** Figures named by TT 09/2017/TT-BNNPTNT criterion 1 that the yearly report does not hold. */
const NOT_COLLECTED: ScoringFigure[] = [
  { key: 'revenuePlanPct', label: 'Doanh thu thực hiện so với kế hoạch (%)', collected: false },
  {
    key: 'incomePerMember',
    label: 'Thu nhập sau nghĩa vụ tài chính bình quân một thành viên (đồng)',
    collected: false,
  },
];

export const SCORING_FIGURES: readonly ScoringFigure[] = [
  ...REPORT_FIELDS.filter((f) => f.type === 'int' || f.type === 'money' || f.type === 'percent').map((f) => ({
    key: f.key,
    label: f.vi,
    collected: true,
  })),
  ...NOT_COLLECTED,
];

const BY_KEY = new Map(SCORING_FIGURES.map((f) => [f.key, f]));

/** The figure of a key, or undefined when no rule may read it. */
export function scoringFigure(key: string): ScoringFigure | undefined {
  return BY_KEY.get(key);
}

/** Numeric values of the yearly figures (money arrives as exact text); a missing figure stays null. */
export function numericFigures(figures: ReportFigures): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const f of SCORING_FIGURES) {
    const v = figures[f.key];
    const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : Number.NaN;
    out[f.key] = Number.isFinite(n) ? n : null;
  }
  return out;
}
