import type { Ctx } from '../../context.js';
import { requireUser } from '../auth/scope.js';
import { type ColumnSpec, type ColumnType, type ImportKind, YES_NO } from './columns.js';
import { ANNUAL_REPORT_COLUMNS } from './columns-annual-report.js';
import { MEMBER_COLUMNS } from './columns-member.js';
import { ORGANISATION_COLUMNS } from './columns-organisation.js';
import { MAX_IMPORT_ROWS } from './read-sheet.js';
import { buildWorkbook, listRange, type OutColumn, type OutSheet } from './xlsx-build.js';

/** Layout of each kind: its columns and the name of its data sheet (the first sheet of the workbook). */
export const KIND_LAYOUT: Record<
  ImportKind,
  { columns: readonly ColumnSpec[]; sheet: string; title: string; file: string }
> = {
  organisations: {
    columns: ORGANISATION_COLUMNS,
    sheet: 'Tổ chức',
    title: 'danh sách tổ chức kinh tế tập thể (THT, HTX, LHHTX)',
    file: 'to-chuc',
  },
  annual_reports: {
    columns: ANNUAL_REPORT_COLUMNS,
    sheet: 'Số liệu năm',
    title: 'số liệu báo cáo năm của tổ chức',
    file: 'so-lieu-nam',
  },
  members: {
    columns: MEMBER_COLUMNS,
    sheet: 'Thành viên',
    title: 'sổ đăng ký thành viên',
    file: 'thanh-vien',
  },
};

const COMMUNES_SHEET = 'Danh mục xã';
const LISTS_SHEET = 'Danh mục giá trị';
const NUM_FMT: Partial<Record<ColumnType, string>> = {
  text: '@',
  date: 'dd/mm/yyyy',
  money: '#,##0',
  signed_money: '#,##0',
  int: '0',
};

const KIND_NOTES: Record<ImportKind, string[]> = {
  organisations: [
    'Mỗi dòng là một tổ chức, nhận biết theo mã số: mã chưa có thì thêm mới, mã đã có thì cập nhật; dòng không có gì thay đổi được giữ nguyên.',
    'Cột không có trong tệp thì giữ nguyên giá trị đang lưu; ô để trống trong cột có mặt thì xóa giá trị đó (trừ tên, loại hình, tình trạng, xã).',
  ],
  annual_reports: [
    'Mỗi dòng là số liệu một năm của một tổ chức đã có trong hệ thống (mã số + năm).',
    'Báo cáo nhập vào được ghi ở trạng thái "Đã duyệt (khóa)" nếu người nhập có quyền duyệt báo cáo, ngược lại "Đã gửi". Năm đã duyệt (khóa) không bị ghi đè: dòng đó bị từ chối.',
  ],
  members: [
    'Mỗi dòng là một thành viên của một tổ chức đã có trong hệ thống; nhận biết theo số định danh, nếu không có thì theo họ tên và ngày sinh.',
    'Số định danh, ngày sinh và địa chỉ là dữ liệu cá nhân (Luật Bảo vệ dữ liệu cá nhân 91/2025/QH15): chỉ nhập khi cần.',
  ],
};

