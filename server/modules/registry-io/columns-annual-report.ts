import { REPORT_STATUSES } from '../../../core/registry/enums.js';
import { REPORT_FIELDS } from '../../../core/registry/report-fields.js';
import { type ColumnSpec, type ColumnType, column, YES_NO } from './columns.js';

// Extra headers seen in provincial yearly spreadsheets, by field key.
const ALIASES: Record<string, string[]> = {
  workerTotal: ['Số lao động', 'Tổng lao động'],
  revenueTotal: ['Doanh thu', 'Tổng doanh thu'],
  profitBeforeTax: ['Lợi nhuận', 'Lợi nhuận trước thuế'],
  charterCapital: ['Vốn điều lệ'],
  totalAssets: ['Tài sản'],
  avgIncomeRegularWorker: ['Thu nhập bình quân', 'Thu nhập bình quân lao động'],
  memberWomen: ['Số thành viên nữ'],
};

const TYPE: Record<string, ColumnType> = {
  int: 'int',
  money: 'money',
  percent: 'percent',
  bool: 'bool',
  date: 'date',
};
const NOTE: Record<ColumnType, string> = {
  int: 'Số nguyên không âm.',
  money: 'Số đồng, nguyên, không âm; ghi 1.234.567 hoặc 1234567.',
  signed_money: 'Số đồng, nguyên; số âm là lỗ (ghi -1.234.567).',
  percent: 'Phần trăm, từ 0 đến 100, tối đa 2 chữ số thập phân; ví dụ 12,5 hoặc 12,5%.',
  bool: 'Có/Không (chấp nhận x, 1, 0).',
  date: 'Dạng ngày/tháng/năm, ví dụ 25/03/2025.',
  text: '',
  coded: '',
};

/**
 * The yearly-figures sheet: the organisation's code, the year, then one column per field of
 * REPORT_FIELDS (core/registry/report-fields.ts) with its Vietnamese label as header.
 */
export const ANNUAL_REPORT_COLUMNS: readonly ColumnSpec[] = [
  column({
    key: 'regCode',
    header: 'Mã số HTX/THT',
    type: 'text',
    width: 16,
    aliases: ['Mã số', 'Mã số thuế', 'MST', 'Mã số HTX', 'Mã HTX', 'Mã số hợp tác xã'],
    note: 'Bắt buộc. Mã số của tổ chức đã có trong hệ thống.',
  }),
  column({
    key: 'name',
    header: 'Tên tổ chức',
    type: 'text',
    width: 36,
    info: true,
    aliases: ['Tên HTX', 'Tên hợp tác xã'],
    note: 'Chỉ để đối chiếu; không được nhập.',
  }),
  column({
    key: 'year',
    header: 'Năm báo cáo',
    type: 'int',
    width: 10,
    aliases: ['Năm'],
    note: 'Bắt buộc. Năm của số liệu, ví dụ 2024.',
  }),
  column({
    key: 'status',
    header: 'Trạng thái báo cáo',
    type: 'coded',
    coded: REPORT_STATUSES,
    width: 16,
    info: true,
    aliases: [],
    note: 'Chỉ để đối chiếu khi xuất; không được nhập.',
  }),
  ...REPORT_FIELDS.map((f) => {
    const type: ColumnType = f.key === 'profitBeforeTax' ? 'signed_money' : TYPE[f.type];
    return column({
      key: f.key,
      header: f.vi,
      type,
      width: Math.min(Math.max(12, Math.round(f.vi.length * 0.6)), 28),
      aliases: ALIASES[f.key] ?? [],
      coded: type === 'bool' ? YES_NO : undefined,
      note: NOTE[type],
    });
  }),
];
