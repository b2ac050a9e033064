/**
 * The built-in indicators: every target of seeds/INDEX.md and of the national plans evaluates one of these.
 * Each has a definition an official can read (Vietnamese first) and a computable spec (./spec.ts); 'manual'
 * ones take a figure an authorised officer enters per unit and period with its source.
 */
import type { Condition, IndicatorSpec, OrgFilter, ReportFlag } from './spec.js';

/** A built-in indicator. */
export interface IndicatorDef {
  key: string;
  name: { vi: string; en: string };
  definition: { vi: string; en: string };
  /** Unit of the value: 'HTX', 'thành viên', '%', 'triệu đồng/năm'… */
  unit: string;
  spec: IndicatorSpec;
}

const HTX: OrgFilter = { kinds: ['HTX'] };
const THT: OrgFilter = { kinds: ['THT'] };
const LHHTX: OrgFilter = { kinds: ['LHHTX'] };
const ALL: OrgFilter = {};
const AGRI = { fields: ['agriculture' as const] };
const NONAGRI = { excludeFields: ['agriculture' as const] };
const MILLION = 1e-6;

const def = (
  key: string,
  vi: string,
  en: string,
  dvi: string,
  den: string,
  unit: string,
  spec: IndicatorSpec,
): IndicatorDef => ({ key, name: { vi, en }, definition: { vi: dvi, en: den }, unit, spec });
const stock = (filter: OrgFilter): IndicatorSpec => ({
  source: 'organisations',
  filter,
  measure: { type: 'count' },
});
const flow = (source: 'founded' | 'ended' | 'converted', filter: OrgFilter): IndicatorSpec => ({
  source,
  filter,
  measure: { type: 'count' },
});
const manual = (): IndicatorSpec => ({ source: 'manual', filter: {}, measure: { type: 'count' } });

const STOCK_VI = 'Số tổ chức đã thành lập và chưa giải thể/chấm dứt tại ngày đánh giá, trên địa bàn';
const STOCK_EN = 'Organisations founded and not yet dissolved or terminated at the date, in the territory';
const REPORT_VI =
  'theo báo cáo năm đã duyệt của năm số liệu gần nhất (năm có ít nhất một nửa số tổ chức được duyệt báo cáo)';
const REPORT_EN =
  'from the approved yearly reports of the latest year of figures (a year at least half of the organisations have approved reports for)';
const RATED_VI =
  'trong số tổ chức được xếp loại ở kỳ đánh giá gần nhất đã được xác nhận hoặc công bố (TT 01/2020/TT-BKHĐT)';
const RATED_EN =
  'among organisations rated in the latest confirmed or published assessment (Circular 01/2020/TT-BKHĐT)';