function guide(kind: ImportKind, columns: readonly ColumnSpec[]): OutSheet {
  const { sheet, title } = KIND_LAYOUT[kind];
  return {
    name: 'Hướng dẫn',
    preamble: [
      `HƯỚNG DẪN NHẬP ${title.toUpperCase()}`,
      `1. Nhập dữ liệu vào trang "${sheet}", từ dòng 2; giữ nguyên dòng tiêu đề (có thể đổi thứ tự cột; hệ thống nhận cả tiêu đề không dấu và một số tên cột thường gặp).`,
      ...KIND_NOTES[kind].map((s, i) => `${i + 2}. ${s}`),
      '4. Số ghi kiểu Việt Nam: 1.234.567 (dấu chấm ngăn cách hàng nghìn), số thập phân 1.234,5; số thuần 1234567 cũng được.',
      '5. Ngày ghi dd/mm/yyyy, ví dụ 15/01/2020 (ô định dạng ngày của Excel và d/m/yy cũng được).',
      '6. Có/Không: ghi Có hoặc Không (x, 1, 0 cũng được). Công thức không được tính: hệ thống chỉ dùng giá trị đã tính sẵn trong tệp.',
      `7. Giới hạn: tệp tối đa 20 MB, tối đa ${MAX_IMPORT_ROWS.toLocaleString('vi-VN')} dòng. Khi tải lên, hệ thống kiểm tra trước (chưa ghi gì) và liệt kê lỗi theo dòng; chỉ khi xác nhận mới ghi.`,
    ],
    columns: [
      { header: 'Cột', width: 34 },
      { header: 'Bắt buộc', width: 10 },
      { header: 'Cách ghi', width: 90 },
      { header: 'Giá trị hợp lệ', width: 60 },
    ],
    rows: columns.map((c) => [
      c.header,
      c.note.startsWith('Bắt buộc') ? 'Có' : 'Không',
      c.note,
      (c.type === 'bool' ? YES_NO : (c.coded ?? [])).map((x) => x.vi).join('; '),
    ]),
  };
}

/** Communes of the caller's province (every commune for the nation), for the lookup sheet and dropdowns. */
async function communeRows(ctx: Ctx): Promise<string[][]> {
  const user = requireUser(ctx);
  let q = ctx.db
    .selectFrom('admin_unit as c')
    .innerJoin('admin_unit as p', 'p.id', 'c.parent_id')
    .select(['c.code', 'c.full_name', 'p.full_name as province'])
    .where('c.era', '=', 'post2025')
    .where('c.level', '=', 3);
  if (user.scope.provinceId !== null && user.scope.type !== 'nation')
    q = q.where('c.parent_id', '=', user.scope.provinceId);
  return (await q.orderBy('p.code').orderBy('c.code').execute()).map((r) => [
    r.code,
    r.full_name,
    r.province,
  ]);
}

/**
 * The workbook of a kind: the data sheet (header frozen, dropdowns on coded and yes/no columns, codes kept as
 * text), the "Hướng dẫn" instructions, the "Danh mục xã" lookup of the caller's communes and a hidden sheet of
 * the coded lists. Templates have no data rows; exports pass theirs, so an export is a filled template.
 */
export async function buildKindWorkbook(
  ctx: Ctx,
  kind: ImportKind,
  rows: Iterable<unknown[]>,
): Promise<Buffer> {
  const { columns, sheet } = KIND_LAYOUT[kind];
  const communes = kind === 'organisations' ? await communeRows(ctx) : [];
  const lists: { header: string; values: string[] }[] = [];
  const out: OutColumn[] = columns.map((c) => {
    const o: OutColumn = { header: c.header, width: c.width, numFmt: NUM_FMT[c.type] };
    const coded = c.type === 'bool' ? YES_NO : c.coded;
    if (coded && !c.info) {
      lists.push({ header: c.header, values: coded.map((x) => x.vi) });
      o.list = { formula: listRange(LISTS_SHEET, lists.length, coded.length), strict: true };
    }
    if (c.communeList && communes.length)
      o.list = {
        formula: listRange(COMMUNES_SHEET, c.communeList === 'code' ? 1 : 2, communes.length),
        strict: false,
      };
    return o;
  });
  const longest = Math.max(0, ...lists.map((l) => l.values.length));
  const sheets: OutSheet[] = [
    { name: sheet, columns: out, rows, validationRows: MAX_IMPORT_ROWS },
    guide(kind, columns),
  ];
  if (kind === 'organisations') {
    sheets.push({
      name: COMMUNES_SHEET,
      rows: communes,
      columns: [
        { header: 'Mã xã', width: 10, numFmt: '@' },
        { header: 'Xã/phường/đặc khu', width: 30 },
        { header: 'Tỉnh/thành phố', width: 22 },
      ],
    });
  }
  sheets.push({
    name: LISTS_SHEET,
    hidden: true,
    columns: lists.map((l) => ({ header: l.header, width: 40 })),
    rows: Array.from({ length: longest }, (_, i) => lists.map((l) => l.values[i] ?? null)),
  });
  return buildWorkbook(sheets);
}
