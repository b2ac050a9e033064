/**
 * Thông tư 01/2020/TT-BKHĐT as data, exactly per ../shared/domain/regulations.md §1.1–1.5: 3 groups (30/30/40),
 * 15 criteria, the sub-criteria maxima of Phụ lục 2 as found, bands of Art. 8, exclusions, deadlines of Art. 9.
 * Not in our sources and therefore NOT invented: the maxima of criteria 10–15 (flagged needsAppendix, bounded by
 * group III = 40), and every point-award level rule (so no scoring rules are shipped for this rubric).
 */
import type { RubricDefinition, RubricItem } from '../types.js';

const LEVELS_NOTE = 'Mức điểm chi tiết theo Phụ lục 2 TT 01/2020/TT-BKHĐT (chưa có trong nguồn dữ liệu).';

function item(
  code: string,
  parentCode: string | null,
  level: RubricItem['level'],
  label: string,
  maxPoints: number | null,
  order: number,
  note: string | null = null,
): RubricItem {
  return {
    code,
    parentCode,
    level,
    label,
    maxPoints,
    order,
    note,
    needsAppendix: maxPoints === null,
    scoring: null,
  };
}

// Phụ lục 2 "Bảng đánh giá hợp tác xã năm …": maxima from [S6], wording from [S7] and the Art. 7 list [S1].
const ITEMS: RubricItem[] = [
  item('I', null, 'group', 'Nhóm tiêu chí về tài chính', 30, 1),
  item('1', 'I', 'criterion', 'Vốn của hợp tác xã', 7, 1),
  item('1a', '1', 'sub', 'Tổng nguồn vốn bình quân của HTX', 6, 1, LEVELS_NOTE),
  item('1b', '1', 'sub', 'Tổng nguồn vốn của HTX tăng so với năm trước', 1, 2, LEVELS_NOTE),
  item('2', 'I', 'criterion', 'Tài sản của hợp tác xã', 6, 2),
  item('2a', '2', 'sub', 'Tổng tài sản không chia bình quân', 5, 1, LEVELS_NOTE),
  item('2b', '2', 'sub', 'Tổng tài sản không chia tăng so với năm trước', 1, 2, LEVELS_NOTE),
  item('3', 'I', 'criterion', 'Kết quả sản xuất kinh doanh trong năm của hợp tác xã', 11, 3),
  item('3a', '3', 'sub', 'Tổng doanh thu bán hàng và cung cấp dịch vụ', 4, 1, LEVELS_NOTE),
  item('3b', '3', 'sub', 'Tỷ lệ đáp ứng (loại) sản phẩm, dịch vụ cho thành viên', 3, 2, LEVELS_NOTE),
  item('3c', '3', 'sub', 'Lợi nhuận (thu nhập) trước thuế', 4, 3, LEVELS_NOTE),
  item('4', 'I', 'criterion', 'Trích lập các Quỹ của hợp tác xã', 6, 4),
  item('4a', '4', 'sub', 'Tỷ lệ trích lập Quỹ đầu tư phát triển', 2, 1, LEVELS_NOTE),
  item('4b', '4', 'sub', 'Tỷ lệ trích lập Quỹ dự phòng (tài chính)', 2, 2, LEVELS_NOTE),
  item('4c', '4', 'sub', 'Tỷ lệ trích lập các Quỹ khác', 2, 3, LEVELS_NOTE),
  item('II', null, 'group', 'Nhóm tiêu chí về quản trị, điều hành, năng lực của HTX', 30, 2),
  item(
    '5',
    'II',
    'criterion',
    'Chấp hành pháp luật trong tổ chức, hoạt động của hợp tác xã',
    8,
    1,
    LEVELS_NOTE,
  ),
  item('6', 'II', 'criterion', 'Giải quyết các tranh chấp, khiếu nại', 6, 2, LEVELS_NOTE),
  item('7', 'II', 'criterion', 'Trình độ cán bộ quản lý, điều hành', 6, 3),
  item('7a', '7', 'sub', 'Tỷ lệ cán bộ quản lý HTX qua đào tạo đại học, cao đẳng trở lên', 2, 1, LEVELS_NOTE),
  item('7b', '7', 'sub', 'Tỷ lệ cán bộ quản lý HTX qua đào tạo sơ cấp, trung cấp', 2, 2, LEVELS_NOTE),
  item(
    '7c',
    '7',
    'sub',
    'Tỷ lệ cán bộ trẻ',
    2,
    3,
    `${LEVELS_NOTE} Độ tuổi "cán bộ trẻ" chưa có trong nguồn.`,
  ),
  item('8', 'II', 'criterion', 'Chế độ, chính sách cho thành viên và người lao động', 6, 4, LEVELS_NOTE),
  item(
    '9',
    'II',
    'criterion',
    'Mức độ áp dụng tiến bộ khoa học kỹ thuật, xây dựng thương hiệu, chuỗi giá trị',
    4,
    5,
    LEVELS_NOTE,
  ),
  // Group III: 40 points derived (100 − 30 − 30); its title is cut off in the source after "Nhóm tiêu chí về th…".
  item(
    'III',
    null,
    'group',
    'Nhóm tiêu chí về thành viên và cộng đồng',
    40,
    3,
    'Điểm tối đa 40 suy ra từ 100 − 30 − 30; tên nhóm trong nguồn bị cắt sau "Nhóm tiêu chí về th…", cần đối chiếu Phụ lục 2.',
  ),
  item('10', 'III', 'criterion', 'Mức độ tham gia của thành viên đối với hợp tác xã', null, 1),
  item('11', 'III', 'criterion', 'Lợi ích thành viên', null, 2),
  item('12', 'III', 'criterion', 'Sản phẩm, dịch vụ hợp tác xã cung ứng cho thành viên', null, 3),
  item('13', 'III', 'criterion', 'Công tác thông tin, truyền thông, đào tạo bồi dưỡng', null, 4),
  item('14', 'III', 'criterion', 'Mức độ ảnh hưởng tích cực đến cộng đồng', null, 5),
  item('15', 'III', 'criterion', 'Hợp tác xã được khen thưởng trong năm', null, 6),
];

