/**
 * The yearly figures an organisation reports (regulations.md §8, issue "Yearly figures"). One catalogue
 * drives the database columns, the API schema, the form, the Excel template and the import.
 */

export type ReportFieldType = 'int' | 'money' | 'percent' | 'bool' | 'date';

/** One reported figure. */
export interface ReportField {
  key: string;
  column: string;
  type: ReportFieldType;
  group: 'members' | 'workers' | 'finance' | 'managers' | 'linkage' | 'governance';
  vi: string;
  en: string;
}

const f = (
  key: string,
  column: string,
  type: ReportFieldType,
  group: ReportField['group'],
  vi: string,
  en: string,
): ReportField => ({ key, column, type, group, vi, en });

export const REPORT_FIELDS: readonly ReportField[] = [
  // Members by type (Luật HTX 2023 Art. 4(16)–(19)), women, ethnic minority, foreign official members.
  f(
    'memberOfficialIndividual',
    'member_official_individual',
    'int',
    'members',
    'Thành viên chính thức là cá nhân',
    'Official members: individuals',
  ),
  f(
    'memberOfficialHousehold',
    'member_official_household',
    'int',
    'members',
    'Thành viên chính thức là hộ gia đình',
    'Official members: households',
  ),
  f(
    'memberOfficialLegal',
    'member_official_legal',
    'int',
    'members',
    'Thành viên chính thức là pháp nhân',
    'Official members: legal entities',
  ),
  f(
    'memberAssociateCapital',
    'member_associate_capital',
    'int',
    'members',
    'Thành viên liên kết góp vốn',
    'Capital-contributing associates',
  ),
  f(
    'memberAssociateNoncapital',
    'member_associate_noncapital',
    'int',
    'members',
    'Thành viên liên kết không góp vốn',
    'Non-capital associates',
  ),
  f('memberWomen', 'member_women', 'int', 'members', 'Thành viên nữ', 'Women members'),
  f(
    'memberEthnicMinority',
    'member_ethnic_minority',
    'int',
    'members',
    'Thành viên người dân tộc thiểu số',
    'Ethnic-minority members',
  ),
  f(
    'memberForeignOfficial',
    'member_foreign_official',
    'int',
    'members',
    'Thành viên chính thức là nhà đầu tư nước ngoài',
    'Foreign official members',
  ),
  f(
    'memberCooperatives',
    'member_cooperatives',
    'int',
    'members',
    'Số HTX thành viên (của liên hiệp)',
    'Member cooperatives (unions)',
  ),
  // Workers.
  f('workerTotal', 'worker_total', 'int', 'workers', 'Tổng số lao động', 'Workers, total'),
  f('workerRegular', 'worker_regular', 'int', 'workers', 'Lao động thường xuyên', 'Regular workers'),
  f(
    'workerSocialInsurance',
    'worker_social_insurance',
    'int',
    'workers',
    'Lao động tham gia BHXH',
    'Workers with social insurance',
  ),
  f(
    'workerHealthInsurance',
    'worker_health_insurance',
    'int',
    'workers',
    'Lao động tham gia BHYT',
    'Workers with health insurance',
  ),
  // Finance, in đồng.
  f('charterCapital', 'charter_capital', 'money', 'finance', 'Vốn điều lệ (đồng)', 'Charter capital (VND)'),
  f('totalCapital', 'total_capital', 'money', 'finance', 'Tổng nguồn vốn (đồng)', 'Total capital (VND)'),
  f('totalAssets', 'total_assets', 'money', 'finance', 'Tổng tài sản (đồng)', 'Total assets (VND)'),
  f(
    'indivisibleAssets',
    'indivisible_assets',
    'money',
    'finance',
    'Tài sản không chia (đồng)',
    'Indivisible assets (VND)',
  ),
  f('revenueTotal', 'revenue_total', 'money', 'finance', 'Tổng doanh thu (đồng)', 'Revenue, total (VND)'),
  f(
    'revenueFromMembers',
    'revenue_from_members',
    'money',
    'finance',
    'Doanh thu từ thành viên (đồng)',
    'Revenue from members (VND)',
  ),
  f(
    'profitBeforeTax',
    'profit_before_tax',
    'money',
    'finance',
    'Lợi nhuận trước thuế (đồng)',
    'Profit before tax (VND)',
  ),
  f(
    'avgIncomeRegularWorker',
    'avg_income_regular_worker',
    'money',
    'finance',
    'Thu nhập bình quân lao động thường xuyên (đồng/năm)',
    'Average income of regular workers (VND/year)',
  ),
  f(
    'fundDevelopmentPct',
    'fund_development_pct',
    'percent',
    'finance',
    'Trích quỹ đầu tư phát triển (% thu nhập)',
    'Development fund (% of income)',
  ),
  f(
    'fundReservePct',
    'fund_reserve_pct',
    'percent',
    'finance',
    'Trích quỹ dự phòng tài chính (% thu nhập)',
    'Reserve fund (% of income)',
  ),
  f(
    'fundOtherPct',
    'fund_other_pct',
    'percent',
    'finance',
    'Trích quỹ khác (% thu nhập)',
    'Other funds (% of income)',
  ),
  // Managers by training level.
  f('managerTotal', 'manager_total', 'int', 'managers', 'Tổng số cán bộ quản lý', 'Managers, total'),
  f(
    'managerUniversity',
    'manager_university',
    'int',
    'managers',
    'Cán bộ quản lý trình độ cao đẳng, đại học trở lên',
    'Managers with college/university',
  ),
  f(
    'managerIntermediate',
    'manager_intermediate',
    'int',
    'managers',
    'Cán bộ quản lý trình độ sơ cấp, trung cấp',
    'Managers with primary/intermediate',
  ),
  f(
    'managerUntrained',
    'manager_untrained',
    'int',
    'managers',
    'Cán bộ quản lý chưa qua đào tạo',
    'Untrained managers',
  ),
  f(
    'managerYoung',
    'manager_young',
    'int',
    'managers',
    'Cán bộ quản lý trẻ (dưới 35 tuổi)',
    'Young managers (under 35)',
  ),
  // Linkage, technology, land, information, trade promotion.
  f(
    'valueChain',
    'value_chain',
    'bool',
    'linkage',
    'Tham gia liên kết chuỗi giá trị',
    'In value-chain linkage',
  ),
  f(
    'valueChainPartners',
    'value_chain_partners',
    'int',
    'linkage',
    'Số doanh nghiệp liên kết trong chuỗi',
    'Partner enterprises in the chain',
  ),
  f(
    'enterpriseLinkage',
    'enterprise_linkage',
    'bool',
    'linkage',
    'Liên kết với doanh nghiệp',
    'Linked with enterprises',
  ),
  f('highTech', 'high_tech', 'bool', 'linkage', 'Ứng dụng công nghệ cao', 'Applies high technology'),
  f(
    'technologyTransfer',
    'technology_transfer',
    'bool',
    'linkage',
    'Ứng dụng chuyển giao khoa học công nghệ',
    'Applies technology transfer',
  ),
  f(
    'digitalTransformation',
    'digital_transformation',
    'bool',
    'linkage',
    'Chuyển đổi số',
    'Digital transformation',
  ),
  f(
    'landAllocatedLeased',
    'land_allocated_leased',
    'bool',
    'linkage',
    'Được giao đất, thuê đất',
    'Land allocated or leased',
  ),
  f(
    'informationAccess',
    'information_access',
    'bool',
    'linkage',
    'Tiếp cận thông tin thị trường, khoa học công nghệ',
    'Access to market/technology information',
  ),
  f(
    'tradePromotion',
    'trade_promotion',
    'bool',
    'linkage',
    'Tham gia xúc tiến thương mại',
    'Trade-promotion participation',
  ),
  // Governance and compliance.
  f(
    'generalMeetingDate',
    'general_meeting_date',
    'date',
    'governance',
    'Ngày họp Đại hội thành viên thường niên',
    "Members' general meeting date",
  ),
  f(
    'auditedStatements',
    'audited_statements',
    'bool',
    'governance',
    'Báo cáo tài chính được kiểm toán',
    'Audited financial statements',
  ),
  f(
    'administrativeSanction',
    'administrative_sanction',
    'bool',
    'governance',
    'Bị xử phạt hành chính trong năm',
    'Administratively sanctioned in the year',
  ),
  f(
    'monthsSuspended',
    'months_suspended',
    'int',
    'governance',
    'Số tháng ngừng hoạt động trong năm',
    'Months stopped in the year',
  ),
];

export const REPORT_FIELD_BY_KEY: ReadonlyMap<string, ReportField> = new Map(
  REPORT_FIELDS.map((x) => [x.key, x]),
);

/** Yearly figures keyed by field key; a missing figure is null (not reported), never 0. */
export type ReportFigures = Record<string, number | boolean | string | null>;

/** Official members = individuals + households + legal entities. */
export function officialMembers(r: ReportFigures): number {
  return ['memberOfficialIndividual', 'memberOfficialHousehold', 'memberOfficialLegal'].reduce(
    (s, k) => s + (typeof r[k] === 'number' ? (r[k] as number) : 0),
    0,
  );
}

/** All members = official + both kinds of associates. */
export function totalMembers(r: ReportFigures): number {
  const a = typeof r.memberAssociateCapital === 'number' ? r.memberAssociateCapital : 0;
  const b = typeof r.memberAssociateNoncapital === 'number' ? r.memberAssociateNoncapital : 0;
  return officialMembers(r) + a + b;
}
