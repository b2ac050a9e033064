import { type SeedPlan, tg } from './seed-plans-types.js';

const NB_OBJ = 'Mục tiêu cụ thể năm 2022';

/** Kế hoạch 61/KH-UBND ngày 31/03/2022 of Ninh Bình (seeds/000): targets NB-01 … NB-16 for 2022. */
export const NINH_BINH_2022: SeedPlan = {
  code: 'seed:NB-61-KH-UBND-2022',
  number: '61/KH-UBND',
  kind: 'ke_hoach',
  title: 'Kế hoạch phát triển kinh tế tập thể, hợp tác xã tỉnh Ninh Bình năm 2022',
  issuer: 'Ủy ban nhân dân tỉnh Ninh Bình',
  signer: 'Trần Song Tùng',
  issuedOn: '2022-03-31',
  unit: { era: 'pre2025', level: 1, code: '37' },
  startYear: 2022,
  endYear: 2022,
  legalBases: [
    'Quyết định số 1804/QĐ-TTg ngày 13/11/2020 của Thủ tướng Chính phủ phê duyệt Chương trình hỗ trợ phát triển hợp tác xã giai đoạn 2021-2025',
    'Nghị quyết số 118/NQ-HĐND ngày 10/12/2021 của HĐND tỉnh Ninh Bình phê duyệt Đề án số 16/ĐA-UBND về phát triển kinh tế tập thể, hợp tác xã giai đoạn 2021-2025',
    'Nghị quyết số 115/NQ-HĐND ngày 10/12/2021 của HĐND tỉnh Ninh Bình phê duyệt chủ trương thành lập Quỹ hỗ trợ phát triển hợp tác xã tỉnh Ninh Bình',
  ],
  summary: 'Kế hoạch năm 2022 của tỉnh Ninh Bình cũ (từ 1/7/2025 thuộc tỉnh Ninh Bình mới cùng Hà Nam, Nam Định).',
  targets: [
    tg('NB-01', 'htx_founded', 'plain', 20, 'HTX', 2022, 'Thành lập mới 20 HTX, 20 THT và 01 Liên hiệp HTX', { objective: NB_OBJ }),
    tg('NB-02', 'tht_founded', 'plain', 20, 'THT', 2022, 'Thành lập mới 20 HTX, 20 THT và 01 Liên hiệp HTX', { objective: NB_OBJ }),
    tg('NB-03', 'lhhtx_founded', 'plain', 1, 'LHHTX', 2022, 'Thành lập mới 20 HTX, 20 THT và 01 Liên hiệp HTX', { objective: NB_OBJ }),
    tg('NB-04', 'htx_members', 'about', 270100, 'thành viên', 2022, 'Tổng số thành viên HTX khoảng 270.100 thành viên', { objective: NB_OBJ }),
    tg('NB-05', 'tht_members', 'about', 3050, 'thành viên', 2022, 'số thành viên THT khoảng 3.050 thành viên', { objective: NB_OBJ }),
    tg('NB-06', 'htx_avg_revenue', 'about', 2600, 'triệu đồng/năm', 2022, 'Doanh thu bình quân của HTX đạt khoảng 2.600 triệu đồng/năm', { objective: NB_OBJ }),
    tg('NB-07', 'htx_avg_income', 'about', 46, 'triệu đồng/năm', 2022, 'thu nhập bình quân của người lao động thường xuyên trong HTX đạt khoảng 46 triệu đồng/năm', { objective: NB_OBJ }),
    tg('NB-08', 'htx_manager_intermediate_share', 'plain', 75, '%', 2022, 'Tỷ lệ cán bộ hợp tác xã đạt trình độ sơ, trung cấp: 75%', { objective: NB_OBJ }),
    tg('NB-09', 'htx_manager_university_share', 'at_least', 25, '%', 2022, 'tỷ lệ đạt trình độ cao đẳng, đại học đạt từ 25% trở lên', { objective: NB_OBJ }),
    tg('NB-10', 'htx_good_fair_share', 'more_than', 90, '%', 2022, 'Phấn đấu đến hết năm 2022 có hơn 90% các HTX trên địa bàn tỉnh hoạt động có hiệu quả', {
      objective: NB_OBJ, note: '"Hoạt động có hiệu quả" được đo bằng tỷ lệ HTX xếp loại Tốt, Khá.',
    }),
    tg('NB-11', 'manual_officials_trained', 'at_least', 300, 'lượt', 2022, 'Tổ chức bồi dưỡng, tập huấn cho ít nhất 300 lượt cán bộ công chức, viên chức lãnh đạo các cấp', { objective: NB_OBJ }),
    tg('NB-12', 'manual_managers_trained', 'plain', 500, 'lượt', 2022, '500 lượt cán bộ quản lý, cán bộ chuyên môn nghiệp vụ', { objective: NB_OBJ }),
    tg('NB-13', 'manual_htx_supported', 'at_least', 50, 'HTX', 2022, 'Phấn đấu ít nhất 50 HTX được thụ hưởng các chính sách hỗ trợ cơ sở hạ tầng, các hoạt động khuyến công và xúc tiến thương mại', { objective: NB_OBJ }),
    tg('NB-14', 'htx_trademark_count', 'at_least', 5, 'HTX', 2022, 'xây dựng nhãn hiệu hàng hóa cho ít nhất 05 HTX', { objective: NB_OBJ }),
    tg('NB-15', 'kttt_modern_model_count', 'at_least', 10, 'mô hình', 2022, 'Xây dựng ít nhất 10 mô hình tổ chức kinh tế tập thể ứng dụng công nghệ cao, áp dụng chuyển đổi số, có sản phẩm gắn với chuỗi giá trị', { objective: NB_OBJ }),
    tg('NB-16', 'manual_preferential_loan_growth', 'at_least', 20, '%', 2022, 'Phấn đấu hết năm 2022, có thêm ít nhất 20% tổ chức kinh tế tập thể được tiếp cận với nguồn vốn vay ưu đãi', {
      objective: NB_OBJ, note: 'So với đầu năm 2022; số liệu do cơ quan quản lý nhập kèm nguồn.',
    }),
  ],
  tasks: [
    { agency: 'Các sở, ngành, UBND các huyện, thành phố', task: 'Tổ chức triển khai Kế hoạch; tuyên truyền, bồi dưỡng, hỗ trợ phát triển KTTT theo nhiệm vụ được giao.', dueOn: '2022-12-31' },
  ],
};

