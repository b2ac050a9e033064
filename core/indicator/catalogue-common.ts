/** Shared pieces of the built-in indicator catalogue: the definition type, filters, spec builders, wording. */
import type { IndicatorSpec, OrgFilter } from './spec.js';

/** A built-in indicator. */
export interface IndicatorDef {
  key: string;
  name: { vi: string; en: string };
  definition: { vi: string; en: string };
  /** Unit of the value: 'HTX', 'thành viên', '%', 'triệu đồng/năm'… */
  unit: string;
  spec: IndicatorSpec;
}

export const HTX: OrgFilter = { kinds: ['HTX'] };
export const THT: OrgFilter = { kinds: ['THT'] };
export const LHHTX: OrgFilter = { kinds: ['LHHTX'] };
export const ALL: OrgFilter = {};
export const AGRI = { fields: ['agriculture' as const] };
export const NONAGRI = { excludeFields: ['agriculture' as const] };
export const MILLION = 1e-6;

export const def = (
  key: string,
  vi: string,
  en: string,
  dvi: string,
  den: string,
  unit: string,
  spec: IndicatorSpec,
): IndicatorDef => ({ key, name: { vi, en }, definition: { vi: dvi, en: den }, unit, spec });
export const stock = (filter: OrgFilter): IndicatorSpec => ({
  source: 'organisations',
  filter,
  measure: { type: 'count' },
});
export const flow = (source: 'founded' | 'ended' | 'converted', filter: OrgFilter): IndicatorSpec => ({
  source,
  filter,
  measure: { type: 'count' },
});
export const manual = (): IndicatorSpec => ({ source: 'manual', filter: {}, measure: { type: 'count' } });

export const STOCK_VI = 'Số tổ chức đã thành lập và chưa giải thể/chấm dứt tại ngày đánh giá, trên địa bàn';
export const STOCK_EN =
  'Organisations founded and not yet dissolved or terminated at the date, in the territory';
export const REPORT_VI =
  'theo báo cáo năm đã duyệt của năm số liệu gần nhất (năm có ít nhất một nửa số tổ chức được duyệt báo cáo)';
export const REPORT_EN =
  'from the approved yearly reports of the latest year of figures (a year at least half of the organisations have approved reports for)';
export const RATED_VI =
  'trong số tổ chức được xếp loại ở kỳ đánh giá gần nhất đã được xác nhận hoặc công bố (TT 01/2020/TT-BKHĐT)';
export const RATED_EN =
  'among organisations rated in the latest confirmed or published assessment (Circular 01/2020/TT-BKHĐT)';
