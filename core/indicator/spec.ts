/**
 * What an indicator counts, as data: a filter over organisations and a measure (issue 5). The built-in
 * catalogue and officer-defined indicators share this shape, so one evaluator serves both. Pure and
 * validated with zod; the server evaluates it over the per-unit, per-year aggregates (DESIGN.md §2).
 */
import { z } from 'zod';
import { LEGAL_STATUSES, type LegalStatus } from '../registry/enums.js';

/** Where the figures come from. */
export const SOURCES = [
  {
    value: 'organisations',
    vi: 'Tổ chức đang tồn tại tại ngày đánh giá',
    en: 'Organisations existing at the date',
  },
  { value: 'founded', vi: 'Tổ chức thành lập mới trong kỳ', en: 'Organisations founded in the period' },
  {
    value: 'ended',
    vi: 'Tổ chức giải thể / chấm dứt trong kỳ',
    en: 'Organisations dissolved or terminated in the period',
  },
  {
    value: 'converted',
    vi: 'Tổ hợp tác chuyển đổi thành HTX trong kỳ',
    en: 'Groups converted into cooperatives in the period',
  },
  { value: 'reports', vi: 'Báo cáo năm đã duyệt', en: 'Approved yearly reports' },
  { value: 'assessments', vi: 'Kết quả đánh giá, xếp loại gần nhất', en: 'Latest assessment results' },
  {
    value: 'trademarks',
    vi: 'Tổ chức có nhãn hiệu được xây dựng trong kỳ',
    en: 'Organisations with a trademark built in the period',
  },
  { value: 'manual', vi: 'Số liệu nhập tay có nguồn', en: 'Manually entered figure with its source' },
] as const;
export type Source = (typeof SOURCES)[number]['value'];

/** Yes/no figures of an approved yearly report, each one bit of the aggregate's flag mask. */
export const REPORT_FLAGS = [
  { value: 'value_chain', bit: 1, vi: 'Tham gia liên kết chuỗi giá trị', en: 'In a value chain' },
  { value: 'enterprise_linkage', bit: 2, vi: 'Liên kết với doanh nghiệp', en: 'Linked with enterprises' },
  { value: 'high_tech', bit: 4, vi: 'Ứng dụng công nghệ cao', en: 'Applies high technology' },
  {
    value: 'technology_transfer',
    bit: 8,
    vi: 'Ứng dụng chuyển giao công nghệ',
    en: 'Applies technology transfer',
  },
  { value: 'digital_transformation', bit: 16, vi: 'Áp dụng chuyển đổi số', en: 'Digital transformation' },
  {
    value: 'land_allocated_leased',
    bit: 32,
    vi: 'Được giao đất, cho thuê đất',
    en: 'Land allocated or leased',
  },
  {
    value: 'information_access',
    bit: 64,
    vi: 'Tiếp cận thông tin thị trường, KH&CN',
    en: 'Access to market and technology information',
  },
  { value: 'trade_promotion', bit: 128, vi: 'Tham gia xúc tiến thương mại', en: 'Trade promotion' },
  {
    value: 'social_insurance',
    bit: 256,
    vi: 'Đóng BHXH cho người lao động',
    en: 'Pays social insurance for workers',
  },
] as const;
export type ReportFlag = (typeof REPORT_FLAGS)[number]['value'];
const FLAG_VALUES = REPORT_FLAGS.map((f) => f.value) as [ReportFlag, ...ReportFlag[]];

/** Rating bands of an assessment (TT 01/2020/TT-BKHĐT Art. 8). */
export const BANDS = [
  { value: 'tot', vi: 'Tốt', en: 'Good' },
  { value: 'kha', vi: 'Khá', en: 'Fair' },
  { value: 'trung_binh', vi: 'Trung bình', en: 'Average' },
  { value: 'yeu', vi: 'Yếu', en: 'Weak' },
] as const;
export type Band = (typeof BANDS)[number]['value'];
const BAND_VALUES = BANDS.map((b) => b.value) as [Band, ...Band[]];

/** Summed figures of approved reports. */
export const SUM_COLUMNS = [
  { value: 'members', vi: 'Số thành viên', en: 'Members' },
  {
    value: 'member_cooperatives',
    vi: 'Số HTX thành viên (của liên hiệp)',
    en: 'Member cooperatives of unions',
  },
  { value: 'revenue', vi: 'Doanh thu (đồng)', en: 'Revenue (VND)' },
  {
    value: 'income',
    vi: 'Thu nhập bình quân lao động thường xuyên (đồng/năm)',
    en: 'Average income of regular workers (VND/year)',
  },
  { value: 'manager_total', vi: 'Cán bộ quản lý', en: 'Managers' },
  {
    value: 'manager_university',
    vi: 'Cán bộ quản lý trình độ cao đẳng, đại học',
    en: 'Managers with college/university',
  },
  {
    value: 'manager_intermediate',
    vi: 'Cán bộ quản lý trình độ sơ, trung cấp',
    en: 'Managers with primary/intermediate training',
  },
  { value: 'manager_trained', vi: 'Cán bộ quản lý đã qua đào tạo', en: 'Trained managers' },
] as const;
export type SumColumn = (typeof SUM_COLUMNS)[number]['value'];
const SUM_VALUES = SUM_COLUMNS.map((c) => c.value) as [SumColumn, ...SumColumn[]];

