import { type SeedPlan, tg } from './seed-plans-types.js';

const BL_2030 = 'Đến năm 2030';
const BL_2045 = 'Đến năm 2045';

/** The Bảo Lộc city Party Committee's plan implementing Resolution 20-NQ/TW (seeds/002): BL-01 … BL-08. */
export const BAO_LOC: SeedPlan = {
  code: 'seed:BL-NQ20-2022',
  number: null,
  kind: 'ke_hoach',
  title: 'Kế hoạch thực hiện Nghị quyết số 20-NQ/TW ngày 16/6/2022 của Ban Chấp hành Trung ương Đảng (khóa XIII), Chương trình hành động số 41-CTr/TU ngày 27/10/2022 của Ban Thường vụ Tỉnh ủy “về tiếp tục đổi mới, phát triển và nâng cao hiệu quả kinh tế tập thể”',
  issuer: 'Thành ủy Bảo Lộc',
  signer: 'Tôn Thiện Đồng',
  issuedOn: null,
  unit: { era: 'pre2025', level: 2, code: '673' },
  startYear: 2023,
  endYear: 2045,
  legalBases: [
    'Nghị quyết số 20-NQ/TW ngày 16/6/2022 của Ban Chấp hành Trung ương Đảng (khóa XIII)',
    'Chương trình hành động số 41-CTr/TU ngày 27/10/2022 của Ban Thường vụ Tỉnh ủy Lâm Đồng',
  ],
  summary: 'Thành phố Bảo Lộc (huyện cấp mã 673 của tỉnh Lâm Đồng trước 1/7/2025) nay là các phường của tỉnh Lâm Đồng mới. Bản trích không ghi số hiệu, ngày ký.',
  targets: [
    tg('BL-01', 'htx_count', 'about', 60, 'HTX', 2030, 'Có khoảng 60 hợp tác xã với 35.000 thành viên', { objective: BL_2030 }),
    tg('BL-02', 'htx_members', 'about', 35000, 'thành viên', 2030, 'Có khoảng 60 hợp tác xã với 35.000 thành viên', {
      objective: BL_2030, note: '"Khoảng" được hiểu là áp dụng cho cả cụm "60 hợp tác xã với 35.000 thành viên".',
    }),
    tg('BL-03', 'kttt_good_fair_share', 'more_than', 60, '%', 2030, 'Bảo đảm trên 60% tổ chức kinh tế tập thể đạt loại tốt, khá', { objective: BL_2030 }),
    tg('BL-04', 'kttt_good_fair_chain_share', 'at_least', 50, '%', 2030, 'Trong đó, có ít nhất 50% tham gia liên kết theo chuỗi giá trị', {
      objective: BL_2030, parent: 'BL-03', relation: 'of_which', note: 'Mẫu số là các tổ chức đạt loại tốt, khá (BL-03).',
    }),
    tg('BL-05', 'htx_agri_high_tech_count', 'more_than', 4, 'HTX', 2030, 'Có trên 04 hợp tác xã ứng dụng công nghệ cao vào sản xuất, tiêu thụ sản phẩm nông nghiệp', { objective: BL_2030 }),
    tg('BL-06', 'manual_population_share', 'at_least', 20, '%', 2045, 'Thu hút tối thiểu 20% dân số tham gia các tổ chức kinh tế tập thể', { objective: BL_2045 }),
    tg('BL-07', 'kttt_good_fair_share', 'more_than', 90, '%', 2045, 'Bảo đảm trên 90% tổ chức kinh tế tập thể hoạt động hiệu quả', {
      objective: BL_2045, note: '"Hoạt động hiệu quả" được đo bằng tỷ lệ xếp loại Tốt, Khá.',
    }),
    tg('BL-08', 'kttt_good_fair_linkage_share', 'at_least', 75, '%', 2045, 'trong đó có ít nhất 75% tham gia các chuỗi liên kết', {
      objective: BL_2045, parent: 'BL-07', relation: 'of_which',
    }),
  ],
  tasks: [
    { agency: 'Ban Tuyên giáo Thành ủy', task: 'Chủ trì, phối hợp tổ chức học tập, quán triệt, tuyên truyền sâu rộng nội dung Nghị quyết, Chương trình hành động của Tỉnh ủy và Kế hoạch.' },
    { agency: 'Ủy ban nhân dân thành phố', task: 'Theo dõi, hướng dẫn, kiểm tra, đôn đốc việc thực hiện; định kỳ báo cáo Thành ủy, Ban Thường vụ Thành ủy kết quả thực hiện.', recurrence: 'annual', deadlineMd: '12-20' },
  ],
};

const HP_OBJ = 'Mục tiêu cụ thể đến năm 2025';