export const BUILT_IN_INDICATORS: readonly IndicatorDef[] = [
  // Counts at a date.
  def(
    'tht_count',
    'Số tổ hợp tác',
    'Cooperative groups',
    `${STOCK_VI}: tổ hợp tác.`,
    `${STOCK_EN}: cooperative groups.`,
    'THT',
    stock(THT),
  ),
  def(
    'htx_count',
    'Số hợp tác xã đang hoạt động',
    'Operating cooperatives',
    `${STOCK_VI}: hợp tác xã.`,
    `${STOCK_EN}: cooperatives.`,
    'HTX',
    stock(HTX),
  ),
  def(
    'lhhtx_count',
    'Số liên hiệp hợp tác xã',
    'Unions of cooperatives',
    `${STOCK_VI}: liên hiệp HTX.`,
    `${STOCK_EN}: unions.`,
    'LHHTX',
    stock(LHHTX),
  ),
  def(
    'kttt_count',
    'Số tổ chức kinh tế tập thể',
    'Collective-economy organisations',
    `${STOCK_VI}: THT, HTX và liên hiệp HTX.`,
    `${STOCK_EN}: groups, cooperatives and unions.`,
    'tổ chức',
    stock(ALL),
  ),
  def(
    'htx_agri_count',
    'Số HTX nông nghiệp',
    'Agricultural cooperatives',
    `${STOCK_VI}: HTX lĩnh vực nông nghiệp.`,
    `${STOCK_EN}: agricultural cooperatives.`,
    'HTX',
    stock({ ...HTX, ...AGRI }),
  ),
  def(
    'htx_nonagri_count',
    'Số HTX phi nông nghiệp',
    'Non-agricultural cooperatives',
    `${STOCK_VI}: HTX thương mại, dịch vụ, vận tải, công nghiệp – xây dựng, tín dụng và ngành nghề khác.`,
    `${STOCK_EN}: cooperatives outside agriculture.`,
    'HTX',
    stock({ ...HTX, ...NONAGRI }),
  ),
  def(
    'tht_nonagri_count',
    'Số THT phi nông nghiệp',
    'Non-agricultural groups',
    `${STOCK_VI}: THT ngoài lĩnh vực nông nghiệp.`,
    `${STOCK_EN}: groups outside agriculture.`,
    'THT',
    stock({ ...THT, ...NONAGRI }),
  ),
  def(
    'lhhtx_agri_count',
    'Số liên hiệp HTX nông nghiệp',
    'Agricultural unions',
    `${STOCK_VI}: liên hiệp HTX nông nghiệp.`,
    `${STOCK_EN}: agricultural unions.`,
    'LHHTX',
    stock({ ...LHHTX, ...AGRI }),
  ),
  def(
    'lhhtx_nonagri_count',
    'Số liên hiệp HTX phi nông nghiệp',
    'Non-agricultural unions',
    `${STOCK_VI}: liên hiệp HTX ngoài nông nghiệp.`,
    `${STOCK_EN}: unions outside agriculture.`,
    'LHHTX',
    stock({ ...LHHTX, ...NONAGRI }),
  ),
  def(
    'pilot_model_count',
    'Số HTX/LHHTX thí điểm theo mô hình kiểu mới',
    'Pilot new-type cooperatives',
    `${STOCK_VI}: HTX và liên hiệp HTX đã ghi một trong 12 mô hình của QĐ 167/QĐ-TTg.`,
    `${STOCK_EN}: cooperatives and unions recorded under one of the 12 models of Decision 167/QĐ-TTg.`,
    'HTX',
    stock({ kinds: ['HTX', 'LHHTX'], withModel: true }),
  ),
  def(
    'htx_suspended_count',
    'Số HTX đang tạm ngừng kinh doanh',
    'Cooperatives with business suspended',
    `${STOCK_VI}: HTX có tình trạng pháp lý hiện tại "Tạm ngừng kinh doanh".`,
    `${STOCK_EN}: cooperatives whose current legal status is "business suspended".`,
    'HTX',
    stock({ ...HTX, legalStatuses: ['suspended'] }),
  ),
  def(
    'htx_paper_only_count',
    'Số HTX chỉ còn tồn tại trên danh nghĩa',
    'Paper-only cooperatives',
    `${STOCK_VI}: HTX đã ngừng hoạt động, chỉ còn trên danh nghĩa.`,
    `${STOCK_EN}: cooperatives that stopped operating and exist only on paper.`,
    'HTX',
    stock({ ...HTX, paperOnly: true }),
  ),
  // Flows in a period.
  def(
    'htx_founded',
    'Số HTX thành lập mới',
    'Cooperatives founded',
    'Số HTX có ngày thành lập trong kỳ, trên địa bàn.',
    'Cooperatives whose founding date falls in the period, in the territory.',
    'HTX',
    flow('founded', HTX),
  ),
  def(
    'tht_founded',
    'Số THT thành lập mới',
    'Groups founded',
    'Số tổ hợp tác có ngày thành lập trong kỳ, trên địa bàn.',
    'Groups whose founding date falls in the period.',
    'THT',
    flow('founded', THT),
  ),
  def(
    'lhhtx_founded',
    'Số liên hiệp HTX thành lập mới',
    'Unions founded',
    'Số liên hiệp HTX có ngày thành lập trong kỳ, trên địa bàn.',
    'Unions whose founding date falls in the period.',
    'LHHTX',
    flow('founded', LHHTX),
  ),
  def(
    'htx_dissolved',
    'Số HTX giải thể',
    'Cooperatives dissolved',
    'Số HTX giải thể, phá sản, chấm dứt tồn tại trong kỳ (theo ngày chấm dứt), trên địa bàn.',
    'Cooperatives dissolved, bankrupt or ceased in the period (by end date).',
    'HTX',
    flow('ended', HTX),
  ),
  def(
    'tht_ended',
    'Số THT chấm dứt hoạt động',
    'Groups terminated',
    'Số tổ hợp tác chấm dứt hoạt động trong kỳ, trên địa bàn.',
    'Groups terminated in the period.',
    'THT',
    flow('ended', THT),
  ),
  def(
    'tht_converted',
    'Số THT chuyển đổi thành HTX',
    'Groups converted into cooperatives',
    'Số sự kiện chuyển đổi THT → HTX có ngày trong kỳ, trên địa bàn.',
    'Conversion events (group → cooperative) dated in the period.',
    'tổ chức',
    flow('converted', ALL),
  ),
  def(
    'htx_trademark_count',
    'Số HTX được xây dựng nhãn hiệu',
    'Cooperatives with a trademark built',
    'Số HTX có ít nhất một nhãn hiệu (sản phẩm loại "Nhãn hiệu") ghi năm trong kỳ.',
    'Cooperatives with at least one trademark recorded with a year in the period.',
    'HTX',
    { source: 'trademarks', filter: HTX, measure: { type: 'count' } },
  ),
  // Members and money from approved reports.
  def(
    'htx_members',
    'Tổng số thành viên HTX',
    'Cooperative members',
    `Tổng số thành viên (chính thức và liên kết) của các HTX ${REPORT_VI}.`,
    `Members (official and associate) of cooperatives ${REPORT_EN}.`,
    'thành viên',
    { source: 'reports', filter: HTX, measure: { type: 'sum', column: 'members' } },
  ),
  def(
    'tht_members',
    'Tổng số thành viên THT',
    'Group members',
    `Tổng số thành viên của các tổ hợp tác ${REPORT_VI}.`,
    `Members of cooperative groups ${REPORT_EN}.`,
    'thành viên',
    { source: 'reports', filter: THT, measure: { type: 'sum', column: 'members' } },
  ),
  def(
    'htx_nonagri_members',
    'Thành viên HTX phi nông nghiệp',
    'Members of non-agricultural cooperatives',
    `Tổng số thành viên của HTX ngoài nông nghiệp ${REPORT_VI}.`,
    `Members of non-agricultural cooperatives ${REPORT_EN}.`,
    'thành viên',
    { source: 'reports', filter: { ...HTX, ...NONAGRI }, measure: { type: 'sum', column: 'members' } },
  ),
  def(
    'tht_nonagri_members',
    'Thành viên THT phi nông nghiệp',
    'Members of non-agricultural groups',
    `Tổng số thành viên của THT ngoài nông nghiệp ${REPORT_VI}.`,
    `Members of non-agricultural groups ${REPORT_EN}.`,
    'thành viên',
    { source: 'reports', filter: { ...THT, ...NONAGRI }, measure: { type: 'sum', column: 'members' } },
  ),
  def(
    'lhhtx_member_coops',
    'Số HTX thành viên của liên hiệp',
    'Member cooperatives of unions',
    `Tổng số HTX thành viên của các liên hiệp HTX ${REPORT_VI}.`,
    `Member cooperatives of unions ${REPORT_EN}.`,
    'HTX',
    { source: 'reports', filter: LHHTX, measure: { type: 'sum', column: 'member_cooperatives' } },
  ),
  def(
    'tht_avg_members',
    'Số thành viên bình quân một THT',
    'Average members per group',
    `Tổng số thành viên chia cho số THT có báo cáo, ${REPORT_VI}.`,
    `Members divided by reporting groups, ${REPORT_EN}.`,
    'thành viên/THT',
    { source: 'reports', filter: THT, measure: { type: 'average', column: 'members' } },
  ),
  def(
    'htx_avg_members',
    'Số thành viên bình quân một HTX',
    'Average members per cooperative',
    `Tổng số thành viên chia cho số HTX có báo cáo, ${REPORT_VI}.`,
    `Members divided by reporting cooperatives, ${REPORT_EN}.`,
    'thành viên/HTX',
    { source: 'reports', filter: HTX, measure: { type: 'average', column: 'members' } },
  ),
  def(
    'htx_avg_revenue',
    'Doanh thu bình quân một HTX',
    'Average revenue per cooperative',
    `Tổng doanh thu chia cho số HTX báo cáo doanh thu, ${REPORT_VI}.`,
    `Revenue divided by the cooperatives reporting it, ${REPORT_EN}.`,
    'triệu đồng/năm',
    { source: 'reports', filter: HTX, measure: { type: 'average', column: 'revenue', scale: MILLION } },
  ),
  def(
    'htx_avg_income',
    'Thu nhập bình quân của lao động thường xuyên trong HTX',
    'Average income of regular cooperative workers',
    `Bình quân (không gia quyền) của mức thu nhập bình quân lao động thường xuyên mà các HTX báo cáo, ${REPORT_VI}.`,
    `Unweighted mean of the average regular-worker income the cooperatives report, ${REPORT_EN}.`,
    'triệu đồng/năm',
    { source: 'reports', filter: HTX, measure: { type: 'average', column: 'income', scale: MILLION } },
  ),
  // Managers' training.
  def(
    'htx_manager_intermediate_share',
    'Tỷ lệ cán bộ quản lý HTX trình độ sơ, trung cấp',
    'Share of managers with primary/intermediate training',
    `Số cán bộ quản lý trình độ sơ, trung cấp chia cho tổng số cán bộ quản lý của HTX, ${REPORT_VI}.`,
    `Managers with primary/intermediate training over all managers, ${REPORT_EN}.`,
    '%',
    {
      source: 'reports',
      filter: HTX,
      measure: { type: 'ratio', numerator: 'manager_intermediate', denominator: 'manager_total' },
    },
  ),
  def(
    'htx_manager_university_share',
    'Tỷ lệ cán bộ quản lý HTX trình độ cao đẳng, đại học',
    'Share of managers with college/university',
    `Số cán bộ quản lý trình độ cao đẳng, đại học trở lên chia cho tổng số cán bộ quản lý của HTX, ${REPORT_VI}.`,
    `Managers with college/university over all managers, ${REPORT_EN}.`,
    '%',
    {
      source: 'reports',
      filter: HTX,
      measure: { type: 'ratio', numerator: 'manager_university', denominator: 'manager_total' },
    },
  ),
  def(
    'htx_manager_trained_share',
    'Tỷ lệ cán bộ quản lý HTX đã qua đào tạo, bồi dưỡng',
    'Share of trained managers',
    `Tổng số cán bộ quản lý trừ số chưa qua đào tạo, chia cho tổng số cán bộ quản lý của HTX, ${REPORT_VI}.`,
    `Managers less the untrained, over all managers, ${REPORT_EN}.`,
    '%',
    {
      source: 'reports',
      filter: HTX,
      measure: { type: 'ratio', numerator: 'manager_trained', denominator: 'manager_total' },
    },
  ),
  // Shares and counts with report flags.
  ...flagIndicators(),
  // Assessment results.
  ...assessmentIndicators(),
  // Figures the registry cannot know: entered with their source.
  ...manualIndicators(),
];