const KINDS = ['THT', 'HTX', 'LHHTX'] as const;
const LEGAL_STATUS_VALUES = LEGAL_STATUSES.map((s) => s.value) as [LegalStatus, ...LegalStatus[]];
const FIELDS = ['agriculture', 'industry_construction', 'finance', 'trade_service'] as const;

/** Which organisations: kinds, fields (or all but some), new-type model, paper-only. */
export const ZOrgFilter = z.strictObject({
  kinds: z.array(z.enum(KINDS)).min(1).max(3).optional(),
  fields: z.array(z.enum(FIELDS)).min(1).max(4).optional(),
  excludeFields: z.array(z.enum(FIELDS)).min(1).max(4).optional(),
  withModel: z.boolean().optional(),
  paperOnly: z.boolean().optional(),
  /** Current legal status (NĐ 92/2024 Art. 27–28), for organisation counts and flows only. */
  legalStatuses: z.array(z.enum(LEGAL_STATUS_VALUES)).min(1).max(9).optional(),
});
export type OrgFilter = z.infer<typeof ZOrgFilter>;

/** A condition on report flags (all of / any of) and assessment bands. */
export const ZCondition = z.strictObject({
  all: z.array(z.enum(FLAG_VALUES)).max(9).optional(),
  any: z.array(z.enum(FLAG_VALUES)).max(9).optional(),
  bands: z.array(z.enum(BAND_VALUES)).min(1).max(4).optional(),
});
export type Condition = z.infer<typeof ZCondition>;

/** What is computed over the filtered organisations. */
export const ZMeasure = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('count'), where: ZCondition.optional() }),
  z.strictObject({
    type: z.literal('sum'),
    column: z.enum(SUM_VALUES),
    scale: z.number().positive().optional(),
  }),
  z.strictObject({
    type: z.literal('average'),
    column: z.enum(SUM_VALUES),
    scale: z.number().positive().optional(),
  }),
  z.strictObject({
    type: z.literal('ratio'),
    numerator: z.enum(SUM_VALUES),
    denominator: z.enum(SUM_VALUES),
  }),
  z.strictObject({ type: z.literal('share'), where: ZCondition, base: ZCondition.optional() }),
]);
export type Measure = z.infer<typeof ZMeasure>;

/** A computable indicator definition. */
export const ZIndicatorSpec = z.strictObject({
  source: z.enum(SOURCES.map((s) => s.value) as [Source, ...Source[]]),
  filter: ZOrgFilter.default({}),
  measure: ZMeasure.default({ type: 'count' }),
});
export type IndicatorSpec = z.infer<typeof ZIndicatorSpec>;

/** The bit mask of a list of flags. */
export function flagMask(flags: readonly ReportFlag[] | undefined): number {
  return (flags ?? []).reduce((m, f) => m | (REPORT_FLAGS.find((x) => x.value === f)?.bit ?? 0), 0);
}

/** Why a spec cannot be computed (empty when it can): measures and conditions each source supports. */
export function specProblems(spec: IndicatorSpec): string[] {
  const out: string[] = [];
  const m = spec.measure;
  const conds = m.type === 'count' ? [m.where] : m.type === 'share' ? [m.where, m.base] : [];
  const usesFlags = conds.some((c) => c && ((c.all?.length ?? 0) > 0 || (c.any?.length ?? 0) > 0));
  const usesBands = conds.some((c) => (c?.bands?.length ?? 0) > 0);
  if (['organisations', 'founded', 'ended', 'converted', 'trademarks', 'manual'].includes(spec.source)) {
    if (m.type !== 'count') out.push('Nguồn số liệu này chỉ hỗ trợ phép đếm số tổ chức.');
    if (usesFlags || usesBands)
      out.push(
        'Điều kiện theo báo cáo năm hoặc xếp loại chỉ dùng với nguồn báo cáo năm hoặc kết quả đánh giá.',
      );
  }
  if (spec.source === 'reports' && usesBands)
    out.push('Điều kiện xếp loại chỉ dùng với nguồn kết quả đánh giá.');
  if (spec.source === 'assessments' && !['count', 'share'].includes(m.type))
    out.push('Kết quả đánh giá chỉ hỗ trợ đếm hoặc tỷ lệ.');
  if (
    (spec.filter.legalStatuses || spec.filter.paperOnly !== undefined) &&
    ['reports', 'assessments', 'manual'].includes(spec.source)
  ) {
    out.push('Lọc theo tình trạng pháp lý hoặc "chỉ còn trên danh nghĩa" chỉ dùng khi đếm tổ chức.');
  }
  if (spec.filter.fields && spec.filter.excludeFields)
    out.push('Chỉ chọn một trong hai: lĩnh vực hoặc loại trừ lĩnh vực.');
  return out;
}
