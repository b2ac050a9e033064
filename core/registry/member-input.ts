/**
 * The member register (Luật HTX 2023 Art. 15): input schemas and the cheap legal checks of Art. 30
 * (age at joining) and Art. 74 (one official member's capital share). Pure, shared by API and form.
 */
import { z } from 'zod';
import { formatNumber } from '../format.js';
import { MEMBER_TYPES, type MemberType, type OrganisationKind, valuesOf } from './enums.js';
import { ZMoney } from './organisation-input.js';

const text = (max: number, what: string) =>
  z
    .string({ error: `${what} phải là chuỗi ký tự.` })
    .trim()
    .max(max, `${what} dài tối đa ${max} ký tự.`)
    .transform((s) => (s === '' ? null : s))
    .nullable()
    .optional();
const isoDate = (what: string) =>
  z
    .string({ error: `${what} phải có dạng YYYY-MM-DD.` })
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${what} phải có dạng YYYY-MM-DD.`)
    .refine((s) => {
      const d = new Date(`${s}T00:00:00Z`);
      return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s && s >= '1900-01-01';
    }, `${what} không tồn tại.`)
    .nullable()
    .optional();

// Capped at 15 digits so that amounts stay exact as JSON numbers.
const money = ZMoney.refine((s) => s.length <= 15, 'Số tiền vượt quá giới hạn cho phép (15 chữ số).');

const fields = {
  memberType: z.enum(valuesOf(MEMBER_TYPES), {
    error: 'Loại thành viên phải là official, associate_capital hoặc associate_noncapital.',
  }),
  fullName: z
    .string({ error: 'Vui lòng nhập họ tên hoặc tên tổ chức.' })
    .trim()
    .min(1, 'Vui lòng nhập họ tên hoặc tên tổ chức.')
    .max(200, 'Tên dài tối đa 200 ký tự.'),
  birthDate: isoDate('Ngày sinh'),
  gender: z
    .enum(['male', 'female', 'other'], { error: 'Giới tính phải là male, female hoặc other.' })
    .nullable()
    .optional(),
  ethnicity: text(50, 'Dân tộc'),
  nationality: text(50, 'Quốc tịch'),
  idNumber: z
    .string({ error: 'Số định danh phải là chuỗi ký tự.' })
    .trim()
    .toUpperCase()
    .max(20, 'Số định danh dài tối đa 20 ký tự.')
    .transform((s) => (s === '' ? null : s))
    .nullable()
    .optional(),
  orgCode: z
    .string({ error: 'Mã số tổ chức phải là chuỗi ký tự.' })
    .trim()
    .regex(
      /^$|^\d{10}(-\d{3})?$/,
      'Mã số tổ chức (mã số doanh nghiệp/HTX) gồm 10 chữ số, hoặc 10 chữ số + "-" + 3 chữ số.',
    )
    .transform((s) => (s === '' ? null : s))
    .nullable()
    .optional(),
  address: text(500, 'Địa chỉ'),
  capitalPledged: money.nullable().optional(),
  capitalPaid: money.nullable().optional(),
  joinedOn: isoDate('Ngày vào'),
  leftOn: isoDate('Ngày ra'),
};

/** A new register entry. */
export const ZMemberCreate = z.strictObject(fields);
/** A change to an entry; `version` guards against overwriting a concurrent change. */
export const ZMemberUpdate = z.strictObject({
  ...(Object.fromEntries(Object.entries(fields).map(([k, s]) => [k, s.optional()])) as {
    [K in keyof typeof fields]: z.ZodOptional<(typeof fields)[K]>;
  }),
  version: z
    .number({ error: 'Thiếu phiên bản (version) của bản ghi.' })
    .int('Phiên bản phải là số nguyên dương.')
    .positive('Phiên bản phải là số nguyên dương.'),
});
export type TMemberCreate = z.infer<typeof ZMemberCreate>;
export type TMemberUpdate = z.infer<typeof ZMemberUpdate>;

/** A register entry as the checks see it (camelCase, money as decimal strings). */
export interface MemberData {
  memberType: MemberType;
  fullName: string;
  birthDate: string | null;
  gender: string | null;
  ethnicity: string | null;
  nationality: string | null;
  idNumber: string | null;
  orgCode: string | null;
  address: string | null;
  capitalPledged: string | null;
  capitalPaid: string | null;
  joinedOn: string | null;
  leftOn: string | null;
}

/** Vietnamese labels of the register's fields (Luật HTX 2023 Art. 15), for forms, errors and exports. */
export const MEMBER_FIELD_LABELS: Readonly<Record<keyof MemberData, string>> = {
  memberType: 'Loại thành viên',
  fullName: 'Họ và tên / Tên tổ chức',
  birthDate: 'Ngày sinh',
  gender: 'Giới tính',
  ethnicity: 'Dân tộc',
  nationality: 'Quốc tịch',
  idNumber: 'Số định danh cá nhân / Số hộ chiếu',
  orgCode: 'Mã số tổ chức',
  address: 'Địa chỉ liên hệ',
  capitalPledged: 'Vốn cam kết góp (đồng)',
  capitalPaid: 'Vốn đã góp (đồng)',
  joinedOn: 'Ngày gia nhập',
  leftOn: 'Ngày ra khỏi',
};

/** Vietnamese labels of the gender codes. */
export const GENDER_LABELS: Readonly<Record<string, string>> = { male: 'Nam', female: 'Nữ', other: 'Khác' };

/** Personal fields (of a natural person) that erasure clears; capital amounts and dates stay for the accounts. */
export const ERASED_FIELDS = [
  'fullName',
  'birthDate',
  'idNumber',
  'address',
  'ethnicity',
  'nationality',
] as const;
/** The name an erased member carries. */
export const ERASED_NAME = 'Đã xóa theo yêu cầu';

/** Minimum age at joining (Luật HTX 2023 Art. 30): 18 for official and capital-contributing members, 15 otherwise. */
export const MIN_AGE: Readonly<Record<MemberType, number>> = {
  official: 18,
  associate_capital: 18,
  associate_noncapital: 15,
};

/** Art. 74: one official member's capital may not exceed this share of charter capital (percent). */
export const MAX_CAPITAL_SHARE: Readonly<Partial<Record<OrganisationKind, number>>> = { HTX: 30, LHHTX: 40 };

const VIETNAMESE = new Set(['viet nam', 'vietnam', 'vn', 'vnm']);
/** True when a nationality is Vietnamese (or not given: the register's default). */
export function isVietnamese(nationality: string | null): boolean {
  if (!nationality) return true;
  return VIETNAMESE.has(
    nationality
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[đĐ]/g, 'd')
      .toLowerCase()
      .trim(),
  );
}

/** Full years between a birth date and a day (both 'YYYY-MM-DD'). */
export function ageOn(birthDate: string, day: string): number {
  const years = Number(day.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return day.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

/** A field-level problem with a Vietnamese message. */
export interface MemberFieldError {
  path: string;
  message: string;
}

/** The register rules a complete entry must meet; `today` dates an entry with no joining date. */
export function checkMember(m: MemberData, today: string): MemberFieldError[] {
  const errors: MemberFieldError[] = [];
  const err = (path: string, message: string) => errors.push({ path, message });
  if (m.idNumber && m.orgCode)
    err('orgCode', 'Chỉ nhập số định danh cá nhân hoặc mã số tổ chức, không nhập cả hai.');
  if (m.idNumber) {
    const vn = /^(\d{12}|\d{9})$/.test(m.idNumber);
    if (isVietnamese(m.nationality) ? !vn : !vn && !/^[A-Z0-9]{6,20}$/.test(m.idNumber)) {
      err(
        'idNumber',
        isVietnamese(m.nationality)
          ? 'Số định danh phải là số CCCD 12 chữ số hoặc CMND cũ 9 chữ số.'
          : 'Số hộ chiếu gồm 6–20 chữ cái hoặc chữ số.',
      );
    }
  }
  // Art. 15: the register of official and capital-contributing members records the ID or the organisation code.
  if (m.memberType !== 'associate_noncapital' && !m.idNumber && !m.orgCode) {
    err(
      'idNumber',
      'Thành viên chính thức và thành viên liên kết góp vốn phải có số định danh cá nhân hoặc mã số tổ chức.',
    );
  }
  if (
    m.memberType === 'associate_noncapital' &&
    [m.capitalPledged, m.capitalPaid].some((v) => v !== null && BigInt(v) > 0n)
  ) {
    err('capitalPledged', 'Thành viên liên kết không góp vốn không có vốn góp.');
  }
  if (
    m.capitalPledged !== null &&
    m.capitalPaid !== null &&
    BigInt(m.capitalPaid) > BigInt(m.capitalPledged)
  ) {
    err('capitalPaid', 'Vốn đã góp không được lớn hơn vốn cam kết góp.');
  }
  if (m.joinedOn && m.leftOn && m.leftOn < m.joinedOn) err('leftOn', 'Ngày ra không được trước ngày vào.');
  if (m.birthDate && m.birthDate > today) err('birthDate', 'Ngày sinh không được ở tương lai.');
  if (m.birthDate && !m.orgCode && m.birthDate <= today) {
    const at = m.joinedOn ?? today;
    const min = MIN_AGE[m.memberType];
    if (ageOn(m.birthDate, at) < min) {
      err(
        'birthDate',
        `Thành viên loại này phải đủ ${min} tuổi khi gia nhập (Luật HTX 2023 Điều 30); vào ngày ${at} mới ${Math.max(0, ageOn(m.birthDate, at))} tuổi.`,
      );
    }
  }
  return errors;
}

/** A non-blocking warning about an entry. */
export interface MemberWarning {
  code: string;
  message: string;
}

/** Warns when one official member's paid capital exceeds the Art. 74 share of charter capital. */
export function capitalShareWarning(
  kind: OrganisationKind,
  charterCapital: string | null,
  m: Pick<MemberData, 'memberType' | 'capitalPaid'>,
): MemberWarning | null {
  const limit = MAX_CAPITAL_SHARE[kind];
  if (limit === undefined || m.memberType !== 'official' || !charterCapital || !m.capitalPaid) return null;
  const charter = BigInt(charterCapital);
  if (charter <= 0n || BigInt(m.capitalPaid) * 100n <= charter * BigInt(limit)) return null;
  const pct = Number((BigInt(m.capitalPaid) * 1000n) / charter) / 10;
  return {
    code: 'member.capital_share',
    message: `Vốn góp của thành viên (${formatNumber(m.capitalPaid)} đồng) bằng ${formatNumber(pct)}% vốn điều lệ, vượt mức tối đa ${limit}% (Luật HTX 2023 Điều 74).`,
  };
}
