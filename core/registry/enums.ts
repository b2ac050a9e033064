/** Coded values of the registry with their Vietnamese and English labels (regulations.md §2, §7, §11). */

/** A coded value with its labels. */
export interface Coded<T extends string = string> {
  value: T;
  vi: string;
  en: string;
}

export const ORGANISATION_KINDS = [
  { value: 'THT', vi: 'Tổ hợp tác', en: 'Cooperative group' },
  { value: 'HTX', vi: 'Hợp tác xã', en: 'Cooperative' },
  { value: 'LHHTX', vi: 'Liên hiệp hợp tác xã', en: 'Union of cooperatives' },
] as const satisfies readonly Coded[];
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number]['value'];

// Luật HTX 2023 Art. 4: minimum members by kind (THT ≥2 members, HTX ≥5 official, LHHTX ≥3 member HTX).
export const MIN_MEMBERS: Record<OrganisationKind, number> = { THT: 2, HTX: 5, LHHTX: 3 };

/** Legal status values exactly as NĐ 92/2024 Art. 27 (HTX/LHHTX) and Art. 28 (THT). */
export const LEGAL_STATUSES = [
  { value: 'active', vi: 'Đang hoạt động', en: 'Operating', kinds: ['THT', 'HTX', 'LHHTX'] },
  {
    value: 'suspended',
    vi: 'Tạm ngừng kinh doanh',
    en: 'Business suspended',
    kinds: ['THT', 'HTX', 'LHHTX'],
  },
  {
    value: 'tax_revoked',
    vi: 'Bị thu hồi do cưỡng chế về quản lý thuế',
    en: 'Revoked by tax enforcement',
    kinds: ['THT', 'HTX', 'LHHTX'],
  },
  {
    value: 'dissolving',
    vi: 'Đang làm thủ tục giải thể, bị chia, bị hợp nhất, được sáp nhập',
    en: 'Dissolution, division, consolidation or merger in progress',
    kinds: ['HTX', 'LHHTX'],
  },
  {
    value: 'bankruptcy',
    vi: 'Đang làm thủ tục phá sản',
    en: 'Bankruptcy in progress',
    kinds: ['HTX', 'LHHTX'],
  },
  {
    value: 'dissolved',
    vi: 'Đã giải thể, phá sản, chấm dứt tồn tại',
    en: 'Dissolved, bankrupt or ceased to exist',
    kinds: ['HTX', 'LHHTX'],
  },
  {
    value: 'terminating',
    vi: 'Đang làm thủ tục chấm dứt hoạt động',
    en: 'Termination in progress',
    kinds: ['THT'],
  },
  { value: 'terminated', vi: 'Đã chấm dứt hoạt động', en: 'Terminated', kinds: ['THT'] },
  {
    value: 'not_at_address',
    vi: 'Không hoạt động tại địa chỉ đã đăng ký',
    en: 'Not operating at the registered address',
    kinds: ['THT', 'HTX', 'LHHTX'],
  },
] as const;
export type LegalStatus = (typeof LEGAL_STATUSES)[number]['value'];
/** Statuses that mean the organisation no longer exists. */
export const ENDED_STATUSES: readonly LegalStatus[] = ['dissolved', 'terminated'];

/** The 4 fields of activity of NĐ 113/2024 Art. 4(1), from the main business line's VSIC level-1 sector. */
export const FIELDS = [
  { value: 'agriculture', vi: 'Nông nghiệp', en: 'Agriculture' },
  { value: 'industry_construction', vi: 'Công nghiệp – xây dựng', en: 'Industry and construction' },
  { value: 'finance', vi: 'Tài chính, ngân hàng và bảo hiểm', en: 'Finance, banking and insurance' },
  { value: 'trade_service', vi: 'Thương mại – dịch vụ và lĩnh vực khác', en: 'Trade, services and other' },
] as const satisfies readonly Coded[];
export type Field = (typeof FIELDS)[number]['value'];

/** Agricultural sub-types of TT 09/2017/TT-BNNPTNT. */
export const AGRI_SUBTYPES = [
  { value: 'crop', vi: 'Trồng trọt', en: 'Crops' },
  { value: 'livestock', vi: 'Chăn nuôi', en: 'Livestock' },
  { value: 'forestry', vi: 'Lâm nghiệp', en: 'Forestry' },
  { value: 'fishery', vi: 'Thủy sản', en: 'Fishery' },
  { value: 'salt', vi: 'Diêm nghiệp', en: 'Salt making' },
  { value: 'clean_water', vi: 'Nước sạch nông thôn', en: 'Rural clean water' },
  { value: 'general', vi: 'Tổng hợp', en: 'General' },
] as const satisfies readonly Coded[];
export type AgriSubtype = (typeof AGRI_SUBTYPES)[number]['value'];