function share(
  key: string,
  vi: string,
  en: string,
  filter: OrgFilter,
  where: Condition,
  base?: Condition,
): IndicatorDef {
  const who = filter.kinds?.length === 1 && filter.kinds[0] === 'HTX' ? 'HTX' : 'tổ chức KTTT';
  const agri = filter.fields ? ' nông nghiệp' : '';
  return def(
    key,
    vi,
    en,
    `Số ${who}${agri} có báo cáo năm ghi nhận "${vi.replace(/^Tỷ lệ (HTX|tổ chức KTTT)( nông nghiệp)? /, '')}" chia cho số ${who}${agri} có báo cáo${base ? ' thuộc nhóm nêu trong định nghĩa' : ''}, ${REPORT_VI}.`,
    `${en}: organisations whose approved report says so over the reporting organisations${base ? ' of the base group' : ''}, ${REPORT_EN}.`,
    '%',
    { source: 'reports', filter, measure: { type: 'share', where, ...(base ? { base } : {}) } },
  );
}

function flagIndicators(): IndicatorDef[] {
  const count = (key: string, vi: string, en: string, filter: OrgFilter, any: ReportFlag[]): IndicatorDef =>
    def(
      key,
      vi,
      en,
      `Số tổ chức có báo cáo năm ghi nhận: ${vi.toLowerCase()}, ${REPORT_VI}.`,
      `${en}, ${REPORT_EN}.`,
      filter.kinds?.[0] === 'HTX' ? 'HTX' : 'mô hình',
      { source: 'reports', filter, measure: { type: 'count', where: { any } } },
    );
  return [
    share(
      'htx_value_chain_share',
      'Tỷ lệ HTX tham gia liên kết chuỗi giá trị',
      'Share of cooperatives in value chains',
      HTX,
      { all: ['value_chain'] },
    ),
    share(
      'htx_agri_enterprise_chain_share',
      'Tỷ lệ HTX nông nghiệp liên kết với doanh nghiệp theo chuỗi giá trị',
      'Share of agricultural cooperatives linked with enterprises in value chains',
      { ...HTX, ...AGRI },
      { all: ['enterprise_linkage', 'value_chain'] },
    ),
    share(
      'htx_agri_linkage_share',
      'Tỷ lệ HTX nông nghiệp liên kết với doanh nghiệp, tổ chức khác theo chuỗi giá trị',
      'Share of agricultural cooperatives linked with enterprises or others along value chains',
      { ...HTX, ...AGRI },
      { any: ['enterprise_linkage', 'value_chain'] },
    ),
    share(
      'htx_tech_share',
      'Tỷ lệ HTX ứng dụng chuyển giao công nghệ, công nghệ cao',
      'Share of cooperatives applying technology transfer or high technology',
      HTX,
      { any: ['technology_transfer', 'high_tech'] },
    ),
    share(
      'htx_land_share',
      'Tỷ lệ HTX được giao, cho thuê đất',
      'Share of cooperatives with land allocated or leased',
      HTX,
      { all: ['land_allocated_leased'] },
    ),
    share(
      'htx_social_insurance_share',
      'Tỷ lệ HTX đóng BHXH cho người lao động',
      'Share of cooperatives paying social insurance',
      HTX,
      { all: ['social_insurance'] },
    ),
    share(
      'htx_information_share',
      'Tỷ lệ HTX tiếp cận thông tin thị trường, KH&CN',
      'Share of cooperatives reaching market and technology information',
      HTX,
      { all: ['information_access'] },
    ),
    share(
      'htx_chain_trade_promotion_share',
      'Tỷ lệ HTX thực hiện chuỗi giá trị được tham gia xúc tiến thương mại',
      'Share of value-chain cooperatives in trade promotion',
      HTX,
      { all: ['value_chain', 'trade_promotion'] },
      { all: ['value_chain'] },
    ),
    share(
      'kttt_digital_share',
      'Tỷ lệ tổ chức KTTT áp dụng chuyển đổi số',
      'Share of organisations applying digital transformation',
      ALL,
      { all: ['digital_transformation'] },
    ),
    count(
      'htx_agri_high_tech_count',
      'Số HTX ứng dụng công nghệ cao vào sản xuất, tiêu thụ sản phẩm nông nghiệp',
      'Agricultural cooperatives applying high technology',
      { ...HTX, ...AGRI },
      ['high_tech'],
    ),
    count(
      'htx_high_tech_count',
      'Số HTX ứng dụng công nghệ cao',
      'Cooperatives applying high technology',
      HTX,
      ['high_tech'],
    ),
    count(
      'kttt_modern_model_count',
      'Số mô hình KTTT ứng dụng công nghệ cao, chuyển đổi số, gắn với chuỗi giá trị',
      'Organisations applying high tech, digital transformation or value chains',
      ALL,
      ['high_tech', 'digital_transformation', 'value_chain'],
    ),
  ];
}

