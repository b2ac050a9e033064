/** Built-in indicators over report flags, assessment results, and manual figures (see ./catalogue.ts). */

import {
  AGRI,
  ALL,
  def,
  HTX,
  type IndicatorDef,
  manual,
  RATED_EN,
  RATED_VI,
  REPORT_EN,
  REPORT_VI,
} from './catalogue-common.js';
import type { Condition, IndicatorSpec, OrgFilter, ReportFlag } from './spec.js';

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

export function flagIndicators(): IndicatorDef[] {
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

export function assessmentIndicators(): IndicatorDef[] {
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

export function manualIndicators(): IndicatorDef[] {
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
