import { type SeedPlan, tg } from './seed-plans-types.js';

const Y30 = 'Đến năm 2030';
const Y45 = 'Đến năm 2045';
const SENTENCE = '"Khoảng" được hiểu là áp dụng cho cả câu.';

/** Kế hoạch 115/KH-UBND ngày 15/5/2023 of Lạng Sơn implementing Resolution 20-NQ/TW (seeds/004): LS-01 … LS-13. */
export const LANG_SON_2023: SeedPlan = {
  code: 'seed:LS-115-KH-UBND-2023',
  number: '115/KH-UBND',
  kind: 'ke_hoach',
  title: 'Kế hoạch thực hiện Chương trình hành động số 71-CTr/TU ngày 09/3/2023 của Ban Chấp hành Đảng bộ tỉnh thực hiện Nghị quyết số 20-NQ/TW ngày 16/6/2022 của Ban Chấp hành Trung ương Đảng khóa XIII về tiếp tục đổi mới, phát triển và nâng cao hiệu quả kinh tế tập thể trong giai đoạn mới',
  issuer: 'Ủy ban nhân dân tỉnh Lạng Sơn',
  signer: 'Đoàn Thu Hà',
  issuedOn: '2023-05-15',
  unit: { era: 'pre2025', level: 1, code: '20' },
  startYear: 2023,
  endYear: 2045,
  legalBases: [
    'Nghị quyết số 20-NQ/TW ngày 16/6/2022 của Ban Chấp hành Trung ương Đảng khóa XIII',
    'Chương trình hành động số 71-CTr/TU ngày 09/3/2023 của Ban Chấp hành Đảng bộ tỉnh Lạng Sơn',
  ],
  summary: 'Tỉnh Lạng Sơn giữ nguyên địa giới năm 2025 nhưng không còn cấp huyện: chỉ tiêu phân bổ cho từng huyện, thành phố được tính trên địa bàn huyện cũ.',
  targets: [
    tg('LS-01', 'tht_count', 'about', 850, 'THT', 2030, 'Có khoảng 850 tổ hợp tác với 4.250 thành viên', { objective: Y30, part: 'a' }),
    tg('LS-01', 'tht_members', 'about', 4250, 'thành viên', 2030, 'Có khoảng 850 tổ hợp tác với 4.250 thành viên', { objective: Y30, part: 'b', note: SENTENCE }),
    tg('LS-02', 'htx_count', 'about', 750, 'HTX', 2030, '750 hợp tác xã với 10.500 thành viên', { objective: Y30, part: 'a', note: SENTENCE }),
    tg('LS-02', 'htx_members', 'about', 10500, 'thành viên', 2030, '750 hợp tác xã với 10.500 thành viên', { objective: Y30, part: 'b', note: SENTENCE }),
    tg('LS-03', 'lhhtx_count', 'about', 5, 'LHHTX', 2030, '05 liên hiệp hợp tác xã', { objective: Y30, note: SENTENCE }),
    tg('LS-04', 'tht_nonagri_count', 'about', 170, 'THT', 2030, 'Trong đó có khoảng 170 tổ hợp tác với 850 thành viên', { objective: Y30, part: 'a', parent: 'LS-01/a', relation: 'of_which' }),
    tg('LS-04', 'tht_nonagri_members', 'about', 850, 'thành viên', 2030, 'Trong đó có khoảng 170 tổ hợp tác với 850 thành viên', { objective: Y30, part: 'b', parent: 'LS-01/b', relation: 'of_which' }),
    tg('LS-04', 'htx_nonagri_count', 'about', 210, 'HTX', 2030, '210 hợp tác xã với 3.000 thành viên hoạt động trong lĩnh vực phi nông nghiệp', { objective: Y30, part: 'c', parent: 'LS-02/a', relation: 'of_which' }),
    tg('LS-04', 'htx_nonagri_members', 'about', 3000, 'thành viên', 2030, '210 hợp tác xã với 3.000 thành viên hoạt động trong lĩnh vực phi nông nghiệp', { objective: Y30, part: 'd', parent: 'LS-02/b', relation: 'of_which' }),
    tg('LS-05', 'tht_founded', 'range', 5, 'THT', 2030, 'hằng năm, mỗi huyện, thành phố thành lập mới ít nhất từ 05 đến 07 tổ hợp tác', {
      objective: Y30, part: 'a', valueMax: 7, recurring: true, parent: 'LS-05/b', relation: 'allocated', allocationLevel: 2,
    }),
    tg('LS-05', 'tht_founded', 'range', 55, 'THT', 2030, 'toàn tỉnh thành lập mời từ 55 đến 70 tổ hợp tác', { objective: Y30, part: 'b', valueMax: 70, recurring: true, note: 'Văn bản gõ "mời" (thành lập mới).' }),
    tg('LS-05', 'tht_avg_members', 'about', 5, 'thành viên/THT', 2030, 'trung bình mỗi tổ hợp tác có khoảng 05 thành viên tham gia', { objective: Y30, part: 'c' }),
    tg('LS-06', 'htx_founded', 'range', 4, 'HTX', 2030, 'hằng năm, mỗi huyện, thành phố thành lập mới ít nhất từ 04 đến 05 hợp tác xã', {
      objective: Y30, part: 'a', valueMax: 5, recurring: true, parent: 'LS-06/b', relation: 'allocated', allocationLevel: 2,
    }),
    tg('LS-06', 'htx_founded', 'range', 45, 'HTX', 2030, 'toàn tỉnh thành lập mới từ 45 đến 50 hợp tác xã', { objective: Y30, part: 'b', valueMax: 50, recurring: true }),
    tg('LS-06', 'htx_avg_members', 'about', 14, 'thành viên/HTX', 2030, 'trung bình mỗi hợp tác xã có khoảng 14 thành viên tham gia', { objective: Y30, part: 'c' }),
    tg('LS-07', 'kttt_good_fair_share', 'more_than', 50, '%', 2030, 'Bảo đảm trên 50% tổ chức kinh tế tập thể đạt loại tốt, khá', { objective: Y30, part: 'a' }),
    tg('LS-07', 'kttt_good_fair_chain_share', 'at_least', 50, '%', 2030, 'Trong đó, có ít nhất 50% tham gia liên kết theo chuỗi giá trị', { objective: Y30, part: 'b', parent: 'LS-07/a', relation: 'of_which' }),
    tg('LS-08', 'htx_agri_high_tech_count', 'more_than', 50, 'HTX', 2030, 'Có trên 50 hợp tác xã ứng dụng công nghệ cao vào sản xuất, tiêu thụ sản phẩm nông nghiệp', { objective: Y30 }),
    tg('LS-09', 'htx_agri_enterprise_chain_share', 'about', 40, '%', 2030, 'Có khoảng 40% hợp tác xã nông nghiệp liên kết với doanh nghiệp theo chuỗi giá trị', { objective: Y30, part: 'a' }),
    tg('LS-09', 'htx_chain_trade_promotion_share', 'all', 100, '%', 2030, 'có 100% hợp tác xã thực hiện chuỗi giá trị được tham gia các hoạt động xúc tiến thương mại', { objective: Y30, part: 'b' }),
    tg('LS-10', 'kttt_digital_share', 'plain', 80, '%', 2030, 'Có 80% các tổ chức kinh tế tập thể áp dụng chuyển đổi số vào hoạt động sản xuất kinh doanh, dịch vụ', { objective: Y30 }),
    tg('LS-11', 'manual_population_share', 'about', 20, '%', 2045, 'Phấn đấu thu hút khoảng 20% dân số trên địa bàn tỉnh tham gia các tổ chức kinh tế tập thể', { objective: Y45 }),
    tg('LS-12', 'kttt_good_fair_share', 'at_least', 70, '%', 2045, 'Đảm bảo tối thiểu 70% tổ chức kinh tế tập thể hoạt động hiệu quả', { objective: Y45, part: 'a' }),
    tg('LS-12', 'kttt_good_fair_linkage_share', 'about', 65, '%', 2045, 'trong đó có khoảng 65% tham gia các chuỗi liên kết', { objective: Y45, part: 'b', parent: 'LS-12/a', relation: 'of_which' }),
    tg('LS-13', 'kttt_digital_share', 'all', 100, '%', 2045, '100% các tổ chức kinh tế tập thể áp dụng chuyển đổi số vào hoạt động sản xuất kinh doanh, dịch vụ', { objective: Y45 }),
  ],
  tasks: [
    { agency: 'Các sở, ban, ngành; UBND các huyện, thành phố', task: 'Xác định lộ trình, nhiệm vụ, giải pháp thực hiện các mục tiêu phát triển kinh tế tập thể theo Chương trình hành động số 71-CTr/TU; báo cáo kết quả hằng năm.', recurrence: 'annual', deadlineMd: '12-20' },
  ],
};