function assessmentIndicators(): IndicatorDef[] {
  const a = (
    key: string,
    vi: string,
    en: string,
    dvi: string,
    den: string,
    unit: string,
    filter: OrgFilter,
    measure: IndicatorSpec['measure'],
  ) =>
    def(key, vi, en, `${dvi} ${RATED_VI}.`, `${den} ${RATED_EN}.`, unit, {
      source: 'assessments',
      filter,
      measure,
    });
  const goodFair = { bands: ['tot' as const, 'kha' as const] };
  return [
    a(
      'kttt_good_fair_share',
      'Tỷ lệ tổ chức KTTT đạt loại Tốt, Khá',
      'Share of organisations rated good or fair',
      'Số tổ chức xếp loại Tốt hoặc Khá chia cho số tổ chức được xếp loại,',
      'Organisations rated good or fair over those rated,',
      '%',
      ALL,
      { type: 'share', where: goodFair },
    ),
    a(
      'htx_good_fair_share',
      'Tỷ lệ HTX đạt loại Tốt, Khá (hoạt động hiệu quả)',
      'Share of cooperatives rated good or fair (operating effectively)',
      'Số HTX xếp loại Tốt hoặc Khá (được coi là hoạt động có hiệu quả) chia cho số HTX được xếp loại,',
      'Cooperatives rated good or fair (taken as operating effectively) over cooperatives rated,',
      '%',
      HTX,
      { type: 'share', where: goodFair },
    ),
    a(
      'htx_weak_count',
      'Số HTX xếp loại Yếu',
      'Cooperatives rated weak',
      'Số HTX xếp loại Yếu',
      'Cooperatives rated weak',
      'HTX',
      HTX,
      { type: 'count', where: { bands: ['yeu'] } },
    ),
    a(
      'htx_weak_share',
      'Tỷ lệ HTX xếp loại Yếu',
      'Share of cooperatives rated weak',
      'Số HTX xếp loại Yếu chia cho số HTX được xếp loại,',
      'Cooperatives rated weak over cooperatives rated,',
      '%',
      HTX,
      { type: 'share', where: { bands: ['yeu'] } },
    ),
    a(
      'kttt_good_fair_chain_share',
      'Trong số tổ chức đạt Tốt, Khá: tỷ lệ tham gia liên kết chuỗi giá trị',
      'Of those rated good or fair: share in value chains',
      'Trong số tổ chức xếp loại Tốt hoặc Khá, số tổ chức có báo cáo năm cùng năm ghi nhận tham gia chuỗi giá trị chia cho số tổ chức Tốt, Khá,',
      'Of organisations rated good or fair, those whose same-year report shows a value chain, over all good or fair ones,',
      '%',
      ALL,
      { type: 'share', where: { ...goodFair, all: ['value_chain'] }, base: goodFair },
    ),
    a(
      'kttt_good_fair_linkage_share',
      'Trong số tổ chức hoạt động hiệu quả: tỷ lệ tham gia chuỗi liên kết',
      'Of those operating effectively: share in linkage chains',
      'Trong số tổ chức xếp loại Tốt hoặc Khá, số tổ chức tham gia chuỗi giá trị hoặc liên kết với doanh nghiệp (theo báo cáo cùng năm) chia cho số tổ chức Tốt, Khá,',
      'Of organisations rated good or fair, those in a value chain or linked with enterprises, over all good or fair ones,',
      '%',
      ALL,
      { type: 'share', where: { ...goodFair, any: ['value_chain', 'enterprise_linkage'] }, base: goodFair },
    ),
    a(
      'pilot_good_share',
      'Tỷ lệ HTX thí điểm đạt loại Tốt',
      'Share of pilot cooperatives rated good',
      'Số HTX/LHHTX thí điểm (có mô hình kiểu mới) xếp loại Tốt (từ 80 điểm) chia cho số HTX thí điểm được xếp loại,',
      'Pilot cooperatives rated good (80 points or more) over pilot cooperatives rated,',
      '%',
      { kinds: ['HTX', 'LHHTX'], withModel: true },
      { type: 'share', where: { bands: ['tot'] } },
    ),
  ];
}

