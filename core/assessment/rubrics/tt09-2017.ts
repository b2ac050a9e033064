/**
 * Thông tư 09/2017/TT-BNNPTNT (agricultural cooperatives) as data, exactly per ../shared/domain/regulations.md §1.6:
 * the 6 criteria of Art. 4, the level rules of criterion 1 as found [S17] (sub-criterion names translated from that
 * English source), the member-satisfaction survey of Art. 5(1), bands and the "Yếu when sanctioned" rule of Art. 6,
 * deadlines of Art. 5. The maxima of the criteria and everything else of Phụ lục 1 are NOT in our sources
 * (needsAppendix); no points are invented.
 */
import type { RubricDefinition, RubricItem } from '../types.js';

const APPENDIX =
  'Điểm tối đa và các tiêu chí thành phần còn lại theo Phụ lục 1 TT 09/2017/TT-BNNPTNT (chưa có trong nguồn).';
const TRANSLATED = 'Tên tiêu chí dịch từ nguồn tiếng Anh, cần đối chiếu Phụ lục 1.';

const criterion = (
  code: string,
  label: string,
  order: number,
  scoring: RubricItem['scoring'] = null,
  note = APPENDIX,
): RubricItem => ({
  code,
  parentCode: null,
  level: 'criterion',
  label,
  maxPoints: null,
  order,
  note,
  needsAppendix: true,
  scoring,
});
const sub = (
  code: string,
  parentCode: string,
  label: string,
  maxPoints: number,
  order: number,
  scoring: RubricItem['scoring'],
  note = TRANSLATED,
): RubricItem => ({
  code,
  parentCode,
  level: 'sub',
  label,
  maxPoints,
  order,
  note,
  needsAppendix: false,
  scoring,
});

const BILLION = 1_000_000_000;
const MILLION = 1_000_000;

const ITEMS: RubricItem[] = [
  criterion('1', 'Doanh thu và kết quả hoạt động sản xuất kinh doanh trong năm', 1),
  // Realised / planned revenue: < 100%: 0; 100–<120%: 4; ≥ 120%: 8 (the plan is not in the yearly report).
  sub('1a', '1', 'Doanh thu thực hiện so với kế hoạch', 8, 1, {
    kind: 'levels',
    figure: 'revenuePlanPct',
    levels: [
      { min: null, points: 0 },
      { min: 100, points: 4 },
      { min: 120, points: 8 },
    ],
  }),
  // Total annual revenue: < 1 bn: 4; 1–<5 bn: 6; 5–<10 bn: 8; ≥ 10 bn: 10.
  sub('1b', '1', 'Tổng doanh thu trong năm', 10, 2, {
    kind: 'levels',
    figure: 'revenueTotal',
    levels: [
      { min: null, points: 4 },
      { min: 1 * BILLION, points: 6 },
      { min: 5 * BILLION, points: 8 },
      { min: 10 * BILLION, points: 10 },
    ],
  }),
  // Income after financial obligations per member: no profit: 0; < 1 m: 2; 1–<5 m: 4; 5–<10 m: 7; ≥ 10 m: 10.
  sub('1c', '1', 'Thu nhập sau khi thực hiện nghĩa vụ tài chính bình quân một thành viên', 10, 3, {
    kind: 'levels',
    figure: 'incomePerMember',
    levels: [
      { min: null, points: 0 },
      { min: 0, exclusive: true, points: 2 },
      { min: 1 * MILLION, points: 4 },
      { min: 5 * MILLION, points: 7 },
      { min: 10 * MILLION, points: 10 },
    ],
  }),
  // Development-investment fund ≥ 20% of income: < 20% or none: 0; ≥ 20%: 5.
  sub('1d', '1', 'Trích Quỹ đầu tư phát triển từ 20% thu nhập trở lên', 5, 4, {
    kind: 'levels',
    figure: 'fundDevelopmentPct',
    levels: [
      { min: null, points: 0 },
      { min: 20, points: 5 },
    ],
  }),
  // Financial-reserve fund ≥ 5% of income: < 5% or none: 0; ≥ 5%: 5.
  sub('1e', '1', 'Trích Quỹ dự phòng tài chính từ 5% thu nhập trở lên', 5, 5, {
    kind: 'levels',
    figure: 'fundReservePct',
    levels: [
      { min: null, points: 0 },
      { min: 5, points: 5 },
    ],
  }),
  criterion('2', 'Lợi ích của các thành viên', 2),
  sub(
    '2a',
    '2',
    'Giá dịch vụ ưu đãi cho thành viên so với khách hàng không phải thành viên',
    8,
    1,
    null,
    `${TRANSLATED} Không có ưu đãi: 0 điểm; các mức còn lại chưa có trong nguồn.`,
  ),
  criterion('3', 'Vốn hoạt động', 3),
  criterion('4', 'Quy mô thành viên ảnh hưởng tích cực đến cộng đồng', 4),
  criterion('5', 'Hợp tác xã được khen thưởng trong năm', 5),
  // Art. 5(1): HĐQT collects the member forms (Phụ lục 2) at the Q1 general meeting; average = sum / valid forms.
  criterion(
    '6',
    'Mức độ hài lòng của thành viên',
    6,
    { kind: 'survey_average' },
    `Điểm bình quân phiếu khảo sát thành viên hợp lệ (Điều 5 khoản 1, Phụ lục 2). ${APPENDIX}`,
  ),
];

/** The shipped TT 09/2017/TT-BNNPTNT rubric for agricultural cooperatives (repeal status not checked). */
export const TT09_2017: RubricDefinition = {
  code: 'TT09-2017',
  name: 'Phân loại và đánh giá hợp tác xã nông nghiệp theo Thông tư 09/2017/TT-BNNPTNT',
  legal: {
    documentNumber: '09/2017/TT-BNNPTNT',
    issuer: 'Bộ Nông nghiệp và Phát triển nông thôn',
    signedOn: '2017-04-17',
    effectiveFrom: '2017-05-31',
    expiresOn: null,
    repealedBy: null,
    sourceNote:
      'Có trong Bộ pháp điển; tình trạng hiệu lực chưa kiểm tra. Chi tiết điểm theo Phụ lục 1 phần lớn chưa có trong nguồn.',
  },
  appliesTo: { kinds: ['HTX'], fields: ['agriculture'] },
  maxTotal: 100,
  // TT 09/2017/TT-BNNPTNT Art. 6: Tốt 80–100, Khá 65–<80, Trung bình 50–<65, Yếu <50 or sanctioned.
  bands: [
    { band: 'tot', min: 80 },
    { band: 'kha', min: 65 },
    { band: 'trung_binh', min: 50 },
    { band: 'yeu', min: 0 },
  ],
  overrides: [
    {
      kind: 'sanctioned',
      band: 'yeu',
      legalRef: 'TT 09/2017/TT-BNNPTNT Điều 6: bị xử phạt vi phạm hành chính trong năm → Yếu',
    },
  ],
  exclusions: [
    {
      kind: 'founded_lt_months',
      months: 12,
      legalRef: 'TT 09/2017/TT-BNNPTNT Điều 6: thành lập và hoạt động dưới 12 tháng',
    },
  ],
  // Art. 5: HTX to the district before 1/4, district reports before 10/4, province to the ministry before 15/4 (year after).
  deadlines: {
    self: '04-01',
    commune: '04-10',
    province: '04-15',
    yearOffset: 1,
    note: 'Điều 5 TT 09/2017/TT-BNNPTNT ("trước ngày")',
  },
  items: ITEMS,
};
