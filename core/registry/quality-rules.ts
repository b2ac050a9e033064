/**
 * Data-quality rules of a yearly report, checked against the same organisation's previous year when a
 * report is submitted. A finding never blocks submission: it becomes a flag the officer and the
 * cooperative discuss in the report's comment trail. Also the legal-minimum warnings shown on a report.
 * Pure: no I/O, deterministic, property-tested.
 */
import { formatNumber } from '../format.js';
import type { OrganisationKind } from './enums.js';
import { legalMinimumWarnings as sharedLegalMinimumWarnings } from './legal-minimums.js';
import { type ReportFigures, totalMembers } from './report-fields.js';

/** The stable ids of the data-quality rules (stored in data_quality_flag.rule). */
export const QUALITY_RULE_IDS = [
  'members_drop',
  'revenue_without_members',
  'profit_above_revenue',
  'negative_total_capital',
  'negative_charter_capital',
  'income_out_of_range',
] as const;
export type QualityRuleId = (typeof QUALITY_RULE_IDS)[number];

/** The figure a rule points at in the form (null: the member counts as a whole). */
export const QUALITY_RULE_FIELD: Readonly<Record<QualityRuleId, string | null>> = {
  members_drop: null,
  revenue_without_members: 'revenueTotal',
  profit_above_revenue: 'profitBeforeTax',
  negative_total_capital: 'totalCapital',
  negative_charter_capital: 'charterCapital',
  income_out_of_range: 'avgIncomeRegularWorker',
};

/** A plausible band for the yearly average income of a regular worker, in đồng. */
export interface IncomeRange {
  min: number;
  max: number;
}

/** 1 million to 50 million đồng a month: outside it the figure is most likely typed in the wrong unit. */
export const DEFAULT_INCOME_RANGE: IncomeRange = { min: 12_000_000, max: 600_000_000 };

/**
 * Per-province bands, keyed by the post-2025 province code (QĐ 19/2025/QĐ-TTg). A sanity bound, not a
 * legal figure: a province whose cooperatives legitimately pay more (or less) adds its code here, e.g.
 * the two special cities where urban service cooperatives pay well above the national ceiling.
 */
export const PROVINCE_INCOME_RANGES: Readonly<Record<string, IncomeRange>> = {
  '01': { min: 12_000_000, max: 900_000_000 }, // Hà Nội
  '79': { min: 12_000_000, max: 900_000_000 }, // TP. Hồ Chí Minh
};

/** The income band of a province: its override, else the default. */
export function incomeRangeFor(
  provinceCode: string | null,
  overrides: Readonly<Record<string, IncomeRange>> = PROVINCE_INCOME_RANGES,
): IncomeRange {
  return (provinceCode !== null && overrides[provinceCode]) || DEFAULT_INCOME_RANGE;
}

/** Members may fall by at most this percentage year on year before the report is flagged. */
export const MEMBER_DROP_PERCENT = 30;

/** What the rules look at. */
export interface QualityInput {
  current: ReportFigures;
  /** The previous year's report of the same organisation and period, or null when there is none. */
  previous: ReportFigures | null;
  previousYear?: number;
  incomeRange?: IncomeRange;
}

/** One rule that fires, with a Vietnamese explanation quoting the figures. */
export interface QualityFinding {
  rule: QualityRuleId;
  field: string | null;
  message: string;
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const MEMBER_KEYS = [
  'memberOfficialIndividual',
  'memberOfficialHousehold',
  'memberOfficialLegal',
  'memberAssociateCapital',
  'memberAssociateNoncapital',
];
const hasMemberFigures = (r: ReportFigures) => MEMBER_KEYS.some((k) => num(r[k]) !== null);
const money = (n: number) => `${formatNumber(n)} đồng`;

/** Evaluates every data-quality rule; the findings come in QUALITY_RULE_IDS order, at most one per rule. */
export function evaluateQualityRules(input: QualityInput): QualityFinding[] {
  const { current, previous } = input;
  const out: QualityFinding[] = [];
  const add = (rule: QualityRuleId, message: string) =>
    out.push({ rule, field: QUALITY_RULE_FIELD[rule], message });

  if (previous && hasMemberFigures(previous) && hasMemberFigures(current)) {
    const before = totalMembers(previous);
    const now = totalMembers(current);
    // Integer comparison now < 70% of before, free of floating-point error.
    if (before > 0 && now * 100 < before * (100 - MEMBER_DROP_PERCENT)) {
      const pct = Math.round(((before - now) * 1000) / before) / 10;
      const year = input.previousYear ? `năm ${input.previousYear}` : 'năm trước';
      add(
        'members_drop',
        `Tổng số thành viên giảm ${formatNumber(pct)}% (từ ${formatNumber(before)} xuống ${formatNumber(now)}) so với ${year}, vượt ngưỡng ${MEMBER_DROP_PERCENT}%.`,
      );
    }
  }
  const revenue = num(current.revenueTotal);
  if (revenue !== null && revenue > 0 && totalMembers(current) === 0) {
    add('revenue_without_members', `Có doanh thu ${money(revenue)} nhưng không có thành viên nào.`);
  }
  const profit = num(current.profitBeforeTax);
  if (profit !== null && revenue !== null && profit > revenue) {
    add(
      'profit_above_revenue',
      `Lợi nhuận trước thuế (${money(profit)}) lớn hơn tổng doanh thu (${money(revenue)}).`,
    );
  }
  const totalCapital = num(current.totalCapital);
  if (totalCapital !== null && totalCapital < 0)
    add('negative_total_capital', `Tổng nguồn vốn âm (${money(totalCapital)}).`);
  const charter = num(current.charterCapital);
  if (charter !== null && charter < 0) add('negative_charter_capital', `Vốn điều lệ âm (${money(charter)}).`);
  const income = num(current.avgIncomeRegularWorker);
  const regular = num(current.workerRegular);
  if (income !== null && regular !== 0) {
    const range = input.incomeRange ?? DEFAULT_INCOME_RANGE;
    if (income < range.min || income > range.max) {
      add(
        'income_out_of_range',
        `Thu nhập bình quân lao động thường xuyên ${money(income)}/năm nằm ngoài khoảng hợp lý ${formatNumber(range.min)}–${formatNumber(range.max)} đồng/năm; kiểm tra lại đơn vị tính.`,
      );
    }
  }
  return out;
}

/** A non-blocking warning shown with a report. */
export interface ReportWarning {
  code: string;
  field: string | null;
  message: string;
}

/**
 * The legal-minimum warnings of a report (members under Luật HTX 2023 Art. 4, foreign share under Art. 30/34),
 * from the shared core/registry/legal-minimums.ts so the report and the organisation page agree.
 */
export function legalMinimumWarnings(kind: OrganisationKind, r: ReportFigures): ReportWarning[] {
  return sharedLegalMinimumWarnings(kind, r).map((w) => ({
    code: w.code,
    field:
      w.code === 'legal_min.foreign_share'
        ? 'memberForeignOfficial'
        : kind === 'LHHTX'
          ? 'memberCooperatives'
          : null,
    message: w.message,
  }));
}

/** A warning when the report's year lies before the organisation was founded (the founding date may be wrong). */
export function foundingYearWarning(year: number, foundedOn: string | null): ReportWarning | null {
  if (!foundedOn) return null;
  const founded = Number(foundedOn.slice(0, 4));
  return year < founded
    ? {
        code: 'report.before_founding',
        field: null,
        message: `Năm báo cáo ${year} trước năm thành lập ${founded} của tổ chức; kiểm tra lại năm báo cáo hoặc ngày thành lập.`,
      }
    : null;
}
