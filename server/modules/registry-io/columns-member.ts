import type { Coded } from '../../../core/registry/enums.js';
import { MEMBER_TYPES } from '../../../core/registry/enums.js';
import { type ColumnSpec, column } from './columns.js';

/** Genders as the member register stores them. */
export const GENDERS: readonly Coded[] = [
  { value: 'male', vi: 'Nam', en: 'Male' },
  { value: 'female', vi: 'Nữ', en: 'Female' },
  { value: 'other', vi: 'Khác', en: 'Other' },
];

/**
 * The member-register sheet: one row per member of an organisation already in the registry. A member is
 * recognised by the ID number when given, else by full name and birth date within the organisation.
 */
export const MEMBER_COLUMNS: readonly ColumnSpec[] = [
  column({
    key: 'regCode',
    header: 'Mã số HTX/THT',
    type: 'text',
    width: 16,
    aliases: ['Mã số', 'Mã số thuế', 'MST', 'Mã số HTX', 'Mã HTX', 'Mã số hợp tác xã'],
    note: 'Bắt buộc. Mã số của tổ chức đã có trong hệ thống.',
  }),
  column({
    key: 'memberType',
    header: 'Loại thành viên',
    type: 'coded',
    coded: MEMBER_TYPES,
    width: 26,
    aliases: ['Loại TV', 'Thành viên'],
    extra: {
      official: ['Chính thức'],
      associate_capital: ['Liên kết góp vốn'],
      associate_noncapital: ['Liên kết không góp vốn', 'Liên kết'],
    },
    note: 'Bắt buộc. Chính thức, liên kết góp vốn hoặc liên kết không góp vốn (Luật HTX 2023, Điều 4).',
  }),
  column({
    key: 'fullName',
    header: 'Họ và tên',
    type: 'text',
    width: 26,
    aliases: ['Họ tên', 'Tên thành viên', 'Họ và tên thành viên'],
    note: 'Bắt buộc. Họ tên người, hộ (chủ hộ) hoặc tên pháp nhân.',
  }),
  column({
    key: 'birthDate',
    header: 'Ngày sinh',
    type: 'date',
    width: 12,
    aliases: [],
    note: 'Dạng ngày/tháng/năm.',
  }),
  column({
    key: 'gender',
    header: 'Giới tính',
    type: 'coded',
    coded: GENDERS,
    width: 10,
    aliases: [],
    extra: { male: ['Nam giới'], female: ['Nu', 'Nữ giới'] },
    note: 'Nam, Nữ hoặc Khác.',
  }),
  column({
    key: 'ethnicity',
    header: 'Dân tộc',
    type: 'text',
    width: 12,
    aliases: [],
    note: 'Ví dụ Kinh, Tày, Nùng.',
  }),
  column({
    key: 'nationality',
    header: 'Quốc tịch',
    type: 'text',
    width: 12,
    aliases: [],
    note: 'Để trống nếu là Việt Nam.',
  }),
  column({
    key: 'idNumber',
    header: 'Số định danh cá nhân/CCCD',
    type: 'text',
    width: 16,
    aliases: [
      'Số CCCD',
      'CCCD',
      'Số CMND',
      'CMND/CCCD',
      'Số định danh',
      'Số căn cước',
      'Số căn cước công dân',
    ],
    note: 'Dữ liệu cá nhân (Luật 91/2025/QH15): chỉ ghi khi cần, được che khi hiển thị.',
  }),
  column({
    key: 'orgCode',
    header: 'Mã số tổ chức thành viên',
    type: 'text',
    width: 16,
    aliases: ['Mã số doanh nghiệp thành viên', 'Mã số pháp nhân'],
    note: 'Với thành viên là pháp nhân.',
  }),
  column({
    key: 'address',
    header: 'Địa chỉ',
    type: 'text',
    width: 30,
    aliases: ['Nơi ở', 'Địa chỉ thường trú', 'Nơi cư trú'],
    note: 'Dữ liệu cá nhân: được che khi hiển thị.',
  }),
  column({
    key: 'capitalPledged',
    header: 'Vốn góp cam kết (đồng)',
    type: 'money',
    width: 16,
    aliases: ['Vốn cam kết', 'Vốn góp đăng ký'],
    note: 'Số đồng, nguyên, không âm.',
  }),
  column({
    key: 'capitalPaid',
    header: 'Vốn đã góp (đồng)',
    type: 'money',
    width: 16,
    aliases: ['Vốn góp thực tế', 'Vốn thực góp'],
    note: 'Số đồng, nguyên, không âm.',
  }),
  column({
    key: 'joinedOn',
    header: 'Ngày gia nhập',
    type: 'date',
    width: 12,
    aliases: ['Ngày vào', 'Ngày kết nạp'],
    note: 'Dạng ngày/tháng/năm.',
  }),
  column({
    key: 'leftOn',
    header: 'Ngày ra khỏi',
    type: 'date',
    width: 12,
    aliases: ['Ngày ra', 'Ngày rút'],
    note: 'Để trống nếu còn là thành viên.',
  }),
];