/** The 12 new-type cooperative models of QĐ 167/QĐ-TTg as listed in the Kon Tum plan §IV. */
export const NEW_MODELS = [
  { value: 'A_a', vi: 'NN a) Vừa sản xuất, vừa tham gia thị trường', en: 'Agri a) Producing and marketing' },
  {
    value: 'A_b',
    vi: 'NN b) Tích tụ ruộng đất quy mô lớn, ứng dụng công nghệ cao',
    en: 'Agri b) Large-scale land, high technology',
  },
  {
    value: 'A_c',
    vi: 'NN c) Dịch vụ đầu vào, sơ chế/chế biến, đầu ra trong chuỗi giá trị',
    en: 'Agri c) Inputs, processing and outputs in value chains',
  },
  { value: 'A_d', vi: 'NN d) Ứng phó biến đổi khí hậu', en: 'Agri d) Climate-change response' },
  {
    value: 'A_dd',
    vi: 'NN đ) Phát triển nông lâm thủy sản bền vững',
    en: 'Agri đ) Sustainable agriculture, forestry, fishery',
  },
  {
    value: 'A_e',
    vi: 'NN e) Sản phẩm OCOP gắn với du lịch nông thôn, miền núi',
    en: 'Agri e) OCOP products with rural tourism',
  },
  {
    value: 'A_g',
    vi: 'NN g) Doanh nghiệp là thành viên HTX sản xuất chế biến nông lâm thủy sản',
    en: 'Agri g) Enterprises as members',
  },
  {
    value: 'A_h',
    vi: 'NN h) Đánh bắt, nuôi trồng thủy hải sản, bảo vệ nguồn lợi cộng đồng',
    en: 'Agri h) Fishing, aquaculture, community resources',
  },
  { value: 'N_a', vi: 'PNN a) Hoạt động xây dựng', en: 'Non-agri a) Construction' },
  { value: 'N_b', vi: 'PNN b) Giao thông vận tải', en: 'Non-agri b) Transport' },
  {
    value: 'N_c',
    vi: 'PNN c) Tiểu thủ công nghiệp gắn với làng nghề truyền thống',
    en: 'Non-agri c) Handicrafts and craft villages',
  },
  {
    value: 'N_d',
    vi: 'PNN d) Dịch vụ vì cộng đồng (môi trường, y tế, giáo dục, quản lý chợ…)',
    en: 'Non-agri d) Community services',
  },
] as const satisfies readonly Coded[];
export type NewModel = (typeof NEW_MODELS)[number]['value'];

/** Governance mode (Luật HTX 2023 Art. 56): reduced only for micro HTX or LHHTX with fewer than 10 members. */
export const GOVERNANCE_MODES = [
  { value: 'full', vi: 'Đầy đủ (ĐHTV, HĐQT, Giám đốc, Ban kiểm soát)', en: 'Full' },
  { value: 'reduced', vi: 'Rút gọn (ĐHTV, Giám đốc, Kiểm soát viên)', en: 'Reduced' },
] as const satisfies readonly Coded[];
export type GovernanceMode = (typeof GOVERNANCE_MODES)[number]['value'];

/** Lifecycle events. */
export const EVENT_KINDS = [
  { value: 'founded', vi: 'Thành lập', en: 'Founded' },
  { value: 'converted', vi: 'Chuyển đổi (THT → HTX)', en: 'Converted' },
  { value: 'suspended', vi: 'Tạm ngừng', en: 'Suspended' },
  { value: 'resumed', vi: 'Hoạt động trở lại', en: 'Resumed' },
  { value: 'dissolved', vi: 'Giải thể / chấm dứt', en: 'Dissolved' },
  { value: 'merged', vi: 'Sáp nhập / hợp nhất', en: 'Merged' },
  { value: 'split', vi: 'Chia / tách', en: 'Split' },
  { value: 'moved', vi: 'Chuyển trụ sở', en: 'Moved' },
] as const satisfies readonly Coded[];
export type EventKind = (typeof EVENT_KINDS)[number]['value'];

/** Product and recognition kinds. */
export const PRODUCT_KINDS = [
  { value: 'ocop', vi: 'Sản phẩm OCOP', en: 'OCOP product' },
  { value: 'trademark', vi: 'Nhãn hiệu', en: 'Trademark' },
  { value: 'certification', vi: 'Chứng nhận (VietGAP, hữu cơ…)', en: 'Certification' },
] as const satisfies readonly Coded[];
export type ProductKind = (typeof PRODUCT_KINDS)[number]['value'];

/** Member types (Luật HTX 2023 Art. 4(16)–(19)). */
export const MEMBER_TYPES = [
  { value: 'official', vi: 'Thành viên chính thức', en: 'Official member' },
  { value: 'associate_capital', vi: 'Thành viên liên kết góp vốn', en: 'Capital-contributing associate' },
  { value: 'associate_noncapital', vi: 'Thành viên liên kết không góp vốn', en: 'Non-capital associate' },
] as const satisfies readonly Coded[];
export type MemberType = (typeof MEMBER_TYPES)[number]['value'];

/** Workflow status of a yearly report. */
export const REPORT_STATUSES = [
  { value: 'draft', vi: 'Đang soạn', en: 'Draft' },
  { value: 'submitted', vi: 'Đã gửi', en: 'Submitted' },
  { value: 'returned', vi: 'Trả lại để sửa', en: 'Returned' },
  { value: 'approved', vi: 'Đã duyệt (khóa)', en: 'Approved (locked)' },
] as const satisfies readonly Coded[];
export type ReportStatus = (typeof REPORT_STATUSES)[number]['value'];

/** Label of a coded value in a language, or the value itself when unknown. */
export function labelOf(
  list: readonly Coded[],
  value: string | null | undefined,
  lang: 'vi' | 'en' = 'vi',
): string {
  if (!value) return '';
  return list.find((c) => c.value === value)?.[lang] ?? value;
}

/** The values of a coded list, for zod enums. */
export function valuesOf<T extends string>(list: readonly Coded<T>[]): [T, ...T[]] {
  return list.map((c) => c.value) as [T, ...T[]];
}