function manualIndicators(): IndicatorDef[] {
  const m = (key: string, vi: string, en: string, unit: string) =>
    def(
      key,
      vi,
      en,
      `${vi}: số liệu do cán bộ có thẩm quyền nhập theo đơn vị và kỳ, kèm nguồn.`,
      `${en}: a figure an authorised officer enters per unit and period, with its source.`,
      unit,
      manual(),
    );
  return [
    m(
      'manual_officials_trained',
      'Lượt cán bộ, công chức được bồi dưỡng về KTTT',
      'Officials trained (participant-times)',
      'lượt',
    ),
    m(
      'manual_managers_trained',
      'Lượt cán bộ quản lý, chuyên môn HTX được bồi dưỡng',
      'Cooperative managers and staff trained (participant-times)',
      'lượt',
    ),
    m(
      'manual_htx_supported',
      'Số HTX được thụ hưởng chính sách hỗ trợ hạ tầng, khuyến công, xúc tiến thương mại',
      'Cooperatives benefiting from infrastructure, industry- and trade-promotion support',
      'HTX',
    ),
    m(
      'manual_tht_supported',
      'Số tổ hợp tác được tuyên truyền, vận động, tư vấn, hỗ trợ phát triển',
      'Cooperative groups supported',
      'THT',
    ),
    m(
      'manual_preferential_loan_growth',
      'Mức tăng số tổ chức KTTT tiếp cận vốn vay ưu đãi so với đầu năm',
      'Growth of organisations reaching preferential loans since the start of the year',
      '%',
    ),
    m('manual_grdp_share', 'Tỷ trọng đóng góp của KTTT vào GRDP', 'Collective-economy share of GRDP', '%'),
    m(
      'manual_population_share',
      'Tỷ lệ dân số tham gia tổ chức KTTT',
      'Share of the population in collective-economy organisations',
      '%',
    ),
    m(
      'manual_htx_staff_trained_share',
      'Tỷ lệ cán bộ HTX được đào tạo, bồi dưỡng, tập huấn nghiệp vụ, kỹ thuật',
      'Share of cooperative staff trained',
      '%',
    ),
    m(
      'manual_replication_plan',
      'Phương án nhân rộng mô hình HTX kiểu mới được ban hành',
      'Replication plan for new-type cooperatives adopted',
      'phương án',
    ),
    m(
      'manual_ica_global300',
      'Số liên hiệp HTX thuộc nhóm 300 HTX lớn nhất thế giới (ICA Global 300)',
      'Unions in the ICA Global 300',
      'LHHTX',
    ),
  ];
}

/** The built-in indicator with this key, if any. */
export function builtInIndicator(key: string): IndicatorDef | undefined {
  return BUILT_IN_INDICATORS.find((d) => d.key === key);
}
