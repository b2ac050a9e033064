/** Vietnamese labels of the assessment's coded values (bands, reasons, statuses, classifications). */
import type { AssessmentStatus, Band, NotClassifiedReason } from './types.js';

/** The visible text of an item whose official appendix is not in our sources. */
export const NEEDS_APPENDIX_TEXT = 'cần bổ sung theo Phụ lục';

/** Band names as written in TT 01/2020/TT-BKHĐT Art. 8 ("HTX Tốt", "HTX Khá" …). */
export const BAND_LABELS: Readonly<Record<Band, string>> = {
  tot: 'Tốt',
  kha: 'Khá',
  trung_binh: 'Trung bình',
  yeu: 'Yếu',
};

/** Reasons for no band. */
export const NOT_CLASSIFIED_LABELS: Readonly<Record<NotClassifiedReason, string>> = {
  new_lt_12_months: 'Mới thành lập, hoạt động dưới 12 tháng',
  stopped_gt_3_months: 'Ngừng hoạt động quá 3 tháng trong năm',
  credit_fund: 'Quỹ tín dụng nhân dân (đánh giá theo quy định của Ngân hàng Nhà nước)',
  no_rubric: 'Không có bộ tiêu chí áp dụng cho loại hình, lĩnh vực này',
  not_submitted: 'Không nộp bảng tự chấm điểm',
};

/** Workflow statuses. */
export const STATUS_LABELS: Readonly<Record<AssessmentStatus, string>> = {
  draft: 'Đang tự chấm',
  self_submitted: 'Đã nộp, chờ xã xem xét',
  returned: 'Bị trả lại để chấm lại',
  commune_reviewed: 'Xã đã xem xét, chờ tỉnh xác nhận',
  confirmed: 'Tỉnh đã xác nhận',
  published: 'Đã công bố cho HTX',
};

/** Products/services supplied to members (TT 01/2020 Art. 3). */
export const SERVICE_TYPES = ['production', 'consumption', 'job_creation', 'mixed'] as const;
export type ServiceType = (typeof SERVICE_TYPES)[number];
export const SERVICE_TYPE_LABELS: Readonly<Record<ServiceType, string>> = {
  production: 'Sản xuất',
  consumption: 'Tiêu dùng',
  job_creation: 'Tạo việc làm',
  mixed: 'Hỗn hợp',
};

/** Scale classes (TT 01/2020 Art. 4–5; NĐ 113/2024 Art. 5), plus "not determined" where thresholds are unknown. */
export const SCALE_CLASSES = ['micro', 'small', 'medium', 'large', 'undetermined'] as const;
export type ScaleClass = (typeof SCALE_CLASSES)[number];
export const SCALE_LABELS: Readonly<Record<ScaleClass, string>> = {
  micro: 'Siêu nhỏ',
  small: 'Nhỏ',
  medium: 'Vừa',
  large: 'Lớn',
  undetermined: 'chưa xác định',
};
