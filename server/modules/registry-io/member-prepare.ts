import { z } from 'zod';
import { MEMBER_TYPES, valuesOf } from '../../../core/registry/enums.js';
import { normaliseRegistrationCode } from '../../../core/registry/registration-code.js';
import { foldVietnamese } from '../../../core/text.js';
import type { Ctx } from '../../context.js';
import { todayInVietnam } from '../admin-unit/admin-unit.service.js';
import { MEMBER_COLUMNS } from './columns-member.js';
import { flagDuplicateKeys } from './import-types.js';
import type { SheetData } from './read-sheet.js';
import { type RowIssue, typeRow } from './row-values.js';

const text = (max: number) => z.string().max(max, `Tối đa ${max} ký tự.`).nullable().optional();
const date = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .nullable()
  .optional();
const money = z
  .string()
  .regex(/^\d{1,15}$/, 'Số tiền phải là số nguyên không âm (đồng).')
  .nullable()
  .optional();

/** A member row as the register stores it (the member module owns the register; this is the import's check). */
export const ZMemberImportRow = z
  .strictObject({
    memberType: z.enum(valuesOf(MEMBER_TYPES), {
      message: 'Vui lòng chọn loại thành viên: chính thức, liên kết góp vốn hoặc liên kết không góp vốn.',
    }),
    fullName: z
      .string({ message: 'Thiếu họ và tên.' })
      .min(2, 'Họ và tên quá ngắn.')
      .max(200, 'Họ và tên quá dài.'),
    birthDate: date,
    gender: z.enum(['male', 'female', 'other']).nullable().optional(),
    ethnicity: text(50),
    nationality: text(50),
    idNumber: z
      .string()
      .regex(/^[0-9A-Za-z]{6,20}$/, 'Số định danh chỉ gồm 6–20 chữ số hoặc chữ cái.')
      .nullable()
      .optional(),
    orgCode: text(20),
    address: text(500),
    capitalPledged: money,
    capitalPaid: money,
    joinedOn: date,
    leftOn: date,
  })
  .superRefine((m, ctx) => {
    if (m.birthDate && m.birthDate > todayInVietnam())
      ctx.addIssue({ code: 'custom', path: ['birthDate'], message: 'Ngày sinh ở tương lai.' });
    if (m.joinedOn && m.leftOn && m.leftOn < m.joinedOn)
      ctx.addIssue({ code: 'custom', path: ['leftOn'], message: 'Ngày ra khỏi trước ngày gia nhập.' });
  });

/** Parsed member row. */
export type MemberInput = z.output<typeof ZMemberImportRow>;

/** One member row read from the file, before it is matched against the register. */
export interface MemberDraft {
  row: number;
  regCode: string | null;
  provided: Record<string, unknown>;
  issues: RowIssue[];
  warnings: RowIssue[];
}

/** The rows of a member file. */
export interface MemberPrepared {
  drafts: MemberDraft[];
}

const HEADER = new Map(MEMBER_COLUMNS.map((c) => [c.key, c.header]));
/** The template header of a column key. */
export const memberHeader = (key: string) => HEADER.get(key) ?? key;

/** How a member is recognised within its organisation: the ID number, else folded name and birth date. */
export function memberKeys(m: { idNumber?: unknown; fullName?: unknown; birthDate?: unknown }): {
  id: string | null;
  nameBirth: string | null;
} {
  const id = typeof m.idNumber === 'string' && m.idNumber ? `id:${m.idNumber.toUpperCase()}` : null;
  const nameBirth =
    typeof m.fullName === 'string' && m.fullName
      ? `nb:${foldVietnamese(m.fullName)}|${m.birthDate ?? ''}`
      : null;
  return { id, nameBirth };
}

/** Reads a member file into drafts; two rows for the same member of one organisation make both invalid. */
export async function prepareMembers(_ctx: Ctx, sheet: SheetData): Promise<MemberPrepared> {
  const drafts = sheet.rows.map((r): MemberDraft => {
    const t = typeRow(r, sheet.header, sheet.date1904);
    const regCode = typeof t.values.regCode === 'string' ? normaliseRegistrationCode(t.values.regCode) : null;
    if (!regCode)
      t.issues.push({
        row: r.row,
        column: memberHeader('regCode'),
        header: null,
        message: 'Thiếu mã số HTX/THT.',
      });
    const provided = Object.fromEntries(Object.entries(t.values).filter(([k]) => k !== 'regCode'));
    if (typeof provided.idNumber === 'string') provided.idNumber = provided.idNumber.replace(/[\s.-]/g, '');
    return { row: r.row, regCode, provided, issues: t.issues, warnings: t.warnings };
  });
  flagDuplicateKeys(
    drafts,
    (d) => {
      if (!d.regCode) return null;
      const k = memberKeys(d.provided);
      return (k.id ?? k.nameBirth) ? `${d.regCode}|${k.id ?? k.nameBirth}` : null;
    },
    (d, others) => ({
      column: memberHeader(d.provided.idNumber ? 'idNumber' : 'fullName'),
      header: null,
      message: `Thành viên này xuất hiện ở nhiều dòng của cùng tổ chức (dòng ${others.join(', ')}).`,
    }),
  );
  return { drafts };
}
