import { type SeedPlan, tg } from './seed-plans-types.js';

const N30 = 'Mục tiêu đến năm 2030';
const N45 = 'Tầm nhìn đến năm 2045';
const SRC = 'Mục tiêu theo Nghị quyết 20-NQ/TW (tóm tắt).';

/** Resolution 20-NQ/TW (16/6/2022): national targets to 2030 and 2045 (regulations.md §5). */
export const RESOLUTION_20: SeedPlan = {
  code: 'seed:NQ-20-NQ-TW-2022',
  number: '20-NQ/TW',
  kind: 'nghi_quyet',
  title: 'Nghị quyết Hội nghị lần thứ năm Ban Chấp hành Trung ương Đảng khóa XIII về tiếp tục đổi mới, phát triển và nâng cao hiệu quả kinh tế tập thể trong giai đoạn mới',
  issuer: 'Ban Chấp hành Trung ương Đảng (khóa XIII)',
  signer: null,
  issuedOn: '2022-06-16',
  unit: null,
  startYear: 2022,
  endYear: 2045,
  legalBases: [],
  summary: 'Được Chính phủ cụ thể hóa bằng Nghị quyết 09/NQ-CP (chương trình hành động).',
  targets: [
    tg('NQ20-01', 'tht_count', 'about', 140000, 'THT', 2030, 'Đến năm 2030 có khoảng 140.000 tổ hợp tác với 2 triệu thành viên', { objective: N30, part: 'a', note: SRC }),
    tg('NQ20-01', 'tht_members', 'about', 2000000, 'thành viên', 2030, 'Đến năm 2030 có khoảng 140.000 tổ hợp tác với 2 triệu thành viên', { objective: N30, part: 'b', note: SRC }),
    tg('NQ20-02', 'htx_count', 'about', 45000, 'HTX', 2030, '45.000 hợp tác xã với 8 triệu thành viên', { objective: N30, part: 'a', note: SRC }),
    tg('NQ20-02', 'htx_members', 'about', 8000000, 'thành viên', 2030, '45.000 hợp tác xã với 8 triệu thành viên', { objective: N30, part: 'b', note: SRC }),
    tg('NQ20-03', 'lhhtx_count', 'about', 340, 'LHHTX', 2030, '340 liên hiệp hợp tác xã với 1.700 hợp tác xã thành viên', { objective: N30, part: 'a', note: SRC }),
    tg('NQ20-03', 'lhhtx_member_coops', 'about', 1700, 'HTX', 2030, '340 liên hiệp hợp tác xã với 1.700 hợp tác xã thành viên', { objective: N30, part: 'b', note: SRC }),
    tg('NQ20-04', 'htx_value_chain_share', 'at_least', 50, '%', 2030, 'Ít nhất 50% hợp tác xã tham gia liên kết theo chuỗi giá trị', { objective: N30, note: SRC }),
    tg('NQ20-05', 'htx_high_tech_count', 'more_than', 5000, 'HTX', 2030, 'Trên 5.000 hợp tác xã ứng dụng công nghệ cao', { objective: N30, note: SRC }),
    tg('NQ20-06', 'manual_population_share', 'at_least', 20, '%', 2045, 'Thu hút tối thiểu 20% dân số tham gia kinh tế tập thể', { objective: N45, note: SRC }),
    tg('NQ20-07', 'htx_good_fair_share', 'more_than', 90, '%', 2045, 'Trên 90% hợp tác xã hoạt động hiệu quả', { objective: N45, note: `${SRC} "Hoạt động hiệu quả" đo bằng tỷ lệ xếp loại Tốt, Khá.` }),
    tg('NQ20-08', 'manual_ica_global300', 'at_least', 3, 'LHHTX', 2045, 'Ít nhất 3 liên hiệp hợp tác xã thuộc nhóm 300 hợp tác xã lớn nhất thế giới', { objective: N45, note: SRC }),
  ],
  tasks: [],
};

const D25 = 'Mục tiêu đến năm 2025';
const SRC2 = 'Mục tiêu theo Quyết định 1318/QĐ-TTg (tóm tắt).';

/** Decision 1318/QĐ-TTg (22/7/2021): the national plan for 2021–2025 (regulations.md §4.2). */
export const DECISION_1318: SeedPlan = {
  code: 'seed:QD-1318-QD-TTg-2021',
  number: '1318/QĐ-TTg',
  kind: 'quyet_dinh',
  title: 'Quyết định phê duyệt Kế hoạch phát triển kinh tế tập thể, hợp tác xã giai đoạn 2021-2025',
  issuer: 'Thủ tướng Chính phủ',
  signer: null,
  issuedOn: '2021-07-22',
  unit: null,
  startYear: 2021,
  endYear: 2025,
  legalBases: [],
  summary: 'Các bộ, ngành và địa phương xây dựng kế hoạch phát triển KTTT hằng năm (Công văn 5035/BKHĐT-HTX ngày 02/08/2021).',
  targets: [
    tg('QD1318-01', 'tht_count', 'about', 134000, 'THT', 2025, 'Khoảng 134.000 tổ hợp tác với 1,8 triệu thành viên', { objective: D25, part: 'a', note: SRC2 }),
    tg('QD1318-01', 'tht_members', 'about', 1800000, 'thành viên', 2025, 'Khoảng 134.000 tổ hợp tác với 1,8 triệu thành viên', { objective: D25, part: 'b', note: SRC2 }),
    tg('QD1318-02', 'htx_count', 'plain', 35000, 'HTX', 2025, '35.000 hợp tác xã với 7,1 triệu thành viên', { objective: D25, part: 'a', note: SRC2 }),
    tg('QD1318-02', 'htx_members', 'plain', 7100000, 'thành viên', 2025, '35.000 hợp tác xã với 7,1 triệu thành viên', { objective: D25, part: 'b', note: SRC2 }),
    tg('QD1318-03', 'lhhtx_count', 'plain', 210, 'LHHTX', 2025, '210 liên hiệp hợp tác xã với 1.100 hợp tác xã thành viên', { objective: D25, part: 'a', note: SRC2 }),
    tg('QD1318-03', 'lhhtx_member_coops', 'plain', 1100, 'HTX', 2025, '210 liên hiệp hợp tác xã với 1.100 hợp tác xã thành viên', { objective: D25, part: 'b', note: SRC2 }),
    tg('QD1318-04', 'htx_good_fair_share', 'more_than', 60, '%', 2025, 'Trên 60% hợp tác xã đạt loại tốt, khá', { objective: D25, note: SRC2 }),
    tg('QD1318-05', 'htx_manager_university_share', 'at_least', 24, '%', 2025, 'Ít nhất 24% cán bộ quản lý hợp tác xã có trình độ cao đẳng, đại học', { objective: D25, note: SRC2 }),
    tg('QD1318-06', 'htx_agri_high_tech_count', 'more_than', 3000, 'HTX', 2025, 'Trên 3.000 hợp tác xã ứng dụng công nghệ cao trong nông nghiệp', { objective: D25, note: SRC2 }),
    tg('QD1318-07', 'htx_agri_enterprise_chain_share', 'about', 35, '%', 2025, 'Khoảng 35% hợp tác xã nông nghiệp liên kết với doanh nghiệp theo chuỗi giá trị', { objective: D25, note: SRC2 }),
  ],
  tasks: [],
};