/** Kế hoạch 215/KH-UBND ngày 21/9/2021 of Hải Phòng (seeds/003): HP-01 … HP-15 for 2025. */
export const HAI_PHONG_2021: SeedPlan = {
  code: 'seed:HP-215-KH-UBND-2021',
  number: '215/KH-UBND',
  kind: 'ke_hoach',
  title: 'Kế hoạch phát triển kinh tế tập thể, hợp tác xã giai đoạn 2021-2025 tại thành phố Hải Phòng',
  issuer: 'Ủy ban nhân dân thành phố Hải Phòng',
  signer: 'Lê Anh Quân',
  issuedOn: '2021-09-21',
  unit: { era: 'pre2025', level: 1, code: '31' },
  startYear: 2021,
  endYear: 2025,
  legalBases: ['Quyết định số 1318/QĐ-TTg ngày 22/7/2021 của Thủ tướng Chính phủ phê duyệt Kế hoạch phát triển kinh tế tập thể, hợp tác xã giai đoạn 2021-2025'],
  summary: 'Thành phố Hải Phòng trước khi hợp nhất với tỉnh Hải Dương (1/7/2025).',
  targets: [
    tg('HP-01', 'manual_tht_supported', 'about', 200, 'THT', 2025, 'Tuyên truyền, vận động, tư vấn, hỗ trợ phát triển gần 200 tổ hợp tác', { objective: HP_OBJ, note: '"Gần" được đọc như "khoảng".' }),
    tg('HP-02', 'htx_count', 'more_than', 400, 'HTX', 2025, 'có trên 400 hợp tác xã hoạt động', { objective: HP_OBJ }),
    tg('HP-03', 'htx_agri_count', 'plain', 310, 'HTX', 2025, 'trong đó có 310 hợp tác xã nông nghiệp', { objective: HP_OBJ, parent: 'HP-02', relation: 'of_which' }),
    tg('HP-04', 'htx_nonagri_count', 'plain', 150, 'HTX', 2025, '150 hợp tác xã thương mại, dịch vụ, vận tải, ngành nghề khác', { objective: HP_OBJ, parent: 'HP-02', relation: 'of_which' }),
    tg('HP-05', 'lhhtx_count', 'plain', 3, 'LHHTX', 2025, 'có 03 liên hiệp hợp tác xã trong các lĩnh vực', { objective: HP_OBJ, part: 'a', partition: true }),
    tg('HP-05', 'lhhtx_nonagri_count', 'plain', 2, 'LHHTX', 2025, '02 liên hiệp hợp tác xã phi nông nghiệp', { objective: HP_OBJ, part: 'b', parent: 'HP-05/a', relation: 'of_which' }),
    tg('HP-05', 'lhhtx_agri_count', 'plain', 1, 'LHHTX', 2025, '01 liên hiệp hợp tác xã nông nghiệp', { objective: HP_OBJ, part: 'c', parent: 'HP-05/a', relation: 'of_which' }),
    tg('HP-06', 'manual_grdp_share', 'plain', 0.67, '%', 2025, 'Khu vực kinh tế tập thể đóng góp 0,67% GRDP thành phố', { objective: HP_OBJ }),
    tg('HP-07', 'htx_dissolved', 'plain', 100, 'HTX', 2025, 'phấn đấu giải thể 100 các hợp tác xã đã ngừng hoạt động, chỉ còn tồn tại trên danh nghĩa', {
      objective: HP_OBJ,
      note: 'Văn bản ghi "100" không kèm đơn vị: có thể là 100% (giải thể toàn bộ HTX chỉ còn trên danh nghĩa). Đang tính theo đúng chữ: số HTX giải thể trong kỳ 2021–2025; xem thêm chỉ số "Số HTX chỉ còn tồn tại trên danh nghĩa".',
    }),
    tg('HP-08', 'htx_manager_trained_share', 'all', 100, '%', 2025, '100% số cán bộ chủ chốt HTX được đào tạo, bồi dưỡng', { objective: HP_OBJ, part: 'a' }),
    tg('HP-08', 'htx_manager_university_share', 'plain', 70, '%', 2025, 'trong đó 70% được đào tạo trình độ cao đẳng và đại học', { objective: HP_OBJ, part: 'b', parent: 'HP-08/a', relation: 'of_which' }),
    tg('HP-09', 'manual_htx_staff_trained_share', 'all', 100, '%', 2025, '100% cán bộ HTX được đào tạo, bồi dưỡng, tập huấn nghiệp vụ, kỹ thuật', { objective: HP_OBJ }),
    tg('HP-10', 'htx_good_fair_share', 'about', 70, '%', 2025, 'Có khoảng 70% số HTX đạt khá, giỏi', { objective: HP_OBJ, part: 'a' }),
    tg('HP-10', 'htx_weak_count', 'none', 0, 'HTX', 2025, 'không có HTX yếu kém', { objective: HP_OBJ, part: 'b' }),
    tg('HP-11', 'htx_information_share', 'all', 100, '%', 2025, '100% HTX được tiếp cận thông tin thị trường, khoa học và công nghệ', { objective: HP_OBJ }),
    tg('HP-12', 'htx_land_share', 'more_than', 50, '%', 2025, 'Có trên 50% HTX được giao, cho thuê đất đế làm trụ sở và nơi sản xuất kinh doanh, dịch vụ', { objective: HP_OBJ }),
    tg('HP-13', 'htx_tech_share', 'more_than', 50, '%', 2025, 'trên 50% HTX ứng dụng chuyển giao công nghệ, áp dụng công nghệ cao vào sản xuất, dịch vụ', { objective: HP_OBJ }),
    tg('HP-14', 'htx_social_insurance_share', 'more_than', 80, '%', 2025, 'Có trên 80% HTX tham gia đóng BHXH, BHYT cho người lao động', { objective: HP_OBJ }),
    tg('HP-15', 'htx_value_chain_share', 'range', 60, '%', 2025, 'Phấn đấu có từ 60% - 70% HTX liên kết xây dựng chuỗi giá trị sản phẩm', { objective: HP_OBJ, part: 'a', valueMax: 70 }),
    tg('HP-15', 'htx_agri_linkage_share', 'about', 90, '%', 2025, 'có khoảng 90% HTX nông nghiệp liên kết với doanh nghiệp, các tổ chức cá nhân khác theo chuỗi giá trị', {
      objective: HP_OBJ, part: 'b', parent: 'HP-15/a', relation: 'of_which', note: 'Mẫu số là các HTX nông nghiệp.',
    }),
  ],
  tasks: [
    { agency: 'Các Sở, ngành, địa phương, đơn vị', task: 'Tập trung thực hiện các giải pháp chủ yếu phát triển kinh tế tập thể giai đoạn 2021-2025.', dueOn: '2025-12-31' },
  ],
};
