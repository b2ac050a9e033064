import { z } from 'zod';
import {
  AGRI_SUBTYPES,
  FIELDS,
  GOVERNANCE_MODES,
  LEGAL_STATUSES,
  NEW_MODELS,
  ORGANISATION_KINDS,
  valuesOf,
} from './enums.js';
import { isRegistrationCode, normaliseRegistrationCode } from './registration-code.js';
import { isVsicLevel4 } from './vsic.js';

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((s) => (s === '' ? null : s))
    .nullable()
    .optional();

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày phải có dạng YYYY-MM-DD.')
  .refine(
    (s) =>
      !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
    'Ngày không tồn tại.',
  );

/** A money amount in đồng: a non-negative integer, sent as a number or a digit string (exact). */
export const ZMoney = z
  .union([
    z.number().int('Số tiền phải là số nguyên (đồng).').nonnegative('Số tiền không được âm.'),
    z.string().regex(/^\d{1,20}$/, 'Số tiền phải là số nguyên không âm (đồng).'),
  ])
  .transform((v) => String(v));

/**
 * The registration and profile data of an organisation, shared by the form, the API and the Excel
 * import. Field of activity is derived from the VSIC code when not given (NĐ 113/2024 Art. 4).
 */
export const ZOrganisationInput = z.strictObject({
  kind: z.enum(valuesOf(ORGANISATION_KINDS), { message: 'Loại hình phải là THT, HTX hoặc LHHTX.' }),
  creditFund: z.boolean().default(false),
  regCode: z
    .string()
    .transform(normaliseRegistrationCode)
    .refine(
      isRegistrationCode,
      'Mã số phải gồm 10 chữ số, hoặc 10 chữ số + "-" + 3 chữ số với đơn vị phụ thuộc.',
    ),
  name: z.string().trim().min(3, 'Tên tổ chức quá ngắn.').max(300),
  shortName: optionalText(100),
  communeId: z.number().int().positive({ message: 'Vui lòng chọn xã/phường nơi đặt trụ sở.' }),
  pre2025CommuneId: z.number().int().positive().nullable().optional(),
  address: optionalText(500),
  phone: z
    .string()
    .trim()
    .regex(/^[0-9+ ().-]{0,20}$/, 'Số điện thoại không hợp lệ.')
    .transform((s) => s || null)
    .nullable()
    .optional(),
  email: z
    .union([z.literal(''), z.email('Email không hợp lệ.')])
    .transform((s) => s || null)
    .nullable()
    .optional(),
  foundedOn: isoDate.nullable().optional(),
  registeredOn: isoDate.nullable().optional(),
  registeringAuthority: optionalText(300),
  charterCapital: ZMoney.nullable().optional(),
  legalRepName: optionalText(200),
  legalRepTitle: optionalText(100),
  vsicCode: z
    .string()
    .refine(isVsicLevel4, 'Mã ngành kinh tế phải là mã cấp 4 của VSIC (4 chữ số).')
    .nullable()
    .optional(),
  field: z.enum(valuesOf(FIELDS)).nullable().optional(),
  agriSubtype: z.enum(valuesOf(AGRI_SUBTYPES)).nullable().optional(),
  newModel: z.enum(valuesOf(NEW_MODELS)).nullable().optional(),
  governance: z.enum(valuesOf(GOVERNANCE_MODES)).nullable().optional(),
  legalStatus: z.enum(valuesOf(LEGAL_STATUSES)).default('active'),
  paperOnly: z.boolean().default(false),
});

/** Parsed organisation input. */
export type TOrganisationInput = z.infer<typeof ZOrganisationInput>;

/** Registration fields: a cooperative user's change to these needs an officer's approval (NĐ 92/2024). */
export const REGISTRATION_FIELDS = [
  'kind',
  'regCode',
  'name',
  'communeId',
  'address',
  'charterCapital',
  'legalRepName',
  'vsicCode',
  'registeredOn',
  'registeringAuthority',
  'legalStatus',
] as const;