/** The shipped TT 01/2020/TT-BKHĐT rubric (historical: repealed from 18/9/2025 by TT 78/2025/TT-BTC). */
export const TT01_2020: RubricDefinition = {
  code: 'TT01-2020',
  name: 'Đánh giá hợp tác xã theo Thông tư 01/2020/TT-BKHĐT',
  legal: {
    documentNumber: '01/2020/TT-BKHĐT',
    issuer: 'Bộ Kế hoạch và Đầu tư',
    signedOn: '2020-02-19',
    effectiveFrom: '2020-04-01',
    expiresOn: '2025-09-18',
    repealedBy:
      'Thông tư 78/2025/TT-BTC (Bộ Tài chính), hiệu lực 18/9/2025, bãi bỏ toàn bộ; mới thấy một nguồn, cần kiểm chứng.',
    sourceNote:
      'Điểm tối đa theo Phụ lục 2; mức điểm chi tiết và điểm tối đa tiêu chí 10–15 chưa có trong nguồn dữ liệu.',
  },
  appliesTo: { kinds: ['HTX', 'LHHTX'], fields: null },
  maxTotal: 100,
  // TT 01/2020/TT-BKHĐT Art. 8: Tốt 80–100, Khá 65–<80, Trung bình 50–<65, Yếu <50.
  bands: [
    { band: 'tot', min: 80 },
    { band: 'kha', min: 65 },
    { band: 'trung_binh', min: 50 },
    { band: 'yeu', min: 0 },
  ],
  overrides: [],
  exclusions: [
    { kind: 'credit_fund', legalRef: 'TT 01/2020/TT-BKHĐT Điều 1: QTDND đánh giá theo quy định của NHNN' },
    {
      kind: 'founded_lt_months',
      months: 12,
      legalRef: 'TT 01/2020/TT-BKHĐT Điều 8: mới thành lập, hoạt động dưới 12 tháng',
    },
    {
      kind: 'stopped_gt_months',
      months: 3,
      legalRef: 'TT 01/2020/TT-BKHĐT Điều 8: ngừng hoạt động quá 3 tháng trong năm',
    },
  ],
  // TT 01/2020/TT-BKHĐT Art. 9: HTX ≤ 15/12, district ≤ 18/12, province ≤ 21/12.
  deadlines: {
    self: '12-15',
    commune: '12-18',
    province: '12-21',
    yearOffset: 0,
    note: 'Điều 9 TT 01/2020/TT-BKHĐT',
  },
  items: ITEMS,
};