const KT_OBJ = 'Mục tiêu cụ thể (đến năm 2025)';

/** Kế hoạch 1185/KH-UBND ngày 13/4/2021 of the former Kon Tum province (seeds/001): KT-01 … KT-03 and its workflow. */
export const KON_TUM_2021: SeedPlan = {
  code: 'seed:KT-1185-KH-UBND-2021',
  number: '1185/KH-UBND',
  kind: 'ke_hoach',
  title: 'Kế hoạch lựa chọn, hoàn thiện, nhân rộng mô hình hợp tác xã kiểu mới hiệu quả trên địa bàn tỉnh Kon Tum giai đoạn 2021-2025',
  issuer: 'Ủy ban nhân dân tỉnh Kon Tum',
  signer: 'Nguyễn Hữu Tháp',
  issuedOn: '2021-04-13',
  unit: { era: 'pre2025', level: 1, code: '62' },
  startYear: 2021,
  endYear: 2025,
  legalBases: [
    'Quyết định số 167/QĐ-TTg ngày 03/02/2021 của Thủ tướng Chính phủ phê duyệt Đề án lựa chọn, hoàn thiện, nhân rộng mô hình hợp tác xã kiểu mới hiệu quả tại các địa phương trên cả nước giai đoạn 2021-2025',
    'Quyết định số 1804/QĐ-TTg ngày 13/11/2020 của Thủ tướng Chính phủ về Chương trình hỗ trợ phát triển kinh tế tập thể, hợp tác xã giai đoạn 2021-2025',
  ],
  summary: 'Tỉnh Kon Tum (mã 62 trước 1/7/2025) nay thuộc tỉnh Quảng Ngãi; chỉ tiêu được tính trên địa bàn tỉnh Kon Tum cũ.',
  targets: [
    tg('KT-01', 'pilot_model_count', 'at_least', 5, 'HTX', 2025, 'Lựa chọn tối thiểu 05 hợp tác xã/liên hiệp hợp tác xã tham gia hoạt động theo 12 mô hình', { objective: KT_OBJ }),
    tg('KT-02', 'pilot_good_share', 'all', 100, '%', 2025, '100% hợp tác xã thí điểm hoạt động hiệu quả cao, được đánh giá xếp loại Tốt, đạt từ 80 điểm trở lên', { objective: KT_OBJ }),
    tg('KT-03', 'manual_replication_plan', 'at_least', 1, 'phương án', 2025, 'Xây dựng Phương án nhân rộng các mô hình hợp tác xã kiểu mới hiệu quả trên địa bàn tỉnh trong 05 năm tiếp theo (giai đoạn 2026-2030)', {
      objective: KT_OBJ, note: 'Nhập 1 khi phương án đã được ban hành (kèm số văn bản làm nguồn).',
    }),
  ],
  tasks: [
    { agency: 'UBND các huyện, thành phố; Sở Kế hoạch và Đầu tư', task: 'Giai đoạn 1: Lựa chọn mô hình hợp tác xã thí điểm (quý III/2021).', dueOn: '2021-09-30' },
    { agency: 'UBND các huyện, thành phố; hợp tác xã thí điểm', task: 'Giai đoạn 2: Hoàn thiện mô hình thí điểm, nhân rộng một số mô hình hợp tác xã kiểu mới đã hoàn thiện (quý II/2025).', dueOn: '2025-06-30' },
    { agency: 'Sở Kế hoạch và Đầu tư; các địa phương', task: 'Giai đoạn 3: Tổng kết, đề xuất phương án nhân rộng các mô hình hợp tác xã kiểu mới hiệu quả (quý III/2025).', dueOn: '2025-09-30' },
    { agency: 'Sở Kế hoạch và Đầu tư', task: 'Báo cáo tình hình thực hiện Đề án của Chính phủ và Kế hoạch của UBND tỉnh định kỳ 6 tháng (trước ngày 30 tháng 6).', recurrence: 'semiannual', deadlineMd: '06-30' },
    { agency: 'Sở Kế hoạch và Đầu tư', task: 'Báo cáo tình hình thực hiện hằng năm (trước 20 tháng 12).', recurrence: 'annual', deadlineMd: '12-20' },
    { agency: 'UBND các huyện, thành phố', task: 'Báo cáo định kỳ (06 tháng, 01 năm) theo đúng quy định; sơ kết, tổng kết mô hình hợp tác xã thí điểm trên từng địa bàn.', recurrence: 'semiannual', deadlineMd: '06-30' },
  ],
};
