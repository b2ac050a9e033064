import ExcelJS from 'exceljs';
import { formatDate, formatDateTime, formatNumber } from '../../../core/format.js';
import { GENDER_LABELS, MEMBER_FIELD_LABELS, type MemberData } from '../../../core/registry/member-input.js';
import type { toMemberDto } from './member-view.js';

/** Prefixes a text a spreadsheet would read as a formula (= + - @, tab, CR) with ' (DESIGN.md §5). */
export function safeCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

type MemberDto = ReturnType<typeof toMemberDto>;

/** The data subject's full record as label/value rows, Vietnamese first. */
export function exportRows(
  org: { name: string; reg_code: string },
  m: MemberDto,
  exportedAt: Date,
): [string, string][] {
  const value: Record<keyof MemberData, string> = {
    memberType: m.memberTypeLabel,
    fullName: m.fullName,
    birthDate: formatDate(m.birthDate),
    gender: m.gender ? (GENDER_LABELS[m.gender] ?? m.gender) : '',
    ethnicity: m.ethnicity ?? '',
    nationality: m.nationality ?? '',
    idNumber: m.idNumber ?? '',
    orgCode: m.orgCode ?? '',
    address: m.address ?? '',
    capitalPledged: formatNumber(m.capitalPledged),
    capitalPaid: formatNumber(m.capitalPaid),
    joinedOn: formatDate(m.joinedOn),
    leftOn: formatDate(m.leftOn),
  };
  return [
    ['Tổ chức', org.name],
    ['Mã số tổ chức (HTX/THT)', org.reg_code],
    ['Mã thành viên trong hệ thống', String(m.id)],
    ...(Object.keys(MEMBER_FIELD_LABELS) as (keyof MemberData)[]).map((k): [string, string] => [
      MEMBER_FIELD_LABELS[k],
      value[k],
    ]),
    ['Thời điểm trích xuất', formatDateTime(exportedAt)],
    [
      'Căn cứ',
      'Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15: cung cấp dữ liệu cá nhân theo yêu cầu của chủ thể dữ liệu',
    ],
  ];
}

/** An .xlsx workbook of one member's record: one sheet "Thành viên" with the columns "Thông tin" and "Giá trị". */
export async function memberWorkbook(rows: [string, string][]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'HopTac';
  const ws = wb.addWorksheet('Thành viên');
  ws.columns = [
    { header: 'Thông tin', width: 36 },
    { header: 'Giá trị', width: 60 },
  ];
  ws.getRow(1).font = { bold: true };
  for (const [label, value] of rows) ws.addRow([safeCell(label), safeCell(value)]);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
